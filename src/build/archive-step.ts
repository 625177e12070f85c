/**
 * archive → manifest: reads the files that changed since the last build,
 * renders their bodies, and gives every dispatch's record. Stops with every
 * problem of the archive at once, as `file:line: field: message`.
 */
import { emptyIndex, scanArchive, type SourceIndex } from '../archive/scan.ts';
import { formatProblem, type DispatchProblem } from '../lib/dispatch-file.ts';
import { BodyStore } from './bodies.ts';
import { CACHE_INPUTS, fingerprint } from './fingerprint.ts';
import { buildManifest, type DispatchRecord } from './manifest.ts';
import { readState, writeState, type ManifestFile, type StatePaths } from './state-files.ts';

export class ArchiveError extends Error {
  readonly problems: DispatchProblem[];

  constructor(problems: DispatchProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the dispatch archive:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'ArchiveError';
    this.problems = problems;
  }
}

export interface ArchiveStepResult {
  records: DispatchRecord[];
  /** Files read, and bodies rendered, this time. */
  filesRead: number;
  bodiesRendered: number;
  /** Records of the last build, by file (to tell what changed). */
  previous: ReadonlyMap<string, DispatchRecord>;
  /** Writes the index and manifest for the next build. */
  save(): Promise<void>;
}

export async function archiveStep(options: {
  root: string;
  archiveDir: string;
  imagesDir: string;
  paths: StatePaths;
}): Promise<ArchiveStepResult> {
  const { root, archiveDir, imagesDir, paths } = options;
  const archiveVersion = fingerprint(root, { files: CACHE_INPUTS.archive, settings: { archiveDir, imagesDir } });
  const bodiesVersion = fingerprint(root, { files: CACHE_INPUTS.bodies });
  const manifestVersion = `${archiveVersion}:${bodiesVersion}`;
  const [index, manifest] = await Promise.all([readState<SourceIndex>(paths.sources), readState<ManifestFile>(paths.manifest)]);
  const photoVersion = fingerprint(root, { files: CACHE_INPUTS.photos });
  const scan = await scanArchive({ root, archiveDir, imagesDir, version: archiveVersion, photoVersion, previous: index ?? emptyIndex(archiveVersion) });
  const errors = scan.problems.filter((p) => (p.severity ?? 'error') === 'error');
  if (errors.length > 0) throw new ArchiveError(errors);
  const previous = new Map(manifest?.version === manifestVersion ? manifest.records.map((r) => [r.file, r]) : []);
  const bodies = new BodyStore(paths.bodies, bodiesVersion);
  const { records, rendered } = await buildManifest(scan, previous, bodies, root);
  return {
    records,
    filesRead: scan.filesRead,
    bodiesRendered: rendered,
    previous: new Map(manifest?.records.map((r) => [r.file, r]) ?? []),
    async save() {
      await Promise.all([
        writeState(paths.sources, scan.index),
        writeState(paths.manifest, { version: manifestVersion, records } satisfies ManifestFile),
      ]);
      await bodies.prune(new Set(records.map((r) => r.body)));
    },
  };
}
