/**
 * The site as pages see it: the dispatches a reader can reach at the build's
 * "now", oldest first, grouped into listings and by date, with each one's
 * neighbours and related dispatches. Pure: made from the manifest's records,
 * the same way by the build's planner, by the compiled pages and in dev.
 */
import { siteConfig } from '#src/config.ts';
import { calendar, groupBy, type YearGroup } from './calendar.ts';
import { isPublished, oldestFirst, toDispatch, type Dispatch } from '#src/dispatch/dispatch.ts';
import type { TermGroup } from './term-groups.ts';
import { categoryPath, cityPath, tagPath } from '#src/dispatch/urls.ts';
import type { DispatchRecord } from '#src/dispatch/record.ts';
import { relatedAt, relatedLists, type RelatedCache } from './related.ts';

export interface SiteInput {
  records: readonly DispatchRecord[];
  now: Date;
  /** Drafts and embargoed dispatches shown, and marked. */
  preview: boolean;
  /** Related lists as the pipeline worked them out (see related.ts). */
  related?: RelatedCache;
  /** Otherwise they are worked out here, reusing the last build's lists where they cannot have changed. */
  relatedCache?: RelatedCache;
}

export interface Site {
  now: Date;
  preview: boolean;
  /** Every dispatch with a page, oldest first. */
  dispatches: Dispatch[];
  byId: ReadonlyMap<string, Dispatch>;
  /** The next older and the next newer dispatch. */
  neighbours(d: Dispatch): { older?: Dispatch; newer?: Dispatch };
  related(d: Dispatch): Dispatch[];
  /** Listings, their dispatches oldest first. */
  cities: TermGroup[];
  categories: TermGroup[];
  tags: TermGroup[];
  /** Year → month → day, newest first at every level. */
  calendar: YearGroup[];
  /** What feeds and sitemaps offer: not withdrawn, newest first. */
  live: Dispatch[];
  /** The related lists worked out, to keep for the next build. */
  relatedCache?: RelatedCache;
}

/** Groups by a key; the groups in order of first appearance, each oldest first. */
function terms(
  dispatches: readonly Dispatch[],
  keys: (d: Dispatch) => { slug: string; name: string }[],
  href: (slug: string) => string,
): TermGroup[] {
  const names = new Map<string, string>();
  for (const d of dispatches) for (const key of keys(d)) if (!names.has(key.slug)) names.set(key.slug, key.name);
  return groupBy(dispatches, (d) => keys(d).map((key) => key.slug)).map(({ key, dispatches: list }) => ({
    slug: key,
    // Spellings of a tag that make one URL share it: the first one used names it, for good.
    name: names.get(key)!,
    href: href(key),
    dispatches: list,
  }));
}

export function buildSite(input: SiteInput): Site {
  const { now, preview } = input;
  const dispatches = input.records
    .map((record) => toDispatch(record, now))
    .filter((d) => isPublished(d, preview))
    .sort(oldestFirst);
  const byId = new Map(dispatches.map((d) => [d.id, d]));
  const position = new Map(dispatches.map((d, i) => [d, i]));
  const relatedCache = input.related ? undefined : relatedLists(dispatches, siteConfig.relatedCount, input.relatedCache);
  const related = input.related ?? relatedCache!;
  const newestFirst = [...dispatches].reverse();
  return {
    now,
    preview,
    dispatches,
    byId,
    neighbours(d) {
      const i = position.get(d)!;
      return { older: dispatches[i - 1], newer: dispatches[i + 1] };
    },
    related: (d) => relatedAt(related, position.get(d)!).map((i) => dispatches[i]),
    cities: terms(dispatches, (d) => [d.city], cityPath),
    categories: terms(dispatches, (d) => [d.category], categoryPath),
    tags: terms(dispatches, (d) => d.tags, tagPath),
    calendar: calendar(newestFirst),
    live: newestFirst.filter((d) => !d.withdrawn),
    relatedCache,
  };
}
