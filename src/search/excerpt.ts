/**
 * Result excerpts in the original spelling. The index holds one term per
 * word, in order (search-terms.ts), so Pagefind's word locations point
 * straight at words of the original text: the title's from 0, the body's
 * from TITLE_SLOTS.
 */
import { foldWord, wordMatches } from '#src/dispatch/arabic.ts';
import { escapeHtml } from '#src/render/body-html.ts';
import { TITLE_SLOTS } from './terms.ts';

interface Span {
  start: number;
  end: number;
  /** The line (block) it is on. */
  line: number;
}

/**
 * Spans of the words the index counted, in order, each with its block:
 * from `blocks` (words per block) when given, since Pagefind's metadata
 * turns the text's line breaks into spaces, else from the line breaks.
 */
function indexedWordSpans(text: string, blocks?: readonly number[]): Span[] {
  const spans: Span[] = [];
  let line = 0;
  let lineStart = 0;
  for (const match of wordMatches(text)) {
    for (let nl = text.indexOf('\n', lineStart); !blocks && nl !== -1 && nl < match.index; nl = text.indexOf('\n', lineStart)) {
      line++;
      lineStart = nl + 1;
    }
    if (foldWord(match[0])) spans.push({ start: match.index, end: match.index + match[0].length, line });
  }
  if (blocks) {
    let [block, left] = [0, blocks[0] ?? Infinity];
    for (const span of spans) {
      while (left === 0 && block < blocks.length - 1) left = blocks[++block];
      span.line = block;
      left--;
    }
  }
  return spans;
}

/** The words per block of a record's text, as its `blocks` metadata holds them. */
export const blockSizes = (text: string): number[] => text.split('\n').map((line) => indexedWordSpans(line).length);

/** Body word indexes of the title-and-body locations Pagefind gives. */
export const bodyLocations = (locations: readonly number[]) => locations.filter((l) => l >= TITLE_SLOTS).map((l) => l - TITLE_SLOTS);

/** The words of `text` between spans `first` and `last`, those in `marked` in <mark>. */
function markedRun(text: string, spans: Span[], first: number, last: number, marked: ReadonlySet<number>): string {
  let html = '';
  let cursor = spans[first].start;
  for (let i = first; i <= last; i++) {
    const { start, end } = spans[i];
    html += escapeHtml(text.slice(cursor, start));
    const word = escapeHtml(text.slice(start, end));
    html += marked.has(i) ? `<mark>${word}</mark>` : word;
    cursor = end;
  }
  // What closes the last word on its line: «.», «»», «)».
  const lineEnd = text.indexOf('\n', cursor);
  const tail = text.slice(cursor, lineEnd === -1 ? undefined : lineEnd);
  const closing = /^[^\p{L}\p{N}\s]*/u.exec(tail)![0];
  return html + escapeHtml(closing);
}

/** The title with the words at `locations` in <mark>. */
export function markedTitle(title: string, locations: readonly number[]): string {
  const spans = indexedWordSpans(title);
  if (spans.length === 0) return escapeHtml(title);
  const marked = new Set(locations.filter((l) => l < TITLE_SLOTS));
  const before = escapeHtml(title.slice(0, spans[0].start));
  return (
    before +
    markedRun(title, spans, 0, spans.length - 1, marked) +
    escapeHtml(title.slice(spans.at(-1)!.end).replace(/^[^\p{L}\p{N}\s]*/u, ''))
  );
}

/**
 * HTML of about `length` words of one block of the body, around its densest
 * run of matches, matched words in <mark>, «…» where the text was cut.
 * @param hits body word indexes (bodyLocations)
 * @param blocks words per block (blockSizes), when the text's line breaks are lost
 */
export function excerptHtml(text: string, hits: readonly number[], blocks?: readonly number[], length = 30): string {
  const spans = indexedWordSpans(text, blocks);
  if (spans.length === 0) return '';
  const lineStart = (i: number) => spans.findIndex((s) => s.line === spans[i].line);
  const lineEnd = (i: number) => spans.findLastIndex((s) => s.line === spans[i].line);
  const marked = new Set(hits.filter((h) => h < spans.length));
  let [first, last, best] = [0, Math.min(lineEnd(0), length - 1), -1];
  for (const hit of [...marked].sort((a, b) => a - b)) {
    const [from, to] = [lineStart(hit), lineEnd(hit)];
    const start = Math.max(from, Math.min(hit - Math.floor(length / 4), to - length + 1));
    const end = Math.min(to, start + length - 1);
    let count = 0;
    for (let i = start; i <= end; i++) if (marked.has(i)) count++;
    if (count > best) [first, last, best] = [start, end, count];
  }
  const html = markedRun(text, spans, first, last, marked);
  return `${first > 0 ? '… ' : ''}${html}${last < spans.length - 1 ? ' …' : ''}`;
}
