/**
 * The site under `astro dev`: the archive read in this process, again on
 * every request (only changed files are read and parsed), with drafts and
 * embargoed dispatches shown and marked. A dispatch with errors fails the
 * request with every problem listed, which Astro shows in its error overlay.
 */
import { fileURLToPath } from 'node:url';
import { archiveDir, imagesDir, stateDir } from '../config.ts';
import { emptyIndex, scanArchive, type SourceIndex } from '../archive/scan.ts';
import { BodyStore } from '../build/bodies.ts';
import { buildManifest, type DispatchRecord } from '../build/manifest.ts';
import { statePaths } from '../build/state.ts';
import { ArchiveError } from '../build/archive-step.ts';
import { CACHE_INPUTS, fingerprint } from '../build/fingerprint.ts';
import { findDuplicateUrls } from '../lib/dispatch.ts';
import type { DispatchProblem } from '../lib/problems.ts';
import { buildSite, type Site } from './model.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
let index: SourceIndex = emptyIndex('dev');
let records = new Map<string, DispatchRecord>();
const bodies = new BodyStore(statePaths(stateDir).bodies, fingerprint(root, { files: CACHE_INPUTS.bodies }));
const photoVersion = fingerprint(root, { files: CACHE_INPUTS.photos });

export async function devSite(): Promise<Site> {
  const stored = await bodies.stored();
  const scan = await scanArchive({
    root,
    archiveDir,
    imagesDir,
    version: 'dev',
    photoVersion,
    previous: index,
    known: (file, textDigest) => records.get(file)?.textDigest === textDigest && stored.has(records.get(file)!.body),
  });
  const isError = (p: DispatchProblem) => (p.severity ?? 'error') === 'error';
  if (scan.problems.some(isError)) throw new ArchiveError(scan.problems.filter(isError));
  const manifest = await buildManifest(scan, records, bodies, root);
  const duplicates = findDuplicateUrls(
    manifest.records.map((r, i) => ({ file: r.file, line: scan.dispatches[i].slugLine, date: r.date, slug: r.slug, url: r.url })),
  );
  if (duplicates.length > 0) throw new ArchiveError(duplicates);
  index = scan.index;
  records = new Map(manifest.records.map((r) => [r.file, r]));
  return buildSite({ records: manifest.records, now: new Date(), preview: true });
}
