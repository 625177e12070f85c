/**
 * What the search index holds for a built dispatch page. The served page
 * marks its article with data-pagefind-body and its filters and sort (so
 * Pagefind alone could index it too); from it we build a record whose indexed
 * text is normalised (see arabic.ts) and whose metadata keeps the original
 * text, so results show what the dispatch really says.
 */
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { indexTokens } from './arabic.ts';
import { escapeHtml, withDateline } from './body.ts';
import { dateSegments, toIsoWithOffset } from './dates.ts';
import { dateline, type Dispatch } from './dispatch.ts';
import { fillPhotos } from './photo-markers.ts';

export interface SearchRecord {
  url: string;
  title: string;
  dateline: string;
  summary: string;
  /** Title and body as readers see them; excerpts are cut from it. */
  text: string;
  filters: Record<string, string>;
  sort: Record<string, string>;
  /** Site path of the lead photo's thumbnail, when the dispatch has one. */
  image?: string;
}

function find(tree: Root | Element, test: (el: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  visit(tree, 'element', (node) => {
    if (found) return false;
    if (test(node)) {
      found = node;
      return false;
    }
    return undefined;
  });
  return found;
}

const hasClass = (el: Element, name: string) =>
  Array.isArray(el.properties.className) && el.properties.className.includes(name);

/** "city:طرابلس, year:2025" → { city: 'طرابلس', year: '2025' } (values never hold commas). */
export function parsePairs(value: unknown): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const part of String(value ?? '').split(',')) {
    const at = part.indexOf(':');
    if (at > 0) pairs[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return pairs;
}

/** Text of an element, leaving out what the page marks data-pagefind-ignore (photo credits). */
function textOf(el: Element | undefined): string {
  if (!el) return '';
  if (!find(el, (node) => node.properties.dataPagefindIgnore !== undefined)) return toText(el).replace(/\s+/g, ' ').trim();
  const kept = structuredClone(el);
  visit(kept, 'element', (node, index, parent) => {
    if (node.properties.dataPagefindIgnore === undefined || !parent || index === undefined) return undefined;
    parent.children.splice(index, 1);
    return index;
  });
  return toText(kept).replace(/\s+/g, ' ').trim();
}

/**
 * The parts of a built page a record is made of: its description tag and
 * its indexed article; undefined for pages that are not dispatches. The rest
 * of the page (styles, navigation) is most of its bytes and none of the
 * record, so it is neither parsed nor part of the record's digest.
 */
export function recordSource(html: string): { description: string; article: string } | undefined {
  const marker = html.indexOf('data-pagefind-body');
  if (marker < 0) return undefined;
  const start = html.lastIndexOf('<article', marker);
  const end = html.indexOf('</article>', start);
  if (start < 0 || end < 0) return undefined;
  const head = html.slice(0, html.indexOf('</head>') + 1);
  return {
    description: /<meta name="description"[^>]*>/.exec(head)?.[0] ?? '',
    article: html.slice(start, end + '</article>'.length),
  };
}

/**
 * The record of a dispatch, from its data and its rendered body: the text a
 * reader sees on its page (the dateline, the paragraphs and the captions of
 * its photos, not their credits). `image`: its thumbnail's site path.
 */
export function dispatchRecord(d: Dispatch, bodyHtml: string, image?: string): SearchRecord {
  const line = dateline(d);
  const captions = fillPhotos(withDateline(bodyHtml, escapeHtml(line)), (n) => {
    const caption = d.photos[n]?.caption;
    return caption ? `<p>${escapeHtml(caption)}</p>` : '';
  });
  const body = toText(fromHtml(captions, { fragment: true })).replace(/\s+/g, ' ').trim();
  return {
    url: d.url,
    title: d.title,
    dateline: line,
    summary: d.summary,
    text: `${d.title}\n${body}`,
    filters: { city: d.city.name, category: d.category.name, year: dateSegments(d.date).year, source: d.source.code },
    sort: { date: toIsoWithOffset(d.date) },
    ...(image && { image }),
  };
}

/** The record of a built page, or undefined for pages that are not dispatches. */
export function extractRecord(html: string, url: string): SearchRecord | undefined {
  const source = recordSource(html);
  if (!source) return undefined;
  const tree = fromHtml(source.article, { fragment: true });
  const article = find(tree, (el) => el.properties.dataPagefindBody !== undefined);
  if (!article) return undefined;
  const title = textOf(find(article, (el) => el.tagName === 'h1'));
  const body = find(article, (el) => hasClass(el, 'body'));
  const description = find(fromHtml(source.description, { fragment: true }), (el) => el.tagName === 'meta');
  return {
    url,
    title,
    dateline: textOf(body && find(body, (el) => hasClass(el, 'dateline'))),
    summary: String(description?.properties.content ?? ''),
    text: `${title}\n${textOf(body)}`,
    filters: parsePairs(article.properties.dataPagefindFilter),
    sort: parsePairs(article.properties.dataPagefindSort),
    ...(typeof article.properties.dataSearchImage === 'string' && { image: article.properties.dataSearchImage }),
  };
}

/**
 * The HTML Pagefind indexes for a record: normalised tokens of the title (as
 * the heading, which Pagefind weighs more) and the body, one per word and in
 * order, then the extra variants; metadata and filters in original spelling.
 */
export function recordHtml(record: SearchRecord): string {
  const [titleLine, ...bodyLines] = record.text.split('\n');
  const title = indexTokens(titleLine);
  const body = indexTokens(bodyLines.join('\n'));
  const meta = (name: string, value: string) => `<span data-pagefind-meta="${name}">${escapeHtml(value)}</span>`;
  const filter = (name: string, value: string) => `<span data-pagefind-filter="${name}">${escapeHtml(value)}</span>`;
  const sort = Object.entries(record.sort)
    .map(([key, value]) => `${key}:${value}`)
    .join(', ');
  return [
    '<!doctype html><html lang="ar"><body>',
    `<main data-pagefind-body${sort ? ` data-pagefind-sort="${escapeHtml(sort)}"` : ''}>`,
    `<h1>${title.tokens.join(' ')}</h1>`,
    `<p>${body.tokens.join(' ')}</p>`,
    `<p>${[...title.variants, ...body.variants].join(' ')}</p>`,
    '<div data-pagefind-ignore="index">',
    meta('title', record.title),
    meta('date', record.sort.date ?? ''),
    meta('city', record.filters.city ?? ''),
    meta('dateline', record.dateline),
    meta('summary', record.summary),
    meta('text', record.text),
    ...(record.image ? [meta('image', record.image)] : []),
    ...Object.entries(record.filters).map(([name, value]) => filter(name, value)),
    '</div></main></body></html>',
  ].join('');
}
