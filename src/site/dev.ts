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
import { statePaths } from '../build/state-files.ts';
import { ArchiveError } from '../build/archive-step.ts';
import { CACHE_INPUTS, fingerprint } from '../build/fingerprint.ts';
import { buildSite, type Site } from './model.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
let index: SourceIndex = emptyIndex('dev');
let records = new Map<string, DispatchRecord>();
const bodies = new BodyStore(statePaths(stateDir).bodies, fingerprint(root, { files: CACHE_INPUTS.bodies }));
const photoVersion = fingerprint(root, { files: CACHE_INPUTS.photos });

export async function devSite(): Promise<Site> {
  const scan = await scanArchive({ root, archiveDir, imagesDir, version: 'dev', photoVersion, previous: index });
  const errors = scan.problems.filter((p) => (p.severity ?? 'error') === 'error');
  if (errors.length > 0) throw new ArchiveError(errors);
  const manifest = await buildManifest(scan, records, bodies, root);
  index = scan.index;
  records = new Map(manifest.records.map((r) => [r.file, r]));
  return buildSite({ records: manifest.records, now: new Date(), preview: true });
}
