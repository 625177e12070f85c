/**
 * archive → manifest: reads the files that changed since the last build,
 * renders their bodies, and gives every dispatch's record. Stops with every
 * problem of the archive at once, as `file:line: field: message`.
 */
import { emptyIndex, scanArchive, type SourceIndex } from '#src/archive/scan.ts';
import { findDuplicateUrls } from '#src/dispatch/dispatch.ts';
import { siteConfig } from '#src/config.ts';
import { newsroomMessages } from '#src/i18n/newsroom.ts';
import { formatProblem, type DispatchProblem } from '#src/dispatch/parse.ts';
import type { Lang } from '#src/dispatch/problems.ts';
import { BodyStore } from './bodies.ts';
import { CACHE_INPUTS, fingerprint } from './fingerprint.ts';
import { buildManifest, shareStrings } from './manifest.ts';
import type { DispatchRecord } from '#src/dispatch/record.ts';
import type { BuildProgress } from './progress.ts';
import type { BuildState, ManifestFile } from './state.ts';

export class ArchiveError extends Error {
  readonly problems: DispatchProblem[];

  /** Worded in the newsroom's language (src/config.ts), as `npm run check` words them. */
  constructor(problems: DispatchProblem[]) {
    super(formatArchiveProblems(problems, siteConfig.newsroomLang));
    this.name = 'ArchiveError';
    this.problems = problems;
  }
}

/** «3 مشكلات في أرشيف الأخبار:» and a line per problem, `file:line: field: message`. */
export function formatArchiveProblems(problems: readonly DispatchProblem[], lang: Lang): string {
  return [newsroomMessages(lang).build.problems(problems.length), ...problems.map((p) => `  ${formatProblem(p, lang)}`)].join('\n');
}

const isError = (p: DispatchProblem) => (p.severity ?? 'error') === 'error';

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
  state: BuildState;
  progress?: BuildProgress;
}): Promise<ArchiveStepResult> {
  const { root, archiveDir, imagesDir, state, progress } = options;
  const archiveVersion = fingerprint(root, { files: CACHE_INPUTS.archive, settings: { archiveDir, imagesDir } });
  const bodiesVersion = fingerprint(root, { files: CACHE_INPUTS.bodies });
  const manifestVersion = `${archiveVersion}:${bodiesVersion}`;
  const [index, manifest] = await Promise.all([state.sources.read(), state.manifest.read()]);
  if (manifest) shareStrings(manifest.records);
  const photoVersion = fingerprint(root, { files: CACHE_INPUTS.photos });
  const bodies = new BodyStore(state.paths.bodies, bodiesVersion, { useWorker: true });
  const stored = await bodies.stored();
  // Records of another version of the code are not reused, nor those whose
  // body is gone (a state restored in part): their files are read again.
  const reusable = new Map(
    manifest?.version === manifestVersion ? manifest.records.filter((r) => stored.has(r.body)).map((r) => [r.file, r]) : [],
  );
  const scan = await scanArchive({
    root,
    archiveDir,
    imagesDir,
    version: archiveVersion,
    photoVersion,
    previous: index ?? emptyIndex(archiveVersion),
    known: (file, textDigest) => reusable.get(file)?.textDigest === textDigest,
  });
  progress?.start('sync', scan.dispatches.length);
  const { records, rendered } = scan.problems.some(isError)
    ? { records: [], rendered: 0 }
    : await buildManifest(scan, reusable, bodies, root, () => progress?.advance('sync')).finally(() => bodies.close());
  progress?.finish('sync');
  const problems = [
    ...scan.problems,
    ...findDuplicateUrls(
      records.map((r, i) => ({ file: r.file, line: scan.dispatches[i].slugLine, date: r.date, slug: r.slug, url: r.url })),
    ),
  ].filter(isError);
  if (problems.length > 0) throw new ArchiveError(problems);
  const previous = new Map(manifest?.records.map((r) => [r.file, r]) ?? []);
  // Most publishes change one record of many: the files are written only when something changed.
  const changed = records.length !== previous.size || records.some((r) => previous.get(r.file) !== r);
  return {
    records,
    filesRead: scan.filesRead,
    bodiesRendered: rendered,
    previous,
    save: saver(state, bodies, {
      index: scan.index,
      manifest: changed || manifest?.version !== manifestVersion ? { version: manifestVersion, records } : undefined,
      prune: changed,
    }),
  };
}

/**
 * Writes what the next build reads, once. Made out here, so that it holds
 * only that (not the scan and the last manifest), and lets go of it when
 * written: at 100k dispatches the scan's index alone is tens of MB.
 */
function saver(
  state: BuildState,
  bodies: BodyStore,
  unsaved: { index: SourceIndex; manifest?: ManifestFile; prune: boolean },
): () => Promise<void> {
  let pending: typeof unsaved | undefined = unsaved;
  return async () => {
    if (!pending) return;
    const { index, manifest, prune } = pending;
    pending = undefined;
    await Promise.all([state.sources.write(index), manifest && state.manifest.write(manifest)]);
    if (prune && manifest) await bodies.prune(new Set(manifest.records.map((r) => r.body)));
  };
}
