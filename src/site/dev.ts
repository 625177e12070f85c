/**
 * The site under `astro dev`: the archive read in this process, again on
 * every request (only changed files are read and parsed), with drafts and
 * embargoed dispatches shown and marked. A dispatch with errors fails the
 * request with every problem listed, which Astro shows in its error overlay
 * (and prints in the terminal); the integration reloads an open page when a
 * file is saved (src/build/integration.ts), so the overlay comes and goes
 * with the errors.
 */
import { fileURLToPath } from 'node:url';
import { archiveDir, imagesDir, siteConfig, stateDir } from '#src/config.ts';
import { emptyIndex, scanArchive, type SourceIndex } from '#src/archive/scan.ts';
import { BodyStore } from '#src/build/bodies.ts';
import { buildManifest } from '#src/build/manifest.ts';
import type { DispatchRecord } from '#src/dispatch/record.ts';
import { statePaths } from '#src/build/state.ts';
import { ArchiveError } from '#src/build/archive-step.ts';
import { CACHE_INPUTS, fingerprint } from '#src/build/fingerprint.ts';
import { findDuplicateUrls } from '#src/dispatch/dispatch.ts';
import { formatProblem, problemMessage, type DispatchProblem } from '#src/dispatch/problems.ts';
import { setDevProblems, type OverlayError } from './dev-problems.ts';
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
  if (scan.problems.some(isError)) fail(scan.problems.filter(isError));
  const manifest = await buildManifest(scan, records, bodies, root);
  const duplicates = findDuplicateUrls(
    manifest.records.map((r, i) => ({ file: r.file, line: scan.dispatches[i].slugLine, date: r.date, slug: r.slug, url: r.url })),
  );
  if (duplicates.length > 0) fail(duplicates);
  index = scan.index;
  records = new Map(manifest.records.map((r) => [r.file, r]));
  setDevProblems(undefined);
  return buildSite({ records: manifest.records, now: new Date(), preview: true });
}

/** Arabic laid out right to left in the overlay's left-to-right text (a right-to-left isolate). */
const rtl = (text: string) => `\u2067${text}\u2069`;

/** Each line that opens with Arabic (a heading such as «مشكلتان في أرشيف الأخبار:»), laid out right to left. */
const rtlLines = (text: string) => text.replace(/^(\s*)(\p{Script=Arabic}.*)$/gmu, (_, indent: string, line: string) => indent + rtl(line));

/**
 * Fails the request with an ArchiveError as Astro's overlay is to show it to
 * whoever saved the file: the file of the first problem with its line
 * marked ("Open in editor" opens it), not the code that found the problems;
 * no stack; every problem's Arabic message read right to left, in the
 * message or else in the hint. Kept for a page that connects later.
 */
function fail(problems: DispatchProblem[]): never {
  const error = new ArchiveError(problems);
  const arabicFirst = siteConfig.newsroomLang === 'ar';
  const isolated = new Set<string>();
  const arabic: string[] = [];
  for (const p of problems) {
    const text = problemMessage(p, 'ar');
    if (error.message.includes(text)) isolated.add(text);
    else arabic.push(formatProblem(p, 'ar').replace(text, () => rtl(text)));
  }
  const shown: OverlayError = {
    name: error.name,
    title: arabicFirst ? rtl('مشكلات في ملفات الأخبار') : 'Problems in the dispatch archive',
    message: rtlLines([...isolated].reduce((all, text) => all.split(text).join(rtl(text)), error.message)),
    hint: [
      arabicFirst ? rtl('أصلح الملف واحفظه، فتُعرض الصفحة من جديد تلقائيًا.') : 'Fix the file and save it: the page shows again by itself.',
      ...(arabic.length > 0 ? ['', ...arabic] : []),
    ].join('\n'),
    // Relative to the project root, as Astro reads it (an absolute path outside the project would be joined to it).
    loc: { file: problems[0].file, line: problems[0].line, column: 0 },
    stack: '',
  };
  setDevProblems(shown);
  throw Object.assign(error, { ...shown, loc: { ...shown.loc } });
}
