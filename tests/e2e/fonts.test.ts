/**
 * The web font subsets (scripts/fonts.ts) in chromium over the test
 * archive: pages fetch only the small files, a rare letter still gets the
 * web font, and the small files draw Arabic exactly as the full ones.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasBrowser, launchBrowser, serve } from '../helpers/browser.ts';

const site = inject('site');

// Every letter of the small Arabic file alone and between two others (its
// four joined forms), lam-alef, harakat, tatweel and Arabic punctuation.
const letters = [...'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيپچژڤڨگی'];
const arabicSample = [letters.join(' '), letters.map((l) => `ب${l}ب`).join(' '), 'لا لأ لإ لآ بَ بُ بِ بً بٌ بٍ بّ بْ تـــم، ؟ ؛ ٣٤٥'].join(' ');

describe.skipIf(!hasBrowser)('web fonts in chromium', () => {
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

  async function open(url: string) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    const page = await context.newPage();
    const fonts: string[] = [];
    page.on('request', (request) => {
      const file = new URL(request.url()).pathname.split('/').pop()!;
      if (file.endsWith('.woff2')) fonts.push(file.replace(/\.[\w-]+\.woff2$/, ''));
    });
    await page.goto(server.origin + encodeURI(url), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    return { page, context, fonts };
  }

  const small = ['arabic-400', 'arabic-700', 'latin-400', 'latin-700'].map((s) => `noto-naskh-arabic-${s}-core`);

  it.each(['/', '/2025/12/01/port-upgrade/', '/archive/2025/12/', '/search/?q=%D8%B7%D8%B1%D8%A7%D8%A8%D9%84%D8%B3'])(
    '%s fetches only the small font files, regular and bold',
    async (url) => {
      const { page, context, fonts } = await open(url);
      // The search page fills in its results after load.
      if (url.startsWith('/search/')) {
        await page.waitForSelector('[data-search-results] li');
        await page.evaluate(() => document.fonts.ready);
      }
      expect(fonts.toSorted()).toEqual(small);
      await context.close();
    },
  );

  it('fetches the full Arabic file for a letter the small one lacks, and draws it with the web font', async () => {
    const { page, context, fonts } = await open('/2025/12/01/port-upgrade/');
    expect(fonts).not.toContain('noto-naskh-arabic-arabic-400-normal');
    // ۃ (U+06C3, teh marbuta goal): Urdu, not in the small file.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'ۃ';
      document.querySelector('article')!.append(p);
      return document.fonts.ready;
    });
    await expect.poll(() => fonts.includes('noto-naskh-arabic-arabic-400-normal'), { timeout: 10_000 }).toBe(true);
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Naskh Arabic"', 'ۃ'))).toBe(true);
    await context.close();
  });

  it.each([400, 700])('the small files draw Arabic exactly as the full ones (weight %i)', async (weight) => {
    const { page, context } = await open('/');
    const drawn = await page.evaluate(
      async ({ weight, text }) => {
        const faces = [...document.styleSheets].flatMap((sheet) =>
          [...sheet.cssRules].filter((rule): rule is CSSFontFaceRule => rule instanceof CSSFontFaceRule),
        );
        const url = (kind: string) => {
          const rule = faces.find((f) => f.style.getPropertyValue('src').includes(`arabic-${weight}-${kind}`))!;
          return /url\("?([^")]+)"?\)/.exec(rule.style.getPropertyValue('src'))![1];
        };
        const draw = async (family: string, source: string) => {
          // Loaded under its own name, with no unicode-range: every glyph from this one file.
          const face = new FontFace(family, `url(${source})`);
          document.fonts.add(await face.load());
          const canvas = document.createElement('canvas');
          canvas.width = 2400;
          canvas.height = 400;
          const ctx = canvas.getContext('2d')!;
          ctx.direction = 'rtl';
          ctx.font = `32px "${family}"`;
          const words = text.split(' ');
          let line = '';
          let y = 40;
          for (const word of words) {
            if (ctx.measureText(`${line} ${word}`).width > 2300) {
              ctx.fillText(line, 2380, y);
              y += 48;
              line = word;
            } else line = line ? `${line} ${word}` : word;
          }
          ctx.fillText(line, 2380, y);
          const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
          return { ink: pixels.filter((v, i) => i % 4 === 3 && v > 0).length, pixels: [...pixels].join(',') };
        };
        const core = await draw('Small subset', url('core'));
        const full = await draw('Full file', url('normal'));
        return { coreInk: core.ink, fullInk: full.ink, same: core.pixels === full.pixels };
      },
      { weight, text: arabicSample },
    );
    expect(drawn.coreInk).toBeGreaterThan(10_000);
    expect(drawn).toEqual({ coreInk: drawn.fullInk, fullInk: drawn.fullInk, same: true });
    await context.close();
  });
});
