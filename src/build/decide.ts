/**
 * Whether a build can be a publish, or must be a full build and why: the
 * site's fingerprint against the last build's, and what the build state and
 * the output folder still hold.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { archiveDir, buildNow, imagesDir, previewEnv, searchShardPages, siteConfig } from '#src/config.ts';
import { shardCache } from '#src/search/shard-cache.ts';
import { CACHE_INPUTS, fingerprint, runtimeVersions } from './fingerprint.ts';
import type { BuildOptions } from './pipeline.ts';
import { bundleEntry } from './render.ts';
import type { BuildRecord, BuildState } from './state.ts';

/** Why the build state cannot serve a publish; undefined when it can. */
async function stateReason(state: BuildState, options: BuildOptions): Promise<string | undefined> {
  if (!bundleEntry(state.paths)) return 'no compiled pages in the build state';
  // What the output folder holds is known from these; without them it is not.
  for (const file of [state.paths.routes, state.paths.photosPlaced]) {
    if (!existsSync(file)) return `the build state has no ${path.basename(file)}`;
  }
  const placed = await state.searchPlaced.read();
  if (!placed) return `the build state has no readable ${path.basename(state.paths.searchPlaced)}`;
  // At a host, the search shards' files are known only from their entries in the state.
  const cache = shardCache(state.paths.searchShards);
  const missing = options.changesOnly && Object.values(placed.shards).find((name) => !cache.isStored(name));
  return missing ? `the build state lacks the search shard ${missing}` : undefined;
}

/** Why this build cannot be a publish; undefined when it can. */
async function fullBuildReason(
  last: BuildRecord | undefined,
  fingerprintNow: string,
  outDir: string,
  state: BuildState,
  options: BuildOptions,
) {
  if (options.full) return 'asked for (--full)';
  if (!last) return 'no earlier build state';
  if (!last.complete) return 'the last build did not finish';
  if (last.fingerprint !== fingerprintNow) return "the site's code, config, dependencies or registries changed";
  if (!options.changesOnly && last.changesOnly) return 'the last build wrote only its changes: the output folder is not the site';
  if (!options.changesOnly && path.resolve(last.outDir) !== outDir) return 'another output folder';
  if (!options.changesOnly && !existsSync(outDir)) return 'the output folder is gone';
  return stateReason(state, options);
}

/** Full build or publish, and the record this build leaves when it is done. */
export async function decide(options: BuildOptions, state: BuildState) {
  const fingerprintNow = fingerprint(options.root, {
    files: CACHE_INPUTS.site,
    settings: { origin: siteConfig.origin, preview: previewEnv, archiveDir, imagesDir, searchShardPages, ...runtimeVersions() },
  });
  const last = await state.build.read();
  const reason = await fullBuildReason(last, fingerprintNow, options.outDir, state, options);
  const now = buildNow();
  const record = (complete: boolean): BuildRecord => ({
    fingerprint: fingerprintNow,
    outDir: options.outDir,
    archive: path.resolve(options.root, archiveDir),
    now: now.toISOString(),
    preview: previewEnv,
    changesOnly: options.changesOnly ?? false,
    complete,
  });
  return { full: reason !== undefined, reason, last, now, record };
}

export type Decision = Awaited<ReturnType<typeof decide>>;
