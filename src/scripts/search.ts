/**
 * The search page: runs the form's query over the sharded Pagefind index
 * (src/lib/sharded-search.ts) and lists the results. Queries are normalised
 * exactly as the index was (src/lib/arabic.ts); excerpts are cut from the
 * original text; the query, filters and order live in the URL; newest first
 * by default, ten more on demand.
 */
import { countResults, t } from '../i18n/ar.ts';
import { normalizeQuery } from '../lib/arabic.ts';
import { escapeHtml } from '../lib/body.ts';
import { excerptHtml, indexedWordSpans } from '../lib/excerpt.ts';
import { NewestFirst, shardsFor, type Page, type Searcher, type SearchOptions, type ShardInfo } from '../lib/sharded-search.ts';

interface ResultData {
  url: string;
  locations: number[];
  meta: Record<string, string>;
}

interface Hit {
  id: string;
  data(): Promise<ResultData>;
}

interface PagefindInstance {
  search(term: string, options: SearchOptions): Promise<{ results: Hit[] }>;
  mergeIndex(path: string): Promise<void>;
}

interface PagefindModule {
  createInstance(options: { basePath: string }): PagefindInstance;
}

const bundle = '/pagefind/';
const PAGE = 10;
const FILTERS = ['city', 'category', 'year'] as const;

function resultHtml(data: ResultData): string {
  const { title = '', dateline = '', text = '', image } = data.meta;
  // The linked title names the result; its thumbnail adds nothing to read.
  const thumbnail = image
    ? `<img class="thumbnail" src="${escapeHtml(image)}" alt="" width="120" height="90" loading="lazy" decoding="async">`
    : '';
  return (
    `<li class="result">${thumbnail}<h2><a href="${escapeHtml(data.url)}">${escapeHtml(title)}</a></h2>` +
    `<p class="dateline">${escapeHtml(dateline.replace(/\s*-$/, ''))}</p>` +
    // The title is shown above; the excerpt comes from the body after it.
    `<p class="excerpt">${excerptHtml(text, data.locations, 30, indexedWordSpans(title).length)}</p></li>`
  );
}

/** Opens Pagefind's bundles as they are first needed: one instance per shard, one merged per set of shards. */
function openIndex(pagefind: PagefindModule) {
  const byShard = new Map<string, Promise<Searcher<Hit>>>();
  const merged = new Map<string, Promise<Searcher<Hit>>>();
  const searcherOf = (instance: PagefindInstance): Searcher<Hit> => (term, options) => instance.search(term, options);
  return {
    shard: (shard: ShardInfo) => {
      let searcher = byShard.get(shard.path);
      if (!searcher) {
        searcher = Promise.resolve(searcherOf(pagefind.createInstance({ basePath: shard.path })));
        byShard.set(shard.path, searcher);
      }
      return searcher;
    },
    // Shards ranked together: one instance whose WebAssembly serves them all.
    merged: (shards: ShardInfo[]) => {
      const key = shards.map((s) => s.path).join(' ');
      let searcher = merged.get(key);
      if (!searcher) {
        searcher = (async () => {
          const instance = pagefind.createInstance({ basePath: shards[0].path });
          await Promise.all(shards.slice(1).map((shard) => instance.mergeIndex(shard.path)));
          return searcherOf(instance);
        })();
        // A failed load is tried again by the next search.
        searcher.catch(() => merged.delete(key));
        merged.set(key, searcher);
      }
      return searcher;
    },
  };
}

// The query is quoted inside Arabic sentences: isolated, a Latin word or a
// number in it cannot reorder the sentence around it.
const isolate = (text: string) => `\u2068${text}\u2069`;

export async function startSearch() {
  const root = document.querySelector<HTMLElement>('[data-search]');
  if (!root) return;
  const form = root.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const field = (name: string) => form.elements.namedItem(name) as HTMLSelectElement;

  // The form starts as the URL says.
  const params = new URLSearchParams(window.location.search);
  input.value = params.get('q')?.trim() ?? '';
  for (const name of [...FILTERS, 'sort']) {
    const value = params.get(name);
    if (value && [...field(name).options].some((o) => o.value === value)) field(name).value = value;
  }

  let shards: ShardInfo[];
  let index: ReturnType<typeof openIndex>;
  try {
    // Revalidated: a deploy may rename the shards.
    const manifest = await fetch(`${bundle}shards.json`, { cache: 'no-cache' });
    shards = ((await manifest.json()) as { shards: ShardInfo[] }).shards;
    if (shards.length === 0) {
      status.textContent = t('listing.empty');
      return;
    }
    index = openIndex((await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindModule);
  } catch {
    status.textContent = t('search.unavailable');
    return;
  }

  let current: { query: string; take: (n: number) => Promise<Page<Hit>> } | undefined;
  let shown = PAGE;
  let rendered = 0;
  // Only the newest call's answer is shown: a reader types faster than
  // shards load.
  let latest = 0;

  const show = async (appending: boolean) => {
    const token = ++latest;
    const search = current;
    if (!search) return;
    list.setAttribute('aria-busy', 'true');
    let page: Page<Hit>;
    let items: string[];
    try {
      page = await search.take(shown);
      const from = appending ? rendered : 0;
      items = (await Promise.all(page.hits.slice(from).map((hit) => hit.data()))).map(resultHtml);
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
    if (appending) {
      const first = list.children.length;
      list.insertAdjacentHTML('beforeend', items.join(''));
      // Focus follows the reader to the first new result.
      list.children[first]?.querySelector<HTMLAnchorElement>('a')?.focus();
    } else {
      list.innerHTML = items.join('');
    }
    rendered = page.hits.length;
    const query = isolate(search.query);
    status.textContent =
      page.count === 0 && page.complete
        ? t('search.none', { query })
        : page.complete
          ? t('search.results', { count: countResults(page.count), query })
          : t('search.resultsSince', { count: countResults(page.count), query, period: page.searchedTo!.since });
    more.hidden = page.complete && page.count <= shown;
    more.removeAttribute('aria-disabled');
  };

  /** No search to run: any answer still loading is dropped, and `message` replaces the results. */
  const clear = (message: string) => {
    latest++;
    current = undefined;
    list.innerHTML = '';
    list.removeAttribute('aria-busy');
    status.textContent = message;
  };

  const run = () => {
    const query = input.value.trim();
    const url = new URL(window.location.href);
    url.search = '';
    if (query) url.searchParams.set('q', query);
    for (const name of FILTERS) if (field(name).value) url.searchParams.set(name, field(name).value);
    if (field('sort').value !== 'date') url.searchParams.set('sort', field('sort').value);
    window.history.replaceState(null, '', url);
    shown = PAGE;
    // The last search's "more" must not reach this one.
    more.hidden = true;
    if (!query) return clear('');
    const filters: Record<string, string> = {};
    for (const name of FILTERS) if (field(name).value) filters[name] = field(name).value;
    const term = normalizeQuery(query);
    const allowed = shardsFor(shards, filters.year);
    if (allowed.length === 0) return clear(t('search.none', { query: isolate(query) }));
    if (field('sort').value === 'relevance') {
      const searcher = allowed.length === 1 ? index.shard(allowed[0]) : index.merged(allowed);
      const search = searcher.then((s) => s(term, { filters, sort: {} }));
      current = {
        query,
        take: async (n) => {
          const { results } = await search;
          return { hits: results.slice(0, n), count: results.length, complete: true };
        },
      };
    } else {
      const newest = new NewestFirst(allowed, index.shard, term, { filters, sort: { date: 'desc' } });
      current = { query, take: (n) => newest.take(n) };
    }
    void show(false);
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
  // From the box, the down arrow moves to the first result.
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown') return;
    const first = list.querySelector<HTMLAnchorElement>('a');
    if (!first) return;
    event.preventDefault();
    first.focus();
  });
  // The button keeps its place (and focus) while the next results load.
  more.addEventListener('click', () => {
    if (more.getAttribute('aria-disabled') === 'true') return;
    more.setAttribute('aria-disabled', 'true');
    shown += PAGE;
    void show(true);
  });

  if (input.value) run();
}
