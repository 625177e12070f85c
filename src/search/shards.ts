/**
 * The search index is split by date into shards, each its own Pagefind
 * bundle under /pagefind/<key>/, listed newest first in
 * /pagefind/shards.json. A new dispatch changes one shard, so a rebuild
 * re-indexes only that one; a reader's first search loads only the newest
 * shards it needs to fill a page of results (see sharded-search.ts).
 *
 * Years are grouped, oldest first, until a shard holds `min` dispatches, so
 * a sparse archive is not searched a year at a time (Pagefind fetches its
 * WebAssembly once per bundle), and never beyond `max`. A year of more than
 * `max` dispatches is split the same way into runs of months, kept within
 * the year, and a month of more into runs of days (a single day may hold
 * more). A shard thus holds at most `max` dispatches: Pagefind's meta file,
 * which a search loads whole, grows with every page; the newest shard is
 * what a first search loads; and a publish re-indexes a whole shard, at
 * about 3 ms a dispatch. Grouping from the oldest keeps shard boundaries
 * where they are as new dispatches arrive: only the newest shard grows
 * (until the current year or month passes `max` and is split once).
 */
import { monthName } from '#src/dispatch/dates.ts';

export const shardsFile = 'shards.json';

export interface ShardSize {
  min: number;
  max: number;
}

export interface Shard {
  /** "2025", "2019-2021", "2025-03" or "2025-01-2025-05": the bundle's folder under /pagefind/. */
  key: string;
  /** What readers see: «2025», «2019–2021», «مارس 2025» or «يناير–مايو 2025». */
  label: string;
  /** Its start, as in «results since …»: «2025», «2019», «مارس 2025», «يناير 2025». */
  since: string;
  /** First and last year it covers. */
  from: string;
  to: string;
  /** Site paths of the dispatch pages it indexes, sorted. */
  urls: string[];
}

export interface ShardManifest {
  /** Newest first. */
  shards: { key: string; path: string; label: string; since: string; from: string; to: string; pages: number }[];
}

const datePath = /^\/(\d{4})\/(\d{2})\/(\d{2})\/[^/]+\/$/;

/** Year, month and day of a dispatch page's path (/YYYY/MM/DD/slug/). */
export function pathMonth(url: string): { year: string; month: string; day: string } | undefined {
  const match = datePath.exec(url);
  return match ? { year: match[1], month: match[2], day: match[3] } : undefined;
}

/** The shards of a month too large for one: runs of its days. */
function dayShards(year: string, month: string, urls: readonly string[], size: ShardSize): Shard[] {
  const days = Map.groupBy(urls, (url) => pathMonth(url)!.day);
  const name = monthName(Number(month));
  return groupUntil([...days.keys()].sort(), (day) => days.get(day)!.length, size).map((group) => {
    const [first, last] = [group[0], group.at(-1)!];
    const from = `${Number(first)} ${name} ${year}`;
    return {
      key: first === last ? `${year}-${month}-${first}` : `${year}-${month}-${first}-${year}-${month}-${last}`,
      label: first === last ? from : `${Number(first)}–${Number(last)} ${name} ${year}`,
      since: from,
      from: year,
      to: year,
      urls: group.flatMap((day) => days.get(day)!).sort(),
    };
  });
}

/** Groups dispatch page paths into shards, newest first. */
export function planShards(urls: Iterable<string>, size: ShardSize): Shard[] {
  const years = new Map<string, Map<string, string[]>>();
  for (const url of urls) {
    const at = pathMonth(url);
    if (!at) throw new Error(`Not a dispatch page path: ${url}`);
    const months = years.get(at.year) ?? new Map<string, string[]>();
    years.set(at.year, months);
    months.set(at.month, months.get(at.month) ?? []);
    months.get(at.month)!.push(url);
  }
  const count = (year: string) => [...years.get(year)!.values()].reduce((n, urls) => n + urls.length, 0);
  const shards: Shard[] = [];
  const closeYears = (group: string[]) => {
    if (group.length === 0) return;
    const [from, to] = [group[0], group.at(-1)!];
    shards.push({
      key: from === to ? from : `${from}-${to}`,
      label: from === to ? from : `${from}–${to}`,
      since: from,
      from,
      to,
      urls: group.flatMap((year) => [...years.get(year)!.values()].flat()).sort(),
    });
  };
  // Runs of whole years between the split ones.
  let run: string[] = [];
  for (const year of [...years.keys()].sort()) {
    if (count(year) <= size.max) {
      run.push(year);
      continue;
    }
    groupUntil(run, count, size).forEach(closeYears);
    run = [];
    const months = years.get(year)!;
    for (const group of groupUntil([...months.keys()].sort(), (month) => months.get(month)!.length, size)) {
      const [first, last] = [group[0], group.at(-1)!];
      if (first === last && months.get(first)!.length > size.max) {
        shards.push(...dayShards(year, first, months.get(first)!, size));
        continue;
      }
      const [from, to] = [monthName(Number(first)), monthName(Number(last))];
      shards.push({
        key: first === last ? `${year}-${first}` : `${year}-${first}-${year}-${last}`,
        label: first === last ? `${from} ${year}` : `${from}–${to} ${year}`,
        since: `${from} ${year}`,
        from: year,
        to: year,
        urls: group.flatMap((month) => months.get(month)!).sort(),
      });
    }
  }
  groupUntil(run, count, size).forEach(closeYears);
  return shards.reverse();
}

/**
 * Consecutive runs of `items` (oldest first), each closed once it weighs at
 * least `min`, or before an item that would take it over `max`; the last
 * holds what is left. A run depends only on the items before it, so newer
 * items never move older boundaries.
 */
function groupUntil(items: string[], weight: (item: string) => number, size: ShardSize): string[][] {
  const groups: string[][] = [];
  let open: string[] = [];
  let total = 0;
  for (const item of items) {
    if (open.length > 0 && total + weight(item) > size.max) {
      groups.push(open);
      [open, total] = [[], 0];
    }
    open.push(item);
    total += weight(item);
    if (total >= size.min) {
      groups.push(open);
      [open, total] = [[], 0];
    }
  }
  if (open.length > 0) groups.push(open);
  return groups;
}

export function shardManifest(shards: Shard[], base: string): ShardManifest {
  return {
    shards: shards.map((s) => ({
      key: s.key,
      path: `${base}${s.key}/`,
      label: s.label,
      since: s.since,
      from: s.from,
      to: s.to,
      pages: s.urls.length,
    })),
  };
}
