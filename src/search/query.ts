/**
 * Search over the date shards of the index (see search-shards.ts), as the
 * search page runs it, in either order:
 * - relevance: the typed form first, then readings, then longer words
 *   (search-terms.ts's tiers); within a tier, a match in the title first;
 *   then the newer dispatch;
 * - newest first: whole-word matches (tiers 0 and 1) newest first, then the
 *   further tiers, each newest first.
 * Both orders search the newest shard first and load an older one only
 * while it could still place a result among those asked for. In relevance
 * order, once the results asked for are all whole-word matches, only older
 * shards with the words in a title can outrank them: the title index
 * (title-index.ts) names those shards without loading them.
 */
import type { QueryWord, Tier } from './terms.ts';
import { TITLE_SLOTS } from './terms.ts';

/**
 * A shard's index language: one Pagefind has no stemmer for (its Arabic
 * stemmer would cut our terms, search-terms.ts, down again), named after
 * the shard: Pagefind starts each page's id with it, so the search page can
 * tell which shard a result of several merged bundles comes from.
 */
export const shardLanguage = (key: string) => `und-x-${key}`;

export interface ShardInfo {
  /** Its folder under /pagefind/. */
  key: string;
  path: string;
  label: string;
  /** Its start, as in «results since …». */
  since: string;
  /** First and last year it covers. */
  from: string;
  to: string;
  pages: number;
}

/** What one Pagefind search returns per page, as far as this module needs it. */
export interface Found {
  id: string;
  /** With a date sort, newest first: higher is newer within its shard. */
  score: number;
  /** Word locations of the match. */
  words: number[];
}

/** One search term in one shard, with the page's filters and a newest-first sort applied. */
export type ShardSearch<F extends Found> = (term: string) => Promise<F[]>;

export type Order = 'relevance' | 'date';

export interface Ranked<F extends Found> {
  found: F;
  tier: Tier;
  /** Every query word is matched in the title (at the page's tier or better). */
  inTitle: boolean;
  /** Newest shard first. */
  shard: number;
  score: number;
  /** Locations of the matched words, to highlight. */
  words: number[];
}

export interface Page<F extends Found> {
  hits: Ranked<F>[];
  /** Results found in the shards searched so far. */
  count: number;
  /** Every shard the filters allow was searched: `count` is the total. */
  complete: boolean;
  /** Newest first, the oldest shard searched, when the search stopped early. */
  searchedTo?: ShardInfo;
}

/** Shards a year filter leaves: those covering that year. */
export function shardsFor(shards: ShardInfo[], year: string | undefined): ShardInfo[] {
  if (!year) return shards;
  return shards.filter((s) => s.from <= year && year <= s.to);
}

/**
 * Shards a relevance search searches for each ten results when the page is
 * full but holds no typed form: beyond, older shards might still hold one.
 */
const RELEVANCE_REACH = 8;

/** No tier: a word not in the title. */
const NONE = 5;

interface WordMatch {
  tier: Tier;
  /** Best tier with a title location. */
  titleTier: number;
  words: number[];
}

/** The pages of one shard that match every query word, each at its best tier. */
async function searchShard<F extends Found>(search: ShardSearch<F>, query: QueryWord[], shard: number): Promise<Ranked<F>[]> {
  const perWord = await Promise.all(
    query.map(async (word) => {
      const matches = new Map<string, WordMatch & { found: F }>();
      const answers = await Promise.all(word.alternatives.map(async (alt) => ({ alt, results: await search(alt.term) })));
      for (const { alt, results } of answers) {
        for (const found of results) {
          // Pagefind also matches a number in a page's metadata, at no location.
          if (found.words.length === 0) continue;
          const title = found.words.some((l) => l < TITLE_SLOTS) ? alt.tier : NONE;
          const match = matches.get(found.id);
          if (!match || alt.tier < match.tier) {
            matches.set(found.id, { tier: alt.tier, titleTier: Math.min(title, match?.titleTier ?? NONE), words: found.words, found });
          } else {
            match.titleTier = Math.min(match.titleTier, title);
            if (alt.tier === match.tier) match.words = [...new Set([...match.words, ...found.words])];
          }
        }
      }
      return matches;
    }),
  );
  if (perWord.length === 0) return [];
  const ranked: Ranked<F>[] = [];
  for (const [id, first] of perWord[0]) {
    const all = perWord.map((matches) => matches.get(id));
    if (all.some((m) => !m)) continue;
    const tier = Math.max(...all.map((m) => m!.tier)) as Tier;
    ranked.push({
      found: first.found,
      tier,
      inTitle: all.every((m) => m!.titleTier <= tier),
      shard,
      score: first.found.score,
      words: all.flatMap((m) => m!.words).sort((a, b) => a - b),
    });
  }
  return ranked;
}

/**
 * 0 for the best class of result, then up: by relevance, the tier, then
 * title before body; newest first, the typed form and readings of the text
 * alike (tiers 0 and 1), then each further tier.
 */
const classOf = (r: Ranked<Found>, order: Order) => (order === 'relevance' ? r.tier * 2 + (r.inTitle ? 0 : 1) : Math.max(0, r.tier - 1));

function compareRanked(order: Order) {
  return (a: Ranked<Found>, b: Ranked<Found>) => classOf(a, order) - classOf(b, order) || a.shard - b.shard || b.score - a.score;
}

/**
 * One search: `take(n)` returns the first n results in its order, searching
 * further shards only as needed; asking for more later continues from there.
 * Calls run one after another, so two at once never search a shard twice.
 */
export class ShardedSearch<F extends Found> {
  private readonly results: Ranked<F>[] = [];
  private readonly searched = new Set<number>();
  private queue: Promise<unknown> = Promise.resolve();
  private titled: Promise<Set<string> | undefined> | undefined;
  private cancelled = false;

  private readonly shards: ShardInfo[];
  private readonly open: (shard: ShardInfo) => Promise<ShardSearch<F>>;
  private readonly query: QueryWord[];
  private readonly order: Order;
  private readonly titleShards: () => Promise<Set<string> | undefined>;

  /** @param titleShards keys of the shards with every word in a title; undefined when unknown */
  constructor(
    shards: ShardInfo[],
    open: (shard: ShardInfo) => Promise<ShardSearch<F>>,
    query: QueryWord[],
    order: Order,
    titleShards: () => Promise<Set<string> | undefined> = async () => undefined,
  ) {
    [this.shards, this.open, this.query, this.order, this.titleShards] = [shards, open, query, order, titleShards];
  }

  /** Stops loading shards: a newer query has replaced this one. */
  cancel(): void {
    this.cancelled = true;
  }

  take(n: number): Promise<Page<F>> {
    const page = this.queue.then(() => this.fill(n));
    this.queue = page.catch(() => undefined);
    return page;
  }

  private async fill(n: number): Promise<Page<F>> {
    for (let next = await this.nextShard(n); next !== undefined && !this.cancelled; next = await this.nextShard(n)) {
      const search = await this.open(this.shards[next]);
      this.results.push(...(await searchShard(search, this.query, next)));
      this.searched.add(next);
      this.results.sort(compareRanked(this.order));
    }
    const complete = this.searched.size === this.shards.length;
    const oldest = Math.max(-1, ...this.searched);
    return {
      hits: this.results.slice(0, n),
      count: this.results.length,
      complete,
      ...(!complete && oldest >= 0 && { searchedTo: this.shards[oldest] }),
    };
  }

  /** The shard to search next for the first n results, or undefined when they are settled. */
  private async nextShard(n: number): Promise<number | undefined> {
    const unsearched = this.shards.map((_, i) => i).filter((i) => !this.searched.has(i));
    if (unsearched.length === 0) return undefined;
    const nth = this.results[n - 1];
    if (!nth) return unsearched[0];
    // The n-th could be beaten by an older shard's better class. By relevance,
    // with the page full, the search reaches back only so far (a title index
    // cannot tell which shards hold a word in a body).
    if (this.order === 'date' && classOf(nth, this.order) > 0) return unsearched[0];
    if (classOf(nth, this.order) > 1) return this.searched.size < RELEVANCE_REACH * Math.ceil(n / 10) ? unsearched[0] : undefined;
    if (classOf(nth, this.order) === 0) return undefined;
    // Relevance, the n-th a whole word in the body: only a title match, older, can outrank it.
    this.titled ??= this.titleShards();
    const titled = await this.titled;
    // A shard newer than the n-th's may hold a newer match of its class.
    return unsearched.find((i) => i < nth.shard || !titled || titled.has(this.shards[i].key));
  }
}
