/**
 * Feeds and sitemaps. Dispatch sitemaps are cut in chunks of the archive in
 * date order, oldest first, so that a new dispatch changes only the last
 * chunk; a withdrawn dispatch keeps its place and drops out of its chunk.
 */
import { siteConfig } from '../../config.ts';
import { t } from '../../i18n/ar.ts';
import type { Dispatch } from '../../lib/dispatch.ts';
import { feedSize, type FeedChannel } from '../../lib/feed.ts';
import { newsWindow } from '../../lib/sitemap.ts';
import {
  archiveMonthPath,
  archivePath,
  archiveYearPath,
  categoryIndexPath,
  cityIndexPath,
  homePath,
  mainFeedPath,
  newsSitemapPath,
  searchPath,
  sitemapDispatchesPath,
  sitemapIndexPath,
  sitemapPagesPath,
  tagIndexPath,
} from '../../lib/urls.ts';
import type { Site } from '../model.ts';
import { taxonomies, termFeed } from './listings.ts';
import type { RouteEntry } from './types.ts';

export interface FeedView {
  channel: FeedChannel;
  /** Newest first. */
  items: Dispatch[];
  /** The items' own digests: a feed shows their bodies too. */
  digests: string[];
}

export interface SitemapView {
  urls: { path: string; lastmod?: Date }[];
}

export interface SitemapIndexView {
  sitemaps: string[];
}

/** Dispatch URLs in one sitemap chunk (the protocol allows 50,000). */
export const sitemapChunkSize = 10_000;

const feedView = (channel: FeedChannel, dispatches: readonly Dispatch[]): FeedView => {
  const items = dispatches.slice(0, feedSize);
  return { channel, items, digests: items.map((d) => d.digest) };
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

export function termFeedEntries(name: 'city' | 'category', site: Site): RouteEntry<FeedView>[] {
  const describe = name === 'city' ? 'feed.cityDescription' : 'feed.categoryDescription';
  return taxonomies[name].groups(site).map((group) => {
    const feed = termFeed(name, group)!;
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
      ),
    };
  });
}

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
        archivePath,
        ...site.calendar.flatMap((y) => [archiveYearPath(y.year), ...y.months.map((m) => archiveMonthPath(y.year, m.month))]),
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
