/**
 * The URL scheme of the site, in one place. Paths end with a slash (the
 * build writes directory indexes) and keep Arabic segments readable; use
 * absoluteUrl() where a client needs an absolute, percent-encoded URL.
 */
import { siteConfig } from '#src/config.ts';
import { dateSegments } from './dates.ts';

export const homePath = '/';
export const archivePath = '/archive/';
export const cityIndexPath = '/city/';
export const categoryIndexPath = '/category/';
export const tagIndexPath = '/tag/';
export const searchPath = '/search/';
export const mainFeedPath = '/rss.xml';
/** Every feed, with its address to copy and how to subscribe. */
export const feedsPagePath = '/feeds/';
export const newsSitemapPath = '/sitemap-news.xml';
export const sitemapIndexPath = '/sitemap-index.xml';
/** Landings, indexes and the archive's calendar. */
export const sitemapPagesPath = '/sitemap-pages.xml';
/** Chunk n (from 0, oldest first) of the dispatch pages. */
export const sitemapDispatchesPath = (n: number) => `/sitemap-dispatches-${n}.xml`;

/** The RSS feed of a listing page (a city, a category or a tag). */
export const feedPath = (listingPath: string) => `${listingPath}rss.xml`;

/** The generated social image of a dispatch. */
export const socialImagePath = (dispatchPath: string) => `${dispatchPath}og.png`;

export function dispatchPath(date: Date, slug: string): string {
  const { year, month, day } = dateSegments(date);
  return `/${year}/${month}/${day}/${slug}/`;
}

export const cityPath = (slug: string) => `${cityIndexPath}${slug}/`;
export const categoryPath = (slug: string) => `${categoryIndexPath}${slug}/`;
export const tagPath = (slug: string) => `${tagIndexPath}${slug}/`;
export const archiveYearPath = (year: string) => `${archivePath}${year}/`;
export const archiveMonthPath = (year: string, month: string) => `${archivePath}${year}/${month}/`;
export const archiveDayPath = (year: string, month: string, day: string) => `${archivePath}${year}/${month}/${day}/`;

/**
 * Numbered page n of a listing, counted from the oldest (see
 * src/site/listing.ts); the listing's own URL shows the newest.
 */
export function pagePath(base: string, page: number): string {
  return `${base}page/${page}/`;
}

/** The rest parameter of a listing route: page n, or undefined for the listing's own URL. */
export function pageParam(page?: number): string | undefined {
  return page === undefined ? undefined : `page/${page}`;
}

/** Absolute, percent-encoded URL of a site path. */
export function absoluteUrl(path: string): string {
  return new URL(path, siteConfig.origin).href;
}
