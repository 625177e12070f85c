/**
 * Recall and precision of Arabic search, measured: the generated corpus in
 * tests/fixtures/search is built with the real pipeline, then every query
 * runs in chromium against our index (query normalised as the search page
 * does) and against Pagefind alone over the same pages.
 */
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeQuery, normalizeWord } from '../../src/lib/arabic.ts';
import { concepts, writeSearchCorpus, type SearchCorpus } from '../fixtures/search/corpus.ts';
import { buildSite, tempDir } from '../helpers/build.ts';
import { hasBrowser, launchBrowser, serve } from '../helpers/browser.ts';

interface Scores {
  recall: number;
  precisionAt10: number;
  /** Share of the first ten results shown that are relevant. */
  shownPrecision: number;
  perQuery: { query: string; found: number; relevant: number; top10: number; results: number }[];
}

function score(corpus: SearchCorpus, results: string[][]): Scores {
  let found = 0;
  let relevant = 0;
  let precision = 0;
  let shown = 0;
  let shownQueries = 0;
  const perQuery = corpus.queries.map((q, i) => {
    const wanted = new Set(q.relevant);
    const hits = results[i].filter((url) => wanted.has(url)).length;
    const top10 = results[i].slice(0, 10).filter((url) => wanted.has(url)).length;
    found += hits;
    relevant += wanted.size;
    precision += top10 / 10;
    if (results[i].length > 0) {
      shown += top10 / Math.min(10, results[i].length);
      shownQueries++;
    }
    return { query: q.query, found: hits, relevant: wanted.size, top10, results: results[i].length };
  });
  return {
    recall: found / relevant,
    precisionAt10: precision / corpus.queries.length,
    shownPrecision: shownQueries ? shown / shownQueries : 0,
    perQuery,
  };
}

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

describe.skipIf(!hasBrowser)('Arabic search recall', () => {
  let corpus: SearchCorpus;
  let dist: string;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    const archive = path.join(await tempDir('search-corpus'), 'dispatches');
    corpus = await writeSearchCorpus(archive);
    const built = await buildSite({ archiveDir: archive });
    expect(built.code, built.output).toBe(0);
    dist = built.outDir;
    // Pagefind alone: the served pages as they are, no normalisation.
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ar' });
    expect(errors).toEqual([]);
    await index!.addDirectory({ path: dist });
    await index!.writeFiles({ outputPath: path.join(dist, 'pagefind-baseline') });
    await pagefind.close();
    server = await serve(dist);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the corpus has 60+ queries and no filler word that reads as a concept', () => {
    expect(corpus.queries.length).toBeGreaterThanOrEqual(60);
    const tokens = new Set(concepts.flatMap((c) => c.forms.map(normalizeWord)));
    for (const q of corpus.queries) expect(tokens.has(normalizeWord(q.query)) || q.query === 'بطرابلس', q.query).toBe(true);
  });

  it('finds ≥ 98 % of relevant dispatches, with precision@10 no worse than Pagefind alone', async () => {
    // A harness, not the site: its inline module is refused by the pages' CSP.
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(`${server.origin}/404.html`);
    // Each bundle is its own module instance; a module script (not page.evaluate,
    // whose import() the test runner would rewrite) loads both. Ours is
    // searched whole: every shard merged, ranked together.
    await page.addScriptTag({
      type: 'module',
      content:
        "import * as pagefind from '/pagefind/pagefind.js'; import * as alone from '/pagefind-baseline/pagefind.js';" +
        "const { shards } = await (await fetch('/pagefind/shards.json')).json();" +
        'const ours = pagefind.createInstance({ basePath: shards[0].path });' +
        'for (const shard of shards.slice(1)) await ours.mergeIndex(shard.path);' +
        'window.searchBundles = { ours, alone };',
    });
    await page.waitForFunction(() => 'searchBundles' in window);
    type Bundle = { search: (q: string) => Promise<{ results: { data: () => Promise<{ url: string }> }[] }> };
    const run = (bundle: 'ours' | 'alone', queries: string[]) =>
      page.evaluate(
        async ({ bundle, queries }) => {
          const search = (window as unknown as { searchBundles: Record<string, Bundle> }).searchBundles[bundle];
          const all: string[][] = [];
          for (const query of queries) {
            const found = await search.search(query);
            const data = await Promise.all(found.results.map((r) => r.data()));
            all.push(data.map((d) => decodeURI(d.url)));
          }
          return all;
        },
        { bundle, queries },
      );
    const ours = score(corpus, await run('ours', corpus.queries.map((q) => normalizeQuery(q.query))));
    const alone = score(corpus, await run('alone', corpus.queries.map((q) => q.query)));
    await page.close();

    const rows = corpus.queries.map(
      (q, i) =>
        `  ${q.query.padEnd(14)} relevant ${String(q.relevant.length).padStart(2)}  ` +
        `alone ${String(alone.perQuery[i].found).padStart(2)}/${String(alone.perQuery[i].results).padStart(2)}  ` +
        `ours ${String(ours.perQuery[i].found).padStart(2)}/${String(ours.perQuery[i].results).padStart(2)}`,
    );
    console.log(
      [
        `Arabic search over ${corpus.dispatchCount} dispatches, ${corpus.queries.length} queries`,
        `                    recall   precision@10   precision of shown top 10   (rows: relevant found/results)`,
        `  Pagefind alone    ${percent(alone.recall).padStart(7)}  ${percent(alone.precisionAt10).padStart(12)}  ${percent(alone.shownPrecision).padStart(12)}`,
        `  with normaliser   ${percent(ours.recall).padStart(7)}  ${percent(ours.precisionAt10).padStart(12)}  ${percent(ours.shownPrecision).padStart(12)}`,
        ...rows,
      ].join('\n'),
    );
    expect(ours.recall).toBeGreaterThanOrEqual(0.98);
    expect(ours.precisionAt10).toBeGreaterThanOrEqual(alone.precisionAt10);
    // Reported, not held to the baseline: finding more also surfaces the
    // near misses Pagefind's own stemmer lets in («مسؤولية» for «مسؤول»),
    // which Pagefind alone never reached for the variant spellings.
    expect(ours.shownPrecision).toBeGreaterThanOrEqual(0.9);
  });
});
