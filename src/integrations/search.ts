/**
 * Builds the Pagefind index in astro:build:done, as Starlight does: one
 * normalised record per dispatch page (see src/lib/search-record.ts), written
 * to dist/pagefind/. Any Pagefind error fails the build; the service is
 * always closed.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { siteConfig } from '../config.ts';
import { extractRecord, recordHtml } from '../lib/search-record.ts';

export const searchBundleDir = 'pagefind';

function fail(step: string, errors: string[]): never {
  throw new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
}

export default function archiveSearch(): AstroIntegration {
  return {
    name: 'archive-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = await import('pagefind');
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: siteConfig.lang });
          if (!index) fail('start', errors);
          const files = (await readdir(outDir, { recursive: true }))
            .filter((file) => file.endsWith('index.html'))
            .sort();
          // Records are sent in file order without waiting for each answer:
          // Pagefind numbers pages in the order it receives them (so the order
          // must not vary), and reading here overlaps indexing in its process.
          const pending: Promise<{ url: string; errors: string[] }>[] = [];
          for (const file of files) {
            const url = `/${file.split(path.sep).join('/').replace(/index\.html$/, '')}`;
            const record = extractRecord(await readFile(path.join(outDir, file), 'utf8'), url);
            if (!record) continue;
            pending.push(index.addHTMLFile({ url, content: recordHtml(record) }).then(({ errors }) => ({ url, errors })));
          }
          for (const { url, errors } of await Promise.all(pending)) {
            if (errors.length > 0) fail(`index ${url}`, errors);
          }
          const count = pending.length;
          const written = await index.writeFiles({ outputPath: path.join(outDir, searchBundleDir) });
          if (written.errors.length > 0) fail('write the index', written.errors);
          logger.info(`Indexed ${count} dispatches in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
