/**
 * Content loader for the dispatch archive. Unlike glob(), it reads front-matter
 * without YAML timestamps (so zone-less dates mean Tripoli time), normalises
 * text and file names to NFC, and reports every invalid dispatch (file, line,
 * field, fix) instead of stopping at the first.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { leadText, summarize } from '../lib/summary.ts';
import { findDuplicateUrls } from '../lib/dispatch.ts';
import {
  formatProblem,
  parseDispatch,
  type DispatchProblem,
  type ParsedDispatch,
} from '../lib/dispatch-file.ts';

/** Markdown files under `dir`, skipping names that start with _ or . */
export async function listDispatchFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return names
    .map((name) => name.split(path.sep).join('/'))
    .filter((name) => name.endsWith('.md') && !name.split('/').some((part) => /^[_.]/.test(part)))
    .sort();
}

export class ArchiveError extends Error {
  constructor(readonly problems: DispatchProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the dispatch archive:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'ArchiveError';
  }
}

/** Parses every dispatch under `dir`; throws one ArchiveError listing all problems. */
export async function readArchive(root: string, dir: string): Promise<ParsedDispatch[]> {
  const absolute = path.resolve(root, dir);
  const problems: DispatchProblem[] = [];
  const dispatches: ParsedDispatch[] = [];
  for (const name of await listDispatchFiles(absolute)) {
    const file = path.relative(root, path.join(absolute, name)).split(path.sep).join('/');
    const id = name.slice(0, -'.md'.length).normalize('NFC');
    const result = parseDispatch(file, id, await readFile(path.join(absolute, name), 'utf8'));
    if (result.ok) dispatches.push(result.dispatch);
    else problems.push(...result.problems);
  }
  problems.push(
    ...findDuplicateUrls(
      dispatches.map((d) => ({ file: d.file, line: d.slugLine, date: d.data.date, slug: d.data.slug })),
    ),
  );
  if (problems.length > 0) throw new ArchiveError(problems);
  return dispatches;
}

export function dispatchLoader(options: { dir: string }): Loader {
  async function sync({ config, store, renderMarkdown, generateDigest }: LoaderContext) {
    const root = fileURLToPath(config.root);
    const dispatches = await readArchive(root, options.dir);
    const stale = new Set(store.keys());
    for (const dispatch of dispatches) {
      stale.delete(dispatch.id);
      const digest = generateDigest(dispatch.body);
      const existing = store.get(dispatch.id);
      const rendered =
        existing?.digest === digest && existing.rendered
          ? existing.rendered
          : await renderMarkdown(dispatch.body, {
              fileURL: pathToFileURL(path.resolve(root, dispatch.file)),
            });
      const summary = dispatch.data.summary ?? summarize(leadText(rendered.html));
      store.set({
        id: dispatch.id,
        data: { ...dispatch.data, summary },
        filePath: dispatch.file,
        digest,
        rendered,
      });
    }
    for (const id of stale) store.delete(id);
  }

  return {
    name: 'dispatch-loader',
    async load(context) {
      await sync(context);
      const { watcher, config, logger } = context;
      if (!watcher) return;
      const dir = path.resolve(fileURLToPath(config.root), options.dir);
      watcher.add(dir);
      const onChange = async (changed: string) => {
        if (!changed.startsWith(dir) || !changed.endsWith('.md')) return;
        try {
          await sync(context);
        } catch (error) {
          // In dev a bad save must not kill the server: report and keep serving.
          logger.error((error as Error).message);
        }
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', onChange);
    },
  };
}
