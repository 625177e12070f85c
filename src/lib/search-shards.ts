/**
 * The search index is split by date into shards, each its own Pagefind
 * bundle under /pagefind/<key>/, listed newest first in
 * /pagefind/shards.json. A new dispatch changes one shard, so a rebuild
 * re-indexes only that one; a reader's first search loads only the newest
 * shards it needs to fill a page of results (see sharded-search.ts).
 *
 * A shard is a year, or a month when a year holds more dispatches than
 * Pagefind's metadata should carry for one shard (every page adds bytes to
 * the meta file a search loads whole).
 */
import { monthName } from './dates.ts';

export const SHARD_MAX_PAGES = 10_000;
export const shardsFile = 'shards.json';

export interface Shard {
  /** "2025" or "2025-03": the bundle's folder under /pagefind/. */
  key: string;
  /** What readers see: «2025» or «مارس 2025». */
  label: string;
  /** Site paths of the dispatch pages it indexes, sorted. */
  urls: string[];
}

export interface ShardManifest {
  /** Newest first. */
  shards: { path: string; label: string; pages: number }[];
}

const datePath = /^\/(\d{4})\/(\d{2})\/\d{2}\/[^/]+\/$/;

/** Year and month of a dispatch page's path (/YYYY/MM/DD/slug/). */
export function pathMonth(url: string): { year: string; month: string } | undefined {
  const match = datePath.exec(url);
  return match ? { year: match[1], month: match[2] } : undefined;
}

/** Groups dispatch page paths into shards, newest first. */
export function planShards(urls: Iterable<string>, maxPages = SHARD_MAX_PAGES): Shard[] {
  const years = new Map<string, Map<string, string[]>>();
  for (const url of urls) {
    const at = pathMonth(url);
    if (!at) throw new Error(`Not a dispatch page path: ${url}`);
    const months = years.get(at.year) ?? new Map<string, string[]>();
    years.set(at.year, months);
    months.set(at.month, [...(months.get(at.month) ?? []), url]);
  }
  const shards: Shard[] = [];
  for (const year of [...years.keys()].sort().reverse()) {
    const months = years.get(year)!;
    const count = [...months.values()].reduce((sum, list) => sum + list.length, 0);
    if (count <= maxPages) {
      shards.push({ key: year, label: year, urls: [...months.values()].flat().sort() });
      continue;
    }
    for (const month of [...months.keys()].sort().reverse()) {
      shards.push({ key: `${year}-${month}`, label: `${monthName(Number(month))} ${year}`, urls: months.get(month)!.sort() });
    }
  }
  return shards;
}

export function shardManifest(shards: Shard[], base: string): ShardManifest {
  return { shards: shards.map((s) => ({ path: `${base}${s.key}/`, label: s.label, pages: s.urls.length })) };
}
