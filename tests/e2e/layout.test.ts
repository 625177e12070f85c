/**
 * The reader's main pages in chromium at 320, 390 and 1280 px, light and
 * dark: no axe violation of any impact, nothing wider than the screen, no
 * line that starts with «هـ», and on a wide screen no empty half.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { photoDispatch } from '../helpers/archive.ts';
import { axeViolations } from '../helpers/axe.ts';
import { hasBrowser, launchBrowser, serve } from '../helpers/browser.ts';

const site = inject('site');

const urls = [
  '/',
  photoDispatch.url,
  // With related dispatches beside it on a wide screen, and a Hijri date.
  '/2025/12/01/port-fees-corrected/',
  '/category/economy/',
  '/archive/2025/12/',
  '/archive/2025/12/01/',
  '/feeds/',
];
const widths = [320, 390, 1280];
const schemes = ['light', 'dark'] as const;

/** Where a line starts with «هـ», which belongs after its year: the text before it, for the message. */
const linesStartingWithHijriMark = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    const top = (node: Node, start: number, end: number) => {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      return Math.round(range.getClientRects()[0]?.top ?? NaN);
    };
    // The last letter before a mark may be in the text node before it (a <time>, a <span>).
    let previous: { node: Node; at: number } | undefined;
    const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent!;
      for (let i = text.indexOf('هـ'); i >= 0; i = text.indexOf('هـ', i + 1)) {
        const before = text.slice(0, i).trimEnd().length - 1;
        const last = before >= 0 ? { node, at: before } : previous;
        if (last && top(node, i, i + 2) !== top(last.node, last.at, last.at + 1)) found.push(`${text.slice(Math.max(0, i - 12), i + 2)}`);
      }
      const end = text.trimEnd().length - 1;
      if (end >= 0) previous = { node, at: end };
    }
    return found;
  });

/**
 * How far the first screen's text and images reach towards each side: the
 * line boxes of its text (a block spans its container whatever its text
 * does), and its images.
 */
const contentExtent = (page: Page) =>
  page.evaluate(() => {
    const boxes: DOMRect[] = [];
    const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent!.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      boxes.push(...range.getClientRects());
    }
    boxes.push(...[...document.querySelectorAll('main img')].map((img) => img.getBoundingClientRect()));
    const seen = boxes.filter((r) => r.width > 1 && r.bottom > 0 && r.top < window.innerHeight);
    return { left: Math.min(...seen.map((r) => r.left)), right: Math.max(...seen.map((r) => r.right)), width: window.innerWidth };
  });

describe.skipIf(!hasBrowser)('layout in chromium', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await serve(site.dist);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe.each(schemes.flatMap((scheme) => widths.map((width) => [width, scheme] as const)))('at %i px, %s', (width, scheme) => {
    it.each(urls)('%s passes axe, fits the screen and keeps «هـ» with its year', async (url) => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      const response = await page.goto(server.origin + encodeURI(url), { waitUntil: 'load' });
      expect(response?.status(), url).toBe(200);
      await page.evaluate(() => document.fonts.ready);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      expect(await linesStartingWithHijriMark(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      if (width >= 1024) {
        // Content on both sides of the middle in the first screen: a second column, or a centred one.
        const { left, right, width: screen } = await contentExtent(page);
        expect(left, `${url}: nothing left of ${left} px`).toBeLessThan(screen * 0.4);
        expect(right, `${url}: nothing right of ${right} px`).toBeGreaterThan(screen * 0.6);
      }
      await context.close();
    });
  });
});
