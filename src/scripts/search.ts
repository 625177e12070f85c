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

/** «2024» for a shard of years 2024–2026, «مارس 2025» for a month's. */
const since = (shard: ShardInfo) => (shard.from === shard.to ? shard.label : shard.from);

/** Opens Pagefind's bundles as they are first needed: one instance per shard, one merged for relevance. */
function openIndex(pagefind: PagefindModule, shards: ShardInfo[]) {
  const byShard = new Map<string, Promise<Searcher<Hit>>>();
  let merged: Promise<Searcher<Hit>> | undefined;
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
    // Every shard, ranked together: one instance whose WebAssembly serves them all.
    merged: () =>
      (merged ??= (async () => {
        const instance = pagefind.createInstance({ basePath: shards[0].path });
        for (const shard of shards.slice(1)) await instance.mergeIndex(shard.path);
        return searcherOf(instance);
      })()),
  };
}

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
    shards = ((await (await fetch(`${bundle}shards.json`)).json()) as { shards: ShardInfo[] }).shards;
    const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindModule;
    index = openIndex(pagefind, shards);
  } catch {
    status.textContent = t('search.unavailable');
    return;
  }

  let generation = 0;
  let current: { query: string; take: (n: number) => Promise<Page<Hit>> } | undefined;
  let shown = PAGE;

  const show = async () => {
    const mine = generation;
    const search = current;
    if (!search) return;
    let page: Page<Hit>;
    let items: string[];
    try {
      page = await search.take(shown);
      items = (await Promise.all(page.hits.map((hit) => hit.data()))).map(resultHtml);
    } catch {
      if (mine === generation) status.textContent = t('search.failed');
      return;
    }
    // A newer search started meanwhile: its results win.
    if (mine !== generation) return;
    list.innerHTML = items.join('');
    const { query } = search;
    status.textContent =
      page.count === 0 && page.complete
        ? t('search.none', { query })
        : page.complete
          ? t('search.results', { count: countResults(page.count), query })
          : t('search.resultsSince', { count: countResults(page.count), query, period: since(page.searchedTo!) });
    more.hidden = page.complete && page.count <= shown;
  };

  const run = () => {
    generation++;
    const query = input.value.trim();
    const url = new URL(window.location.href);
    url.search = '';
    if (query) url.searchParams.set('q', query);
    for (const name of FILTERS) if (field(name).value) url.searchParams.set(name, field(name).value);
    if (field('sort').value !== 'date') url.searchParams.set('sort', field('sort').value);
    window.history.replaceState(null, '', url);
    shown = PAGE;
    if (!query) {
      current = undefined;
      list.innerHTML = '';
      status.textContent = '';
      more.hidden = true;
      return;
    }
    const filters: Record<string, string> = {};
    for (const name of FILTERS) if (field(name).value) filters[name] = field(name).value;
    const term = normalizeQuery(query);
    const allowed = shardsFor(shards, filters.year);
    if (field('sort').value === 'relevance') {
      const searcher = allowed.length === 1 ? index.shard(allowed[0]) : index.merged();
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
    void show();
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
  more.addEventListener('click', () => {
    shown += PAGE;
    more.hidden = true;
    void show();
  });

  if (input.value) run();
}
