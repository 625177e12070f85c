/**
 * What the search index holds for a dispatch: a record made from its data
 * and its rendered body, whose indexed text is normalised (see arabic.ts) and
 * whose metadata keeps the original text, so results show what the dispatch
 * really says. (The served page marks its article for Pagefind too, so
 * Pagefind alone could index it; the search tests compare with that.)
 */
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
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

/** What a record is made of besides its body's text: plain data, sent to the index workers. */
export interface RecordSource extends Omit<SearchRecord, 'text'> {
  /** The rendered body's name in the body store. */
  body: string;
  /** The caption of each body photo, by marker number. */
  captions: (string | undefined)[];
}

/** A dispatch's record, but for its body. `image`: its thumbnail's site path. */
export function recordSource(d: Dispatch, image?: string): RecordSource {
  return {
    url: d.url,
    title: d.title,
    dateline: dateline(d),
    summary: d.summary,
    filters: { city: d.city.name, category: d.category.name, year: dateSegments(d.date).year, source: d.source.code },
    sort: { date: toIsoWithOffset(d.date) },
    ...(image && { image }),
    body: d.body,
    captions: d.photos.map((photo) => photo.caption),
  };
}

/**
 * The record of a dispatch, from its source and its rendered body: the text
 * a reader sees on its page (the dateline, the paragraphs and the captions
 * of its photos, not their credits).
 */
export function searchRecord({ body: _, captions, ...source }: RecordSource, bodyHtml: string): SearchRecord {
  const html = fillPhotos(withDateline(bodyHtml, escapeHtml(source.dateline)), (n) => (captions[n] ? `<p>${escapeHtml(captions[n])}</p>` : ''));
  const text = toText(fromHtml(html, { fragment: true })).replace(/\s+/g, ' ').trim();
  return { ...source, text: `${source.title}\n${text}` };
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
