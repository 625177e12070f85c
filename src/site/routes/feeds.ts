/**
 * Feeds, the page that lists them, and sitemaps. Dispatch sitemaps are cut in chunks of the archive in
 * date order, oldest first, so that a new dispatch changes only the last
 * chunk; a withdrawn dispatch keeps its place and drops out of its chunk.
 */
import { siteConfig } from '#src/config.ts';
import { t, type UiKey } from '#src/i18n/ar.ts';
import type { Dispatch } from '#src/dispatch/dispatch.ts';
import { feedSize, type FeedChannel } from '#src/render/feed.ts';
import { termIndex } from '#src/site/term-groups.ts';
import { newsWindow } from '#src/render/sitemap.ts';
import {
  archiveDayPath,
  archiveMonthPath,
  archivePath,
  archiveYearPath,
  categoryIndexPath,
  cityIndexPath,
  feedPath,
  feedsPagePath,
  homePath,
  mainFeedPath,
  newsSitemapPath,
  searchPath,
  sitemapDispatchesPath,
  sitemapIndexPath,
  sitemapPagesPath,
  tagIndexPath,
} from '#src/dispatch/urls.ts';
import type { Site } from '#src/site/model.ts';
import { taxonomies, termFeed, type TaxonomyName } from './listings.ts';
import type { RouteEntry } from './types.ts';

export interface FeedView {
  channel: FeedChannel;
  /** Newest first. */
  items: Dispatch[];
  /** Whole bodies and photos, or the summary alone (the cards' digests cover that). */
  full: boolean;
  /** The items' own digests, when the feed shows their bodies. */
  digests: string[];
}

export interface FeedIndexView {
  /** The main feed, then the categories', the cities' and the tags', each by name. */
  sections: {
    heading: string;
    feeds: { name: string; path: string }[];
    /** Each feed's address shown; the tags', thousands in a big archive, by name alone. */
    addresses: boolean;
  }[];
}

export interface SitemapView {
  urls: { path: string; lastmod?: Date }[];
}

export interface SitemapIndexView {
  sitemaps: string[];
}

/** Dispatch URLs in one sitemap chunk (the protocol allows 50,000). */
const sitemapChunkSize = 10_000;

/**
 * A tag's feed is its newest few, summaries only: an archive names thousands
 * of tags, and a full feed each would weigh more than the rest of the site.
 */
export const tagFeedSize = 20;

const feedView = (channel: FeedChannel, dispatches: readonly Dispatch[], full = true): FeedView => {
  const items = dispatches.slice(0, full ? feedSize : tagFeedSize);
  return { channel, items, full, digests: full ? items.map((d) => d.digest) : [] };
};

export const mainFeedEntries = (site: Site): RouteEntry<FeedView>[] => [
  {
    path: mainFeedPath,
    params: {},
    view: feedView(
      {
        title: t('feed.mainTitle', { site: siteConfig.title }),
        description: siteConfig.description,
        pagePath: homePath,
        feedPath: mainFeedPath,
      },
      site.live,
    ),
  },
];

const feedDescriptions = {
  city: 'feed.cityDescription',
  category: 'feed.categoryDescription',
  tag: 'feed.tagDescription',
} satisfies Record<TaxonomyName, UiKey>;

export function termFeedEntries(name: TaxonomyName, site: Site): RouteEntry<FeedView>[] {
  const describe = feedDescriptions[name];
  return taxonomies[name].groups(site).map((group) => {
    const feed = termFeed(name, group);
    const live = group.dispatches.filter((d) => !d.withdrawn).reverse();
    return {
      path: feed.href,
      params: { term: group.slug },
      view: feedView(
        {
          title: feed.title,
          description: t(describe, { name: group.name, site: siteConfig.title }),
          pagePath: group.href,
          feedPath: feed.href,
        },
        live,
        name !== 'tag',
      ),
    };
  });
}

/** The feeds page: every feed's name and path, so it changes only when a term comes or goes. */
export const feedIndexEntries = (site: Site): RouteEntry<FeedIndexView>[] => [
  {
    path: feedsPagePath,
    params: {},
    view: {
      sections: [
        { heading: t('feeds.main'), feeds: [{ name: t('home.title'), path: mainFeedPath }], addresses: true },
        ...(['category', 'city', 'tag'] as const).map((name) => ({
          heading: t(taxonomies[name].indexTitle),
          feeds: termIndex(taxonomies[name].groups(site)).map((term) => ({ name: term.name, path: feedPath(term.href) })),
          addresses: name !== 'tag',
        })),
      ],
    },
  },
];

export const newsSitemapEntries = (site: Site): RouteEntry<{ items: Dispatch[] }>[] => [
  { path: newsSitemapPath, params: {}, view: { items: newsWindow(site.live) } },
];

const chunkCount = (site: Site) => Math.ceil(site.dispatches.length / sitemapChunkSize);

export const sitemapIndexEntries = (site: Site): RouteEntry<SitemapIndexView>[] => [
  {
    path: sitemapIndexPath,
    params: {},
    view: { sitemaps: [sitemapPagesPath, ...Array.from({ length: chunkCount(site) }, (_, n) => sitemapDispatchesPath(n))] },
  },
];

export function sitemapChunkEntries(site: Site): RouteEntry<SitemapView>[] {
  return Array.from({ length: chunkCount(site) }, (_, n) => ({
    path: sitemapDispatchesPath(n),
    params: { n: String(n) },
    view: {
      urls: site.dispatches
        .slice(n * sitemapChunkSize, (n + 1) * sitemapChunkSize)
        .filter((d) => !d.withdrawn)
        .map((d) => ({ path: d.url, lastmod: d.updated ?? d.date })),
    },
  }));
}

/** Landings, indexes and the calendar: what a crawler finds the dispatches through. */
export const sitemapPagesEntries = (site: Site): RouteEntry<SitemapView>[] => [
  {
    path: sitemapPagesPath,
    params: {},
    view: {
      urls: [
        homePath,
        searchPath,
        feedsPagePath,
        archivePath,
        ...site.calendar.flatMap((y) => [
          archiveYearPath(y.year),
          ...y.months.flatMap((m) => [archiveMonthPath(y.year, m.month), ...m.days.map((d) => archiveDayPath(y.year, m.month, d.day))]),
        ]),
        cityIndexPath,
        ...site.cities.map((g) => g.href),
        categoryIndexPath,
        ...site.categories.map((g) => g.href),
        tagIndexPath,
        ...site.tags.map((g) => g.href),
      ].map((path) => ({ path })),
    },
  },
];
