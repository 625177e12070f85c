/**
 * Listing data for cities, categories and tags: one shape for the three so
 * their routes and index pages stay identical.
 */
import type { Dispatch } from '#src/dispatch/dispatch.ts';

export interface TermGroup {
  slug: string;
  name: string;
  href: string;
  /** Oldest first, as listings number their pages. */
  dispatches: Dispatch[];
}

const collator = new Intl.Collator('ar');

/** Index entries (name, link, count), in Arabic alphabetical order. */
export function termIndex(groups: readonly TermGroup[]) {
  return groups
    .map(({ name, href, slug, dispatches }) => ({ name, href, slug, count: dispatches.length }))
    .sort((a, b) => collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1));
}
