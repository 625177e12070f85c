/**
 * Listings numbered from the oldest (home, a city, a category, a tag).
 *
 * Page 1 holds a listing's oldest dispatches. A numbered page exists once it
 * holds exactly `size` dispatches, and from then on never changes: it is
 * sealed. Nothing on it depends on how many there are since; it links to its
 * neighbours and to the listing's own URL. The listing's own URL (its
 * landing) shows the newest `size` dispatches: the page being filled, topped
 * up from the last sealed page so that it never looks empty. The number the
 * next page will have answers with a redirect to the landing until that
 * page is sealed, so the newest sealed page's link to it always works.
 */
import { pagePath } from '#src/dispatch/urls.ts';

export interface ListingPage<T> {
  kind: 'landing' | 'sealed';
  /** Of a sealed page, 1 for the oldest. */
  number?: number;
  /** Newest first, as readers read a listing. */
  items: T[];
  url: string;
  /** The listing's own URL. */
  landingUrl: string;
  /** The next older page, if there is one. */
  olderUrl?: string;
  /** The next newer sealed page, or the one being filled (a redirect to the landing). */
  newerUrl?: string;
}

/** How many pages of `count` dispatches are sealed. */
export const sealedCount = (count: number, size: number) => Math.floor(count / size);

/** Sealed page `number` of a listing whose items are oldest first. */
export function sealedPage<T>(items: readonly T[], size: number, base: string, number: number): ListingPage<T> {
  return {
    kind: 'sealed',
    number,
    items: items.slice((number - 1) * size, number * size).reverse(),
    url: pagePath(base, number),
    landingUrl: base,
    ...(number > 1 && { olderUrl: pagePath(base, number - 1) }),
    newerUrl: pagePath(base, number + 1),
  };
}

/**
 * The landing: the newest `size` items. Its older link goes to the newest
 * sealed page it does not show whole.
 */
export function landingPage<T>(items: readonly T[], size: number, base: string): ListingPage<T> {
  const sealed = sealedCount(items.length, size);
  const older = items.length % size === 0 ? sealed - 1 : sealed;
  return {
    kind: 'landing',
    items: items.slice(-size).reverse(),
    url: base,
    landingUrl: base,
    ...(older >= 1 && { olderUrl: pagePath(base, older) }),
  };
}

export interface ListingPaths<T> {
  landing: ListingPage<T>;
  sealed: ListingPage<T>[];
  /** The number the page being filled will have; its URL redirects to the landing (none before the first page is sealed). */
  next?: { number: number; url: string; landingUrl: string };
}

/** Every page of a listing whose items are oldest first. */
export function listingPages<T>(items: readonly T[], size: number, base: string): ListingPaths<T> {
  const count = sealedCount(items.length, size);
  return {
    landing: landingPage(items, size, base),
    sealed: Array.from({ length: count }, (_, i) => sealedPage(items, size, base, i + 1)),
    ...(count >= 1 && { next: { number: count + 1, url: pagePath(base, count + 1), landingUrl: base } }),
  };
}
