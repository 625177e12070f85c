/**
 * What a reader's browser fetches for a first search: opens /search/?q=…
 * in Debian's chromium over a local server, waits for the results, and adds
 * up every response. Text responses are counted gzipped, as a CDN serves
 * them; Pagefind's index files are gzipped already and counted as they are.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import sirv from 'sirv';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface FirstSearch {
  query: string;
  results: number;
  /** Bytes over the wire, by kind, and in all. */
  byKind: Record<string, number>;
  total: number;
  /** The same, without the page itself (HTML, CSS, fonts): what search adds. */
  search: number;
  requests: number;
}

const kindOf = (url: string) => {
  const { pathname } = new URL(url);
  if (pathname.startsWith('/pagefind/')) {
    if (/\.pf_meta$/.test(pathname)) return 'index meta';
    if (/\.pf_index$/.test(pathname)) return 'index chunks';
    if (/\.pf_filter$/.test(pathname)) return 'filters';
    if (/\.pf_fragment$/.test(pathname)) return 'result fragments';
    if (/wasm\./.test(pathname)) return 'wasm';
    return 'search code';
  }
  if (/\.woff2?$/.test(pathname)) return 'fonts';
  if (/\.(avif|webp|jpe?g|png)$/.test(pathname)) return 'images';
  if (pathname.endsWith('/') || pathname.endsWith('.html')) return 'page';
  return 'page assets';
};

export type SearchOrder = 'relevance' | 'date';

/** A local server of `dist` and chromium, for `use`; undefined without a browser. */
async function withBrowser<T>(dist: string, use: (browser: Browser, origin: string) => Promise<T>): Promise<T | undefined> {
  if (!existsSync(chromiumPath)) return undefined;
  const server: Server = createServer(sirv(dist, { dev: false, etag: false }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    return await use(browser, origin);
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Runs one search in chromium and counts its bytes; undefined without a browser. */
export function firstSearch(dist: string, query: string, order: SearchOrder): Promise<FirstSearch | undefined> {
  return withBrowser(dist, async (browser, origin) => {
    const page = await browser.newPage();
    const byKind: Record<string, number> = {};
    const pending: Promise<void>[] = [];
    let requests = 0;
    page.on('response', (response) => {
      pending.push(
        response.body().then(
          (body) => {
            const kind = kindOf(response.url());
            const type = response.headers()['content-type'] ?? '';
            const text = /text|javascript|json|svg|xml/.test(type);
            byKind[kind] = (byKind[kind] ?? 0) + (text ? gzipSync(body).length : body.length);
            requests++;
          },
          () => undefined,
        ),
      );
    });
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}${order === 'date' ? '&sort=date' : ''}`);
    await page.waitForSelector('[data-search-results] li', { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const results = await page.locator('[data-search-results] li').count();
    await Promise.all(pending);
    const total = Object.values(byKind).reduce((a, b) => a + b, 0);
    const pageBytes = ['page', 'page assets', 'fonts'].reduce((sum, kind) => sum + (byKind[kind] ?? 0), 0);
    return { query, results, byKind, total, search: total - pageBytes, requests };
  });
}

/**
 * Milliseconds from a query's submission on a warm search page (loaded,
 * the reader in the search box) to its first results on screen, for each query
 * in turn on one page: the first loads the index, the next reuse it.
 */
export function queryLatency(dist: string, queries: string[], order: SearchOrder): Promise<number[] | undefined> {
  return withBrowser(dist, async (browser, origin) => {
    const page = await browser.newPage();
    // Warm: loaded, and the reader has clicked into the box.
    await page.goto(`${origin}/search/${order === 'date' ? '?sort=date' : ''}`);
    await page.focus('#search-input');
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const times: number[] = [];
    for (const query of queries) {
      await page.fill('#search-input', query);
      times.push(
        await page.evaluate(
          (query) =>
            new Promise<number>((resolve) => {
              const list = document.querySelector('[data-search-results]')!;
              const status = document.querySelector('[data-search-status]')!;
              const start = performance.now();
              // Results, or the status saying there are none.
              const done = new MutationObserver(() => {
                if (list.hasAttribute('aria-busy') || !status.textContent) return;
                done.disconnect();
                requestAnimationFrame(() => resolve(performance.now() - start));
              });
              done.observe(list.parentElement!, { childList: true, subtree: true, attributes: true, characterData: true });
              list.innerHTML = '';
              status.textContent = '';
              document.querySelector<HTMLFormElement>('[data-search-form]')!.requestSubmit();
              void query;
            }),
          query,
        ),
      );
    }
    return times;
  });
}
