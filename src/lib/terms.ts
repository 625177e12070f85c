/**
 * Listing data for cities, categories and tags: one shape for the three so
 * their routes and index pages stay identical.
 */
import type { Term } from './archive.ts';
import type { Dispatch } from './dispatch.ts';
import { listingPaths } from './pagination.ts';

export interface TermInfo {
  slug: string;
  name: string;
  href: string;
}

const collator = new Intl.Collator('ar');

/** Index entries (name, link, count), in Arabic alphabetical order. */
export function termIndex<K>(groups: Term<K>[], info: (group: Term<K>) => TermInfo) {
  return groups
    .map((group) => ({ ...info(group), count: group.dispatches.length }))
    .sort((a, b) => collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1));
}

/** getStaticPaths entries of every term's paginated listing (route param `term`). */
export function termPaths<K>(groups: Term<K>[], size: number, info: (group: Term<K>) => TermInfo) {
  return groups.flatMap((group) => {
    const term = info(group);
    return listingPaths<Dispatch>(group.dispatches, size, term.href).map(({ params, props }) => ({
      params: { term: term.slug, page: params.page },
      props: { ...props, name: term.name },
    }));
  });
}
