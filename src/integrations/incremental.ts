/**
 * Incremental builds: a build into the folder the last one wrote renders
 * only the routes whose page would change, and leaves the rest of the
 * folder as it is. Adding one dispatch to a large archive then renders its
 * page, its neighbours', the listings and feeds it enters, not every page.
 *
 * Each dynamic route's getStaticPaths passes its paths through
 * `keepChanged` with a key of what the page is made from (see
 * src/lib/route-keys.ts and src/data/routes.ts). The keys are recorded in
 * Astro's cache folder with a fingerprint of the code; another fingerprint,
 * another output folder, a missing record or a failed build in between
 * means a full build into an emptied folder, as Astro does by default.
 * Paths that no route has any more are deleted, and so are image sizes no
 * page or feed names any more.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cacheDir, previewEnv } from '../config.ts';
import { inBatches } from '../lib/batches.ts';
import { assetRefs, isImageSize, outputFile, pathsToRender, removedPaths, type RouteKeys } from '../lib/route-keys.ts';

interface Record {
  fingerprint: string;
  outDir: string;
  routes: RouteKeys;
  /** Image sizes in the asset folder each page and feed names, by site path (none: no entry). */
  refs: { [sitePath: string]: string[] };
}

interface BuildState {
  outDir: string;
  site: string;
  previous?: Record;
  routes: RouteKeys;
  /** Site paths of dynamic routes rendered by this build. */
  rendered: Set<string>;
  /** Absolute URLs of pages left as they were, for the sitemap. */
  unchangedPages: string[];
  total: number;
}

// getStaticPaths runs in Astro's bundle of the site, this hook in its
// config: two copies of this module, one process.
const STATE = Symbol.for('wal-archive.incremental');
const state = () => (globalThis as { [STATE]?: BuildState })[STATE];

/** The sitemap's extra pages: filled while paths are planned, read when the build is done. */
export const unchangedPages: string[] = [];

/**
 * The items of one dynamic route whose page must be rendered. Outside a
 * build (astro dev) that is every item.
 */
export function keepChanged<T>(route: string, items: readonly T[], describe: (item: T) => { path: string; key: string }): T[] {
  const build = state();
  if (!build) return [...items];
  const keys = new Map<string, string>();
  const byPath = new Map<string, T>();
  for (const item of items) {
    const { path: sitePath, key } = describe(item);
    keys.set(sitePath, key);
    byPath.set(sitePath, item);
  }
  const render = pathsToRender(build.previous?.routes[route], keys, (p) => existsSync(path.join(build.outDir, outputFile(p))));
  build.routes[route] = Object.fromEntries(keys);
  build.total += keys.size;
  for (const sitePath of keys.keys()) {
    if (render.has(sitePath)) build.rendered.add(sitePath);
    else if (sitePath.endsWith('/')) build.unchangedPages.push(new URL(sitePath, build.site).href);
  }
  return [...byPath].filter(([sitePath]) => render.has(sitePath)).map(([, item]) => item);
}

const recordFile = () => path.resolve(cacheDir, 'rendered-routes.json');

/** Digest of everything besides the data that decides the pages: code, assets, settings. */
async function codeFingerprint(root: string, settings: unknown): Promise<string> {
  const hash = createHash('sha1').update(JSON.stringify(settings));
  const files: string[] = [];
  for (const dir of ['src', 'public']) {
    const names = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of names) if (entry.isFile()) files.push(path.relative(root, path.join(entry.parentPath, entry.name)));
  }
  files.push('astro.config.mjs', 'package-lock.json', 'tsconfig.json');
  for (const file of files.sort()) {
    hash.update(`${file}\0`);
    hash.update(await readFile(path.join(root, file)).catch(() => Buffer.from('missing')));
  }
  return hash.digest('hex');
}

/** What the last build wrote and from what: route keys by path, for the search index step. */
export async function readRecord(): Promise<Record | undefined> {
  try {
    return JSON.parse(await readFile(recordFile(), 'utf8')) as Record;
  } catch {
    return undefined;
  }
}

/** The file Astro wrote for a page or endpoint (`/404/` is `404.html`). */
function existingFile(outDir: string, sitePath: string): string {
  const file = outputFile(sitePath);
  if (existsSync(path.join(outDir, file)) || !file.endsWith('/index.html')) return file;
  return `${file.slice(0, -'/index.html'.length)}.html`;
}

/** Deletes a file and the folders it leaves empty, up to `outDir`. */
async function removeOutput(folder: string, sitePath: string) {
  const outDir = path.resolve(folder);
  const file = path.join(outDir, outputFile(sitePath));
  await rm(file, { force: true });
  for (let dir = path.dirname(file); dir.startsWith(outDir + path.sep); dir = path.dirname(dir)) {
    try {
      await rmdir(dir);
    } catch {
      break;
    }
  }
}

/**
 * Image sizes named by the files this build wrote: its pages, its static
 * endpoints and the dynamic ones it rendered (feeds; cards are images).
 */
async function writtenRefs(outDir: string, files: [string, string][]) {
  const refs: Record['refs'] = {};
  const text = files.filter(([, file]) => /\.(html|xml|json|txt)$/.test(file));
  await inBatches(text, async ([sitePath, file]) => {
    const found = assetRefs(await readFile(path.join(outDir, file), 'utf8').catch(() => '')).filter(isImageSize);
    if (found.length > 0) refs[sitePath] = found;
  });
  return refs;
}

export default function incremental(): AstroIntegration {
  let fingerprint = '';
  let staticEndpoints: string[] = [];
  return {
    name: 'incremental',
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig, logger }) => {
        if (command !== 'build') return;
        const outDir = path.resolve(fileURLToPath(config.outDir));
        const root = fileURLToPath(config.root);
        fingerprint = await codeFingerprint(root, {
          site: config.site,
          base: config.base,
          trailingSlash: config.trailingSlash,
          format: config.build.format,
          preview: previewEnv,
          // Dates and numbers are formatted by the runtime's ICU.
          node: process.versions.node,
          icu: process.versions.icu,
          unicode: process.versions.unicode,
        });
        unchangedPages.length = 0;
        const record = await readRecord();
        // Until this build is done, the folder matches no record.
        await rm(recordFile(), { force: true });
        const usable = record?.fingerprint === fingerprint && record.outDir === outDir && existsSync(outDir);
        (globalThis as { [STATE]?: BuildState })[STATE] = {
          outDir,
          site: config.site ?? 'http://localhost/',
          previous: usable ? record : undefined,
          routes: {},
          rendered: new Set(),
          unchangedPages,
          total: 0,
        };
        if (usable) {
          updateConfig({ vite: { build: { emptyOutDir: false } } });
          logger.info('Incremental build: only pages whose content changed are rendered');
        }
      },
      'astro:routes:resolved': ({ routes }) => {
        staticEndpoints = routes.filter((r) => r.type === 'endpoint' && r.params.length === 0 && r.pathname).map((r) => r.pathname!);
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const build = state();
        if (!build) return;
        const outDir = path.resolve(fileURLToPath(dir));
        const removed = removedPaths(build.previous?.routes, build.routes);
        for (const sitePath of removed) await removeOutput(outDir, sitePath);
        // The sitemap integration writes its chunks next: fewer pages than last
        // time would leave the last chunk of before behind.
        const sitemaps = (await readdir(outDir)).filter((file) => /^sitemap-(index|\d+)\.xml$/.test(file));
        await Promise.all(sitemaps.map((file) => rm(path.join(outDir, file), { force: true })));

        // The image sizes each page names: read from what this build wrote,
        // kept from the record for the pages it left alone.
        const current = new Set(Object.values(build.routes).flatMap((keys) => Object.keys(keys)));
        const refs: Record['refs'] = {};
        for (const [sitePath, files] of Object.entries(build.previous?.refs ?? {})) {
          if (current.has(sitePath) && !build.rendered.has(sitePath)) refs[sitePath] = files;
        }
        const written = [
          ...pages.map(({ pathname }) => `/${pathname}`),
          ...staticEndpoints,
          ...[...build.rendered].filter((sitePath) => !sitePath.endsWith('/')),
        ];
        Object.assign(refs, await writtenRefs(outDir, written.map((sitePath) => [sitePath, existingFile(outDir, sitePath)])));

        // Image sizes no page refers to any more (a photo withdrawn, or no
        // longer a lead photo): a clean build would not have made them.
        let images: string[] = [];
        if (build.previous) {
          const live = new Set(Object.values(refs).flat().map((file) => file.normalize('NFC')));
          const assets = path.join(outDir, '_astro');
          images = (await readdir(assets).catch(() => [] as string[])).filter((file) => isImageSize(file) && !live.has(file.normalize('NFC')));
          await Promise.all(images.map((file) => rm(path.join(assets, file), { force: true })));
        }
        await mkdir(path.dirname(recordFile()), { recursive: true });
        const record: Record = { fingerprint, outDir, routes: build.routes, refs };
        await writeFile(recordFile(), JSON.stringify(record));
        // A later `astro dev` in this process renders every path.
        delete (globalThis as { [STATE]?: BuildState })[STATE];
        logger.info(
          `Rendered ${build.rendered.size} of ${build.total} archive pages${build.previous ? '' : ' (full build)'}` +
            `${removed.length ? `; removed ${removed.length} that are gone` : ''}` +
            `${images.length ? `; deleted ${images.length} photo sizes no page shows` : ''}`,
        );
      },
    },
  };
}
