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
import { mkdir, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { archiveDir, imagesDir, previewEnv, siteConfig, stateDir } from '#src/config.ts';
import { newsroomMessages } from '#src/i18n/newsroom.ts';
import { formatProblem } from '#src/dispatch/problems.ts';
import { buildSite, type Site } from '#src/site/model.ts';
import { outputFile } from '#src/site/routes/index.ts';
import { searchStep, type SearchIndexResult } from '#src/search/index-step.ts';
import { archiveStep, type ArchiveStepResult } from './archive-step.ts';
import { compileSite } from './compile.ts';
import { decide, type Decision } from './decide.ts';
import { photoStep } from './photo-step.ts';
import { planRoutes, type PlannedRoute, type RoutePlan } from './plan.ts';
import type { BuildProgress } from './progress.ts';
import { renderStep } from './render-step.ts';
import { buildState, type BuildRecord, type BuildState } from './state.ts';

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
  /** Told how far each stage has gone. */
  progress?: BuildProgress;
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

type Log = BuildOptions['log'];

/**
 * Says which published dispatches of the same archive lost their file, with
 * no other file taking their URL: allowed, but `npm run check` refuses it.
 */
function warnDeleted(archive: ArchiveStepResult, last: BuildRecord | undefined, root: string, log: Log) {
  if (last?.archive !== path.resolve(root, archiveDir)) return;
  const files = new Set(archive.records.map((r) => r.file));
  const urls = new Set(archive.records.map((r) => r.url));
  for (const gone of archive.previous.values()) {
    if (!files.has(gone.file) && !urls.has(gone.url) && !gone.draft && gone.date <= new Date(last.now)) {
      const problem = formatProblem({ file: gone.file, line: 1, field: 'file', code: 'withdrawn.deleted' }, siteConfig.newsroomLang);
      log('archive', `${newsroomMessages(siteConfig.newsroomLang).severity.warning}: ${problem}`);
    }
  }
}

/** The shards indexed, the first few of many. */
const shardList = (names: string[]) =>
  names.length <= 6 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;

/** Photo sizes, then pages; the search index meanwhile (started by the caller): they write different files. */
async function writeOutput(
  options: BuildOptions,
  state: BuildState,
  site: Site,
  planned: PlannedRoute[],
  full: boolean,
  seconds: Record<string, number>,
  searching: Promise<SearchIndexResult>,
) {
  const { root, outDir, log } = options;
  const placed = full ? undefined : await state.photosPlaced.read();
  const photos = await timed(seconds, 'photos', () =>
    photoStep({ root, dispatches: site.dispatches, cacheDir: state.paths.photos, outDir, placed }),
  );
  log(
    'photos',
    `${photos.placed.size} photo sizes; ${photos.encoded} encoded, ${photos.written.length} placed, ${photos.deleted.length} removed`,
  );
  await state.photosPlaced.write(photos.placed);
  const written = await timed(seconds, 'render', () => renderStep(options, state, site, planned, full));
  const search = await searching;
  log(
    'search',
    `${search.dispatches} dispatches in ${search.shards} shards; ${
      search.indexed.length
        ? `indexed ${search.indexed.length}, reused ${search.shards - search.indexed.length}: ${shardList(search.indexed)}`
        : 'indexed none (all from the build state)'
    }`,
  );
  return { written: [...written, ...photos.written, ...search.written], deleted: [...photos.deleted, ...search.deleted] };
}

export async function build(options: BuildOptions): Promise<BuildReport> {
  const { log } = options;
  const state = buildState(stateDir);
  const seconds: Record<string, number> = {};
  const decision = await decide(options, state);
  const { full, reason } = decision;
  log(
    'build',
    full ? `Full build: ${reason}` : `Publish: only what changed is rendered${options.changesOnly ? ', into a folder of changes' : ''}`,
  );
  // Unfinished from its first change to the output or the state until every
  // step is done: a build that stops half-way is followed by a full one. A
  // publish that fails on the archive has changed neither.
  if (full) await state.build.write(decision.record(false));
  else if (options.changesOnly) await mkdir(options.outDir, { recursive: true });

  // Astro compiles while the archive is read and the site planned; whatever
  // fails meanwhile stops it, and it is gone before the failure is reported.
  const stopCompiling = new AbortController();
  const say = (line: string) => log('compile', line);
  const compiling = full
    ? timed(seconds, 'compile', () => compileSite(options.root, options.outDir, say, stopCompiling.signal))
    : undefined;
  compiling?.catch(() => undefined);
  try {
    return await buildWith(options, state, decision, seconds, compiling);
  } catch (error) {
    stopCompiling.abort();
    await compiling?.catch(() => undefined);
    throw error;
  }
}

/**
 * Reading the archive leaves the last build's state and the scan as garbage that V8 would let
 * pile up beside the planner and the search index; `npm run build` exposes gc() for this.
 */
function collectGarbage() {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * archive → manifest → site. What the next build reads of the archive is
 * saved before the site is made, so that the scan and the records are let
 * go of (with this function's frame) before the pages are planned.
 */
async function readSite(
  { root, log, progress }: BuildOptions,
  state: BuildState,
  { full, last, now, record }: Decision,
  seconds: Record<string, number>,
): Promise<Site> {
  const archive = await timed(seconds, 'archive', () => archiveStep({ root, archiveDir, imagesDir, state, progress }));
  log('archive', `${archive.records.length} dispatches; ${archive.filesRead} files read, ${archive.bodiesRendered} bodies rendered`);
  warnDeleted(archive, last, root, log);
  // From here on the output folder and the state change.
  if (!full) await state.build.write(record(false));
  await timed(seconds, 'archive', () => archive.save());
  // A full build works every related list out again: the cache is only as good as the code that made it.
  const relatedCache = full ? undefined : await state.related.read();
  return timed(seconds, 'plan', async () => buildSite({ records: archive.records, now, preview: previewEnv, relatedCache }));
}

/** The build once decided, with Astro compiling meanwhile for a full one. */
async function buildWith(
  options: BuildOptions,
  state: BuildState,
  decision: Decision,
  seconds: Record<string, number>,
  compiling: Promise<void> | undefined,
): Promise<BuildReport> {
  const { root, outDir, log } = options;
  const { full, reason, record } = decision;
  const site = await readSite(options, state, decision, seconds);
  collectGarbage();
  // The search index needs the site only: in a publish, Pagefind works while the rest is planned
  // and rendered. A full build places it once Astro has emptied the output folder. Whatever
  // fails meanwhile, the index is done writing before the failure is reported.
  let indexing: Promise<SearchIndexResult> | undefined;
  const search = () => {
    indexing = timed(seconds, 'search', () =>
      searchStep({ root, dispatches: site.live, state, outDir, full, changesOnly: options.changesOnly, progress: options.progress }),
    );
    indexing.catch(() => undefined);
    return indexing;
  };
  try {
    if (!full) search();
    // The last build's route keys are read where they are used, and let go of once used.
    const plan = await timed(seconds, 'plan', async () =>
      planRoutes(site, full ? undefined : (await state.routes.read())?.keys, { keepEntries: !full }),
    );
    log('plan', `${plan.total} pages and files; ${plan.render.length} to render, ${plan.remove.length} to delete`);
    // What the compiled pages read (src/site/load.ts), with the manifest.
    if (site.relatedCache) await state.related.write(site.relatedCache);
    // Kept for the next build only; the pages read the lists through site.related.
    site.relatedCache = undefined;
    await compiling;
    const output = await writeOutput(options, state, site, plan.render, full, seconds, indexing ?? search());
    return await finish(options, state, plan, output, { full, reason, record, seconds });
  } catch (error) {
    await indexing?.catch(() => undefined);
    throw error;
  }
}

/** Deletes what no route has any more, and records the build as finished. */
async function finish(
  { outDir, log }: BuildOptions,
  state: BuildState,
  plan: RoutePlan,
  output: { written: string[]; deleted: string[] },
  { full, reason, record, seconds }: Pick<Decision, 'full' | 'reason' | 'record'> & { seconds: Record<string, number> },
): Promise<BuildReport> {
  const { render, remove } = plan;
  const deleted = remove.map(outputFile);
  for (const file of deleted) await removeFile(outDir, file);
  log('render', `${render.length} pages and files rendered${deleted.length ? `, ${deleted.length} deleted` : ''}`);
  await state.routes.write({ keys: plan.keys });
  await state.build.write(record(true));
  const written = new Set(output.written);
  return {
    kind: full ? 'full' : 'publish',
    reason,
    rendered: render,
    written: [...written].sort(),
    deleted: [...deleted, ...output.deleted].filter((file) => !written.has(file)).sort(),
    pages: plan.total,
    seconds,
  };
}
