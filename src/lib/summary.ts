/**
 * The default lead of a dispatch: the first sentence(s) of its first
 * paragraph, taken from the sanitised HTML so it holds exactly the words a
 * reader sees (never the text of a stripped <script>).
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';
import { elementText } from './plain-text.ts';

const SENTENCE_END = /(?<=[.!?؟])\s+/u;

function firstParagraph(node: Nodes): Element | undefined {
  if (node.type === 'element' && node.tagName === 'p') return node;
  if (!('children' in node)) return undefined;
  for (const child of node.children) {
    const found = firstParagraph(child);
    if (found) return found;
  }
  return undefined;
}

/** Plain text of the first paragraph of an HTML fragment. */
export function leadText(html: string): string {
  const paragraph = firstParagraph(fromHtml(html, { fragment: true }));
  return paragraph ? elementText(paragraph) : '';
}

/**
 * Whole sentences from the start of `text`: at least `min` characters when
 * it has them, never past `max` (a longer first sentence is cut at a word,
 * with «…»).
 */
export function summarize(text: string, min = 90, max = 260): string {
  if (text.length <= min) return text;
  let summary = '';
  for (const sentence of text.split(SENTENCE_END)) {
    const next = summary ? `${summary} ${sentence}` : sentence;
    if (next.length > max) break;
    summary = next;
    if (summary.length >= min) break;
  }
  if (summary) return summary;
  const cut = text.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > 0 ? lastSpace : max)}…`;
}
