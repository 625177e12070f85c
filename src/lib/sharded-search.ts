/**
 * Search over the date shards of the index (see search-shards.ts), as the
 * search page runs it.
 *
 * Newest first, shards are searched one after another, newest shard first,
 * and their results (each newest first) are put end to end: a shard is
 * loaded only when the ones before it cannot fill what the reader asked to
 * see, so a first search usually loads the newest shard alone.
 *
 * By relevance, every shard is searched and the results are ranked together,
 * as Pagefind's mergeIndex does.
 */

export interface ShardInfo {
  path: string;
  label: string;
  /** Its start, as in «results since …». */
  since: string;
  /** First and last year it covers. */
  from: string;
  to: string;
  pages: number;
}

export interface SearchOptions {
  filters: Record<string, string>;
  sort: Record<string, string>;
}

/** What Pagefind's search returns, as far as this module needs it. */
export interface Found<Hit> {
  results: Hit[];
}

export type Searcher<Hit> = (term: string, options: SearchOptions) => Promise<Found<Hit>>;

export interface Page<Hit> {
  hits: Hit[];
  /** Results found in the shards searched so far. */
  count: number;
  /** Every shard the filters allow was searched: `count` is the total. */
  complete: boolean;
  /** The oldest shard searched, when the search is not complete. */
  searchedTo?: ShardInfo;
}

/** Shards a year filter leaves: those covering that year. */
export function shardsFor(shards: ShardInfo[], year: string | undefined): ShardInfo[] {
  if (!year) return shards;
  return shards.filter((s) => s.from <= year && year <= s.to);
}

/**
 * One newest-first search: `take(n)` returns the first n results, searching
 * further shards only as needed; asking for more later continues from there.
 * Calls run one after another, so two at once never search a shard twice.
 */
export class NewestFirst<Hit> {
  private readonly found: Hit[] = [];
  private next = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly shards: ShardInfo[];
  private readonly searcher: (shard: ShardInfo) => Promise<Searcher<Hit>>;
  private readonly term: string;
  private readonly options: SearchOptions;

  constructor(shards: ShardInfo[], searcher: (shard: ShardInfo) => Promise<Searcher<Hit>>, term: string, options: SearchOptions) {
    this.shards = shards;
    this.searcher = searcher;
    this.term = term;
    this.options = options;
  }

  take(n: number): Promise<Page<Hit>> {
    const page = this.queue.then(() => this.fill(n));
    this.queue = page.catch(() => undefined);
    return page;
  }

  private async fill(n: number): Promise<Page<Hit>> {
    while (this.found.length < n && this.next < this.shards.length) {
      const search = await this.searcher(this.shards[this.next]);
      const { results } = await search(this.term, this.options);
      this.found.push(...results);
      this.next++;
    }
    const complete = this.next === this.shards.length;
    return {
      hits: this.found.slice(0, n),
      count: this.found.length,
      complete,
      ...(!complete && { searchedTo: this.shards[this.next - 1] }),
    };
  }
}
