/**
 * The search index is split by date into shards, each its own Pagefind
 * bundle under /pagefind/<key>/, listed newest first in
 * /pagefind/shards.json. A new dispatch changes one shard, so a rebuild
 * re-indexes only that one; a reader's first search loads only the newest
 * shards it needs to fill a page of results (see sharded-search.ts).
 *
 * Years are grouped, oldest first, until a shard holds `min` dispatches, so
 * a sparse archive is not searched a year at a time (Pagefind fetches its
 * WebAssembly once per bundle). A year of more than `max` dispatches is split
 * into months: Pagefind's meta file, which a search loads whole, grows with
 * every page. Grouping from the oldest year keeps shard boundaries where
 * they are as new dispatches arrive: only the newest shard grows.
 */
import { monthName } from './dates.ts';

export const shardsFile = 'shards.json';

export interface ShardSize {
  min: number;
  max: number;
}

export interface Shard {
  /** "2025", "2019-2021" or "2025-03": the bundle's folder under /pagefind/. */
  key: string;
  /** What readers see: «2025», «2019–2021» or «مارس 2025». */
  label: string;
  /** First and last year it covers. */
  from: string;
  to: string;
  /** Site paths of the dispatch pages it indexes, sorted. */
  urls: string[];
}

export interface ShardManifest {
  /** Newest first. */
  shards: { path: string; label: string; from: string; to: string; pages: number }[];
}

const datePath = /^\/(\d{4})\/(\d{2})\/\d{2}\/[^/]+\/$/;

/** Year and month of a dispatch page's path (/YYYY/MM/DD/slug/). */
export function pathMonth(url: string): { year: string; month: string } | undefined {
  const match = datePath.exec(url);
  return match ? { year: match[1], month: match[2] } : undefined;
}

/** Groups dispatch page paths into shards, newest first. */
export function planShards(urls: Iterable<string>, size: ShardSize): Shard[] {
  const years = new Map<string, Map<string, string[]>>();
  for (const url of urls) {
    const at = pathMonth(url);
    if (!at) throw new Error(`Not a dispatch page path: ${url}`);
    const months = years.get(at.year) ?? new Map<string, string[]>();
    years.set(at.year, months);
    months.set(at.month, [...(months.get(at.month) ?? []), url]);
  }
  const shards: Shard[] = [];
  let open: { from: string; to: string; urls: string[] } | undefined;
  const close = () => {
    if (!open) return;
    const { from, to } = open;
    shards.push({ key: from === to ? from : `${from}-${to}`, label: from === to ? from : `${from}–${to}`, from, to, urls: open.urls.sort() });
    open = undefined;
  };
  for (const year of [...years.keys()].sort()) {
    const months = years.get(year)!;
    const urlsOfYear = [...months.values()].flat();
    if (urlsOfYear.length > size.max) {
      close();
      for (const month of [...months.keys()].sort()) {
        const label = `${monthName(Number(month))} ${year}`;
        shards.push({ key: `${year}-${month}`, label, from: year, to: year, urls: months.get(month)!.sort() });
      }
      continue;
    }
    open ??= { from: year, to: year, urls: [] };
    open.to = year;
    open.urls.push(...urlsOfYear);
    if (open.urls.length >= size.min) close();
  }
  close();
  return shards.reverse();
}

export function shardManifest(shards: Shard[], base: string): ShardManifest {
  return {
    shards: shards.map((s) => ({ path: `${base}${s.key}/`, label: s.label, from: s.from, to: s.to, pages: s.urls.length })),
  };
}
