/**
 * The web font subsets (scripts/fonts.ts) in chromium over the test
 * archive: pages fetch only the small files, the small files draw text
 * exactly as the full ones, and what they lack is drawn from the full files.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasBrowser, launchBrowser, serve } from '../helpers/browser.ts';

const site = inject('site');

// Every letter of the small Arabic file alone and between two others (its
// four joined forms), lam-alef, harakat, tatweel and Arabic punctuation.
const letters = [...'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيپچژڤڨگی'];
const arabicSample = [letters.join(' '), letters.map((l) => `ب${l}ب`).join(' '), 'لا لأ لإ لآ بَ بُ بِ بً بٌ بٍ بّ بْ تـــم، ؟ ؛ ٣٤٥ ٱلله'].join(
  ' ',
);
const latinSample =
  '0123456789 «» – — … ‹ › © ° × • ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz !"#$%&()*+,-./:;<=>?@[]_{|}~ AV To';
// Uthmani script: small high dotless head of khah (U+06E1) over letters
// that are in the small file, and an Urdu letter that is not.
const rareSample = 'ٱلۡحَمۡدُ لِلَّهِ رَبِّ ٱلۡعَٰلَمِينَ ۃ';

type Drawn = { ink: number; same: boolean };

describe.skipIf(!hasBrowser)('web fonts in chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await serve(site.dist);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.close();
  });

  async function open(url: string) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const fonts: string[] = [];
    page.on('request', (request) => {
      const file = new URL(request.url()).pathname.split('/').pop()!;
      if (file.endsWith('.woff2')) fonts.push(file.replace(/\.[\w-]+\.woff2$/, ''));
    });
    await page.goto(server.origin + encodeURI(url), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    return { page, fonts };
  }

  /**
   * Draws `text` twice on canvases, with the two fonts `a` and `b`: each
   * either the page's family (`page`) or one file of it loaded alone (its
   * name's part, like `arabic-400-core`), and compares the pixels.
   */
  function compare(page: Page, text: string, weight: number, a: string, b: string): Promise<Drawn> {
    return page.evaluate(
      async ({ text, weight, a, b }) => {
        const faces = [...document.styleSheets].flatMap((sheet) =>
          [...sheet.cssRules].filter((rule): rule is CSSFontFaceRule => rule instanceof CSSFontFaceRule),
        );
        const family = async (which: string) => {
          if (which === 'page') {
            await document.fonts.load(`${weight} 32px "Noto Naskh Arabic"`, text);
            return { family: 'Noto Naskh Arabic', weight };
          }
          const rule = faces.find((f) => f.style.getPropertyValue('src').includes(which))!;
          const url = /url\("?([^")]+)"?\)/.exec(rule.style.getPropertyValue('src'))![1];
          // Loaded under its own name, with no unicode-range: every glyph from this one file.
          const face = new FontFace(`only ${which}`, `url(${url})`);
          document.fonts.add(await face.load());
          return { family: `only ${which}`, weight: 400 };
        };
        const draw = async (which: string) => {
          const font = await family(which);
          const canvas = document.createElement('canvas');
          canvas.width = 2400;
          canvas.height = 400;
          const ctx = canvas.getContext('2d')!;
          ctx.direction = 'rtl';
          ctx.font = `${font.weight} 32px "${font.family}"`;
          // Word by word: the space is in one small file only.
          let x = 2380;
          let y = 40;
          for (const word of text.split(' ')) {
            const width = ctx.measureText(word).width;
            if (x - width < 20) [x, y] = [2380, y + 48];
            ctx.fillText(word, x, y);
            x -= width + 16;
          }
          return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        };
        const [first, second] = [await draw(a), await draw(b)];
        const ink = first.filter((v, i) => i % 4 === 3 && v > 0).length;
        return { ink, same: first.length === second.length && first.every((v, i) => v === second[i]) };
      },
      { text, weight, a, b },
    );
  }

  const small = ['arabic-400', 'arabic-700', 'latin-400', 'latin-700'].map((s) => `noto-naskh-arabic-${s}-core`);

  it.each(['/', '/2025/12/01/port-upgrade/', '/archive/2025/12/', '/search/?q=طرابلس'])(
    '%s fetches only the small font files, regular and bold, and preloads them all',
    async (url) => {
      const { page, fonts } = await open(url);
      // The search page fills in its results after load.
      if (url.startsWith('/search/')) {
        await page.waitForSelector('[data-search-results] li');
        await page.evaluate(() => document.fonts.ready);
      }
      expect(fonts.toSorted()).toEqual(small);
      // A file found only once the stylesheet is read arrives after the first
      // paint, and the text reflows (a dispatch's dateline moved its photo).
      const preloaded = await page.$$eval('link[rel=preload][as=font]', (links) =>
        links.map((link) => new URL((link as HTMLLinkElement).href).pathname.split('/').pop()!),
      );
      expect(preloaded.map((file) => file.replace(/\.[\w-]+\.woff2$/, '')).toSorted()).toEqual(small);
    },
  );

  it.each([
    ['arabic', 400, arabicSample],
    ['arabic', 700, arabicSample],
    ['latin', 400, latinSample],
    ['latin', 700, latinSample],
  ] as const)('the small %s file draws its text exactly as the full one (weight %i)', async (subset, weight, text) => {
    const { page } = await open('/');
    const drawn = await compare(page, text, weight, `${subset}-${weight}-core`, `${subset}-${weight}-normal`);
    expect(drawn.ink).toBeGreaterThan(5_000);
    expect(drawn.same).toBe(true);
  });

  it('draws a mark and a letter the small files lack from the full file, fetched for that page only', async () => {
    const { page, fonts } = await open('/2025/12/01/port-upgrade/');
    expect(fonts).not.toContain('noto-naskh-arabic-arabic-400-normal');
    const drawn = await compare(page, rareSample, 400, 'page', 'arabic-400-normal');
    expect(fonts).toContain('noto-naskh-arabic-arabic-400-normal');
    expect(drawn.ink).toBeGreaterThan(2_000);
    expect(drawn.same).toBe(true);
  });
});
