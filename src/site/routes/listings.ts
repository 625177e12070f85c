/**
 * The listing pages: home, and one per city, category and tag, each numbered
 * from the oldest (see ../listing.ts): the landing, the sealed pages and the
 * redirect at the number of the page being filled.
 */
import { siteConfig } from '#src/config.ts';
import { t, type UiKey } from '#src/i18n/ar.ts';
import type { Dispatch } from '#src/dispatch/dispatch.ts';
import type { TermGroup } from '#src/site/term-groups.ts';
import { categoryIndexPath, cityIndexPath, feedPath, homePath, pageParam, tagIndexPath } from '#src/dispatch/urls.ts';
import { frontView, type FrontView } from '#src/site/front.ts';
import { listingPages, type ListingPage } from '#src/site/listing.ts';
import type { Site } from '#src/site/model.ts';
import type { RouteEntry } from './types.ts';

export interface Crumb {
  label: string;
  /** Omitted for the current page. */
  href?: string;
}

export interface Feed {
  title: string;
  href: string;
  /** What the visible subscribe link says. */
  follow: string;
}

export type ListingView =
  | {
      kind: 'page';
      heading: string;
      description?: string;
      page: ListingPage<Dispatch>;
      /** Trail above the heading; the page itself is appended. */
      crumbs?: Crumb[];
      feed?: Feed;
      /** How many dispatches the listing has: on its landing only. */
      count?: number;
    }
  | { kind: 'next'; heading: string; landingUrl: string };

/** The home route's views: the front page at its landing, the listing's numbered pages after it. */
export type HomeView = ListingView | FrontView;

export type TaxonomyName = 'city' | 'category' | 'tag';

export const taxonomies = {
  city: { indexPath: cityIndexPath, indexTitle: 'city.indexTitle', title: 'city.title', groups: (site: Site) => site.cities },
  category: {
    indexPath: categoryIndexPath,
    indexTitle: 'category.indexTitle',
    title: 'category.title',
    groups: (site: Site) => site.categories,
  },
  tag: { indexPath: tagIndexPath, indexTitle: 'tag.indexTitle', title: 'tag.title', groups: (site: Site) => site.tags },
} satisfies Record<TaxonomyName, { indexPath: string; indexTitle: UiKey; title: UiKey; groups: (site: Site) => TermGroup[] }>;

const feedNames = {
  city: { title: 'city.title', follow: 'feed.followCity' },
  category: { title: 'category.title', follow: 'feed.followCategory' },
  tag: { title: 'feed.tagName', follow: 'feed.followTag' },
} satisfies Record<TaxonomyName, { title: UiKey; follow: UiKey }>;

/** The feed of a city, a category or a tag: the newest of its dispatches. */
export function termFeed(name: TaxonomyName, term: { name: string; href: string }): Feed {
  return {
    title: t('feed.termTitle', { site: siteConfig.title, name: t(feedNames[name].title, { name: term.name }) }),
    href: feedPath(term.href),
    follow: t(feedNames[name].follow, { name: term.name }),
  };
}

/** Entries of one listing; `params` adds the route's other parameters (the term). */
function listingEntries(
  dispatches: readonly Dispatch[],
  base: string,
  view: Omit<Extract<ListingView, { kind: 'page' }>, 'kind' | 'page' | 'count'>,
  params: Record<string, string> = {},
): RouteEntry<ListingView>[] {
  const { landing, sealed, next } = listingPages(dispatches, siteConfig.pageSize, base);
  return [
    {
      path: landing.url,
      params: { ...params, page: pageParam() },
      view: { kind: 'page', ...view, page: landing, count: dispatches.length },
    },
    ...sealed.map((page) => ({
      path: page.url,
      params: { ...params, page: pageParam(page.number) },
      view: { kind: 'page' as const, ...view, page },
    })),
    ...(next
      ? [
          {
            path: next.url,
            params: { ...params, page: pageParam(next.number) },
            view: { kind: 'next' as const, heading: view.heading, landingUrl: next.landingUrl },
          },
        ]
      : []),
  ];
}

/** The home listing, whose landing is the front page (see ../front.ts) once there is a dispatch to lead with. */
export function homeEntries(site: Site): RouteEntry<HomeView>[] {
  const [landing, ...rest] = listingEntries(site.dispatches, homePath, { heading: t('home.title'), description: siteConfig.description });
  const front = frontView({
    live: site.live,
    categories: site.categories,
    latestCount: siteConfig.pageSize,
    sectionSize: siteConfig.frontSectionSize,
    olderUrl: landing.view.kind === 'page' ? landing.view.page.olderUrl : undefined,
  });
  return [front ? { ...landing, view: front } : landing, ...rest];
}

export function taxonomyEntries(name: TaxonomyName, site: Site): RouteEntry<ListingView>[] {
  const { indexPath, indexTitle, title } = taxonomies[name];
  const crumbs = [
    { label: t('nav.home'), href: homePath },
    { label: t(indexTitle), href: indexPath },
  ];
  return taxonomies[name]
    .groups(site)
    .flatMap((group) =>
      listingEntries(
        group.dispatches,
        group.href,
        { heading: t(title, { name: group.name }), crumbs, feed: termFeed(name, group) },
        { term: group.slug },
      ),
    );
}
