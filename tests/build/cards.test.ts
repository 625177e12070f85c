/**
 * Social cards kept in the build state: drawn once, drawn again when the
 * code that draws them changes (unless the dispatch is older than
 * siteConfig.cardsRedrawnForDays), and pruned when no page uses them.
 */
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { siteConfig } from '#src/config.ts';
import { buildSite, listFiles, tempDir } from '../helpers/build.ts';

const site = inject('site');
// 2025-12-31's dispatches are younger than the redraw age; December's first days are older.
const env = { ARCHIVE_NOW: '2026-01-10T12:00:00Z' };
const STALE = '0000000000000000';

describe('social cards kept between builds', () => {
  it('keeps an old card drawn by other code, draws a recent one again, and prunes what no page uses', async () => {
    expect(siteConfig.cardsRedrawnForDays).toBe(30);
    const cacheDir = await tempDir('cache');
    const first = await buildSite({ archiveDir: site.archiveDir, cacheDir, env });
    expect(first.code, first.output).toBe(0);
    const cards = (await listFiles(first.outDir)).filter((file) => file.endsWith('og.png'));
    const old = cards.find((file) => file.startsWith('2025/12/01/'))!;
    const recent = cards.find((file) => file.startsWith('2025/12/31/'))!;
    expect(old && recent, cards.join(', ')).toBeTruthy();
    const drawn = Number(/\[cards\] (\d+) drawn, 0 reused/.exec(first.output)?.[1]);
    expect(drawn).toBeGreaterThanOrEqual(cards.length);

    // As if another version of the drawing code had drawn every entry: same names but
    // the code's part, and bytes that show which ones are served from the cache.
    const dir = path.join(cacheDir, 'build-state', 'cards');
    const entries = await readdir(dir);
    expect(entries).toHaveLength(drawn);
    for (const name of entries) {
      const [what] = name.split('.');
      await writeFile(path.join(dir, name), `kept ${what}`);
      await rename(path.join(dir, name), path.join(dir, `${what}.${STALE}.png`));
    }
    await writeFile(path.join(dir, 'ffff.ffff.png'), 'no page uses this');

    const second = await buildSite({ archiveDir: site.archiveDir, cacheDir, env, args: ['--full'] });
    expect(second.code, second.output).toBe(0);
    const [, redrawn, reused, removed] = /\[cards\] (\d+) drawn, (\d+) reused, (\d+) no longer used removed/
      .exec(second.output)!
      .map(Number);
    expect(redrawn + reused).toBe(drawn);
    expect(reused).toBeGreaterThan(0);
    expect(redrawn).toBeGreaterThan(0);
    // The recent card and the logo are drawn again, the old card is served as first drawn.
    expect(await readFile(path.join(second.outDir, recent))).toEqual(await readFile(path.join(first.outDir, recent)));
    expect(String(await readFile(path.join(second.outDir, old)))).toMatch(/^kept [0-9a-f]{40}$/);
    // Gone: the orphan and the stale entries of what was drawn again.
    const after = await readdir(dir);
    expect(removed).toBe(redrawn + 1);
    expect(after).toHaveLength(drawn);
    expect(after.filter((name) => name.includes(STALE))).toHaveLength(reused);
  });
});
