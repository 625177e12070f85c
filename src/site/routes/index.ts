/**
 * Every kind of page and file the site has, with the Astro route that renders
 * it and what it is made from (its view). A page is a function of its view
 * and the code: the view is what the page receives as props, and its key
 * (src/site/route-keys.ts) is a digest of the view. A page that read anything
 * besides its view would not be rendered again when that changes, so pages
 * read nothing else (tests/build/publish.test.ts checks a publish against a
 * full build after every kind of change).
 *
 * What each kind's view holds, and so what renders it again:
 * - home, city, category, tag: a listing page's dispatches (as cards), its
 *   number and links; the landing also its count. Sealed pages hold no count
 *   and no total, so only the landing changes with a new dispatch.
 * - dispatch: the dispatch (its record's digest: text, body, photos), its two
 *   neighbours and its related dispatches, which are earlier ones only.
 * - card: the dispatch's headline and dateline (its card digest covers them).
 * - archive-index, archive-year: counts by year and month; archive-month: the
 *   month's dispatches as headlines, by day; archive-day: the day's
 *   dispatches as cards. A year, month or day page also names the periods
 *   either side that have dispatches.
 * - city-index, category-index, tag-index: every term with its count.
 * - search: the filters (cities, categories, years).
 * - feed, city-feed, category-feed, tag-feed: the newest items, whole (their
 *   digests).
 * - feed-index: every feed's name and path.
 * - news-sitemap: the last 48 hours; sitemap-dispatches: one chunk's URLs and
 *   dates; sitemap-index and sitemap-pages: the chunks, the landings and
 *   the calendar.
 * - not-found, robots, logo, default-card: nothing but the code.
 */
import type { Site } from '#src/site/model.ts';
import { cardEntries, dispatchEntries } from './dispatches.ts';
import {
  feedIndexEntries,
  mainFeedEntries,
  newsSitemapEntries,
  sitemapChunkEntries,
  sitemapIndexEntries,
  sitemapPagesEntries,
  termFeedEntries,
} from './feeds.ts';
import {
  archiveDayEntries,
  archiveIndexEntries,
  archiveMonthEntries,
  archiveYearEntries,
  searchEntries,
  termIndexEntries,
} from './indexes.ts';
import { homeEntries, taxonomyEntries } from './listings.ts';
import type { RouteEntry } from './types.ts';

export type { RouteEntry } from './types.ts';

export interface RouteKind {
  /** The page or endpoint, relative to the project root. */
  component: string;
  /** An array, or a generator for the routes with a page per dispatch. */
  entries: (site: Site) => Iterable<RouteEntry>;
}

const only = (path: string) => (): RouteEntry<null>[] => [{ path, params: {}, view: null }];

export const routes = {
  home: { component: 'src/pages/[...page].astro', entries: homeEntries },
  city: { component: 'src/pages/city/[term]/[...page].astro', entries: (site) => taxonomyEntries('city', site) },
  category: { component: 'src/pages/category/[term]/[...page].astro', entries: (site) => taxonomyEntries('category', site) },
  tag: { component: 'src/pages/tag/[term]/[...page].astro', entries: (site) => taxonomyEntries('tag', site) },
  dispatch: { component: 'src/pages/[year]/[month]/[day]/[slug].astro', entries: dispatchEntries },
  card: { component: 'src/pages/[year]/[month]/[day]/[slug]/og.png.ts', entries: cardEntries },
  'archive-index': { component: 'src/pages/archive/index.astro', entries: archiveIndexEntries },
  'archive-year': { component: 'src/pages/archive/[year]/index.astro', entries: archiveYearEntries },
  'archive-month': { component: 'src/pages/archive/[year]/[month]/index.astro', entries: archiveMonthEntries },
  'archive-day': { component: 'src/pages/archive/[year]/[month]/[day]/index.astro', entries: archiveDayEntries },
  'city-index': { component: 'src/pages/city/index.astro', entries: (site) => termIndexEntries('city', site) },
  'category-index': { component: 'src/pages/category/index.astro', entries: (site) => termIndexEntries('category', site) },
  'tag-index': { component: 'src/pages/tag/index.astro', entries: (site) => termIndexEntries('tag', site) },
  search: { component: 'src/pages/search.astro', entries: searchEntries },
  feed: { component: 'src/pages/rss.xml.ts', entries: mainFeedEntries },
  'city-feed': { component: 'src/pages/city/[term]/rss.xml.ts', entries: (site) => termFeedEntries('city', site) },
  'category-feed': { component: 'src/pages/category/[term]/rss.xml.ts', entries: (site) => termFeedEntries('category', site) },
  'tag-feed': { component: 'src/pages/tag/[term]/rss.xml.ts', entries: (site) => termFeedEntries('tag', site) },
  'feed-index': { component: 'src/pages/feeds.astro', entries: feedIndexEntries },
  'news-sitemap': { component: 'src/pages/sitemap-news.xml.ts', entries: newsSitemapEntries },
  'sitemap-index': { component: 'src/pages/sitemap-index.xml.ts', entries: sitemapIndexEntries },
  'sitemap-pages': { component: 'src/pages/sitemap-pages.xml.ts', entries: sitemapPagesEntries },
  'sitemap-dispatches': { component: 'src/pages/sitemap-dispatches-[n].xml.ts', entries: sitemapChunkEntries },
  'not-found': { component: 'src/pages/404.astro', entries: only('/404/') },
  robots: { component: 'src/pages/robots.txt.ts', entries: only('/robots.txt') },
  logo: { component: 'src/pages/logo.png.ts', entries: only('/logo.png') },
  'default-card': { component: 'src/pages/og-default.png.ts', entries: only('/og-default.png') },
} satisfies Record<string, RouteKind>;

export type RouteName = keyof typeof routes;

/** The view a route's entry at `path` is rendered from; each route's type. */
export type ViewOf<N extends RouteName> = ReturnType<(typeof routes)[N]['entries']> extends Iterable<RouteEntry<infer V>> ? V : never;

/** The file a site path is written to, relative to the output folder. */
export function outputFile(sitePath: string): string {
  if (sitePath === '/404/') return '404.html';
  const relative = decodeURI(sitePath).replace(/^\/+/, '');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}
