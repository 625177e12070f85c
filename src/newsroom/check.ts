/**
 * `npm run check`: everything the build would reject, and what it would
 * silently repair or a reader would trip over, for a whole archive at once,
 * without building. Pure: takes file texts, returns problems.
 */
import type { Link } from 'mdast';
import { words } from '#src/dispatch/arabic.ts';
import { encodingProblem } from '#src/dispatch/encoding.ts';
import { markdownTree } from '#src/dispatch/markdown.ts';
import { dateSegments, formatDate, formatTime } from '#src/dispatch/dates.ts';
import { findDuplicateUrls } from '#src/dispatch/dispatch.ts';
import { parseDispatch, type ParsedDispatch, type SourceFile } from '#src/dispatch/parse.ts';
import { nearDuplicates } from './near-duplicates.ts';
import { resolveDispatchPhotos, type FindPhoto } from '#src/dispatch/photos.ts';
import type { DispatchProblem, ProblemCode } from '#src/dispatch/problems.ts';
import { categoryRegistry, cityRegistry } from '#src/dispatch/registries.ts';
import { BIDI_CONTROLS, CONTROL_CHARS, slugify } from '#src/dispatch/text.ts';
import { datelineAt } from './wire.ts';
import {
  archiveMonthPath,
  archivePath,
  archiveYearPath,
  categoryIndexPath,
  categoryPath,
  cityIndexPath,
  cityPath,
  dispatchPath,
  homePath,
  mainFeedPath,
  searchPath,
  tagIndexPath,
  tagPath,
} from '#src/dispatch/urls.ts';

export type { SourceFile } from '#src/dispatch/parse.ts';

// What cleanText removes (bidi and control characters), and the zero-width ones it keeps.
const INVISIBLE: [RegExp, ProblemCode][] = [
  [BIDI_CONTROLS, 'text.bidi'],
  [/[\u200b\u2060\ufeff]/gu, 'text.zeroWidth'],
  [CONTROL_CHARS, 'text.control'],
];

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

const sorted = (text: string) => [...text].sort().join('');

/**
 * The first words of a line with letters in decomposed form (alef + U+0654
 * for «أ», e + U+0301 for «é»). Not a word NFC only reorders: a shadda typed
 * before its vowel, as Arabic keyboards do, keeps its characters.
 */
export function decomposedWords(line: string): string[] {
  if (line.normalize('NFC') === line) return [];
  const found = words(line).filter((word) => {
    const nfc = word.normalize('NFC');
    return nfc !== word && sorted(nfc) !== sorted(word);
  });
  return [...new Set(found)].slice(0, 3);
}

/** Problems in the raw characters of a file, line by line. */
function characterProblems(source: SourceFile): DispatchProblem[] {
  const problems: DispatchProblem[] = [];
  const lines = source.text.split('\n');
  const closing = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  lines.forEach((line, i) => {
    const field = i > 0 && i < closing ? (/^([^\s:#][^:]*?)\s*:/.exec(line)?.[1] ?? 'front-matter') : 'body';
    // A byte-order mark at the very start of a file is harmless.
    const text = i === 0 ? line.replace(/^\ufeff/, '') : line;
    for (const [pattern, code] of INVISIBLE) {
      const found = [...new Set(text.match(pattern) ?? [])];
      if (found.length > 0) {
        problems.push({
          file: source.file,
          line: i + 1,
          field,
          code,
          params: { chars: found.map(codePoint).join(' ') },
          severity: 'warning',
        });
      }
    }
    const decomposed = decomposedWords(text);
    if (decomposed.length > 0) {
      problems.push({
        file: source.file,
        line: i + 1,
        field,
        code: 'text.nfc',
        params: { value: decomposed.join(' ') },
        severity: 'warning',
      });
    }
  });
  return problems;
}

/** Every path the site will have for the published dispatches. */
function sitePaths(dispatches: readonly ParsedDispatch[], now: Date): Set<string> {
  const paths = new Set([homePath, archivePath, cityIndexPath, categoryIndexPath, tagIndexPath, searchPath, mainFeedPath]);
  for (const { data } of dispatches) {
    // A draft or an embargoed dispatch has no page yet: a link to it is broken.
    if (data.draft || data.date > now) continue;
    const { year, month } = dateSegments(data.date);
    paths.add(dispatchPath(data.date, data.slug));
    paths.add(archiveYearPath(year)).add(archiveMonthPath(year, month));
    paths.add(cityPath(cityRegistry.get(data.city).slug)).add(categoryPath(categoryRegistry.get(data.category).slug));
    for (const tag of data.tags) paths.add(tagPath(slugify(tag)));
  }
  return paths;
}

function linkProblems(d: ParsedDispatch, paths: Set<string>): DispatchProblem[] {
  const problems: DispatchProblem[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'link') {
      const link = node as Link;
      const line = d.bodyLine + (link.position?.start.line ?? 1) - 1;
      try {
        new URL(link.url, 'https://site.invalid/');
      } catch {
        problems.push({ file: d.file, line, field: 'body', code: 'link.invalid', params: { value: link.url }, severity: 'error' });
      }
      if (link.url.startsWith('/') && !link.url.startsWith('//')) {
        let target = link.url.split(/[?#]/)[0];
        try {
          target = decodeURI(target);
        } catch {
          // An undecodable URL is broken anyway.
        }
        if (!target.endsWith('/') && !target.includes('.')) target += '/';
        const known = paths.has(target) || /\/page\/\d+\/$/.test(target) || /\.[a-z0-9]+$/i.test(target);
        if (!known) {
          problems.push({ file: d.file, line, field: 'body', code: 'link.broken', params: { value: link.url }, severity: 'error' });
        }
      }
    }
    for (const child of (node.children ?? []) as { type: string }[]) visit(child);
  };
  visit(markdownTree(d.body));
  return problems;
}

/**
 * Dispatch files deleted that had been published: every later listing page
 * would shift. `deleted`: each file's last text (from git). `urls`: the
 * dispatch URLs the archive still has (checkArchive), so that a file moved or
 * renamed with its URL kept is not one.
 */
export function deletedDispatches(deleted: readonly SourceFile[], now: Date, urls: ReadonlySet<string>): DispatchProblem[] {
  return deleted.flatMap((source) => {
    const result = parseDispatch(source.file, source.id, source.text);
    // A draft, an embargoed or an unreadable file was never on the site.
    if (!result.ok || result.dispatch.data.draft || result.dispatch.data.date > now) return [];
    if (urls.has(dispatchPath(result.dispatch.data.date, result.dispatch.data.slug))) return [];
    return [{ file: source.file, line: 1, field: 'file', code: 'withdrawn.deleted' as const, severity: 'error' as const }];
  });
}

/**
 * Every problem of an archive, sorted by file and line, and the URL of every
 * dispatch in it, whatever its status.
 * @param findPhoto where photos are looked for (the build's rules: photos.ts)
 */
export function checkArchive(
  sources: readonly SourceFile[],
  now: Date,
  findPhoto: FindPhoto,
): { problems: DispatchProblem[]; urls: Set<string> } {
  const problems: DispatchProblem[] = [];
  const dispatches: ParsedDispatch[] = [];
  for (const source of sources) {
    if (source.notUtf8) {
      problems.push(encodingProblem(source.file, source.notUtf8));
      continue;
    }
    problems.push(...characterProblems(source));
    const result = parseDispatch(source.file, source.id, source.text);
    if (result.ok) dispatches.push(result.dispatch);
    else problems.push(...result.problems);
  }
  problems.push(
    ...findDuplicateUrls(dispatches.map((d) => ({ file: d.file, line: d.lines.slug ?? 1, date: d.data.date, slug: d.data.slug }))),
    ...nearDuplicates(dispatches.map((d) => ({ file: d.file, line: d.lines.title ?? 1, date: d.data.date, title: d.data.title }))),
  );
  const paths = sitePaths(dispatches, now);
  for (const d of dispatches) {
    problems.push(...linkProblems(d, paths), ...resolveDispatchPhotos(d, findPhoto).problems);
    const body = d.body.trimStart();
    const typed = datelineAt(body);
    if (typed !== undefined) {
      problems.push({
        file: d.file,
        line: d.bodyLine,
        field: 'body',
        code: 'body.dateline',
        params: { value: body.slice(0, typed).trim() },
        severity: 'warning',
      });
    }
    if (d.data.date > now && !d.data.draft) {
      problems.push({
        file: d.file,
        line: d.lines.date ?? 1,
        field: 'date',
        code: 'date.embargoed',
        params: { value: d.data.dateOnly ? formatDate(d.data.date) : `${formatDate(d.data.date)} ${formatTime(d.data.date)}` },
        severity: 'notice',
      });
    }
  }
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return { problems, urls: new Set(dispatches.map((d) => dispatchPath(d.data.date, d.data.slug))) };
}
