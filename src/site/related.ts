/**
 * "Related dispatches": earlier dispatches sharing tags, category or city,
 * scored, the nearest in time first among equals. Only dispatches published
 * before one can be related to it, so a new dispatch never changes an older
 * page. Candidates come from each facet's previous few dispatches, so the
 * cost stays linear in the archive's size.
 *
 * A list depends only on the dispatches before it, so a list before the
 * first change since the last build is taken from it instead of being
 * worked out again.
 */
import type { Dispatch } from '../lib/dispatch.ts';

const TAG_WEIGHT = 3;
const CATEGORY_WEIGHT = 2;
const CITY_WEIGHT = 1;

/** What relatedness reads of a dispatch. */
export type RelatedFacets = Pick<Dispatch, 'id' | 'date' | 'city' | 'category' | 'tags'> & { withdrawn?: unknown };

function score(a: RelatedFacets, tags: ReadonlySet<string>, b: RelatedFacets): number {
  const shared = b.tags.filter((t) => tags.has(t.slug)).length;
  return (
    shared * TAG_WEIGHT + (a.category.slug === b.category.slug ? CATEGORY_WEIGHT : 0) + (a.city.slug === b.city.slug ? CITY_WEIGHT : 0)
  );
}

const facets = (d: RelatedFacets) => [`category:${d.category.slug}`, `city:${d.city.slug}`, ...d.tags.map((t) => `tag:${t.slug}`)];

/** Related ids by dispatch id, and what each position held: kept for the next build. */
export interface RelatedCache {
  lists: Map<string, string[]>;
  /** Each dispatch, in order, as relatedness reads it: id, date, facets, withdrawn. */
  sequence: string[];
}

/** Related dispatches of one, from the recent dispatches of each of its facets. */
function rank(d: RelatedFacets, recent: ReadonlyMap<string, RelatedFacets[]>, count: number): string[] {
  const candidates = new Set<RelatedFacets>();
  for (const facet of facets(d)) for (const c of recent.get(facet) ?? []) candidates.add(c);
  const time = d.date.getTime();
  const tags = new Set(d.tags.map((t) => t.slug));
  return [...candidates]
    .map((c) => ({ c, s: score(d, tags, c), gap: time - c.date.getTime() }))
    .sort((x, y) => y.s - x.s || x.gap - y.gap || (x.c.id < y.c.id ? -1 : 1))
    .slice(0, count)
    .map(({ c }) => c.id);
}

/**
 * Related dispatch ids of every dispatch in `dispatches` (oldest first).
 * Withdrawn dispatches are never offered as related. A list depends only on
 * the dispatches up to its own: those before the first position that
 * differs from `previous` are taken from it.
 */
export function relatedLists(dispatches: readonly RelatedFacets[], count: number, previous?: RelatedCache): RelatedCache {
  const sequence = dispatches.map((d) => `${d.id}\0${d.date.getTime()}\0${facets(d).join('\0')}\0${d.withdrawn ? 1 : 0}`);
  let same = 0;
  while (previous && same < sequence.length && sequence[same] === previous.sequence[same]) same++;
  const recent = new Map<string, RelatedFacets[]>();
  const reach = count * 2;
  const lists = new Map<string, string[]>();
  for (const [i, d] of dispatches.entries()) {
    lists.set(d.id, i < same ? previous!.lists.get(d.id)! : rank(d, recent, count));
    if (d.withdrawn) continue;
    for (const facet of facets(d)) {
      const list = recent.get(facet) ?? [];
      list.push(d);
      if (list.length > reach) list.shift();
      recent.set(facet, list);
    }
  }
  return { lists, sequence };
}
