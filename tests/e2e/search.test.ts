/**
 * The search page in chromium over the test archive: from the header box to
 * a result, by mouse and by keyboard, with a city filter, and accessible.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { hasBrowser, launchBrowser, serve } from '../helpers/browser.ts';

const site = inject('site');

describe.skipIf(!hasBrowser)('search in chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    server = await serve(site.dist);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    const foreign: string[] = [];
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => !r.url().startsWith(server.origin) && foreign.push(r.url()));
    await page.goto(server.origin + encodeURI(path));
    return { page, context, errors, foreign, requests };
  }

  const resultTitles = (page: Page) => page.locator('[data-search-results] li h2').allTextContents();
  const resultDatelines = (page: Page) => page.locator('[data-search-results] li .dateline').allTextContents();

  it('goes from the header box to results, filters by city and opens a result', async () => {
    const { page, context, errors, foreign } = await open('/');
    // «والمرحلة الأولى» in the text; the reader types the bare word with hamza on alef.
    await page.fill('#site-search', 'أعمال');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('أعمال');
    await page.waitForSelector('[data-search-results] li');
    expect(await page.inputValue('#search-input')).toBe('أعمال');
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toMatch(/للبحث عن «\u2068أعمال\u2069»/);
    expect(await page.locator('[data-search-results] li mark').count()).toBeGreaterThan(0);

    // Searching «ميناء» finds both port dispatches: headline matches both, the newer first.
    await page.fill('#search-input', 'ميناء');
    await expect.poll(() => resultTitles(page)).toEqual(['تعديل رسوم الخدمات في ميناء بنغازي', 'ميناء طرابلس يبدأ توسعة رصيف الحاويات']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('ميناء');

    await page.getByLabel('المدينة').selectOption('طرابلس');
    await expect.poll(() => resultDatelines(page)).toEqual(['طرابلس 01 ديسمبر 2025 (وال)']);
    expect(new URL(page.url()).searchParams.get('city')).toBe('طرابلس');

    await page.click('[data-search-results] li h2 a');
    await page.waitForURL(/\/2025\/12\/01\/port-upgrade\/$/);
    expect(await page.locator('h1').textContent()).toBe('ميناء طرابلس يبدأ توسعة رصيف الحاويات');
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('shows the lead photo of a result as a thumbnail that loads', async () => {
    const { page, context, errors, foreign } = await open('/search/?q=احتفالات رأس السنة');
    const thumbnail = page.locator('[data-search-results] li:has(a[href="/2026/01/01/new-year-sebha/"]) img.thumbnail');
    await thumbnail.waitFor();
    expect(await thumbnail.getAttribute('alt')).toBe('');
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('cuts an excerpt from one block: a photo caption does not run into the paragraphs around it', async () => {
    const { page, context } = await open('/search/?q=منتصف الليل');
    const excerpt = page.locator('[data-search-results] li:has(a[href="/2026/01/01/new-year-sebha/"]) .excerpt');
    await excerpt.waitFor();
    expect(await excerpt.textContent()).toBe('… الألعاب النارية في منتصف الليل …');
    expect(await excerpt.locator('mark').allTextContents()).toEqual(['منتصف', 'الليل']);
    await context.close();
  });

  it('works with the keyboard alone, and finds spelling variants', async () => {
    const { page, context, errors } = await open('/');
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // site title
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab'); // the navigation
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    // «للميناء»: preposition + article, not how the dispatches spell it.
    await page.keyboard.type('للميناء');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\//);
    await page.waitForSelector('[data-search-results] li');
    expect(await resultTitles(page)).toHaveLength(2);
    // Focus is at the query, not at the top of the page; the arrows go through every result and back.
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim());
    expect(await focused()).toBe('search-input');
    const titles = await resultTitles(page);
    for (const title of [...titles, titles.at(-1)]) {
      await page.keyboard.press('ArrowDown');
      expect(await focused()).toBe(title);
    }
    for (const title of [...titles.slice(0, -1).reverse(), 'search-input']) {
      await page.keyboard.press('ArrowUp');
      expect(await focused()).toBe(title);
    }
    await page.keyboard.press('ArrowDown');
    // «للميناء» without its sure clitics is «ميناء», in both headlines: the newer first.
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/2025\/12\/01\/port-fees-corrected\/$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('ranks a headline match above a body match by default, and newest first one click away, kept in the URL', async () => {
    // «رسوم» is in the headline of an older dispatch and only in the body of a newer one.
    const { page, context } = await open('/search/?q=رسوم');
    await expect.poll(() => resultTitles(page)).toEqual(['تعديل رسوم الخدمات في ميناء بنغازي', 'إسعاف أهالي غريان بعد السيول']);
    expect(await page.getByLabel('الترتيب').inputValue()).toBe('relevance');
    await page.getByLabel('الترتيب').selectOption('date');
    await expect.poll(() => resultTitles(page)).toEqual(['إسعاف أهالي غريان بعد السيول', 'تعديل رسوم الخدمات في ميناء بنغازي']);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('date');
    await page.reload();
    await expect.poll(() => resultTitles(page)).toEqual(['إسعاف أهالي غريان بعد السيول', 'تعديل رسوم الخدمات في ميناء بنغازي']);
    expect(await page.locator('[data-search-results] li h2 mark').allTextContents()).toEqual(['رسوم']);
    await context.close();
  });

  it('shows ten results, then ten more on demand', async () => {
    const { page, context } = await open('/search/?q=المباراة');
    await expect.poll(() => page.locator('[data-search-results] li').count()).toBe(10);
    const more = page.locator('[data-search-more]');
    expect(await more.isVisible()).toBe(true);
    await more.click();
    await expect.poll(() => page.locator('[data-search-results] li').count()).toBe(20);
    // Focus moves on to the first of the new results.
    const focused = () =>
      page.evaluate(() => [...document.querySelectorAll('[data-search-results] li')].indexOf(document.activeElement!.closest('li')!));
    await expect.poll(focused).toBe(10);
    await context.close();
  });

  it('loads older shards of the index only when newer ones cannot fill the page', async () => {
    // 45 match reports from November 2025: the 2026 shard has none, 2025 fills the page.
    const { page, context, errors, requests } = await open('/search/?q=المباراة&sort=date');
    const shardsFetched = () => [...new Set(requests.filter((u) => /^\/pagefind\/\d{4}\//.test(u)).map((u) => u.split('/')[2]))].sort();
    await expect.poll(() => page.locator('[data-search-results] li').count()).toBe(10);
    expect(await page.locator('[data-search-status]').textContent()).toMatch(
      /^\d+ نتيجة للبحث عن «\u2068المباراة\u2069» في أخبار 2025 وما بعدها؛ تعرض «المزيد» ما قبلها$/,
    );
    expect(shardsFetched()).toEqual(['2025', '2026']);
    // Both bundles merged into one Pagefind instance: its WebAssembly is fetched once.
    expect(requests.filter((u) => /\/wasm\.[\w-]+\.pagefind$/.test(u))).toHaveLength(1);
    // Newest first across the shards, as in one index.
    const dates = await page.locator('[data-search-results] li .dateline').allTextContents();
    expect(dates[0]).toMatch(/نوفمبر 2025/);
    // By relevance too: ten headline matches in 2025 cannot be outranked by 2024, which is not loaded.
    await page.getByLabel('الترتيب').selectOption('relevance');
    await expect
      .poll(() => page.locator('[data-search-status]').textContent())
      .toMatch(/^\d+ نتيجة أو أكثر للبحث عن «\u2068المباراة\u2069»/);
    expect(shardsFetched()).toEqual(['2025', '2026']);
    expect(requests.filter((u) => u.startsWith('/pagefind/titles/'))).toEqual([]);
    expect(new URL(page.url()).searchParams.get('sort')).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('searches one year alone when the year filter is set', async () => {
    const { page, context, requests } = await open('/search/?q=معرض&year=2024');
    await expect.poll(() => resultTitles(page)).toEqual(['افتتاح معرض الكتاب في البيضاء']);
    expect(await page.getByLabel('السنة').inputValue()).toBe('2024');
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toBe('نتيجة واحدة للبحث عن «\u2068معرض\u2069»');
    expect(requests.filter((u) => /\/pagefind\/\d{4}\//.test(u)).every((u) => u.startsWith('/pagefind/2024/'))).toBe(true);
    await page.getByLabel('السنة').selectOption('2025');
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toBe('لا توجد نتائج للبحث عن «\u2068معرض\u2069».');
    expect(await page.locator('[data-search-more]').isVisible()).toBe(false);
    await context.close();
  });

  it('has no axe violation with results shown', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, context } = await open('/search/?q=ميناء');
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForSelector('[data-search-results] li');
      const violations = await axeViolations(page);
      expect(violations, scheme).toEqual([]);
      const direction = await page.evaluate(() => getComputedStyle(document.querySelector('[data-search-results]')!).direction);
      expect(direction).toBe('rtl');
      await context.close();
    }
  });

  // Results arrive after the first paint: nothing the reader already sees
  // may move then (a footer pushed down by them was a layout shift of 0.16
  // on a phone). One result is the worst case: the page stays short. The
  // index is held back until the fonts are in, so a late font cannot be
  // taken for the results' doing.
  for (const viewport of [
    { width: 412, height: 823 },
    { width: 1280, height: 800 },
  ]) {
    it(`moves nothing on screen when results arrive (${viewport.width}×${viewport.height})`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/pagefind/shards.json', async (route) => {
        await held;
        await route.continue();
      });
      await page.addInitScript(() => {
        const shifts: string[] = [];
        Object.assign(window, { shifts });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources: { node?: Node }[] })[]) {
            const nodes = entry.sources.map((source) =>
              source.node instanceof Element ? `${source.node.localName}.${source.node.className}` : String(source.node?.nodeName),
            );
            shifts.push(`${entry.value.toFixed(4)} ${nodes.join(', ')}`);
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const shifts = () => page.evaluate(() => (window as unknown as { shifts: string[] }).shifts);
      await page.goto(server.origin + encodeURI('/search/?q=ميناء&city=طرابلس'), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const beforeResults = (await shifts()).length;
      release();
      await expect.poll(() => resultTitles(page)).toEqual(['ميناء طرابلس يبدأ توسعة رصيف الحاويات']);
      await page.waitForTimeout(300);
      expect((await shifts()).slice(beforeResults)).toEqual([]);
      await context.close();
    });
  }
});
