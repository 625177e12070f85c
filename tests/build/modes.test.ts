/**
 * Builds of the same archive under other conditions: another machine time
 * zone and a warm cache (the bytes must not change), and preview mode
 * (drafts and embargoed dispatches shown, and marked); and `npm run dev`
 * (the same marks, and an archive's problems shown in the browser).
 */
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, inject, it } from 'vitest';
import { spawn } from 'node:child_process';
import { differingFiles } from '../../bench/measure.ts';
import { hasBrowser, launchBrowser } from '../helpers/browser.ts';
import { buildSite, childEnv, projectRoot, readPages, tempDir } from '../helpers/build.ts';

const site = inject('site');

describe('determinism', () => {
  it('gives identical bytes under TZ=UTC and TZ=Pacific/Kiritimati (UTC+14)', async () => {
    const other = await buildSite({ archiveDir: site.archiveDir, env: { TZ: 'Pacific/Kiritimati' } });
    expect(other.code, other.output).toBe(0);
    expect(await differingFiles(site.dist, other.outDir)).toEqual([]);
  });

  it('gives identical bytes with its bodies rendered and its cards drawn in worker threads', async () => {
    const ahead = await buildSite({ archiveDir: site.archiveDir, env: { TZ: 'UTC', CARD_WORKER_MIN: '1', BODY_WORKER_AFTER: '0' } });
    expect(ahead.code, ahead.output).toBe(0);
    expect(ahead.output).toMatch(/\[progress\] cards +\d+ in /);
    expect(await differingFiles(site.dist, ahead.outDir)).toEqual([]);
  });

  it('gives identical bytes from its cache, after another archive was built and with bodies missing from it, and after adding one', async () => {
    const cacheDir = await tempDir('cache');
    const first = await buildSite({ archiveDir: site.archiveDir, cacheDir });
    expect(first.code, first.output).toBe(0);
    // Another archive, without photos, rewrites the project's .astro/ files.
    const otherArchive = path.join(await tempDir('other'), 'dispatches');
    await cp(path.join(projectRoot, 'tests/fixtures/broken/missing-title/2025/12/good.md'), path.join(otherArchive, 'good.md'));
    const other = await buildSite({ archiveDir: otherArchive });
    expect(other.code, other.output).toBe(0);
    // A cache restored in part: some stored bodies are gone.
    const bodies = path.join(cacheDir, 'build-state', 'bodies');
    const stored = (await readdir(bodies)).sort();
    expect(stored.length).toBeGreaterThan(40);
    await Promise.all(stored.slice(0, 10).map((name) => rm(path.join(bodies, name))));
    const cached = await buildSite({ archiveDir: site.archiveDir, cacheDir });
    expect(cached.code, cached.output).toBe(0);
    expect(cached.output).toContain('[search] 52 dispatches in 3 shards; indexed none (all from the build state)');
    expect(await differingFiles(site.dist, cached.outDir)).toEqual([]);

    // One more dispatch, in 2024: only that year's shard of the index is
    // made again, and the result is what a clean build makes.
    // The archive with its images folder beside it.
    const addedRoot = await tempDir('added');
    await cp(path.dirname(site.archiveDir), addedRoot, { recursive: true });
    const added = path.join(addedRoot, path.basename(site.archiveDir));
    await writeFile(
      path.join(added, '2024/03/harbour-lights.md'),
      [
        '---',
        'title: "إنارة الميناء القديم في درنة"',
        'date: "2024-03-20T09:00:00"',
        'city: درنة',
        'category: محليات',
        '---',
        'أضاءت البلدية أعمدة الميناء القديم بعد صيانتها.',
        '',
      ].join('\n'),
    );
    const incremental = await buildSite({ archiveDir: added, cacheDir });
    expect(incremental.code, incremental.output).toBe(0);
    expect(incremental.output).toContain('[search] 53 dispatches in 3 shards; indexed 1, reused 2: 2024 (2)\n');
    const clean = await buildSite({ archiveDir: added });
    expect(clean.code, clean.output).toBe(0);
    expect(await differingFiles(clean.outDir, incremental.outDir)).toEqual([]);
  });
});

describe('preview mode (ARCHIVE_PREVIEW=1)', () => {
  it('builds drafts and embargoed dispatches, marked and kept out of search engines', async () => {
    const preview = await buildSite({ archiveDir: site.archiveDir, env: { ARCHIVE_PREVIEW: '1' } });
    expect(preview.code, preview.output).toBe(0);
    const pages = await readPages(preview.outDir);

    const draft = load(pages.get('/2025/12/02/draft-budget/')!);
    expect(draft('.status[data-status=draft]').text()).toBe('مسودة: لن تنشر');
    expect(draft('meta[name=robots]').attr('content')).toBe('noindex');

    const embargoed = load(pages.get('/2099/01/15/embargoed-census/')!);
    expect(embargoed('.status[data-status=embargoed]').text()).toBe('محظور النشر حتى 15 يناير 2099 الساعة 09:00');
    expect(embargoed('meta[name=robots]').attr('content')).toBe('noindex');

    // Listed, with their marks, where readers of the preview would look.
    const home = load(pages.get('/')!);
    expect(home('main .lead .status').attr('data-status')).toBe('embargoed');
    const tag = load(pages.get('/tag/الموانئ/')!);
    expect(
      tag('article.card .status')
        .map((_, el) => tag(el).attr('data-status'))
        .get()
        .sort(),
    ).toEqual(['draft', 'embargoed']);

    // A published dispatch is not marked.
    expect(load(pages.get('/2025/12/01/port-upgrade/')!)('article.dispatch .status').length).toBe(0);
  });
});

describe('npm run dev', () => {
  /** `astro dev` over `archiveDir`, with a cache of its own; stop() ends it before that folder is removed. */
  async function startDev(archiveDir: string) {
    const port = 4800 + Math.floor(Math.random() * 1000);
    const dev = spawn(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port)], {
      cwd: projectRoot,
      env: childEnv({ ARCHIVE_DIR: archiveDir, ASTRO_CACHE_DIR: await tempDir('dev-cache') }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    dev.stdout.on('data', (chunk) => (output += chunk));
    dev.stderr.on('data', (chunk) => (output += chunk));
    const origin = `http://localhost:${port}`;
    return {
      origin,
      output: () => output,
      /** The page at `url`, once the server answers it. */
      async get(url: string) {
        for (let i = 0; i < 100; i++) {
          try {
            const response = await fetch(origin + encodeURI(url));
            if (response.ok) return load(await response.text());
          } catch {
            // Not listening yet.
          }
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        throw new Error(`dev server never answered ${url}:\n${output}`);
      },
      async stop() {
        // Gone before its cache folder is removed (tests/setup/temp-dirs.ts).
        if (dev.exitCode === null && dev.signalCode === null) {
          const closed = new Promise((resolve) => dev.on('close', resolve));
          dev.kill();
          await closed;
        }
      },
    };
  }

  it('previews drafts and embargoed dispatches, marked', async () => {
    const dev = await startDev(site.archiveDir);
    try {
      const draft = await dev.get('/2025/12/02/draft-budget/');
      expect(draft('.status[data-status=draft]').text()).toBe('مسودة: لن تنشر');
      const embargoed = await dev.get('/2099/01/15/embargoed-census/');
      expect(embargoed('.status[data-status=embargoed]').length).toBe(1);
    } finally {
      await dev.stop();
    }
  });

  it.skipIf(!hasBrowser)('shows every problem of a saved dispatch in the open page, in the overlay, until the file is fixed', async () => {
    // A copy of the archive, with its images folder beside it, to break.
    const copy = await tempDir('dev-archive');
    await cp(path.dirname(site.archiveDir), copy, { recursive: true });
    const archive = path.join(copy, path.basename(site.archiveDir));
    // The problems name files relative to the project.
    const shownPath = (file: string) => path.relative(projectRoot, path.join(archive, file)).split(path.sep).join('/');
    const city = { file: '2025/12/port-upgrade.md', good: 'city: طرابلس\n', bad: 'city: طرابلسس\n' };
    const yaml = { file: '2025/12/draft-budget.md', good: 'tags: ["الموانئ"]\n', bad: 'tags: ["الموانئ"\n' };
    const originals = new Map<string, string>();
    const edit = async (change: typeof city, to: 'good' | 'bad') => {
      const file = path.join(archive, change.file);
      const text = originals.get(file) ?? (await readFile(file, 'utf8'));
      originals.set(file, text);
      expect(text).toContain(change.good);
      await writeFile(file, text.replace(change.good, change[to]));
    };

    const dev = await startDev(archive);
    const browser = await launchBrowser();
    try {
      await dev.get('/');
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      // Connected to the dev server's websocket, which tells the page to reload when a file is saved.
      const connected = page.waitForEvent('console', (message) => message.text().includes('[vite] connected'));
      await page.goto(`${dev.origin}/2025/12/01/port-upgrade/`);
      await connected;
      expect(await page.title()).toContain('ميناء طرابلس يبدأ توسعة رصيف الحاويات');

      /** What the overlay of page `on` shows: undefined without one (or while the page reloads). */
      const overlay = async (on = page) => {
        try {
          return await on.evaluate(() => {
            const root = document.querySelector('vite-error-overlay')?.shadowRoot;
            const text = (selector: string) => root?.querySelector(selector)?.textContent ?? '';
            const [message, hint, file, line, stack] = [
              '#message-content',
              '#hint-content',
              '#code h2',
              '.error-line',
              '#stack-content',
            ].map(text);
            return root ? { message, hint, file, line, stack } : undefined;
          });
        } catch {
          return undefined;
        }
      };
      // The line of the overlay's message naming `file:line`.
      const problemLine = (shown: { message: string } | undefined, file: string, line: number) =>
        shown?.message.split('\n').find((l) => l.includes(`${shownPath(file)}:${line}:`));

      // Saved with an unknown city and a bracket left open: the open page
      // reloads by itself and the overlay lists both problems.
      await edit(yaml, 'bad');
      await edit(city, 'bad');
      const both = (shown: { message: string } | undefined) =>
        Boolean(problemLine(shown, city.file, 4) && problemLine(shown, yaml.file, 6));
      await expect.poll(async () => both(await overlay())).toBe(true);
      const shown = (await overlay())!;
      expect(problemLine(shown, city.file, 4)).toMatch(/city.*طرابلسس/);
      // The dispatch shown is the first problem's, with its line marked, not the code that found it; no stack.
      expect(shown.file).toBe('12/draft-budget.md:6');
      expect(shown.line).toContain('tags: ["الموانئ"');
      expect(shown.stack).toBe('');
      expect(shown.hint).toContain('أصلح الملف واحفظه، فتُعرض الصفحة من جديد تلقائيًا.');

      // The city's problem in Arabic (in the message, or else in the hint)
      // reads right to left in the overlay's left-to-right box: the first
      // character of the message is the rightmost of its line, the last the
      // leftmost of its line.
      const order = await page.evaluate(
        (prefix) => {
          const root = document.querySelector('vite-error-overlay')!.shadowRoot!;
          const controls = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
          for (const node of root.querySelectorAll('#message-content, #hint-content')) {
            const text = node.firstChild?.textContent ?? '';
            for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
              let start = at + prefix.length;
              let end = text.includes('\n', start) ? text.indexOf('\n', start) : text.length;
              while (controls.test(text[start])) start++;
              while (controls.test(text[end - 1]) || /\s/.test(text[end - 1])) end--;
              const message = text.slice(start, end);
              if ((message.match(/\p{Script=Arabic}/gu)?.length ?? 0) <= (message.match(/\p{Script=Latin}/gu)?.length ?? 0)) continue;
              const chars: DOMRect[] = [];
              for (let i = start; i < end; i++) {
                if (!/[\p{L}\p{N}\p{P}\p{S}]/u.test(text[i])) continue;
                const range = document.createRange();
                range.setStart(node.firstChild!, i);
                range.setEnd(node.firstChild!, i + 1);
                chars.push(range.getBoundingClientRect());
              }
              const [first, last] = [chars[0], chars.at(-1)!];
              const sameLine = (a: DOMRect, b: DOMRect) => Math.abs(a.top - b.top) < a.height / 2;
              return {
                message,
                firstIsRightmost: chars.filter((c) => sameLine(c, first)).every((c) => c.right <= first.right + 1),
                lastIsLeftmost: chars.filter((c) => sameLine(c, last)).every((c) => c.left >= last.left - 1),
              };
            }
          }
        },
        `${shownPath(city.file)}:4: city: `,
      );
      expect(order?.message).toContain('طرابلسس');
      expect(order).toMatchObject({ firstIsRightmost: true, lastIsLeftmost: true });

      // Another page asked for meanwhile fails the same way, even with its
      // script loaded after Astro sent the error to the pages connected then.
      // The terminal lists the problems too.
      const other = await browser.newPage();
      await other.route('**/@vite/client', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await route.continue();
      });
      expect((await other.goto(`${dev.origin}/`))?.status()).toBe(500);
      await expect.poll(async () => both(await overlay(other))).toBe(true);
      expect(dev.output()).toContain(`${shownPath(city.file)}:4: city: `);

      // Fixed, the open page comes back by itself.
      await edit(yaml, 'good');
      await edit(city, 'good');
      await expect.poll(() => page.title()).toContain('ميناء طرابلس يبدأ توسعة رصيف الحاويات');
      expect(await overlay()).toBeUndefined();
    } finally {
      await browser.close();
      await dev.stop();
    }
  });
});
