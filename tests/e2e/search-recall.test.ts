/**
 * Recall and precision of Arabic search on the generated corpus of
 * tests/fixtures/search (2,000 dispatches, built with the real pipeline):
 * every query is typed into the real search page in chromium, in both
 * orders, and the first ten results are read. A relevant dispatch counts as
 * found when it is among them. Pagefind alone, over the same served pages,
 * is the baseline for precision.
 */
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSearchCorpus, type Form, type SearchCorpus, type SearchQuery } from '../fixtures/search/corpus.ts';
import { buildSite, tempDir } from '../helpers/build.ts';
import { hasBrowser, launchBrowser, serve } from '../helpers/browser.ts';

type Order = 'relevance' | 'date';

/** The first ten results the search page shows for each query, typed in turn into one page, as URL paths. */
async function topTens(page: Page, origin: string, queries: string[], order: Order): Promise<string[][]> {
  await page.goto(`${origin}/search/${order === 'date' ? '?sort=date' : ''}`);
  const lists: string[][] = [];
  for (const query of queries) {
    await page.evaluate((query) => {
      document.querySelector('[data-search-status]')!.textContent = '';
      document.querySelector<HTMLInputElement>('#search-input')!.value = query;
      document.querySelector<HTMLFormElement>('[data-search-form]')!.requestSubmit();
    }, query);
    await page.waitForFunction(() => {
      const status = document.querySelector('[data-search-status]')?.textContent;
      return status && !document.querySelector('[data-search-results]')?.hasAttribute('aria-busy');
    });
    lists.push(
      await page
        .locator('[data-search-results] li h2 a')
        .evaluateAll((links) => links.map((a) => decodeURI(new URL((a as HTMLAnchorElement).href).pathname))),
    );
  }
  return lists;
}

/** Pagefind alone's first ten, by its own ranking. */
async function baselineTopTen(page: Page, queries: string[]): Promise<string[][]> {
  return page.evaluate(async (queries) => {
    const alone = (
      window as unknown as { alone: { search: (q: string) => Promise<{ results: { data: () => Promise<{ url: string }> }[] }> } }
    ).alone;
    const all: string[][] = [];
    for (const query of queries) {
      const { results } = await alone.search(query);
      all.push((await Promise.all(results.slice(0, 10).map((r) => r.data()))).map((d) => decodeURI(d.url)));
    }
    return all;
  }, queries);
}

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
const found = (q: SearchQuery, top: string[]) => q.relevant.filter((url) => top.includes(url)).length;
const ranks = (q: SearchQuery, top: string[]) =>
  q.relevant.map((url) => (top.includes(url) ? String(top.indexOf(url) + 1) : '–')).join(',');

describe.skipIf(!hasBrowser)('Arabic search recall on 2,000 dispatches', () => {
  let corpus: SearchCorpus;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  const top: Record<Order, string[][]> = { relevance: [], date: [] };
  let alone: string[][];

  beforeAll(async () => {
    const archive = path.join(await tempDir('search-corpus'), 'dispatches');
    corpus = await writeSearchCorpus(archive);
    const built = await buildSite({ archiveDir: archive });
    expect(built.code, built.output).toBe(0);
    console.log(built.output.match(/Full build in .*/)?.[0]);
    // Pagefind alone: the served pages as they are, with its Arabic stemmer.
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ar' });
    expect(errors).toEqual([]);
    await index!.addDirectory({ path: built.outDir });
    await index!.writeFiles({ outputPath: path.join(built.outDir, 'pagefind-baseline') });
    await pagefind.close();
    server = await serve(built.outDir);
    browser = await launchBrowser();
    const page = await browser.newPage();
    for (const order of ['relevance', 'date'] as const)
      top[order] = await topTens(
        page,
        server.origin,
        corpus.queries.map((q) => q.query),
        order,
      );
    // A harness page for the baseline: its inline module is refused by the pages' CSP.
    const harness = await browser.newPage({ bypassCSP: true });
    await harness.goto(`${server.origin}/404.html`);
    await harness.addScriptTag({
      type: 'module',
      content: "import * as alone from '/pagefind-baseline/pagefind.js'; window.alone = alone;",
    });
    await harness.waitForFunction(() => 'alone' in window);
    alone = await baselineTopTen(
      harness,
      corpus.queries.map((q) => q.query),
    );
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds ≥ 98 % of relevant dispatches in the first ten, for every form of query, in both orders', () => {
    const forms = [...new Set(corpus.queries.map((q) => q.form))];
    const recall = (order: Order | 'alone', form?: Form) => {
      const [hits, wanted] = corpus.queries.reduce(
        ([h, w], q, i) =>
          form && q.form !== form ? [h, w] : [h + found(q, order === 'alone' ? alone[i] : top[order][i]), w + q.relevant.length],
        [0, 0],
      );
      return hits / wanted;
    };
    console.log(
      [
        `Arabic search over ${corpus.dispatchCount} dispatches, ${corpus.queries.length} queries: relevant found in the first ten`,
        `  ${'form'.padEnd(24)}${'queries'.padStart(8)}${'relevance'.padStart(12)}${'newest'.padStart(10)}${'Pagefind alone'.padStart(16)}`,
        ...[...forms, undefined].map(
          (form) =>
            `  ${(form ?? 'all').padEnd(24)}${String(corpus.queries.filter((q) => !form || q.form === form).length).padStart(8)}` +
            `${percent(recall('relevance', form)).padStart(12)}${percent(recall('date', form)).padStart(10)}${percent(recall('alone', form)).padStart(16)}`,
        ),
        '  ranks of the relevant dispatches (relevance | newest first | Pagefind alone):',
        ...corpus.queries.map(
          (q, i) =>
            `    ${q.form.padEnd(24)}${q.query.padEnd(14)}${ranks(q, top.relevance[i]).padEnd(10)}| ${ranks(q, top.date[i]).padEnd(10)}| ${ranks(q, alone[i])}`,
        ),
      ].join('\n'),
    );
    for (const form of forms) {
      expect(recall('relevance', form), `relevance, ${form}`).toBeGreaterThanOrEqual(0.98);
      expect(recall('date', form), `newest first, ${form}`).toBeGreaterThanOrEqual(0.98);
    }
  });

  it('is at least as precise as Pagefind alone on queries typed as the text spells them', () => {
    const exact = corpus.queries.map((q, i) => ({ q, i })).filter(({ q }) => q.form === 'exact');
    const precision = (lists: string[][]) => exact.reduce((sum, { q, i }) => sum + found(q, lists[i]) / 10, 0) / exact.length;
    console.log(
      `Precision@10 on ${exact.length} exact queries: ours ${percent(precision(top.relevance))}, Pagefind alone ${percent(precision(alone))}`,
    );
    expect(precision(top.relevance)).toBeGreaterThanOrEqual(precision(alone));
  });
});
