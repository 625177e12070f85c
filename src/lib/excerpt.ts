/**
 * Result excerpts in the original spelling. The index holds one normalised
 * token per word, in order (arabic.ts), so Pagefind's word locations point
 * straight at words of the original text.
 */
import { normalizeWord } from './arabic.ts';
import { escapeHtml } from './body.ts';

const WORD = /[\p{L}\p{N}\p{M}\u0640]+/gu;

/** Spans of the words the index counted, in order. */
export function indexedWordSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const match of text.matchAll(WORD)) {
    if (normalizeWord(match[0])) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/**
 * HTML of about `length` words around the densest run of matches, matched
 * words in <mark>, «…» where the text was cut.
 * @param locations word positions from Pagefind (positions past the text's
 *   words point at extra index variants and are ignored)
 * @param from first word the excerpt may show (to skip a title shown apart)
 */
export function excerptHtml(text: string, locations: readonly number[], length = 30, from = 0): string {
  const spans = indexedWordSpans(text);
  if (spans.length <= from) return '';
  const hits = [...new Set(locations.filter((l) => l >= from && l < spans.length))].sort((a, b) => a - b);
  let first = from;
  let best = -1;
  for (const hit of hits) {
    const start = Math.max(from, Math.min(hit - Math.floor(length / 4), spans.length - length));
    const count = hits.filter((h) => h >= start && h < start + length).length;
    if (count > best) {
      best = count;
      first = start;
    }
  }
  const last = Math.min(spans.length, first + length) - 1;
  const marked = new Set(hits);
  let html = first > from ? '… ' : '';
  let cursor = spans[first].start;
  for (let i = first; i <= last; i++) {
    const { start, end } = spans[i];
    html += escapeHtml(text.slice(cursor, start));
    const word = escapeHtml(text.slice(start, end));
    html += marked.has(i) ? `<mark>${word}</mark>` : word;
    cursor = end;
  }
  return last < spans.length - 1 ? `${html} …` : html + escapeHtml(text.slice(cursor).replace(/\s+$/, ''));
}
