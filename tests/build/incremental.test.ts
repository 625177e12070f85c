/**
 * Incremental builds (src/integrations/incremental.ts): a build into the
 * folder the last one wrote renders only the pages whose content changed,
 * and must leave that folder exactly as a clean build of the same archive.
 */
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { differingFiles } from '../../bench/measure.ts';
import { buildSite, tempDir } from '../helpers/build.ts';
import { photoDispatch, testPhoto } from '../helpers/archive.ts';

const site = inject('site');

const rendered = (output: string) => {
  const match = /Rendered (\d+) of (\d+) archive pages( \(full build\))?/.exec(output);
  return match ? { rendered: Number(match[1]), total: Number(match[2]), full: Boolean(match[3]) } : undefined;
};

/** The test archive copied, with a build function that always builds into the same folder from the same cache. */
async function copyOfTestArchive() {
  const root = await tempDir('incremental');
  await cp(path.dirname(site.archiveDir), root, { recursive: true });
  const archive = path.join(root, path.basename(site.archiveDir));
  const outDir = await tempDir('dist');
  const cacheDir = await tempDir('cache');
  return { archive, outDir, build: () => buildSite({ archiveDir: archive, outDir, cacheDir }) };
}

/** A clean build of `archive` (new folder, empty cache) gives exactly the files in `outDir`. */
async function expectCleanBuild(archive: string, outDir: string) {
  const clean = await buildSite({ archiveDir: archive });
  expect(clean.code, clean.output).toBe(0);
  expect(rendered(clean.output)).toMatchObject({ full: true });
  expect(await differingFiles(clean.outDir, outDir)).toEqual([]);
}

describe('incremental build', () => {
  it('renders only what a change touches, removes what is gone, and equals a clean build', async () => {
    const { archive, outDir, build } = await copyOfTestArchive();

    const first = await build();
    expect(first.code, first.output).toBe(0);
    const all = rendered(first.output)!;
    expect(all).toMatchObject({ full: true });
    expect(all.rendered).toBe(all.total);

    const again = await build();
    expect(again.code, again.output).toBe(0);
    expect(rendered(again.output)).toEqual({ rendered: 0, total: all.total, full: false });
    // The search step reads no page it has read before.
    expect(again.output).toMatch(/indexed none \(all cached\) in \d+ ms; 0 pages read/);
    expect(await differingFiles(site.dist, outDir)).toEqual([]);

    // One dispatch added, one retitled, and a lead photo that stays in the
    // body only: the lead's own sizes (crops, thumbnails) go.
    await writeFile(
      path.join(archive, '2025/12/harbour-lights.md'),
      ['---', 'title: "إنارة الميناء القديم في درنة"', 'date: "2025-12-03T09:00:00"', 'city: درنة', 'category: محليات', 'tags: ["الموانئ"]', '---', 'أضاءت البلدية أعمدة الميناء القديم بعد صيانتها.', ''].join('\n'),
    );
    const retitled = path.join(archive, '2025/12/port-upgrade.md');
    await writeFile(retitled, (await readFile(retitled, 'utf8')).replace(/^title: .*$/m, 'title: "عنوان جديد لتطوير الميناء"'));
    const photoFile = path.join(archive, '2026/01/new-year-sebha.md');
    await writeFile(photoFile, (await readFile(photoFile, 'utf8')).replace(/^image(Alt|Caption)?: .*\n/gm, ''));
    const photoFiles = async () => (await readdir(path.join(outDir, '_astro'))).filter((f) => /^(fireworks|ساحة)/.test(f.normalize('NFC')));
    const before = await photoFiles();

    const changed = await build();
    expect(changed.code, changed.output).toBe(0);
    const some = rendered(changed.output)!;
    expect(some.full).toBe(false);
    expect(some.rendered).toBeGreaterThan(0);
    expect(some.rendered).toBeLessThan(some.total / 2);
    expect(changed.output).toMatch(/; deleted \d+ photo sizes no page shows/);
    const after = await photoFiles();
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(before.length);
    // The search step reads the dispatch pages rendered again (the new one,
    // the retitled one, and those whose neighbours or related list changed).
    const read = /Search: 53 dispatches in 3 shards; indexed [\d, ]+ in \d+ ms; (\d+) pages read/.exec(changed.output);
    expect(Number(read?.[1])).toBeGreaterThanOrEqual(3);
    expect(Number(read?.[1])).toBeLessThan(some.rendered);
    await expectCleanBuild(archive, outDir);

    // A photo replaced by another of the same name, its dispatch untouched:
    // the page shows the new one's sizes, and the old one's go.
    await testPhoto(800, 500).png().toFile(path.join(path.dirname(archive), 'images', photoDispatch.body.name));
    const rephotographed = await build();
    expect(rephotographed.code, rephotographed.output).toBe(0);
    expect(rendered(rephotographed.output)?.rendered).toBeGreaterThan(0);
    expect(rephotographed.output).toMatch(/; deleted \d+ photo sizes no page shows/);
    await expectCleanBuild(archive, outDir);

    // The only dispatch of 2026, with both photos, withdrawn: its page, its
    // year, its search shard and every size of its photos go.
    await rm(photoFile);
    const withdrawn = await build();
    expect(withdrawn.code, withdrawn.output).toBe(0);
    expect(withdrawn.output).toMatch(/; removed \d+ that are gone; deleted \d+ photo sizes no page shows/);
    expect(existsSync(path.join(outDir, photoDispatch.url, 'index.html'))).toBe(false);
    expect(existsSync(path.join(outDir, 'archive/2026'))).toBe(false);
    expect(existsSync(path.join(outDir, 'pagefind/2026'))).toBe(false);
    expect(await photoFiles()).toEqual([]);
    await expectCleanBuild(archive, outDir);
  });

  it('builds everything again after a build that failed', async () => {
    const { archive, outDir, build } = await copyOfTestArchive();
    expect((await build()).code).toBe(0);

    const broken = path.join(archive, '2025/12/broken.md');
    await writeFile(broken, ['---', 'title: "بلا تاريخ"', 'city: درنة', 'category: محليات', '---', 'نص.', ''].join('\n'));
    const failed = await build();
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain('broken.md');

    await rm(broken);
    const mended = await build();
    expect(mended.code, mended.output).toBe(0);
    expect(rendered(mended.output)).toMatchObject({ full: true });
    expect(await differingFiles(site.dist, outDir)).toEqual([]);
  });
});
