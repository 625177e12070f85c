/**
 * Builds of the same archive under other conditions: another machine time
 * zone and a warm cache (the bytes must not change), and preview mode
 * (drafts and embargoed dispatches shown, and marked).
 */
import { cp, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, inject, it } from 'vitest';
import { spawn } from 'node:child_process';
import { differingFiles } from '../../bench/measure.ts';
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
      ['---', 'title: "إنارة الميناء القديم في درنة"', 'date: "2024-03-20T09:00:00"', 'city: درنة', 'category: محليات', '---', 'أضاءت البلدية أعمدة الميناء القديم بعد صيانتها.', ''].join('\n'),
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
    expect(home('article.card').first().find('.status').attr('data-status')).toBe('embargoed');
    const tag = load(pages.get('/tag/الموانئ/')!);
    expect(tag('article.card .status').map((_, el) => tag(el).attr('data-status')).get().sort()).toEqual([
      'draft',
      'embargoed',
    ]);

    // A published dispatch is not marked.
    expect(load(pages.get('/2025/12/01/port-upgrade/')!)('article.dispatch .status').length).toBe(0);
  });
});

describe('npm run dev', () => {
  it('previews drafts and embargoed dispatches, marked', async () => {
    const port = 4800 + Math.floor(Math.random() * 1000);
    const dev = spawn(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port)], {
      cwd: projectRoot,
      env: childEnv({ ARCHIVE_DIR: site.archiveDir, ASTRO_CACHE_DIR: await tempDir('dev-cache') }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    dev.stdout.on('data', (chunk) => (output += chunk));
    dev.stderr.on('data', (chunk) => (output += chunk));
    try {
      const origin = `http://localhost:${port}`;
      const get = async (url: string) => {
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
      };
      const draft = await get('/2025/12/02/draft-budget/');
      expect(draft('.status[data-status=draft]').text()).toBe('مسودة: لن تنشر');
      const embargoed = await get('/2099/01/15/embargoed-census/');
      expect(embargoed('.status[data-status=embargoed]').length).toBe(1);
    } finally {
      // Gone before its cache folder is removed (tests/setup/temp-dirs.ts).
      if (dev.exitCode === null && dev.signalCode === null) {
        const closed = new Promise((resolve) => dev.on('close', resolve));
        dev.kill();
        await closed;
      }
    }
  });
});
