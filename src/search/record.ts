/**
 * What the search index holds for a dispatch: a record made from its data
 * and its rendered body, whose indexed text is normalised (see arabic.ts) and
 * whose metadata keeps the original text, so results show what the dispatch
 * really says. (The served page marks its article for Pagefind too, so
 * Pagefind alone could index it; the search tests compare with that.)
 */
import { escapeHtml } from '#src/render/body-html.ts';
import { blockSizes } from './excerpt.ts';
import { dateSegments, toIsoWithOffset } from '#src/dispatch/dates.ts';
import { dateline, type Dispatch } from '#src/dispatch/dispatch.ts';
import { fillPhotos } from '#src/dispatch/photo-markers.ts';
import { textBlocks } from '#src/dispatch/plain-text.ts';
import { TITLE_SLOTS, textTerms } from './terms.ts';

export interface SearchRecord {
  url: string;
  title: string;
  dateline: string;
  /** The body as readers see it, one line per block; excerpts are cut from it. */
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
    filters: { city: d.city.name, category: d.category.name, year: dateSegments(d.date).year, source: d.source.code },
    sort: { date: toIsoWithOffset(d.date) },
    ...(image && { image }),
    body: d.body,
    captions: d.photos.map((photo) => photo.caption),
  };
}

/**
 * The record of a dispatch, from its source and its rendered body: the text
 * a reader sees on its page, block by block (its paragraphs, subheadings and
 * the captions of its photos, not their credits), without the dateline,
 * which results show apart.
 */
export function searchRecord({ body: _, captions, ...source }: RecordSource, bodyHtml: string): SearchRecord {
  const html = fillPhotos(bodyHtml, (n) => (captions[n] ? `<p>${escapeHtml(captions[n])}</p>` : ''));
  return { ...source, text: textBlocks(html).join('\n') };
}

/**
 * The HTML Pagefind indexes for a record: the terms of the title's words
 * (search-terms.ts) from position 0, the body's from TITLE_SLOTS (the gap
 * is filled with dots, which Pagefind counts but does not index), so a word
 * location tells title from body; metadata and filters in original spelling.
 */
export function recordHtml(record: SearchRecord): string {
  const title = textTerms(record.title).slice(0, TITLE_SLOTS);
  const gap = '. '.repeat(TITLE_SLOTS - title.length);
  const meta = (name: string, value: string) => `<span data-pagefind-meta="${name}">${escapeHtml(value)}</span>`;
  const filter = (name: string, value: string) => `<span data-pagefind-filter="${name}">${escapeHtml(value)}</span>`;
  const sort = Object.entries(record.sort)
    .map(([key, value]) => `${key}:${value}`)
    .join(', ');
  return [
    '<!doctype html><html lang="ar"><body>',
    `<main data-pagefind-body${sort ? ` data-pagefind-sort="${escapeHtml(sort)}"` : ''}>`,
    `<h1>${title.join(' ')}</h1>`,
    `<p>${gap}${textTerms(record.text).join(' ')}</p>`,
    '<div data-pagefind-ignore="index">',
    // What a result shows, no more: each result's metadata is fetched with it.
    meta('title', record.title),
    meta('dateline', record.dateline),
    meta('text', record.text),
    // Pagefind's metadata turns line breaks into spaces: where blocks end is kept apart.
    meta('blocks', blockSizes(record.text).join(' ')),
    ...(record.image ? [meta('image', record.image)] : []),
    ...Object.entries(record.filters).map(([name, value]) => filter(name, value)),
    '</div></main></body></html>',
  ].join('');
}
