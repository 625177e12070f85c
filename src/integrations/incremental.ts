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
 * Paths that no route has any more are deleted, with the photo sizes that
 * only they used.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cacheDir, previewEnv } from '../config.ts';
import { outputFile, pathsToRender, photoStem, removedPaths, staleImages, type RouteKeys } from '../lib/route-keys.ts';

interface Record {
  fingerprint: string;
  outDir: string;
  routes: RouteKeys;
  photoStems: string[];
}

interface BuildState {
  outDir: string;
  site: string;
  previous?: Record;
  routes: RouteKeys;
  photoStems: Set<string>;
  /** Absolute URLs of pages left as they were, for the sitemap. */
  unchangedPages: string[];
  rendered: number;
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
  build.rendered += render.size;
  for (const sitePath of keys.keys()) {
    if (!render.has(sitePath) && sitePath.endsWith('/')) build.unchangedPages.push(new URL(sitePath, build.site).href);
  }
  return [...byPath].filter(([sitePath]) => render.has(sitePath)).map(([, item]) => item);
}

/** Photos the site shows (their bundled paths): the sizes of others are deleted. */
export function recordPhotos(srcs: Iterable<string>) {
  const build = state();
  if (build) for (const src of srcs) build.photoStems.add(photoStem(src));
}

const recordFile = () => path.resolve(cacheDir, 'rendered-routes.json');

/** Digest of everything besides the data that decides the pages: code, assets, settings. */
async function fingerprint(root: string, settings: unknown): Promise<string> {
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

export default function incremental(): AstroIntegration {
  let current = '';
  return {
    name: 'incremental',
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig, logger }) => {
        if (command !== 'build') return;
        const outDir = path.resolve(fileURLToPath(config.outDir));
        const root = fileURLToPath(config.root);
        current = await fingerprint(root, {
          site: config.site,
          base: config.base,
          trailingSlash: config.trailingSlash,
          format: config.build.format,
          preview: previewEnv,
        });
        unchangedPages.length = 0;
        const record = await readRecord();
        // Until this build is done, the folder matches no record.
        await rm(recordFile(), { force: true });
        const usable = record?.fingerprint === current && record.outDir === outDir && existsSync(outDir);
        (globalThis as { [STATE]?: BuildState })[STATE] = {
          outDir,
          site: config.site ?? 'http://localhost/',
          previous: usable ? record : undefined,
          routes: {},
          photoStems: new Set(),
          unchangedPages,
          rendered: 0,
          total: 0,
        };
        if (usable) {
          updateConfig({ vite: { build: { emptyOutDir: false } } });
          logger.info('Incremental build: only pages whose content changed are rendered');
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const build = state();
        if (!build) return;
        const outDir = path.resolve(fileURLToPath(dir));
        const removed = removedPaths(build.previous?.routes, build.routes);
        for (const sitePath of removed) await removeOutput(outDir, sitePath);
        const gone = new Set((build.previous?.photoStems ?? []).filter((stem) => !build.photoStems.has(stem)));
        const assets = path.join(outDir, '_astro');
        const images = staleImages(await readdir(assets).catch(() => []), gone);
        await Promise.all(images.map((file) => rm(path.join(assets, file), { force: true })));
        await mkdir(path.dirname(recordFile()), { recursive: true });
        const record: Record = { fingerprint: current, outDir, routes: build.routes, photoStems: [...build.photoStems].sort() };
        await writeFile(recordFile(), JSON.stringify(record));
        // A later `astro dev` in this process renders every path.
        delete (globalThis as { [STATE]?: BuildState })[STATE];
        logger.info(
          `Rendered ${build.rendered} of ${build.total} archive pages${build.previous ? '' : ' (full build)'}` +
            `${removed.length ? `; removed ${removed.length} gone` : ''}${images.length ? ` and ${images.length} photo files` : ''}`,
        );
      },
    },
  };
}
