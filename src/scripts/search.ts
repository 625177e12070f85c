/**
 * The search page's glue around Pagefind's Component UI: queries are
 * normalised exactly as the index was (src/lib/arabic.ts) before they reach
 * Pagefind, results show excerpts cut from the original text, the query
 * lives in the URL (?q=), newest first by default, ten more on demand.
 */
import { countResults, t } from '../i18n/ar.ts';
import { normalizeQuery } from '../lib/arabic.ts';
import { escapeHtml } from '../lib/body.ts';
import { excerptHtml, indexedWordSpans } from '../lib/excerpt.ts';

interface ResultData {
  url: string;
  locations: number[];
  meta: Record<string, string>;
}

interface Instance {
  searchSort: Record<string, string>;
  triggerSearch(term: string): void;
  add(component: object): void;
  on(event: 'search', callback: () => void): void;
  on(event: 'results', callback: (result: { results: unknown[] }) => void): void;
}

interface ResultsElement extends HTMLElement {
  resultTemplate: (data: ResultData) => string;
}

const PAGE = 10;

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

export function startSearch() {
  const root = document.querySelector<HTMLElement>('[data-search]');
  const status = root?.querySelector<HTMLElement>('[data-search-status]');
  const components = (window as unknown as { PagefindComponents?: { getInstanceManager(): { getInstance(name: string): Instance } } })
    .PagefindComponents;
  if (!root || !status) return;
  if (!components) {
    status.textContent = t('search.unavailable');
    return;
  }
  const instance = components.getInstanceManager().getInstance('default');
  const results = root.querySelector<ResultsElement>('pagefind-results')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const sort = root.querySelector<HTMLSelectElement>('[data-search-sort]')!;
  let query = '';
  let shown = PAGE;

  instance.searchSort = { date: 'desc' };
  results.resultTemplate = resultHtml;
  // Our status line speaks for the search; Pagefind's own announcements
  // would read out the normalised query.
  instance.add({ capabilities: { announcements: true } });

  const search = instance.triggerSearch.bind(instance);
  const run = () => {
    results.setAttribute('max-results', String(shown));
    search(normalizeQuery(query));
  };
  // Every search, from the input or a filter, passes through here.
  instance.triggerSearch = (term: string) => {
    query = term.trim();
    shown = PAGE;
    const url = new URL(window.location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
    run();
  };

  // Pagefind's filter dropdowns render <button role="combobox"> named only by
  // its content, which a combobox does not take its name from (axe:
  // button-name), and name their options in English («طرابلس, 3 results»).
  // Name the trigger after its filter and the options in Arabic.
  const setLabel = (el: Element, label: string) => {
    if (el.getAttribute('aria-label') !== label) el.setAttribute('aria-label', label);
  };
  for (const dropdown of root.querySelectorAll('pagefind-filter-dropdown')) {
    const label = dropdown.getAttribute('label') ?? '';
    const name = () => {
      const trigger = dropdown.querySelector('.pf-dropdown-trigger');
      if (trigger) setLabel(trigger, label);
      for (const option of dropdown.querySelectorAll('[role=option][data-value]')) {
        const count = Number(option.querySelector('.pf-dropdown-option-count')?.textContent ?? 0);
        setLabel(option, `${option.getAttribute('data-value')}، ${countResults(count)}`);
      }
    };
    name();
    new MutationObserver(name).observe(dropdown, { childList: true, subtree: true });
  }

  // Pagefind's input shows the term it searched; give the reader's own
  // spelling back (this hook runs after the input's).
  const input = () => root.querySelector<HTMLInputElement>('pagefind-input input');
  instance.on('search', () => {
    const field = input();
    if (field && field.value.trim() !== query) field.value = query;
  });

  instance.on('results', ({ results: found }) => {
    const count = found.length;
    status.textContent = !query
      ? ''
      : count === 0
        ? t('search.none', { query })
        : t('search.results', { count: countResults(count), query });
    more.hidden = count <= shown;
  });

  more.addEventListener('click', () => {
    shown += PAGE;
    more.hidden = true;
    run();
  });

  sort.addEventListener('change', () => {
    instance.searchSort = sort.value === 'date' ? { date: 'desc' } : {};
    if (query) instance.triggerSearch(query);
  });

  const initial = new URLSearchParams(window.location.search).get('q')?.trim();
  if (initial) instance.triggerSearch(initial);
}
