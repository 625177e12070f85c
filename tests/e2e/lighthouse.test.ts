/**
 * Lighthouse (mobile preset: a mid-range phone on a slow 4G link, simulated)
 * on the home page, a dispatch and a search, served as the CDN serves them:
 * accessibility, SEO and best practices 100, performance at least 95.
 */
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumPath, hasBrowser } from '../helpers/browser.ts';
import { readPages } from '../helpers/build.ts';
import { serveLikeCdn, type StaticHost } from '../helpers/static-host.ts';

const site = inject('site');
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
// Lighthouse's own codes for a trace it could not read (core/lib/lh-error.js).
const badTraceRecording = new Set(['NO_TRACING_STARTED', 'NO_RESOURCE_REQUEST', 'NO_NAVSTART', 'NO_DCL']);
const least: Record<(typeof categories)[number], number> = { performance: 0.95, accessibility: 1, 'best-practices': 1, seo: 1 };

describe.skipIf(!hasBrowser)('Lighthouse, mobile', () => {
  let host: StaticHost;
  let chrome: chromeLauncher.LaunchedChrome;
  let heaviestDispatch: string;

  beforeAll(async () => {
    host = await serveLikeCdn(site.dist);
    chrome = await chromeLauncher.launch({
      chromePath: chromiumPath,
      chromeFlags: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    const dispatches = [...(await readPages(site.dist))].filter(([url]) => /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(url));
    heaviestDispatch = dispatches.map(([url, html]) => ({ url, size: gzipSync(html).length })).sort((a, b) => b.size - a.size)[0].url;
  });

  afterAll(async () => {
    chrome?.kill();
    await host?.close();
  });

  const pages: [name: string, url: () => string][] = [
    ['the home page', () => '/'],
    ['a dispatch', () => heaviestDispatch],
    ['a search', () => '/search/?q=ميناء'],
  ];

  /**
   * One Lighthouse run: the four scores, and what cost points. A run whose
   * trace Chrome recorded badly (Lighthouse: "Please run Lighthouse again")
   * measured nothing about the page, so it is run again, at most twice; any
   * other runtime error, such as a page that failed to load, fails at once.
   */
  async function audit(url: string, retries = 2): Promise<{ scores: Record<string, number>; lost: string[] }> {
    const result = await lighthouse(host.origin + encodeURI(url), {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...categories],
    });
    const lhr = result!.lhr;
    if (lhr.runtimeError && badTraceRecording.has(lhr.runtimeError.code) && retries > 0) {
      console.warn(`${url}: Lighthouse ${lhr.runtimeError.code}, running again`);
      return audit(url, retries - 1);
    }
    expect(lhr.runtimeError, lhr.runtimeError?.message).toBeUndefined();
    const lost = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode))
      .map((a) => `${a.id} ${a.score} ${a.displayValue ?? ''}`);
    return { scores: Object.fromEntries(categories.map((id) => [id, lhr.categories[id].score ?? 0])), lost };
  }

  for (const [name, url] of pages) {
    it(`scores ${name} 100 for accessibility, SEO and best practices, 95+ for performance`, async () => {
      // Performance varies from run to run on a shared machine: a first run
      // that reaches 95 settles it; one that falls short is judged by the
      // median of three, as Lighthouse's documentation advises. The other
      // categories do not vary, and must be 100 in every run.
      const runs = [await audit(url())];
      if (runs[0].scores.performance < least.performance) runs.push(await audit(url()), await audit(url()));
      console.info(`${name} (${url()}): ${runs.map((run) => JSON.stringify(run.scores)).join(' ')}`);
      for (const run of runs) {
        for (const id of categories.filter((id) => id !== 'performance'))
          expect(run.scores[id], `${id}\n${run.lost.join('\n')}`).toBeGreaterThanOrEqual(least[id]);
      }
      const median = [...runs].sort((a, b) => a.scores.performance - b.scores.performance)[Math.floor(runs.length / 2)];
      expect(median.scores.performance, `performance\n${median.lost.join('\n')}`).toBeGreaterThanOrEqual(least.performance);
    });
  }
});
