/**
 * Sitemaps: lastmod for @astrojs/sitemap, and the Google News sitemap of
 * the newest dispatches.
 */
import { siteConfig } from '../config.ts';
import { toIsoWithOffset } from './dates.ts';
import type { Dispatch } from './dispatch.ts';
import { absoluteUrl, dispatchPath } from './urls.ts';
import { escapeXml } from './xml.ts';

/** Absolute URL of each dispatch → when it last changed (updated, else date). */
export function lastModified(
  dispatches: readonly { data: { date: Date; updated?: Date; slug: string } }[],
): Map<string, Date> {
  return new Map(
    dispatches.map(({ data }) => [absoluteUrl(dispatchPath(data.date, data.slug)), data.updated ?? data.date]),
  );
}

export const newsWindowHours = 48;
export const newsSitemapLimit = 1000;

/** Dispatches of the 48 hours up to the newest one (input newest first). */
export function newsWindow(dispatches: readonly Dispatch[]): Dispatch[] {
  const newest = dispatches[0]?.date.getTime();
  if (newest === undefined) return [];
  const start = newest - newsWindowHours * 3600_000;
  return dispatches.filter((d) => d.date.getTime() >= start).slice(0, newsSitemapLimit);
}

export function newsSitemapXml(dispatches: readonly Dispatch[]): string {
  const urls = dispatches.map(
    (d) =>
      `<url><loc>${escapeXml(absoluteUrl(d.url))}</loc><news:news><news:publication>` +
      `<news:name>${escapeXml(siteConfig.publisher)}</news:name><news:language>${siteConfig.lang}</news:language>` +
      `</news:publication><news:publication_date>${toIsoWithOffset(d.date)}</news:publication_date>` +
      `<news:title>${escapeXml(d.title)}</news:title></news:news></url>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}
