/**
 * Sitemaps: the dispatch pages in chunks, the landings and indexes, their
 * index, and the Google News sitemap of the newest dispatches.
 */
import { siteConfig } from '#src/config.ts';
import { toIsoWithOffset } from '#src/dispatch/dates.ts';
import type { Dispatch } from '#src/dispatch/dispatch.ts';
import { absoluteUrl } from '#src/dispatch/urls.ts';
import { escapeXml } from './xml.ts';

const newsWindowHours = 48;
const newsSitemapLimit = 1000;

/** Dispatches of the 48 hours up to the newest one (input newest first). */
export function newsWindow(dispatches: readonly Dispatch[]): Dispatch[] {
  const newest = dispatches[0]?.date.getTime();
  if (newest === undefined) return [];
  const start = newest - newsWindowHours * 3600_000;
  return dispatches.filter((d) => d.date.getTime() >= start).slice(0, newsSitemapLimit);
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export function newsSitemapXml(dispatches: readonly Dispatch[]): string {
  const urls = dispatches.map(
    (d) =>
      `<url><loc>${escapeXml(absoluteUrl(d.url))}</loc><news:news><news:publication>` +
      `<news:name>${escapeXml(siteConfig.publisher)}</news:name><news:language>${siteConfig.lang}</news:language>` +
      `</news:publication><news:publication_date>${toIsoWithOffset(d.date)}</news:publication_date>` +
      `<news:title>${escapeXml(d.title)}</news:title></news:news></url>`,
  );
  return [
    XML_DECLARATION,
    `<urlset xmlns="${SITEMAP_NS}" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">`,
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

/** A sitemap of site paths, each with the time it last changed when known. */
export function sitemapXml(urls: readonly { path: string; lastmod?: Date }[]): string {
  const entries = urls.map(
    ({ path, lastmod }) =>
      `<url><loc>${escapeXml(absoluteUrl(path))}</loc>${lastmod ? `<lastmod>${toIsoWithOffset(lastmod)}</lastmod>` : ''}</url>`,
  );
  return [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}">`, ...entries, '</urlset>', ''].join('\n');
}

/** The sitemap index: every sitemap's site path. */
export function sitemapIndexXml(paths: readonly string[]): string {
  const entries = paths.map((path) => `<sitemap><loc>${escapeXml(absoluteUrl(path))}</loc></sitemap>`);
  return [XML_DECLARATION, `<sitemapindex xmlns="${SITEMAP_NS}">`, ...entries, '</sitemapindex>', ''].join('\n');
}
