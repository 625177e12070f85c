/**
 * The search index, from data: one record per dispatch a reader can reach
 * (src/search/record.ts), split by date into shards
 * (src/search/shards.ts). dist/pagefind/<key>/ holds one Pagefind bundle
 * each, dist/pagefind/shards.json lists them.
 *
 * A shard is named by a digest of what it holds (its dispatches' records'
 * digests and the indexing code), and kept in the build state under that
 * name: a build re-indexes only the shards whose dispatches changed, a few
 * side by side (indexers.ts), and places the others from the state. Any
 * Pagefind error fails the build; the services are always closed.
 */
import { createHash, hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { searchShardPages, siteConfig } from '#src/config.ts';
import { CACHE_INPUTS, fingerprint } from '#src/build/fingerprint.ts';
import type { BuildProgress } from '#src/build/progress.ts';
import type { BuildState, SearchPlaced } from '#src/build/state.ts';
import type { Dispatch } from '#src/dispatch/dispatch.ts';
import { recordSource, type RecordSource } from './record.ts';
import { planShards, shardManifest, shardsFile, type Shard } from './shards.ts';
import { bucketFiles, titleIndexDir, titleIndexFiles, titleWords } from './title-index.ts';
import { searchThumbnail } from '#src/render/photo-variants.ts';
import { startIndexers } from './indexers.ts';
import { files, shardCache, type ShardCache } from './shard-cache.ts';

const searchBundleDir = 'pagefind';

/** Files of a Pagefind bundle a shard keeps; pagefind.js is kept once, beside the shards. */
const shardFiles =
  /^(pagefind-entry\.json|pagefind-worker\.js|pagefind\.js|.*\.pf_meta|wasm\..*\.pagefind|index|fragment|filter|title-words\.json)$/;
/** A shard's headline words (title-index.ts), kept in its entry: the title index is made of them. */
const TITLE_WORDS = 'title-words.json';
/** Files of an entry not placed in the shard's folder: pagefind.js is kept once, beside the shards. */
const notPlaced = new Set(['pagefind.js', TITLE_WORDS]);

export interface SearchIndexResult {
  dispatches: number;
  shards: number;
  /** The shards indexed anew, with their size: «2026 (990)» (the others came from the state). */
  indexed: string[];
  /** Files written to and deleted from the output folder, relative to it. */
  written: string[];
  deleted: string[];
  ms: number;
}

/** Of what a dispatch's search record is made from (not where its file is). */
function recordDigest(d: Dispatch): string {
  const image = d.image && searchThumbnail(d.image.src).name;
  return hash(
    'sha1',
    JSON.stringify([d.title, d.date, d.city.slug, d.category.slug, d.source.code, d.body, image, d.photos.map((p) => p.caption ?? '')]),
    'base64',
  );
}

/** A shard's records but for their bodies' text, which the worker reads and adds. */
const sourcesOf = (shard: Shard, byUrl: ReadonlyMap<string, Dispatch>): RecordSource[] =>
  shard.urls.map((url) => {
    const d = byUrl.get(url)!;
    return recordSource(d, d.image && searchThumbnail(d.image.src).path);
  });

/**
 * Indexes the shards in `toIndex` into the state, as many side by side as
 * there are indexers (each shard's records are read only when its turn
 * comes); the first failure fails them all.
 */
async function indexShards(
  toIndex: { shard: Shard; name: string }[],
  byUrl: ReadonlyMap<string, Dispatch>,
  cache: ShardCache,
  bodies: string,
  progress?: BuildProgress,
  full = false,
) {
  if (toIndex.length === 0) return;
  progress?.start('search', toIndex.length);
  // A full build indexes beside the render of every page, which takes longer anyway: one Pagefind
  // service at a time keeps the build under its memory budget (each holds hundreds of MB writing a shard).
  const indexers = startIndexers(full ? 1 : undefined);
  let failure: unknown;
  let next = 0;
  // Every shard settles before the step goes on or fails: none is still
  // writing into the state once this returns.
  const lane = async () => {
    for (let i = next++; i < toIndex.length && !failure; i = next++) {
      const { shard, name } = toIndex[i];
      try {
        const sources = sourcesOf(shard, byUrl);
        await cache.storeEntry(
          name,
          async (outputPath) => {
            await indexers.index({ shard: shard.key, sources, bodies, outputPath });
            await writeFile(path.join(outputPath, TITLE_WORDS), JSON.stringify(titleWords(sources.map((s) => s.title))));
          },
          (file) => shardFiles.test(file),
        );
        progress?.advance('search');
      } catch (error) {
        failure ??= error;
        await indexers.close();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(indexers.size, toIndex.length) }, lane));
  await indexers.close();
  if (failure) throw failure;
  progress?.finish('search');
}

interface SearchStepOptions {
  root: string;
  dispatches: readonly Dispatch[];
  state: BuildState;
  outDir: string;
  /** The output folder was emptied: no shard is in place yet. */
  full: boolean;
  /** The output folder holds only this build's changes: what the site holds is what the state says was placed. */
  changesOnly?: boolean;
  progress?: BuildProgress;
}

/** Where the search index's files go, and what is known to be there already. */
function outputOf(options: SearchStepOptions, placed: SearchPlaced | undefined) {
  const bundleDir = path.join(options.outDir, searchBundleDir);
  const changesOnly = options.changesOnly ?? false;
  return {
    bundleDir,
    changesOnly,
    relative: (file: string) => path.relative(options.outDir, file).split(path.sep).join('/'),
    /** The cache entry shard `key` holds in the site, if it is known to be whole. */
    placedEntry: (key: string) =>
      changesOnly || existsSync(path.join(bundleDir, key, 'pagefind-entry.json')) ? placed?.shards[key] : undefined,
  };
}

type SearchOutput = ReturnType<typeof outputOf>;

/** Deletes the shards the index no longer has; returns their files, relative to the output folder. */
async function removeShards(out: SearchOutput, keep: ReadonlySet<string>, placed: SearchPlaced | undefined, cache: ShardCache) {
  const deleted: string[] = [];
  if (out.changesOnly) {
    // Not in this folder but at the host: their files are those of the entries placed.
    for (const [key, name] of Object.entries(placed?.shards ?? {})) {
      if (keep.has(key)) continue;
      const entry = cache.entryPath(name);
      // The build checked they are all there (pipeline.ts): a missing one would leave files at the host.
      const gone = await files(entry);
      deleted.push(...gone.map((file) => `${searchBundleDir}/${key}/${path.relative(entry, file).split(path.sep).join('/')}`));
    }
    return deleted.filter((file) => !notPlaced.has(path.posix.basename(file)));
  }
  for (const name of await readdir(out.bundleDir).catch(() => [] as string[])) {
    if (keep.has(name) || name === 'pagefind.js' || name === shardsFile || name === titleIndexDir) continue;
    deleted.push(...(await files(path.join(out.bundleDir, name)).catch(() => [])).map(out.relative));
    await rm(path.join(out.bundleDir, name), { recursive: true, force: true });
  }
  return deleted;
}

/** Writes pagefind.js or shards.json when it is not what the site holds; returns whether it did. */
async function placeFile(out: SearchOutput, name: string, bytes: Buffer | undefined, placedDigest: string | undefined) {
  const target = path.join(out.bundleDir, name);
  const digest = bytes && hash('sha1', bytes, 'base64');
  const held = out.changesOnly
    ? placedDigest
    : await readFile(target).then(
        (b) => hash('sha1', b, 'base64'),
        () => undefined,
      );
  if (digest === held) return { changed: false, digest };
  if (bytes) await writeFile(target, bytes);
  else await rm(target, { force: true });
  return { changed: true, digest };
}

/**
 * The title index's files, made from the headline words kept with each
 * shard; undefined when the shards are those the site holds already (and
 * the index with them).
 */
async function titleIndexOf(
  shards: Shard[],
  names: ReadonlyMap<Shard, string>,
  cache: ShardCache,
  out: SearchOutput,
  placed: SearchPlaced | undefined,
): Promise<Map<string, string> | undefined> {
  const unchanged =
    placed !== undefined &&
    Object.keys(placed.shards).length === shards.length &&
    shards.every((shard) => placed.shards[shard.key] === names.get(shard)) &&
    bucketFiles().every((file) => placed.files[file] && (out.changesOnly || existsSync(path.join(out.bundleDir, file))));
  if (unchanged) return undefined;
  await mkdir(path.join(out.bundleDir, titleIndexDir), { recursive: true });
  return titleIndexFiles(
    await Promise.all(
      shards.map(async (shard) => ({
        key: shard.key,
        words: JSON.parse(await readFile(path.join(cache.entryPath(names.get(shard)!), TITLE_WORDS), 'utf8')) as string[],
      })),
    ),
  );
}

/** Each shard's entry name: its key and a digest of the indexing code and its dispatches' records. */
function shardNames(shards: Shard[], byUrl: ReadonlyMap<string, Dispatch>, code: string): Map<Shard, string> {
  return new Map(
    shards.map((shard) => {
      const digest = createHash('sha1').update(code);
      for (const url of shard.urls) digest.update(`${url}\0${recordDigest(byUrl.get(url)!)}\0`);
      return [shard, `${shard.key}-${digest.digest('hex').slice(0, 16)}`];
    }),
  );
}

/** Places the changed shards from the state; returns the files written and deleted, relative to the output folder. */
async function placeShards(changed: Shard[], names: ReadonlyMap<Shard, string>, cache: ShardCache, out: SearchOutput) {
  const written: string[] = [];
  const deleted: string[] = [];
  for (const shard of changed) {
    const target = path.join(out.bundleDir, shard.key);
    const placedNow = await cache.placeCached(names.get(shard)!, target, {
      previous: out.placedEntry(shard.key),
      skip: (file) => notPlaced.has(file),
    });
    if (!placedNow) throw new Error(`The search shard ${shard.key} is not in the build state: is another build writing it?`);
    const under = (file: string) => `${searchBundleDir}/${shard.key}/${file}`;
    written.push(...placedNow.written.map(under));
    deleted.push(...placedNow.deleted.map(under));
  }
  return { written, deleted };
}

/**
 * Places the files beside the shards: pagefind.js, shards.json and the title
 * index. Returns their digests, for the state, and the files written and
 * deleted.
 */
async function placeBesideShards(
  shards: Shard[],
  names: ReadonlyMap<Shard, string>,
  cache: ShardCache,
  out: SearchOutput,
  placed: SearchPlaced | undefined,
) {
  const written: string[] = [];
  const deleted: string[] = [];
  await mkdir(out.bundleDir, { recursive: true });
  const script = shards.length > 0 ? await readFile(path.join(cache.entryPath(names.get(shards[0])!), 'pagefind.js')) : undefined;
  const manifest = Buffer.from(JSON.stringify(shardManifest(shards, `/${searchBundleDir}/`)));
  const titles = await titleIndexOf(shards, names, cache, out, placed);
  const digests: Record<string, string> = {};
  for (const [name, bytes] of [
    ['pagefind.js', script],
    [shardsFile, manifest],
    ...bucketFiles().map((file) => [file, titles && shards.length > 0 ? Buffer.from(titles.get(file)!) : undefined] as const),
  ] as const) {
    // The title index is as placed when no shard changed.
    if (!titles && name.startsWith(`${titleIndexDir}/`)) {
      if (placed?.files[name]) digests[name] = placed.files[name];
      continue;
    }
    const { changed: placedAnew, digest } = await placeFile(out, name, bytes, placed?.files[name]);
    if (digest) digests[name] = digest;
    if (placedAnew) (bytes ? written : deleted).push(`${searchBundleDir}/${name}`);
  }
  return { digests, written, deleted };
}

/** Makes `outDir/pagefind/` the index of `dispatches`. */
export async function searchStep(options: SearchStepOptions): Promise<SearchIndexResult> {
  const { root, dispatches, state } = options;
  const cache = shardCache(state.paths.searchShards);
  const started = performance.now();
  const byUrl = new Map(dispatches.map((d) => [d.url, d]));
  const shards = planShards(byUrl.keys(), searchShardPages);
  const code = fingerprint(root, { files: CACHE_INPUTS.search, settings: siteConfig.lang });
  const placed = options.full ? undefined : await state.searchPlaced.read();
  const out = outputOf(options, placed);
  const names = shardNames(shards, byUrl, code);
  const changed = shards.filter((shard) => out.placedEntry(shard.key) !== names.get(shard));
  const toIndex = changed.filter((shard) => !cache.isStored(names.get(shard)!));
  await indexShards(
    toIndex.map((shard) => ({ shard, name: names.get(shard)! })),
    byUrl,
    cache,
    state.paths.bodies,
    options.progress,
    options.full,
  );

  const deleted = await removeShards(out, new Set(shards.map((shard) => shard.key)), placed, cache);
  const fromState = await placeShards(changed, names, cache, out);
  const beside = await placeBesideShards(shards, names, cache, out, placed);
  const written = [...fromState.written, ...beside.written];
  deleted.push(...fromState.deleted, ...beside.deleted);
  await state.searchPlaced.write({
    shards: Object.fromEntries(shards.map((shard) => [shard.key, names.get(shard)!])),
    files: beside.digests,
  });
  // Entries of earlier builds would only grow the state.
  await cache.pruneEntries(new Set(names.values()));
  const kept = new Set(written);
  return {
    dispatches: byUrl.size,
    shards: shards.length,
    indexed: toIndex.map((shard) => `${shard.key} (${shard.urls.length})`),
    written: [...kept].sort(),
    deleted: deleted.filter((file) => !kept.has(file)).sort(),
    ms: Math.round(performance.now() - started),
  } satisfies SearchIndexResult;
}
