/**
 * Builds the search index over the built site, from one normalised record
 * per dispatch page (see src/lib/search-record.ts), split by date into
 * shards (src/lib/search-shards.ts): dist/pagefind/<key>/ holds one Pagefind
 * bundle each, dist/pagefind/shards.json lists them. It runs after Astro's
 * process has exited (scripts/build.ts), not in astro:build:done as
 * Starlight's does: at 100,000 dispatches Astro holds about 2.7 GB until it
 * exits, and Pagefind's memory would come on top of it.
 *
 * Each shard is cached in Astro's cache folder under a digest of what it
 * indexes (the article and description of its pages, the indexing code and
 * Pagefind's version): a rebuild re-indexes only the shards whose pages
 * changed, a few side by side (indexers.ts), each shard whole in one
 * Pagefind service, so memory is bounded by a few of the largest shards.
 * Any Pagefind error fails the build; the services are always closed.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheDir, searchShardPages, siteConfig } from '../config.ts';
import { readRecord } from '../integrations/incremental.ts';
import { startIndexers } from './indexers.ts';
import { placeCached, pruneEntries, storeEntry } from './shard-cache.ts';
import { inBatches } from '../lib/batches.ts';
import { dispatchRoute, outputFile } from '../lib/route-keys.ts';
import { recordSource } from '../lib/search-record.ts';
import { pathMonth, planShards, shardManifest, shardsFile, type Shard } from '../lib/search-shards.ts';

export const searchBundleDir = 'pagefind';
/** Files whose text decides what a shard holds. */
const indexCode = [
  'src/search-index/build.ts',
  'src/search-index/index-worker.ts',
  'src/lib/search-record.ts',
  'src/lib/arabic.ts',
  'src/lib/body.ts',
  'src/lib/search-shards.ts',
  'node_modules/pagefind/package.json',
  'node_modules/hast-util-from-html/package.json',
  'node_modules/hast-util-to-text/package.json',
];

/** Files of a Pagefind bundle a shard keeps; pagefind.js is kept once, beside the shards. */
const shardFiles = /^(pagefind-entry\.json|pagefind-worker\.js|pagefind\.js|.*\.pf_meta|wasm\..*\.pagefind|index|fragment|filter)$/;

const pageUrl = (file: string) => `/${file.split(path.sep).join('/').replace(/index\.html$/, '')}`;

/** Digest of each dispatch page's record source, by site path. */
async function pageDigests(outDir: string): Promise<{ digests: Map<string, string>; read: number }> {
  const files = (await readdir(outDir, { recursive: true })).filter((f) => f.endsWith('index.html') && pathMonth(pageUrl(f)));
  const digests = new Map<string, string>();
  await inBatches(files, async (file) => {
    const source = recordSource(await readFile(path.join(outDir, file), 'utf8'));
    if (source) digests.set(pageUrl(file), digest(source));
  });
  return { digests, read: files.length };
}

const digest = (source: { description: string; article: string }) =>
  createHash('sha1').update(source.description).update(source.article).digest('hex');

const digestsFile = path.join(cacheDir, 'search-page-digests.json');
const placedFile = path.join(cacheDir, 'search-shards-placed.json');

const readJson = async <T>(file: string): Promise<T | undefined> =>
  JSON.parse(await readFile(file, 'utf8').catch(() => 'null')) ?? undefined;

/**
 * The same digests, when the build recorded a key for each dispatch page
 * (src/integrations/incremental.ts): a page whose key the last build also
 * had has the digest found then, so only new and changed pages are read.
 */
async function keyedDigests(outDir: string, fingerprint: string, keys: Record<string, string>) {
  const known = await readJson<{ fingerprint: string; digests: Record<string, string> }>(digestsFile);
  const previous = known?.fingerprint === fingerprint ? known.digests : {};
  const byKey: Record<string, string> = {};
  const digests = new Map<string, string>();
  const unknown = Object.entries(keys).filter(([url, key]) => {
    if (!previous[key]) return true;
    digests.set(url, (byKey[key] = previous[key]));
    return false;
  });
  await inBatches(unknown, async ([url, key]) => {
    const source = recordSource(await readFile(path.join(outDir, outputFile(url)), 'utf8'));
    if (source) digests.set(url, (byKey[key] = digest(source)));
  });
  await writeFile(digestsFile, JSON.stringify({ fingerprint, digests: byKey }));
  return { digests, read: unknown.length };
}

export interface SearchIndexResult {
  dispatches: number;
  shards: number;
  /** Keys of the shards indexed anew (the others came from the cache). */
  indexed: string[];
  /** Pages read to find what changed. */
  read: number;
  ms: number;
}

/**
 * Indexes the dispatch pages of the built site in `outDir` into
 * `outDir/pagefind/`. `root` is the project root (for the code digest).
 */
export async function buildSearchIndex(outDir: string, root: string): Promise<SearchIndexResult> {
  const bundleDir = path.join(outDir, searchBundleDir);
  const started = performance.now();
  const record = await readRecord();
  const keys = record && path.resolve(record.outDir) === path.resolve(outDir) ? record.routes[dispatchRoute] : undefined;
  const { digests, read } = keys ? await keyedDigests(outDir, record!.fingerprint, keys) : await pageDigests(outDir);
  const shards = planShards(digests.keys(), searchShardPages);
  // What else decides a shard's bytes: the code that makes records,
  // tokens and bundles, and the libraries it runs on.
  const code = createHash('sha1').update(siteConfig.lang);
  for (const file of indexCode) code.update(await readFile(path.join(root, file)));
  const codeDigest = code.digest('hex');

  const indexed = new Set<string>();
  const used = new Set<string>();
  // Shards a build into this folder placed before: those unchanged stay.
  const placed = await readJson<{ outDir: string; shards: Record<string, string> }>(placedFile);
  await rm(placedFile, { force: true });
  const inPlace = placed && path.resolve(placed.outDir) === path.resolve(outDir) ? placed.shards : {};
  const planned = new Set(shards.map((shard) => shard.key));
  for (const name of await readdir(bundleDir).catch(() => [] as string[])) {
    // pagefind.js stays while there are shards: it is replaced below when one is placed anew.
    if (!planned.has(name) && !(name === 'pagefind.js' && planned.size > 0)) await rm(path.join(bundleDir, name), { recursive: true, force: true });
  }
  const nowInPlace: Record<string, string> = {};
  const toIndex: { shard: Shard; name: string; target: string }[] = [];
  for (const shard of shards) {
    const shardDigest = createHash('sha1').update(codeDigest);
    for (const url of shard.urls) shardDigest.update(`${url}\0${digests.get(url)}\0`);
    const name = `${shard.key}-${shardDigest.digest('hex').slice(0, 16)}`;
    const target = path.join(bundleDir, shard.key);
    used.add(name);
    nowInPlace[shard.key] = name;
    if (inPlace[shard.key] === name && existsSync(path.join(target, 'pagefind-entry.json'))) continue;
    await rm(target, { recursive: true, force: true });
    if (!(await placeCached(name, target))) toIndex.push({ shard, name, target });
  }
  if (toIndex.length > 0) {
    const indexers = startIndexers();
    // Every shard settles before the step goes on or fails: none is still
    // writing into the cache or dist/ once this function has returned. The
    // first failure closes the indexers, so shards still waiting fail at once.
    let failure: unknown;
    await Promise.all(
      toIndex.map(async ({ shard, name, target }) => {
        try {
          const job = { outDir, shard: { key: shard.key, urls: shard.urls } };
          await storeEntry(name, (outputPath) => indexers.index({ ...job, outputPath }), (file) => shardFiles.test(file));
          indexed.add(shard.key);
          if (!(await placeCached(name, target))) throw new Error(`The search shard ${shard.key} could not be cached: is another build writing it?`);
        } catch (error) {
          failure ??= error;
          await indexers.close();
        }
      }),
    );
    await indexers.close();
    if (failure) throw failure;
  }
  await mkdir(bundleDir, { recursive: true });
  // pagefind.js is the same in every shard: it is kept once, beside them.
  const script = shards.find((shard) => existsSync(path.join(bundleDir, shard.key, 'pagefind.js')));
  if (script) await cp(path.join(bundleDir, script.key, 'pagefind.js'), path.join(bundleDir, 'pagefind.js'));
  for (const shard of shards) await rm(path.join(bundleDir, shard.key, 'pagefind.js'), { force: true });
  await writeFile(path.join(bundleDir, shardsFile), JSON.stringify(shardManifest(shards, `/${searchBundleDir}/`)));
  await writeFile(placedFile, JSON.stringify({ outDir, shards: nowInPlace }));
  // Entries of earlier builds would only grow the cache.
  await pruneEntries(used);
  return {
    dispatches: digests.size,
    shards: shards.length,
    indexed: shards.filter((shard) => indexed.has(shard.key)).map((shard) => shard.key),
    read,
    ms: Math.round(performance.now() - started),
  };
}

/** The build log's line, which the benchmark and tests read. */
export const describeSearchIndex = (r: SearchIndexResult) =>
  `Search: ${r.dispatches} dispatches in ${r.shards} shards; indexed ${r.indexed.length ? r.indexed.join(', ') : 'none (all cached)'} in ${r.ms} ms; ${r.read} pages read`;
