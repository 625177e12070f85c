/**
 * The search page: runs the form's query over the sharded Pagefind index
 * (src/search/query.ts) and lists the results. Query words become the
 * index's terms exactly as the index made them (src/search/terms.ts);
 * excerpts are cut from the original text; the query, filters and order
 * live in the URL; by relevance unless the reader asks for newest first,
 * ten more on demand.
 */
import { countResults, t } from '#src/i18n/ar.ts';
import { escapeHtml } from '#src/render/body-html.ts';
import { bodyLocations, excerptHtml, markedTitle } from '#src/search/excerpt.ts';
import { queryWords } from '#src/search/terms.ts';
import {
  ShardedSearch,
  shardLanguage,
  shardsFor,
  type Found,
  type Order,
  type Page,
  type Ranked,
  type ShardInfo,
} from '#src/search/query.ts';
import { bucketFile, bucketOf } from '#src/search/title-index.ts';

interface ResultData {
  url: string;
  meta: Record<string, string>;
}

interface Hit extends Found {
  data(): Promise<ResultData>;
}

interface PagefindInstance {
  search(term: string, options: { filters: Record<string, string>; sort: Record<string, string> }): Promise<{ results: Hit[] }>;
  mergeIndex(path: string): Promise<void>;
}

interface PagefindModule {
  createInstance(options: { basePath: string }): PagefindInstance;
}

const bundle = '/pagefind/';
const PAGE = 10;
const FILTERS = ['city', 'category', 'year'] as const;

function resultHtml(hit: Ranked<Hit>, data: ResultData): string {
  const { title = '', dateline = '', text = '', image, blocks } = data.meta;
  // The linked title names the result; its thumbnail adds nothing to read.
  const thumbnail = image
    ? `<img class="thumbnail" src="${escapeHtml(image)}" alt="" width="120" height="90" loading="lazy" decoding="async">`
    : '';
  return (
    `<li class="result">${thumbnail}<h2><a href="${escapeHtml(data.url)}">${markedTitle(title, hit.words)}</a></h2>` +
    `<p class="dateline">${escapeHtml(dateline.replace(/\s*-$/, ''))}</p>` +
    `<p class="excerpt">${excerptHtml(text, bodyLocations(hit.words), blocks?.split(' ').map(Number))}</p></li>`
  );
}

/** Bundles merged into one instance: up to this many share its WebAssembly, each search runs on them all. */
const MERGED = 8;

/**
 * Opens Pagefind's bundles as they are first needed, merged into one
 * instance by MERGED, so a search reaching back through older shards fetches
 * Pagefind's WebAssembly (the same in every shard) once per MERGED shards,
 * not once per shard. A shard's results are told apart by their ids, which
 * begin with its index language.
 */
function openShards(pagefind: PagefindModule) {
  interface Merged {
    instance: PagefindInstance;
    bundles: number;
    /** Searches of all its bundles, by bundle count, filters and term: each answers every bundle's search. */
    searches: Map<string, Promise<Hit[]>>;
  }
  let last: Merged | undefined;
  const opened = new Map<string, Promise<Merged>>();
  const open = (shard: ShardInfo) => {
    let merged = opened.get(shard.path);
    if (!merged) {
      if (!last || last.bundles === MERGED) {
        // Creating it loads the bundle's WebAssembly and metadata.
        last = { instance: pagefind.createInstance({ basePath: shard.path }), bundles: 1, searches: new Map() };
        merged = Promise.resolve(last);
      } else {
        const into = last;
        into.bundles++;
        merged = into.instance.mergeIndex(shard.path).then(() => into);
      }
      opened.set(shard.path, merged);
    }
    return merged;
  };
  return {
    search: (shard: ShardInfo, filters: Record<string, string>) => async (term: string) => {
      const merged = await open(shard);
      const key = `${merged.bundles} ${JSON.stringify(filters)} ${term}`;
      let results = merged.searches.get(key);
      if (!results) {
        results = merged.instance.search(term, { filters, sort: { date: 'desc' } }).then((found) => found.results);
        results.catch(() => merged.searches.delete(key));
        merged.searches.set(key, results);
      }
      const id = `${shardLanguage(shard.key)}_`;
      return (await results).filter((result) => result.id.startsWith(id));
    },
    /** Loads a shard ahead of the query that needs it. */
    warm: (shard: ShardInfo) => void open(shard).catch(() => undefined),
  };
}

/** Keys of the shards with every word (in one of its forms) in a title, from the title index; undefined if it cannot be read. */
function titleIndex() {
  const buckets = new Map<string, Promise<Record<string, string[]>>>();
  const bucket = (name: string) => {
    let loaded = buckets.get(name);
    if (!loaded) {
      loaded = fetch(`${bundle}${bucketFile(name)}`).then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.statusText))));
      loaded.catch(() => buckets.delete(name));
      buckets.set(name, loaded);
    }
    return loaded;
  };
  return async (words: string[][]): Promise<Set<string> | undefined> => {
    try {
      // A query word is in a title in any of its forms.
      const keysOf = async (forms: string[]) => {
        const keys = new Set<string>();
        for (const form of forms) {
          const entries = await bucket(bucketOf(form));
          if (Object.hasOwn(entries, form)) for (const key of entries[form]) keys.add(key);
        }
        return keys;
      };
      const lists = await Promise.all(words.map(keysOf));
      return lists.reduce((all, keys) => all.intersection(keys));
    } catch {
      return undefined;
    }
  };
}

// The query is quoted inside Arabic sentences: isolated, a Latin word or a
// number in it cannot reorder the sentence around it.
const isolate = (text: string) => `\u2068${text}\u2069`;

function statusText(page: Page<Hit>, query: string, order: Order): string {
  const q = isolate(query);
  const count = countResults(page.count);
  if (page.count === 0 && page.complete) return t('search.none', { query: q });
  if (page.complete) return t('search.results', { count, query: q });
  if (order === 'relevance') return t('search.resultsAtLeast', { count, query: q });
  return t('search.resultsSince', { count, query: q, period: page.searchedTo!.since });
}

/** The search page's parts, found once. */
function pageParts(root: HTMLElement) {
  const form = root.querySelector<HTMLFormElement>('[data-search-form]')!;
  return {
    form,
    input: form.querySelector<HTMLInputElement>('input[name=q]')!,
    status: root.querySelector<HTMLElement>('[data-search-status]')!,
    list: root.querySelector<HTMLOListElement>('[data-search-results]')!,
    more: root.querySelector<HTMLButtonElement>('[data-search-more]')!,
    field: (name: string) => form.elements.namedItem(name) as HTMLSelectElement,
  };
}

type PageParts = ReturnType<typeof pageParts>;

/** The form starts as the URL says. */
function formFromUrl({ input, field }: PageParts) {
  const params = new URLSearchParams(window.location.search);
  input.value = params.get('q')?.trim() ?? '';
  for (const name of [...FILTERS, 'sort']) {
    const value = params.get(name);
    if (value && [...field(name).options].some((o) => o.value === value)) field(name).value = value;
  }
}

/** The shards and a way to open them; undefined, with the reason in `status`, when there is nothing to search. */
async function openIndex(status: HTMLElement) {
  try {
    // Revalidated: a deploy may rename the shards.
    const manifest = await fetch(`${bundle}shards.json`, { cache: 'no-cache' });
    const shards = ((await manifest.json()) as { shards: ShardInfo[] }).shards;
    if (shards.length === 0) {
      status.textContent = t('listing.empty');
      return undefined;
    }
    const open = openShards((await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindModule);
    return { shards, open };
  } catch {
    status.textContent = t('search.unavailable');
    return undefined;
  }
}

type Index = NonNullable<Awaited<ReturnType<typeof openIndex>>>;

/**
 * A reader in the box is about to search: the newest shards, enough to hold
 * a page of results, which every search starts with, load meanwhile.
 */
function warmUp({ shards, open }: Index, year: string) {
  let pages = 0;
  for (const shard of shardsFor(shards, year)) {
    if (pages >= PAGE) break;
    open.warm(shard);
    pages += shard.pages;
  }
}

/** The chosen filters, by name; none chosen, none set. */
function chosenFilters(field: PageParts['field']): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const name of FILTERS) if (field(name).value) filters[name] = field(name).value;
  return filters;
}

/** The page's address for a query, so that it can be shared or reloaded. */
function searchUrl(query: string, filters: Record<string, string>, order: Order): URL {
  const url = new URL(window.location.href);
  url.search = '';
  if (query) url.searchParams.set('q', query);
  for (const [name, value] of Object.entries(filters)) url.searchParams.set(name, value);
  if (order === 'date') url.searchParams.set('sort', 'date');
  return url;
}

/** The search's first `shown` results, and the HTML of those from `from` on. */
async function takeResults(search: ShardedSearch<Hit>, shown: number, from: number) {
  const page = await search.take(shown);
  const hits = page.hits.slice(from);
  const items = (await Promise.all(hits.map((hit) => hit.found.data()))).map((data, i) => resultHtml(hits[i], data));
  return { page, items };
}

/** Puts results in the list, in place of the last ones or after them. */
function fillList(list: HTMLOListElement, items: string[], appending: boolean) {
  if (appending) {
    const first = list.children.length;
    list.insertAdjacentHTML('beforeend', items.join(''));
    // Focus follows the reader to the first new result.
    list.children[first]?.querySelector<HTMLAnchorElement>('a')?.focus();
  } else {
    list.innerHTML = items.join('');
  }
}

/**
 * The results list and its status: shows the current search's first
 * `shown` results, ten more on demand.
 */
function resultsList({ list, status, more }: PageParts) {
  let current: { query: string; order: Order; search: ShardedSearch<Hit> } | undefined;
  let shown = PAGE;
  let rendered = 0;
  // Only the newest call's answer is shown: a reader types faster than shards load.
  let latest = 0;

  const show = async (appending: boolean) => {
    const token = ++latest;
    const search = current;
    if (!search) return;
    list.setAttribute('aria-busy', 'true');
    let taken: Awaited<ReturnType<typeof takeResults>>;
    try {
      taken = await takeResults(search.search, shown, appending ? rendered : 0);
    } catch {
      if (token !== latest) return;
      list.removeAttribute('aria-busy');
      list.innerHTML = '';
      rendered = 0;
      more.hidden = true;
      status.textContent = t('search.failed');
      return;
    }
    if (token !== latest) return;
    list.removeAttribute('aria-busy');
    fillList(list, taken.items, appending);
    rendered = taken.page.hits.length;
    status.textContent = statusText(taken.page, search.query, search.order);
    more.hidden = taken.page.complete && taken.page.count <= shown;
    more.removeAttribute('aria-disabled');
  };

  return {
    /** A new query: back to the first page, and the last search's "more" must not reach this one. */
    reset() {
      shown = PAGE;
      more.hidden = true;
    },
    /** No search to run: any answer still loading is dropped, and `message` replaces the results. */
    clear(message: string) {
      latest++;
      current?.search.cancel();
      current = undefined;
      list.innerHTML = '';
      list.removeAttribute('aria-busy');
      status.textContent = message;
    },
    start(query: string, order: Order, search: ShardedSearch<Hit>) {
      // A query typed further must not leave the last one loading shards.
      current?.search.cancel();
      current = { query, order, search };
      void show(false);
    },
    more() {
      shown += PAGE;
      void show(true);
    },
  };
}

/** The arrows move from the box through the results (each one's first link) and back. */
function arrowKeys(input: HTMLInputElement, list: HTMLOListElement) {
  const resultLinks = () => [...list.children].flatMap((li) => li.querySelector<HTMLAnchorElement>('a') ?? []);
  const step = (event: KeyboardEvent, from: number) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = resultLinks();
    const to = from + (event.key === 'ArrowDown' ? 1 : -1);
    const target = to < 0 ? input : links[to];
    if (!target) return;
    event.preventDefault();
    target.focus();
  };
  input.addEventListener('keydown', (event) => step(event, -1));
  list.addEventListener('keydown', (event) => {
    const link = (event.target as Element).closest('li')?.querySelector('a');
    if (link) step(event, resultLinks().indexOf(link));
  });
}

export async function startSearch() {
  const root = document.querySelector<HTMLElement>('[data-search]');
  if (!root) return;
  const parts = pageParts(root);
  const { form, input, more, field } = parts;
  formFromUrl(parts);

  const index = await openIndex(parts.status);
  if (!index) return;
  const titled = titleIndex();
  input.addEventListener('focus', () => warmUp(index, field('year').value), { once: true });
  const results = resultsList(parts);

  const run = () => {
    const query = input.value.trim();
    const order: Order = field('sort').value === 'date' ? 'date' : 'relevance';
    const filters = chosenFilters(field);
    window.history.replaceState(null, '', searchUrl(query, filters, order));
    results.reset();
    const words = queryWords(query);
    if (words.length === 0) return results.clear('');
    const allowed = shardsFor(index.shards, filters.year);
    if (allowed.length === 0) return results.clear(t('search.none', { query: isolate(query) }));
    const searchShard = async (shard: ShardInfo) => index.open.search(shard, filters);
    const titleShards = () => titled(words.map((w) => w.typed));
    results.start(query, order, new ShardedSearch(allowed, searchShard, words, order, titleShards));
  };

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(run, 300);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    run();
  });
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement) run();
  });
  arrowKeys(input, parts.list);
  // The button keeps its place (and focus) while the next results load.
  more.addEventListener('click', () => {
    if (more.getAttribute('aria-disabled') === 'true') return;
    more.setAttribute('aria-disabled', 'true');
    results.more();
  });

  if (input.value) {
    // Arrived with a query (from the header's box): the reader is at the query, not at the top of the page.
    input.focus();
    run();
  }
}
