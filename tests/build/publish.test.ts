/**
 * Publishing (src/build/pipeline.ts): after each kind of change, `npm run
 * build` into the last build's folder renders only the pages the change
 * touches, says which files it wrote and deleted, and leaves the folder
 * exactly as a clean full build of the same archive, byte for byte. A change
 * to the registries or the code makes it a full build, which still equals a
 * clean one though it reuses bodies, photo sizes, cards and search shards.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { differingFiles } from '../../bench/measure.ts';
import { photoDispatch, testPhoto } from '../helpers/archive.ts';
import { cacheFilters, cachePolicy, parseChanges } from '#src/build/deploy.ts';
import { buildSite, childEnv, copyProject, listFiles, tempDir, type BuildResult } from '../helpers/build.ts';

const site = inject('site');

/** What a build's log says it did. */
function report(result: BuildResult) {
  const kind = /\[build\] (Full build|Publish)/.exec(result.output)?.[1];
  const rendered = /Rendered (\d+) of (\d+) pages and files/.exec(result.output);
  const files = [...result.output.matchAll(/^ {2}([MD]) (.+)$/gm)].map(([, status, file]) => `${status} ${file}`);
  return { kind, rendered: Number(rendered?.[1]), total: Number(rendered?.[2]), files, output: result.output };
}

/** The test archive and the project copied, built into one folder from one state; a clock that can be moved. */
async function setUp() {
  const root = await tempDir('publish');
  await cp(path.dirname(site.archiveDir), root, { recursive: true });
  const archive = path.join(root, path.basename(site.archiveDir));
  const project = await copyProject();
  const outDir = await tempDir('dist');
  const cacheDir = await tempDir('cache');
  let now = '2026-06-01T12:00:00Z';
  const env = () => ({ ARCHIVE_NOW: now });
  const run = (args: string[] = [], into = outDir) => buildSite({ archiveDir: archive, outDir: into, cacheDir, project, env: env(), args });
  return {
    archive,
    project,
    outDir,
    cacheDir,
    setNow: (iso: string) => (now = iso),
    run,
    build: async (args?: string[], into?: string) => {
      const result = await run(args, into);
      expect(result.code, result.output).toBe(0);
      return report(result);
    },
    /** A clean full build of the archive as it is now gives exactly the files in outDir. */
    expectCleanBuild: async () => {
      const clean = await buildSite({ archiveDir: archive, project, env: env() });
      expect(clean.code, clean.output).toBe(0);
      expect(report(clean).kind).toBe('Full build');
      expect(await differingFiles(clean.outDir, outDir)).toEqual([]);
    },
  };
}

/** The cache kind the AWS CLI's filters (`*` across folders) give a file in a full deploy. */
function filterKind(file: string): string {
  const matches = (glob: string) =>
    new RegExp(
      `^${glob
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    ).test(file);
  if (cacheFilters.immutable.some(matches)) return 'immutable';
  return cacheFilters.sealed.some(matches) ? 'sealed' : 'short';
}

const dispatchText = (fields: Record<string, string>, body = 'نص الخبر.') =>
  ['---', ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`), '---', body, ''].join('\n');

describe('publishing', () => {
  it('after each kind of change renders only what it touches and equals a clean full build', { timeout: 300_000 }, async () => {
    const { archive, project, build, setNow, expectCleanBuild, outDir, cacheDir } = await setUp();
    const first = await build();
    expect(first.kind).toBe('Full build');
    expect(first.rendered).toBe(first.total);
    const again = await build();
    expect(again).toMatchObject({ kind: 'Publish', rendered: 0, files: [] });
    // Nothing to warn of but the placeholder address every test build has.
    expect(again.output.replace(/^.*the site's address is the placeholder.*$/m, '')).not.toContain('warning');

    // A new dispatch: its page and card, the previous newest page, the
    // landings, indexes, feeds and sitemaps it enters; no sealed page.
    await writeFile(
      path.join(archive, '2026/01/harbour-lights.md'),
      dispatchText(
        { title: '"إنارة الميناء القديم في درنة"', date: '"2026-01-02T09:00:00"', city: 'درنة', category: 'محليات', tags: '["الموانئ"]' },
        'أضاءت البلدية أعمدة الميناء القديم بعد صيانتها.',
      ),
    );
    const added = await build();
    expect(added.kind).toBe('Publish');
    expect(added.files).toEqual(
      expect.arrayContaining([
        'M 2026/01/02/harbour-lights/index.html',
        'M 2026/01/02/harbour-lights/og.png',
        'M 2026/01/01/new-year-sebha/index.html',
        'M index.html',
        'M city/derna/index.html',
        'M tag/الموانئ/index.html',
        'M rss.xml',
        'M sitemap-news.xml',
      ]),
    );
    expect(added.files.filter((f) => /\/page\/\d+\/index\.html$/.test(f) && f !== 'M page/3/index.html')).toEqual([]);
    expect(added.rendered).toBeLessThan(30);
    await expectCleanBuild();

    // A correction to an old dispatch: its page, its cards and feeds. And
    // one to the lead story's photo description, which the front page shows
    // though a card's digest does not cover it.
    const fees = path.join(archive, '2025/12/port-fees-corrected.md');
    await writeFile(
      fees,
      (await readFile(fees, 'utf8')).replace('corrections:', 'corrections:\n  - date: "2026-01-05T10:00"\n    note: "صححت قيمة الرسم."'),
    );
    const lead = path.join(archive, '2026/01/new-year-sebha.md');
    await writeFile(
      lead,
      (await readFile(lead, 'utf8')).replace(/^imageAlt: .*$/m, 'imageAlt: "الساحة الرئيسية في سبها قبيل منتصف الليل"'),
    );
    const corrected = await build();
    expect(corrected.kind).toBe('Publish');
    expect(corrected.files).toEqual(
      expect.arrayContaining([
        'M 2025/12/01/port-fees-corrected/index.html',
        'M 2026/01/01/new-year-sebha/index.html',
        'M index.html',
        'M sitemap-dispatches-0.xml',
      ]),
    );
    expect(await readFile(path.join(outDir, 'index.html'), 'utf8')).toContain('alt="الساحة الرئيسية في سبها قبيل منتصف الليل"');
    expect(corrected.rendered).toBeLessThan(20);
    await expectCleanBuild();

    // A withdrawal: a notice in its place; out of feeds and search.
    const upgrade = path.join(archive, '2025/12/port-upgrade.md');
    await writeFile(
      upgrade,
      (await readFile(upgrade, 'utf8')).replace(
        /^---\n/,
        '---\nwithdrawn:\n  date: "2026-01-06T08:00"\n  reason: "نشر قبل التحقق من مصدره"\n',
      ),
    );
    const withdrawn = await build();
    expect(withdrawn.kind).toBe('Publish');
    const notice = await readFile(path.join(outDir, '2025/12/01/port-upgrade/index.html'), 'utf8');
    expect(notice).toContain('سحبت الوكالة هذا الخبر');
    expect(notice).not.toContain('رصيف الحاويات الشمالي');
    expect(await readFile(path.join(outDir, 'rss.xml'), 'utf8')).not.toContain('/2025/12/01/port-upgrade/');
    await expectCleanBuild();

    // An embargo that falls due: no file changes, the clock does.
    await writeFile(
      path.join(archive, '2026/01/embargoed-briefing.md'),
      dispatchText({ title: '"مؤتمر صحفي عن الميزانية"', date: '"2026-07-01T10:00:00"', city: 'طرابلس', category: 'اقتصاد' }),
    );
    const before = await build();
    expect(before.files.some((f) => f.includes('embargoed-briefing'))).toBe(false);
    setNow('2026-07-01T09:00:00Z');
    const due = await build();
    expect(due.kind).toBe('Publish');
    expect(due.files).toContain('M 2026/07/01/embargoed-briefing/index.html');
    await expectCleanBuild();

    // A photo replaced under the same name: new sizes, the old ones go.
    await testPhoto(700, 500)
      .png()
      .toFile(path.join(path.dirname(archive), 'images', photoDispatch.body.name));
    const rephotographed = await build();
    expect(rephotographed.kind).toBe('Publish');
    expect(rephotographed.files.some((f) => /^D _astro\/fireworks\./.test(f))).toBe(true);
    expect(rephotographed.files.some((f) => /^M _astro\/fireworks\..*_700x500\.avif$/.test(f))).toBe(true);
    await expectCleanBuild();

    // A dispatch file deleted: its page and its shard of the index go. The
    // build says it should have been withdrawn, and so does npm run check,
    // from the build state, where git cannot tell (a fresh checkout in CI).
    await rm(path.join(archive, '2024/03/bare-date.md'));
    const check = spawnSync(process.execPath, [path.join(project, 'scripts/check.ts')], {
      cwd: project,
      env: childEnv({ ARCHIVE_DIR: archive, ASTRO_CACHE_DIR: cacheDir }),
      encoding: 'utf8',
    });
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/bare-date\.md:1: الملف: نُشر هذا الخبر ثم حُذف ملفه/);
    // Another archive checked beside this state has deleted nothing.
    const other = spawnSync(process.execPath, [path.join(project, 'scripts/check.ts')], {
      cwd: project,
      env: childEnv({ ARCHIVE_DIR: path.join(project, 'content/dispatches'), ASTRO_CACHE_DIR: cacheDir }),
      encoding: 'utf8',
    });
    expect(other.stderr).toMatch(/^فُحص \d+ ملفًا/m);
    expect(other.stderr).not.toMatch(/حُذف ملفه/);
    // Published as a host that keeps the site would be: only the changes
    // into an empty folder, the list applied to the site.
    const changesFile = path.join(await tempDir('changes'), 'changes.txt');
    const changesOnly = await tempDir('changes-only');
    const deleted = await build(['--changes-only', '--changes', changesFile], changesOnly);
    expect(deleted.kind).toBe('Publish');
    expect(deleted.output).toMatch(/\[archive\] تنبيه: .*bare-date\.md:1: الملف: نُشر هذا الخبر/);
    const changes = parseChanges(await readFile(changesFile, 'utf8'));
    expect(changes.full).toBe(false);
    expect(changes.deleted).toEqual(expect.arrayContaining(['2024/03/10/book-fair/index.html', 'tag/الكتاب/index.html']));
    expect(changes.deleted.filter((file) => file.startsWith('pagefind/2024/')).length).toBeGreaterThan(3);
    expect(await listFiles(changesOnly)).toEqual([...changes.written].sort());
    for (const file of changes.written) await cp(path.join(changesOnly, file), path.join(outDir, file));
    for (const file of changes.deleted) await rm(path.join(outDir, file));
    await expectCleanBuild();

    // The registries and the code are the site's: a change makes a full build,
    // whose list of changes is every file, for a host to hold those alone.
    const cities = path.join(project, 'content/cities.json');
    await writeFile(cities, (await readFile(cities, 'utf8')).replace('"slug": "derna"', '"slug": "darnah"'));
    const registry = await build(['--changes', changesFile]);
    expect(registry.kind).toBe('Full build');
    expect(existsSync(path.join(outDir, 'city/darnah/index.html'))).toBe(true);
    expect(existsSync(path.join(outDir, 'city/derna'))).toBe(false);
    const everything = parseChanges(await readFile(changesFile, 'utf8'));
    expect(everything).toEqual({ full: true, written: await listFiles(outDir), deleted: [] });
    // A full deploy uploads by the CLI's filters: they give each file the cache a publish gives it.
    for (const file of everything.written) expect([file, filterKind(file)]).toEqual([file, cachePolicy(file).kind]);
    await expectCleanBuild();

    const footer = path.join(project, 'src/components/Footer.astro');
    await writeFile(footer, (await readFile(footer, 'utf8')).replace('</footer>', '<p class="test-mark">علامة</p></footer>'));
    const code = await build();
    expect(code.kind).toBe('Full build');
    expect(await readFile(path.join(outDir, 'index.html'), 'utf8')).toContain('test-mark');
    await expectCleanBuild();
  });

  it('fails on a broken dispatch without harm to the next publish; builds everything after a build that wrote only its changes or stopped half-way', {
    timeout: 300_000,
  }, async () => {
    const { archive, build, run, expectCleanBuild, cacheDir } = await setUp();
    expect((await build()).kind).toBe('Full build');
    const broken = path.join(archive, '2025/12/broken.md');
    await writeFile(broken, dispatchText({ title: '"بلا تاريخ"', city: 'درنة', category: 'محليات' }));
    const failed = await run();
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain('broken.md:1: date: حقل مطلوب');
    await rm(broken);
    // Nothing was written: the next build publishes.
    expect((await build()).kind).toBe('Publish');
    await expectCleanBuild();

    // Only the changes, into an empty folder: nothing changed, nothing is
    // written. The site's folder is then not known to be whole: the next
    // build there is a full one.
    const changesOnly = await tempDir('changes-only');
    const nothing = await build(['--changes-only'], changesOnly);
    expect(nothing).toMatchObject({ kind: 'Publish', rendered: 0, files: [] });
    expect(await listFiles(changesOnly)).toEqual([]);
    const after = await build();
    expect(after.kind).toBe('Full build');
    expect(after.output).toContain('the last build wrote only its changes');

    // A build killed while rendering leaves its record unfinished.
    const record = path.join(cacheDir, 'build-state/build.json');
    await writeFile(record, (await readFile(record, 'utf8')).replace('"complete":true', '"complete":false'));
    expect((await build()).kind).toBe('Full build');
    await expectCleanBuild();
  });
});
