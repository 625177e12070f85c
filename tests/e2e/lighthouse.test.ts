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
const least: Record<(typeof categories)[number], number> = { performance: 0.95, accessibility: 1, 'best-practices': 1, seo: 1 };

describe.skipIf(!hasBrowser)('Lighthouse, mobile', () => {
  let host: StaticHost;
  let chrome: chromeLauncher.LaunchedChrome;
  let heaviestDispatch: string;

  beforeAll(async () => {
    host = await serveLikeCdn(site.dist);
    chrome = await chromeLauncher.launch({
      chromePath: chromiumPath,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update'],
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

  for (const [name, url] of pages) {
    it(`scores ${name} 100 for accessibility, SEO and best practices, 95+ for performance`, async () => {
      const result = await lighthouse(host.origin + encodeURI(url()), { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
      const lhr = result!.lhr;
      expect(lhr.runtimeError, lhr.runtimeError?.message).toBeUndefined();
      const scores = Object.fromEntries(categories.map((id) => [id, lhr.categories[id].score ?? 0]));
      // What cost points, to read when it fails.
      const lost = Object.values(lhr.audits)
        .filter((audit) => audit.score !== null && audit.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode))
        .map((audit) => `${audit.id} ${audit.score} ${audit.displayValue ?? ''}`);
      console.info(`${name} (${url()}): ${JSON.stringify(scores)}\n${lost.join('\n')}`);
      for (const id of categories) expect(scores[id], `${id}\n${lost.join('\n')}`).toBeGreaterThanOrEqual(least[id]);
    });
  }
});
