/**
 * The test archive served as a CDN serves it (tests/helpers/static-host.ts:
 * the headers of public/_headers, gzip): pages and search work under the
 * Content-Security-Policy with no violation, feeds are served plain, and the
 * heaviest dispatch page and the front page stay within the transfer budget.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasBrowser, launchBrowser, serve } from '../helpers/browser.ts';
import { readPages } from '../helpers/build.ts';
import { serveLikeCdn, type StaticHost } from '../helpers/static-host.ts';

const site = inject('site');
const dispatchBudget = 60 * 1024;

describe.skipIf(!hasBrowser)('served with the production headers', () => {
  let browser: Browser;
  let host: StaticHost;
  let heaviestDispatch: string;
  let heaviestHtmlBytes: number;
  let frontHtmlBytes: number;

  beforeAll(async () => {
    host = await serveLikeCdn(site.dist);
    browser = await launchBrowser();
    // The dispatch page whose HTML compresses worst: the budget's worst case.
    const pages = await readPages(site.dist);
    const dispatches = [...pages].filter(([url]) => /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(url));
    const heaviest = dispatches.map(([url, html]) => ({ url, html, size: gzipSync(html).length })).sort((a, b) => b.size - a.size)[0];
    heaviestDispatch = heaviest.url;
    heaviestHtmlBytes = Buffer.byteLength(heaviest.html);
    frontHtmlBytes = Buffer.byteLength(pages.get('/')!);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  /** Opens a page that records every CSP violation and console error. */
  async function open(url: string, origin = host.origin) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { violations: string[] }).violations ??= [];
        (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    const response = await page.goto(origin + encodeURI(url), { waitUntil: 'load' });
    const violations = () => page.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? []);
    return { page, context, response, problems, violations };
  }

  const injectInlineStyle = (page: Page) =>
    page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { color: red }';
      document.head.append(style);
    });

  async function expectClean(page: Page, problems: string[], violations: () => Promise<string[]>) {
    await page.evaluate(() => document.fonts?.ready);
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
  }

  it('shows every kind of page with its headers and no policy violation', async () => {
    for (const url of ['/', heaviestDispatch, '/city/', '/city/tripoli/', '/archive/', '/archive/2025/12/', '/tag/', '/no-such-page/']) {
      const { page, context, response, problems, violations } = await open(url);
      expect(response?.status(), url).toBe(url === '/no-such-page/' ? 404 : 200);
      const headers = response!.headers();
      expect(headers['content-security-policy'], url).toMatch(/^default-src 'none'; script-src 'self' 'wasm-unsafe-eval'/);
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['cache-control'], url).toBe('public, max-age=60, must-revalidate');
      // The stylesheet and the web font applied, not blocked.
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily), url).toMatch(/Noto Naskh Arabic/);
      await page.evaluate(() => document.fonts.ready);
      expect(await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family)), url).toContain(
        'Noto Naskh Arabic',
      );
      expect(await page.locator('main').count(), url).toBe(1);
      // The one error a missing page may log is its own status.
      const expected = url === '/no-such-page/' ? ['Failed to load resource: the server responded with a status of 404 (Not Found)'] : [];
      await expectClean(
        page,
        problems.filter((p) => !expected.includes(p)),
        violations,
      );
      await context.close();
    }
  });

  it('searches under the policy: Pagefind compiles its WebAssembly and finds dispatches', async () => {
    const { page, context, problems, violations } = await open('/');
    await page.fill('#site-search', 'ميناء');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await expect
      .poll(() => page.locator('[data-search-results] li h2').allTextContents())
      .toEqual(['تعديل رسوم الخدمات في ميناء بنغازي', 'ميناء طرابلس يبدأ توسعة رصيف الحاويات']);
    await expectClean(page, problems, violations);
    await context.close();
  });

  it('serves a feed as plain RSS for feed readers, with the policy and nothing for a browser to style it with', async () => {
    const response = await fetch(`${host.origin}/rss.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/xml/);
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    expect(await response.text()).not.toContain('<?xml-stylesheet');
  });

  it('keeps the policy on a host that sends none of these headers (GitHub Pages)', async () => {
    const bare = await serve(site.dist);
    try {
      const { page, context, response, problems, violations } = await open('/search/?q=ميناء', bare.origin);
      expect(response!.headers()['content-security-policy']).toBeUndefined();
      await expect.poll(() => page.locator('[data-search-results] li').count()).toBe(2);
      await expectClean(page, problems, violations);
      // The <meta> policy is enforced: an inline style is refused.
      await injectInlineStyle(page);
      await expect.poll(violations).toEqual(['style-src-elem inline']);
      await context.close();
    } finally {
      await bare.close();
    }
  });

  it('reports a violation when a page breaks the policy', async () => {
    // The check above would pass on a browser that enforced nothing.
    const { page, context, violations } = await open('/');
    await injectInlineStyle(page);
    // Once for the header's policy, once for the <meta>'s.
    await expect.poll(violations).toEqual(['style-src-elem inline', 'style-src-elem inline']);
    await context.close();
  });

  it.each([
    ['the heaviest dispatch page', () => heaviestDispatch, () => heaviestHtmlBytes],
    ['the front page', () => '/', () => frontHtmlBytes],
  ])(`transfers %s in at most ${dispatchBudget / 1024} KB: HTML, CSS and the fonts it uses`, async (_, url, htmlBytes) => {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    const sized: Promise<{ url: string; type: string; bytes: number }>[] = [];
    page.on('requestfinished', (request) => {
      sized.push(
        request.sizes().then((sizes) => ({
          url: request.url(),
          type: request.resourceType(),
          bytes: sizes.responseHeadersSize + sizes.responseBodySize,
        })),
      );
    });
    await page.goto(host.origin + encodeURI(url()), { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    const transfers = await Promise.all(sized);

    const sum = (types: string[]) => transfers.filter((t) => types.includes(t.type)).reduce((total, t) => total + t.bytes, 0);
    const counted = sum(['document', 'stylesheet', 'font', 'script']);
    const report = transfers.map((t) => `${t.type} ${(t.bytes / 1024).toFixed(1)} KB ${new URL(t.url).pathname}`).join('\n');
    expect(transfers.filter((t) => t.type === 'document').length).toBe(1);
    expect(transfers.filter((t) => t.type === 'font').length, report).toBeGreaterThan(0);
    // Compressed, as sent: the document arrives gzipped.
    expect(transfers.find((t) => t.type === 'document')!.bytes).toBeLessThan(htmlBytes() / 2);
    expect(counted, `${url()}\n${report}`).toBeLessThanOrEqual(dispatchBudget);
    console.info(
      `${url()}: ${(counted / 1024).toFixed(1)} KB (HTML, CSS, fonts, scripts); ${(sum(['image']) / 1024).toFixed(1)} KB of images`,
    );
    await context.close();
  });
});
