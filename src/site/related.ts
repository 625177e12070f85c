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
import { hash } from 'node:crypto';
import type { Dispatch } from '#src/dispatch/dispatch.ts';

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

/**
 * Related lists by position in the site's dispatches (oldest first), kept
 * for the next build. Packed, as at 100k dispatches lists of ids and their
 * facets as text would be tens of MB to read and hold on every publish.
 */
export interface RelatedCache {
  /** Lists of this many slots each. */
  count: number;
  /** Per position, the positions of its related dispatches (always earlier ones); -1 fills a short list. */
  lists: Int32Array;
  /** Per position, 8 bytes of a digest of what relatedness read of it: id, date, facets, withdrawn. */
  sequence: Uint8Array;
}

const DIGEST_BYTES = 8;

function sequenceOf(dispatches: readonly RelatedFacets[]): Uint8Array {
  const sequence = new Uint8Array(dispatches.length * DIGEST_BYTES);
  for (const [i, d] of dispatches.entries()) {
    const read = `${d.id}\0${d.date.getTime()}\0${facets(d).join('\0')}\0${d.withdrawn ? 1 : 0}`;
    sequence.set(hash('sha1', read, 'buffer').subarray(0, DIGEST_BYTES), i * DIGEST_BYTES);
  }
  return sequence;
}

/** How many positions from the first hold what they held in `previous` (none, from lists of another length or form). */
function samePrefix(sequence: Uint8Array, previous: RelatedCache | undefined, count: number): number {
  if (previous?.count !== count || !(previous.lists instanceof Int32Array && previous.sequence instanceof Uint8Array)) return 0;
  const length = Math.min(sequence.length, previous.sequence.length);
  let same = 0;
  while (same < length && sequence[same] === previous.sequence[same]) same++;
  return Math.floor(same / DIGEST_BYTES);
}

/** Related dispatches of one, from the recent dispatches of each of its facets. */
function rank(d: RelatedFacets, recent: ReadonlyMap<string, number[]>, dispatches: readonly RelatedFacets[], count: number): number[] {
  const candidates = new Set<number>();
  for (const facet of facets(d)) for (const c of recent.get(facet) ?? []) candidates.add(c);
  const time = d.date.getTime();
  const tags = new Set(d.tags.map((t) => t.slug));
  return [...candidates]
    .map((c) => ({ c, s: score(d, tags, dispatches[c]), gap: time - dispatches[c].date.getTime(), id: dispatches[c].id }))
    .sort((x, y) => y.s - x.s || x.gap - y.gap || (x.id < y.id ? -1 : 1))
    .slice(0, count)
    .map(({ c }) => c);
}

/**
 * Related dispatches of every dispatch in `dispatches` (oldest first), by
 * position. Withdrawn dispatches are never offered as related. A list
 * depends only on the dispatches up to its own: those before the first
 * position that differs from `previous` are taken from it.
 */
export function relatedLists(dispatches: readonly RelatedFacets[], count: number, previous?: RelatedCache): RelatedCache {
  const sequence = sequenceOf(dispatches);
  const same = samePrefix(sequence, previous, count);
  const lists = new Int32Array(dispatches.length * count).fill(-1);
  if (same > 0) lists.set(previous!.lists.subarray(0, same * count));
  const recent = new Map<string, number[]>();
  const reach = count * 2;
  for (const [i, d] of dispatches.entries()) {
    if (i >= same) lists.set(rank(d, recent, dispatches, count), i * count);
    if (d.withdrawn) continue;
    for (const facet of facets(d)) {
      const list = recent.get(facet) ?? [];
      list.push(i);
      if (list.length > reach) list.shift();
      recent.set(facet, list);
    }
  }
  return { count, lists, sequence };
}

/** The positions related to the dispatch at `position`. */
export function relatedAt(cache: RelatedCache, position: number): number[] {
  const slots = [...cache.lists.subarray(position * cache.count, (position + 1) * cache.count)];
  return slots.filter((p) => p >= 0);
}
