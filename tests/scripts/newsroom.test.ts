/**
 * The newsroom commands as journalists run them: new, import, check and the
 * pre-commit hook, each in a process of its own over a temporary archive.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDispatch } from '../../src/lib/dispatch-file.ts';
import { projectRoot, tempDir } from '../helpers/build.ts';

function run(script: string, args: string[], options: { env?: Record<string, string>; input?: string; cwd?: string } = {}) {
  const result = spawnSync(process.execPath, [path.join(options.cwd ?? projectRoot, 'scripts', script), ...args], {
    cwd: options.cwd ?? projectRoot,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const wire = (name: string) => path.join(projectRoot, 'tests/fixtures/wire', name);

describe('npm run new', () => {
  it('starts a valid dispatch dated now in Tripoli, and never overwrites', async () => {
    const archive = await tempDir('new');
    const env = { ARCHIVE_DIR: archive };
    const first = run('new.ts', ['--city', 'طرابلس', '--category', 'سياسة', '--tag', 'البلديات', 'المجلس البلدي يعقد جلسة طارئة'], { env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const file = first.stdout.trim();
    expect(file).toMatch(new RegExp(`^${archive}/\\d{4}/\\d{2}/المجلس-البلدي-يعقد-جلسة-طارئة\\.md$`));
    const parsed = parseDispatch(file, 'x', await readFile(file, 'utf8'));
    expect(parsed.ok && parsed.dispatch.data).toMatchObject({ title: 'المجلس البلدي يعقد جلسة طارئة', city: 'tripoli', category: 'politics', source: 'lana', tags: ['البلديات'] });
    expect(parsed.ok && Math.abs(parsed.dispatch.data.date.getTime() - Date.now())).toBeLessThan(60_000);

    const again = run('new.ts', ['--city', 'طرابلس', '--category', 'سياسة', 'المجلس البلدي يعقد جلسة طارئة'], { env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists; not overwritten');
  });

  it('rejects an unknown city or category with a suggestion', async () => {
    const env = { ARCHIVE_DIR: await tempDir('new') };
    const city = run('new.ts', ['--city', 'بنغازى', '--category', 'سياسة', 'عنوان'], { env });
    expect(city.code).toBe(1);
    expect(city.stderr).toContain('--city: «بنغازى» is not a known city. Did you mean «بنغازي»?');
    expect(city.stderr).toContain('--city: «بنغازى» ليست مدينة معروفة. هل تقصد «بنغازي»؟');
    const category = run('new.ts', ['--city', 'سبها', '--category', 'رياضه', 'عنوان'], { env });
    expect(category.stderr).toContain('Did you mean «رياضة»?');
    expect(run('new.ts', ['عنوان'], { env }).stderr).toContain('usage: npm run new');
  });
});

describe('npm run import', () => {
  it('writes the good wires, reports the broken ones with their line and writes nothing for them', async () => {
    const archive = await tempDir('import');
    const result = run('import.ts', ['--category', 'اقتصاد', wire('standard.txt'), wire('no-dateline.txt'), wire('maghreb-month.txt')], {
      env: { ARCHIVE_DIR: archive },
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`${wire('no-dateline.txt')}:3: dateline: no dateline found: the first paragraph must open with «city day month year (source) -», e.g. «طرابلس 01 ديسمبر 2025 (وال) -» [error]`);
    const written = result.stdout.trim().split('\n');
    expect(written).toEqual([
      `${archive}/2025/12/بلدية-طرابلس-تفتتح-ثلاث-حدائق-عامة.md`,
      `${archive}/2024/01/اجتماع-تونسي-ليبي-حول-النقل-البري.md`,
    ]);
    const text = await readFile(written[0], 'utf8');
    expect(text).toBe(
      [
        '---',
        'title: بلدية طرابلس تفتتح ثلاث حدائق عامة جديدة في أحياء المدينة',
        "date: '2025-12-01T00:00:00'",
        'city: طرابلس',
        'category: اقتصاد',
        '---',
        'افتتحت بلدية طرابلس المركز اليوم ثلاث حدائق عامة جديدة في أحياء المدينة القديمة وسوق الجمعة وحي الأندلس.',
        '',
        'وقال عميد البلدية إن الحدائق الجديدة جزء من خطة لزيادة المساحات الخضراء المفتوحة للعائلات.',
        '',
        'وأضاف أن البلدية ستطلق في الربيع المقبل حملة لغرس ألف شجرة على جوانب الطرق الرئيسة.',
        '',
      ].join('\n'),
    );
    expect(await readFile(written[1], 'utf8')).toContain('source: وات');
  });

  it('reads standard input and, with --dry-run, only prints', async () => {
    const archive = await tempDir('import');
    const result = run('import.ts', ['--dry-run'], { env: { ARCHIVE_DIR: archive }, input: await readFile(wire('indic-colon.txt'), 'utf8') });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`# ${archive}/2025/06/جامعة-سبها-تعلن-مواعيد-التسجيل-للفصل.md`);
    expect(result.stdout).toContain('city: سبها');
    expect(await readdir(archive)).toEqual([]);
  });
});

/** A small archive with one defect of each kind, written here so invisible characters stay visible in the source. */
async function defectArchive() {
  const dir = await tempDir('check');
  await mkdir(path.join(dir, '2025/12'), { recursive: true });
  const file = (name: string, fields: string[], body: string) =>
    writeFile(path.join(dir, '2025/12', name), ['---', ...fields, '---', body, ''].join('\n'));
  const base = ['date: "2025-12-01T10:00:00"', 'city: طرابلس', 'category: اقتصاد'];
  await file('good.md', ['title: "الميناء يستقبل سفينة حاويات كبيرة"', ...base], 'نص سليم فيه [رابط صحيح](/2025/12/01/good/) و[قسم](/category/economy/).');
  await file('near.md', ['title: "الميناء يستقبل سفينة حاويات كبيره"', ...base], 'نص.');
  await file('twin.md', ['title: "خبر آخر تماما"', ...base, 'slug: good'], 'نص.');
  await file('links.md', ['title: "خبر فيه روابط"', ...base], 'فقرة أولى.\n\nفقرة فيها [رابط مكسور](/2025/12/01/missing/) هنا.\n[مسودة](/2025/12/01/secret/) و[عنوان خطأ](https://lana.ly:8o8o/news).');
  await file('secret.md', ['title: "مسودة لم تنشر"', ...base, 'draft: true'], 'نص.');
  await file('invisible.md', ['title: "عنوان فيه \u202eمحرف اتجاه"', ...base], 'سطر فيه\u200b مسافة خفية.\nسطر فيه\u0007 جرس.');
  await file('nfd.md', [`title: "${'إسعاف أهالي'.normalize('NFD')}"`, ...base], 'نص.');
  await file('city.md', ['title: "مدينة خطأ"', 'date: "2025-12-01T10:00:00"', 'city: طرابلش', 'category: اقتصاد'], 'نص.');
  await file('typed.md', ['title: "خبر بسطر تاريخ مكتوب"', 'date: "2025-12-02T10:00:00"', 'city: طرابلس', 'category: اقتصاد'], 'طرابلس 02 ديسمبر 2025 (وال) - نص الخبر.');
  await file('future.md', ['title: "خبر محظور"', 'date: "2099-01-01T09:00:00"', 'city: طرابلس', 'category: اقتصاد'], 'نص.');
  return dir;
}

describe('npm run check', () => {
  it('prints every problem as file:line: field: message, and fails on errors', async () => {
    const archive = await defectArchive();
    const result = run('check.ts', [], { env: { ARCHIVE_DIR: archive } });
    expect(result.code).toBe(1);
    const f = (name: string) => `${path.relative(projectRoot, archive)}/2025/12/${name}`;
    expect(result.stderr.trim().split('\n')).toEqual([
      `${f('city.md')}:4: city: «طرابلش» is not a known city. Did you mean «طرابلس»? (cities are listed in content/cities.json) [error]`,
      `${f('future.md')}:3: date: is in the future (01 يناير 2099 09:00): embargoed until then, not published before [notice]`,
      `${f('invisible.md')}:2: title: contains an invisible bidi control character (U+202E); delete it [warning]`,
      `${f('invisible.md')}:7: body: contains an invisible zero-width character (U+200B); delete it [warning]`,
      `${f('invisible.md')}:8: body: contains a control character (U+0007); delete it [warning]`,
      `${f('links.md')}:9: body: links to /2025/12/01/missing/, which is not a page of the site [error]`,
      `${f('links.md')}:10: body: links to /2025/12/01/secret/, which is not a page of the site [error]`,
      `${f('links.md')}:10: body: «https://lana.ly:8o8o/news» is not a valid URL; a reader following it gets an error [error]`,
      `${f('near.md')}:2: title: looks like a duplicate of «الميناء يستقبل سفينة حاويات كبيرة» (${f('good.md')}) on the same day [warning]`,
      `${f('nfd.md')}:2: title: is not in Unicode NFC (decomposed letters, as macOS writes them); the build normalises it, but save the file as NFC [warning]`,
      `${f('twin.md')}:6: slug: «good» is already used on the same day by ${f('good.md')} (both would be /2025/12/01/good/); rename this file or set a different slug [error]`,
      `${f('typed.md')}:7: body: opens with a dateline («طرابلس 02 ديسمبر 2025 (وال) -»); delete it: the site writes the dateline from city, date and source [warning]`,
      'Checked 10 files in ' + result.stderr.match(/in ([\d.]+) s/)![1] + ' s: 5 errors, 6 warnings.',
    ]);
  });

  it('speaks Arabic with --lang ar and JSON with --json', async () => {
    const archive = await defectArchive();
    const ar = run('check.ts', ['--lang', 'ar'], { env: { ARCHIVE_DIR: archive } });
    expect(ar.stderr).toContain('city: «طرابلش» ليست مدينة معروفة. هل تقصد «طرابلس»؟ (القائمة في content/cities.json) [خطأ]');
    expect(ar.stderr).toMatch(/فُحص 10 ملف في [\d.]+ ث: 5 خطأ، 6 تنبيه\./);
    const json = JSON.parse(run('check.ts', ['--json'], { env: { ARCHIVE_DIR: archive } }).stdout);
    expect(json).toMatchObject({ files: 10, errors: 5, warnings: 6 });
    expect(json.problems[0]).toMatchObject({ line: 4, field: 'city', code: 'registry.unknown', severity: 'error' });
  });

  it('finds photos beside a dispatch or in the images folder, and names each it cannot use', async () => {
    const root = await tempDir('photos');
    const dir = path.join(root, 'dispatches', '2025', '12');
    await mkdir(dir, { recursive: true });
    await mkdir(path.join(root, 'images'));
    await writeFile(path.join(root, 'images', 'shared.jpg'), 'a photo');
    await writeFile(path.join(dir, 'beside.jpg'), 'a photo');
    const head = (title: string, extra: string[]) =>
      ['---', `title: "${title}"`, 'date: "2025-12-01T09:00:00"', 'city: طرابلس', 'category: محليات', ...extra, '---'];
    await writeFile(
      path.join(dir, 'photos.md'),
      [
        ...head('خبر بصور', ['image: shared.jpg', 'imageAlt: "وصف"']),
        'نص الخبر.',
        '',
        '![وصف](beside.jpg "تعليق")',
        '',
        '![](beside.jpg)',
        '',
        '![وصف](https://photos.example/x.jpg)',
        '',
        '![وصف](notes.txt)',
        '',
        '<img src="/logo.png" alt="شعار">',
        '',
      ].join('\n'),
    );
    await writeFile(path.join(dir, 'gone.md'), [...head('خبر صورته مفقودة', ['image: gone.jpg', 'imageAlt: "وصف"']), 'نص.', ''].join('\n'));
    await writeFile(path.join(dir, 'caption.md'), [...head('خبر بتعليق بلا صورة', ['imageCaption: "تعليق"']), 'نص.', ''].join('\n'));
    const result = run('check.ts', [], { env: { ARCHIVE_DIR: path.join(root, 'dispatches') } });
    expect(result.code).toBe(1);
    const f = (name: string) => `${path.relative(projectRoot, dir)}/${name}`;
    expect(result.stderr.trim().split('\n').slice(0, -1)).toEqual([
      `${f('caption.md')}:6: imageCaption: describes a photo, but the dispatch has no image field; add image: <file> or delete this line [error]`,
      `${f('gone.md')}:6: image: no photo «gone.jpg» beside this dispatch or in the images folder; add the file or fix the name [error]`,
      `${f('photos.md')}:13: body: the photo «beside.jpg» has no description: write ![what the photo shows](beside.jpg "caption") [error]`,
      `${f('photos.md')}:15: body: «https://photos.example/x.jpg» is on another site; save the photo beside the dispatch or in the images folder and name the file [error]`,
      `${f('photos.md')}:17: body: «notes.txt» is not a photo file; use one of: jpg, jpeg, png, webp, avif [error]`,
      `${f('photos.md')}:19: body: a photo written as an HTML <img> gets no sizes, caption or credit, and a file name is not found; write ![description](file.jpg "caption") [warning]`,
    ]);
  });

  it('passes the sample archive', () => {
    const result = run('check.ts', []);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/: 0 errors, 0 warnings\.\n$/);
  });
});

describe('the pre-commit hook', () => {
  it('blocks a bad staged dispatch and a published one deleted, and lets a good one through', { timeout: 60_000 }, async () => {
    const repo = await tempDir('hook');
    for (const part of ['scripts', 'src', 'content/cities.json', 'content/categories.json', 'content/sources.json', 'package.json', 'tsconfig.json']) {
      await cp(path.join(projectRoot, part), path.join(repo, part), { recursive: true });
    }
    await symlink(path.join(projectRoot, 'node_modules'), path.join(repo, 'node_modules'));
    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    const install = run('install-hooks.ts', [], { cwd: repo });
    expect(install.stdout).toContain('pre-commit');
    await mkdir(path.join(repo, 'content/dispatches/2025/12'), { recursive: true });
    const dispatch = (city: string) =>
      ['---', 'title: "خبر للتجربة"', 'date: "2025-12-01T10:00:00"', `city: ${city}`, 'category: محليات', '---', 'نص الخبر.', ''].join('\n');

    await writeFile(path.join(repo, 'content/dispatches/2025/12/test.md'), dispatch('طرابلش'));
    git('add', '.');
    const blocked = git('commit', '-q', '-m', 'bad');
    expect(blocked.status).not.toBe(0);
    expect(blocked.stderr).toContain('content/dispatches/2025/12/test.md:4: city: «طرابلش» is not a known city');
    expect(git('log').status).not.toBe(0); // nothing was committed

    await writeFile(path.join(repo, 'content/dispatches/2025/12/test.md'), dispatch('طرابلس'));
    git('add', '.');
    const passed = git('commit', '-q', '-m', 'good');
    expect(passed.stderr).toBe('Checked 1 file in ' + passed.stderr.match(/in ([\d.]+) s/)![1] + ' s: 0 errors, 0 warnings.\n');
    expect(passed.status).toBe(0);

    // A published dispatch is withdrawn, not deleted: every later listing page would shift.
    git('rm', '-q', 'content/dispatches/2025/12/test.md');
    const deleted = git('commit', '-q', '-m', 'delete');
    expect(deleted.status).not.toBe(0);
    expect(deleted.stderr).toContain('content/dispatches/2025/12/test.md:1: file: was published and its file has been deleted');
    expect(deleted.stderr).toContain('add withdrawn: { date, reason } instead');
    // A draft was never on the site: deleting it is fine.
    git('reset', '-q', '--hard');
    await writeFile(path.join(repo, 'content/dispatches/2025/12/draft.md'), dispatch('طرابلس').replace('---\nنص', 'draft: true\n---\nنص'));
    git('add', '.');
    expect(git('commit', '-q', '-m', 'draft').status).toBe(0);
    git('rm', '-q', 'content/dispatches/2025/12/draft.md');
    expect(git('commit', '-q', '-m', 'drop the draft').status).toBe(0);
  });

  it('is not installed by npm ci, and says so outside a git checkout', async () => {
    const pkg = JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.scripts)).not.toContain('prepare');
    expect(Object.keys(pkg.scripts)).not.toContain('postinstall');
    const outside = await tempDir('no-git');
    await cp(path.join(projectRoot, 'scripts'), path.join(outside, 'scripts'), { recursive: true });
    await cp(path.join(projectRoot, 'src'), path.join(outside, 'src'), { recursive: true });
    await cp(path.join(projectRoot, 'content'), path.join(outside, 'content'), { recursive: true });
    await symlink(path.join(projectRoot, 'node_modules'), path.join(outside, 'node_modules'));
    const result = run('install-hooks.ts', [], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: path.dirname(outside) } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Not a git checkout');
    expect(execFileSync('ls', ['-a', outside], { encoding: 'utf8' })).not.toContain('.git');
  });
});
