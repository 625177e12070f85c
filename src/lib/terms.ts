/**
 * Listing data for cities, categories and tags: one shape for the three so
 * their routes and index pages stay identical.
 */
import type { Dispatch } from './dispatch.ts';
import { listingPaths } from './pagination.ts';

export interface TermGroup {
  slug: string;
  name: string;
  href: string;
  /** Newest first. */
  dispatches: Dispatch[];
}

const collator = new Intl.Collator('ar');

/** Index entries (name, link, count), in Arabic alphabetical order. */
export function termIndex(groups: readonly TermGroup[]) {
  return groups
    .map(({ name, href, slug, dispatches }) => ({ name, href, slug, count: dispatches.length }))
    .sort((a, b) => collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1));
}

/** getStaticPaths entries of every term's paginated listing (route param `term`). */
export function termPaths(groups: readonly TermGroup[], size: number) {
  return groups.flatMap((group) =>
    listingPaths(group.dispatches, size, group.href).map(({ params, props }) => ({
      params: { term: group.slug, page: params.page },
      props: { ...props, name: group.name },
    })),
  );
}
