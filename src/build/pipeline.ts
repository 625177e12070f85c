/**
 * `npm run build`: archive → manifest → route plan → render → photos and
 * search shards → dist. One pipeline, two ways through it:
 *
 * - a full build when there is no finished build state, or the site's code,
 *   config, dependencies or registries changed (its fingerprint), or the
 *   output folder is another: `astro build` compiles the pages (while the
 *   archive is read), and every route is rendered into an emptied folder;
 * - otherwise a publish: only the routes whose key changed are rendered,
 *   with the pages the last full build compiled, and what no route has any
 *   more is deleted.
 *
 * Both render with the same compiled pages from the same state, so a
 * publish gives the bytes a full build would.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { archiveDir, buildNow, imagesDir, previewEnv, searchShardPages, siteConfig, stateDir } from '../config.ts';
import { formatProblem } from '../lib/problems.ts';
import type { RouteKeys } from '../lib/route-keys.ts';
import { buildSite } from '../site/model.ts';
import type { RelatedCache } from '../site/related.ts';
import { outputFile } from '../site/routes/index.ts';
import { searchStep } from '../search/index-step.ts';
import { archiveStep } from './archive-step.ts';
import { compileSite } from './compile.ts';
import { CACHE_INPUTS, fingerprint, runtimeVersions } from './fingerprint.ts';
import { photoStep } from './photo-step.ts';
import { changes, planRoutes, type PlannedRoute } from './plan.ts';
import { bundleEntry, renderRoutes } from './render.ts';
import { readJson, readState, statePaths, writeState, type BuildRecord, type StatePaths } from './state-files.ts';

export interface BuildOptions {
  root: string;
  /** Absolute. */
  outDir: string;
  /** A full build even when a publish would do. */
  full?: boolean;
  /**
   * The output folder holds only this build's changes: the site lives at
   * its host, and the build state knows what it holds (docs/deploy.md).
   */
  changesOnly?: boolean;
  log: (step: string, message: string) => void;
}

export interface BuildReport {
  kind: 'full' | 'publish';
  /** Why a full build ran. */
  reason?: string;
  /** Pages and files rendered, with their route. */
  rendered: PlannedRoute[];
  /** Files written to and deleted from the output folder, relative to it. */
  written: string[];
  deleted: string[];
  pages: number;
  seconds: Record<string, number>;
}

/** Why this build cannot be a publish; undefined when it can. */
function fullBuildReason(last: BuildRecord | undefined, fingerprintNow: string, outDir: string, paths: StatePaths, options: BuildOptions) {
  if (options.full) return 'asked for (--full)';
  if (!last) return 'no earlier build state';
  if (!last.complete) return 'the last build did not finish';
  if (last.fingerprint !== fingerprintNow) return "the site's code, config, dependencies or registries changed";
  if (!options.changesOnly && path.resolve(last.outDir) !== outDir) return 'another output folder';
  if (!options.changesOnly && !existsSync(outDir)) return 'the output folder is gone';
  if (!bundleEntry(paths)) return 'no compiled pages in the build state';
  return undefined;
}

/** Deletes a file and the folders it leaves empty, up to `outDir`. */
async function removeFile(outDir: string, file: string) {
  const full = path.join(outDir, file);
  await rm(full, { force: true });
  for (let dir = path.dirname(full); dir.startsWith(outDir + path.sep); dir = path.dirname(dir)) {
    try {
      await rmdir(dir);
    } catch {
      break;
    }
  }
}

async function timed<T>(seconds: Record<string, number>, step: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    seconds[step] = (seconds[step] ?? 0) + (performance.now() - started) / 1000;
  }
}

export async function build(options: BuildOptions): Promise<BuildReport> {
  const { root, outDir, log } = options;
  const paths = statePaths(stateDir);
  const seconds: Record<string, number> = {};
  const siteFingerprint = fingerprint(root, {
    files: CACHE_INPUTS.site,
    settings: { origin: siteConfig.origin, preview: previewEnv, archiveDir, imagesDir, searchShardPages, ...runtimeVersions() },
  });
  const last = await readJson<BuildRecord>(paths.build);
  const reason = fullBuildReason(last, siteFingerprint, outDir, paths, options);
  const full = reason !== undefined;
  log('build', full ? `Full build: ${reason}` : `Publish: only what changed is rendered${options.changesOnly ? ', into a folder of changes' : ''}`);
  if (!full && options.changesOnly) await mkdir(outDir, { recursive: true });
  const now = buildNow();
  // Unfinished from its first change to the output or the state until every
  // step is done: a build that stops half-way is followed by a full one. A
  // publish that fails on the archive has changed neither.
  const record = (complete: boolean): BuildRecord => ({ fingerprint: siteFingerprint, outDir, now: now.toISOString(), preview: previewEnv, complete });
  if (full) await writeState(paths.build, record(false), true);

  // Astro compiles while the archive is read; a failed archive stops it.
  const stopCompiling = new AbortController();
  const compiling = full ? timed(seconds, 'compile', () => compileSite(root, outDir, stopCompiling.signal)) : undefined;
  compiling?.catch(() => undefined);
  const archive = await timed(seconds, 'archive', () => archiveStep({ root, archiveDir, imagesDir, paths })).catch((error: unknown) => {
    stopCompiling.abort();
    throw error;
  });
  log('archive', `${archive.records.length} dispatches; ${archive.filesRead} files read, ${archive.bodiesRendered} bodies rendered`);
  // Deleting is allowed (npm run check refuses it): the reader finds a gap, and later listing pages shift.
  const current = new Set(archive.records.map((r) => r.file));
  for (const gone of archive.previous.values()) {
    if (!current.has(gone.file) && !gone.draft && last && gone.date <= new Date(last.now)) {
      log('archive', `warning: ${formatProblem({ file: gone.file, line: 1, field: 'file', code: 'withdrawn.deleted' })}`);
    }
  }

  const site = await timed(seconds, 'plan', async () => {
    const relatedCache = await readState<RelatedCache>(paths.related);
    return buildSite({ records: archive.records, now, preview: previewEnv, relatedCache });
  });
  const plan = await timed(seconds, 'plan', async () => planRoutes(site));
  const previousKeys = full ? undefined : (await readState<{ keys: RouteKeys }>(paths.routes))?.keys;
  const { render, remove } = changes(plan, previousKeys);
  log('plan', `${plan.routes.length} pages and files; ${render.length} to render, ${remove.length} to delete`);
  // What the compiled pages read (src/site/load.ts).
  await writeState(paths.build, record(false), true);
  await archive.save();
  await writeState(paths.related, site.relatedCache);
  await compiling;

  const placed = full ? undefined : await readState<Set<string>>(paths.photosPlaced);
  const photos = await timed(seconds, 'photos', () => photoStep({ root, dispatches: site.dispatches, cacheDir: paths.photos, outDir, placed }));
  log('photos', `${photos.placed.size} photo sizes; ${photos.encoded} encoded, ${photos.written.length} placed, ${photos.deleted.length} removed`);
  await writeState(paths.photosPlaced, photos.placed);

  // Pages and the search index, side by side: they read the same state and write different files.
  const [written, search] = await Promise.all([
    timed(seconds, 'render', () => renderRoutes({ paths, outDir, planned: render, origin: siteConfig.origin, handOver: !full })),
    timed(seconds, 'search', () => searchStep({ root, dispatches: site.live, paths, outDir, full })),
  ]);
  const deleted = remove.map(outputFile);
  for (const file of deleted) await removeFile(outDir, file);
  log('render', `${written.length} pages and files rendered${deleted.length ? `, ${deleted.length} deleted` : ''}`);
  log('search', `${search.dispatches} dispatches in ${search.shards} shards; indexed ${search.indexed.length ? search.indexed.join(', ') : 'none (all from the build state)'}`);

  await writeState(paths.routes, { keys: plan.keys });
  await writeState(paths.build, record(true), true);
  const allWritten = new Set([...written, ...photos.written, ...search.written]);
  return {
    kind: full ? 'full' : 'publish',
    reason,
    rendered: render,
    written: [...allWritten].sort(),
    deleted: [...deleted, ...photos.deleted, ...search.deleted].filter((file) => !allWritten.has(file)).sort(),
    pages: plan.routes.length,
    seconds,
  };
}
