/**
 * "Related dispatches": those sharing tags, category or city, scored, with
 * the nearest in time first among equals. Candidates come only from each
 * facet's neighbours in time, so the cost stays linear in the archive size
 * instead of comparing every pair.
 */
import type { Dispatch } from './dispatch.ts';

const TAG_WEIGHT = 3;
const CATEGORY_WEIGHT = 2;
const CITY_WEIGHT = 1;

function score(a: Dispatch, tags: ReadonlySet<string>, b: Dispatch): number {
  const shared = b.tags.filter((t) => tags.has(t.slug)).length;
  return (
    shared * TAG_WEIGHT +
    (a.category.slug === b.category.slug ? CATEGORY_WEIGHT : 0) +
    (a.city.slug === b.city.slug ? CITY_WEIGHT : 0)
  );
}

function facets(d: Dispatch): string[] {
  return [`category:${d.category.slug}`, `city:${d.city.slug}`, ...d.tags.map((t) => `tag:${t.slug}`)];
}

/**
 * Builds a lookup of related dispatches for a list sorted newest first.
 * @param count how many to return per dispatch
 */
export function relatedIndex(dispatches: readonly Dispatch[], count: number) {
  const lists = new Map<string, Dispatch[]>();
  const positions = new Map<string, Map<Dispatch, number>>();
  for (const d of dispatches) {
    for (const facet of facets(d)) {
      let list = lists.get(facet);
      if (!list) {
        lists.set(facet, (list = []));
        positions.set(facet, new Map());
      }
      positions.get(facet)!.set(d, list.length);
      list.push(d);
    }
  }
  const reach = count * 2;
  return (d: Dispatch): Dispatch[] => {
    const candidates = new Set<Dispatch>();
    for (const facet of facets(d)) {
      const list = lists.get(facet);
      const at = positions.get(facet)?.get(d);
      if (!list || at === undefined) continue;
      for (let i = Math.max(0, at - reach); i <= Math.min(list.length - 1, at + reach); i++) {
        if (list[i] !== d) candidates.add(list[i]);
      }
    }
    const time = d.date.getTime();
    const tags = new Set(d.tags.map((t) => t.slug));
    return [...candidates]
      .map((c) => ({ c, s: score(d, tags, c), gap: Math.abs(c.date.getTime() - time) }))
      .sort((x, y) => y.s - x.s || x.gap - y.gap || (x.c.id < y.c.id ? -1 : 1))
      .slice(0, count)
      .map(({ c }) => c);
  };
}
