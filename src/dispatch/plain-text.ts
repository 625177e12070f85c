/**
 * The text a reader sees in sanitised HTML, character for character: bidi
 * marks stay (a right-to-left mark inside «19.02» keeps its digits in
 * order), only runs of HTML white space collapse. Each block (paragraph,
 * heading, list item, caption…) is its own line, so a caption or a
 * subheading never runs into the paragraph beside it.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';

// prettier-ignore
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);
const SKIPPED = new Set(['script', 'style', 'template', 'noscript']);
const HTML_SPACE = /[ \t\n\f\r]+/g;

function collect(node: Nodes, lines: string[], current: { text: string }): void {
  if (node.type === 'text') {
    current.text += node.value;
    return;
  }
  if (node.type === 'element') {
    if (SKIPPED.has(node.tagName)) return;
    if (node.tagName === 'br') {
      current.text += ' ';
      return;
    }
  }
  if (!('children' in node)) return;
  const block = node.type === 'element' && BLOCKS.has(node.tagName);
  if (block) flush(lines, current);
  for (const child of node.children) collect(child, lines, current);
  if (block) flush(lines, current);
}

function flush(lines: string[], current: { text: string }) {
  const line = current.text.replace(HTML_SPACE, ' ').trim();
  if (line) lines.push(line);
  current.text = '';
}

/** The text of a node or an HTML fragment, one line per block. */
export function textBlocks(html: string | Nodes): string[] {
  const lines: string[] = [];
  const current = { text: '' };
  collect(typeof html === 'string' ? fromHtml(html, { fragment: true }) : html, lines, current);
  flush(lines, current);
  return lines;
}

/** The text of one element, its blocks joined by spaces. */
export const elementText = (element: Element): string => textBlocks(element).join(' ');
