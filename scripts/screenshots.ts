/**
 * npm run screenshots: the front page and a dispatch of a built site, at a
 * phone's width and a desktop's, light and dark, as full-page PNGs to look
 * at after a change of layout. The dispatch is the front page's lead story.
 *
 *   npm run build && npm run screenshots [-- --dist dist --out screenshots --widths 390,1280]
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumPath, hasBrowser, launchBrowser, serve } from './browser.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'screenshots' },
    widths: { type: 'string', default: '390,1280' },
  },
});
const dist = path.resolve(values.dist);
const out = path.resolve(values.out);
const widths = values.widths.split(',').map(Number);

if (!existsSync(path.join(dist, 'index.html'))) {
  console.error(`No built site in ${dist}: run npm run build first, or pass --dist.`);
  process.exit(1);
}
if (!hasBrowser || widths.some((w) => !Number.isInteger(w) || w < 200)) {
  console.error(
    hasBrowser
      ? `--widths takes widths in CSS pixels, e.g. 390,1280`
      : `No browser at ${chromiumPath}: apt-get install chromium, or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}

await mkdir(out, { recursive: true });
const server = await serve(dist);
const browser = await launchBrowser();
try {
  const probe = await browser.newPage();
  await probe.goto(`${server.origin}/`);
  // An archive with nothing to show has no lead story: the front page alone, twice.
  const leadLink = probe.locator('main .lead h2 a');
  const lead = (await leadLink.count()) > 0 ? await leadLink.first().getAttribute('href') : null;
  await probe.close();
  const pages = { front: '/', dispatch: lead ?? '/' };
  for (const [name, url] of Object.entries(pages)) {
    for (const width of widths) {
      for (const scheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
        const page = await context.newPage();
        await page.goto(server.origin + url, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        // Lazy images below the fold load when scrolled to: a full-page shot shows them all.
        await page.evaluate(() => {
          for (const img of document.querySelectorAll('img[loading=lazy]')) img.setAttribute('loading', 'eager');
        });
        await page.waitForLoadState('networkidle');
        const file = path.join(out, `${name}-${width}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(`${path.relative(process.cwd(), file)}  ${url}`);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
