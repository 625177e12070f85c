/**
 * The built test archive in headless Debian chromium: pages render right to
 * left, fit a 360 px phone, log no errors and pass axe-core.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { nfdName, photoDispatch } from '../helpers/archive.ts';
import { axeViolations } from '../helpers/axe.ts';
import { hasBrowser, launchBrowser, serve } from '../helpers/browser.ts';

const site = inject('site');

const urls = [
  '/',
  '/page/2/',
  '/2025/12/01/port-upgrade/',
  '/2025/12/01/port-fees-corrected/',
  photoDispatch.url,
  `/2025/12/04/${nfdName}/`,
  '/archive/',
  '/archive/2025/12/',
  '/city/',
  '/city/zliten/page/2/',
  '/tag/الموانئ/',
  '/feeds/',
  '/404.html',
];

describe.skipIf(!hasBrowser)('in chromium', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    server = await serve(site.dist);
    origin = server.origin;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(url: string, colorScheme: 'light' | 'dark' = 'light') {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, colorScheme });
    const page = await context.newPage();
    const errors: string[] = [];
    const foreign: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => {
      if (!request.url().startsWith(origin)) foreign.push(request.url());
    });
    const response = await page.goto(origin + encodeURI(url), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    return { page, context, status: response?.status(), errors, foreign };
  }

  it.each(urls)('%s renders right to left, fits 360 and 320 px, logs no error', async (url) => {
    const { page, context, status, errors, foreign } = await open(url);
    expect(status).toBe(200);
    const layout = await page.evaluate(() => ({
      html: getComputedStyle(document.documentElement).direction,
      main: getComputedStyle(document.querySelector('main')!).direction,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    expect(layout).toEqual({ html: 'rtl', main: 'rtl', overflow: 0 });
    // The narrowest phones still in use.
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it.each(urls.flatMap((url) => [[url, 'light'] as const, [url, 'dark'] as const]))(
    '%s (%s scheme) has no serious or critical axe violation',
    async (url, scheme) => {
      const { page, context } = await open(url, scheme);
      expect(await axeViolations(page, 'serious')).toEqual([]);
      await context.close();
    },
  );

  it.each([320, 390])('never starts a line with «هـ» at %i px: the Hijri date stays whole', async (width) => {
    const { page, context } = await open('/2025/12/01/port-upgrade/');
    await page.setViewportSize({ width, height: 780 });
    const lines = await page.evaluate(() => {
      const hijri = document.querySelector('.published .hijri')!;
      const range = document.createRange();
      range.selectNodeContents(hijri);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(lines).toBe(1);
    await context.close();
  });

  it('has a calm header in the dark: deep, not the bright accent, with text at AA contrast or better', async () => {
    const colours = async (scheme: 'light' | 'dark') => {
      const { page, context } = await open('/', scheme);
      const style = await page.evaluate(() => {
        const header = getComputedStyle(document.querySelector('.site-header')!);
        return { background: header.backgroundColor, text: header.color };
      });
      await context.close();
      return style;
    };
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb
        .match(/\d+/g)!
        .slice(0, 3)
        .map((c) => {
          const v = Number(c) / 255;
          return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (light + 0.05) / (dark + 0.05);
    };
    const dark = await colours('dark');
    expect(luminance(dark.background)).toBeLessThan(0.05);
    expect(contrast(dark.background, dark.text)).toBeGreaterThanOrEqual(4.5);
    const light = await colours('light');
    expect(light.background).toBe('rgb(10, 90, 69)');
    expect(contrast(light.background, light.text)).toBeGreaterThanOrEqual(4.5);
  });

  it('uses the self-hosted Arabic font for body text', async () => {
    const { page, context } = await open('/2025/12/01/port-upgrade/');
    const loaded = await page.evaluate(() =>
      [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.weight}`),
    );
    expect(loaded.map((f) => f.replaceAll('"', ''))).toContain('Noto Naskh Arabic 400');
    await context.close();
  });

  it('loads the photos as AVIF, the lead at once and the body photo when scrolled to, without shifting the text', async () => {
    const { page, context, errors } = await open(photoDispatch.url);
    const photos = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLImageElement>('figure.photo img')].map((img) => ({
          loaded: img.complete && img.naturalWidth > 0,
          format: img.currentSrc.split('.').pop(),
          // Reserved space before the file arrives: width and height attributes.
          ratio: Math.round((img.getBoundingClientRect().width / img.getBoundingClientRect().height) * 100) / 100,
        })),
      );
    const [leadPhoto] = await photos();
    expect(leadPhoto).toEqual({ loaded: true, format: 'avif', ratio: 1.6 });
    for (const figure of await page.locator('.body figure.photo').all()) await figure.scrollIntoViewIfNeeded();
    await expect
      .poll(photos)
      .toEqual([leadPhoto, { loaded: true, format: 'avif', ratio: 1.5 }, { loaded: true, format: 'avif', ratio: 1.6 }]);
    // The caption reads right to left under the photo, the credit after it.
    const caption = await page.evaluate(() => {
      const figcaption = document.querySelector('article > figure.photo figcaption')!;
      const [text, credit] = [figcaption.querySelector('.caption')!, figcaption.querySelector('.credit')!].map((el) =>
        el.getBoundingClientRect(),
      );
      return {
        direction: getComputedStyle(figcaption).direction,
        creditLeftOfText: credit.right <= text.left + 1 || credit.top > text.top,
      };
    });
    expect(caption).toEqual({ direction: 'rtl', creditLeftOfText: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('places the start of a dispatch on the right', async () => {
    const { page, context } = await open('/2025/12/01/port-upgrade/');
    const box = await page.locator('article.dispatch h1').boundingBox();
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    // Right-aligned: the heading's right edge sits at the container's padding.
    expect(width - (box!.x + box!.width)).toBeLessThan(24);
    await context.close();
  });
});
