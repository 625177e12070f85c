/** npm run check over archives of the test's: every problem on its line, in Arabic by default, and --fix. */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, tempDir } from '../helpers/build.ts';
import { defectArchive } from '../helpers/defects.ts';
import { run, seconds } from '../helpers/newsroom.ts';

const shown = (dir: string, name: string) => `${path.relative(projectRoot, dir)}/2025/12/${name}`;

describe('npm run check', () => {
  it('prints every problem as file:line: field: message, and fails on errors', async () => {
    const archive = await defectArchive();
    const result = run('check.ts', ['--lang', 'en'], { env: { ARCHIVE_DIR: archive } });
    expect(result.code).toBe(1);
    const f = (name: string) => shown(archive, name);
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
      `${f('nfd.md')}:2: title: has letters written in decomposed form in «${'إسعاف أهالي'.normalize('NFD')}» (a letter followed by its hamza or accent as a separate character, as some programs save text); the build composes them, but fix the file: retype those letters, or save it normalised to Unicode NFC [warning]`,
      `${f('twin.md')}:6: slug: «good» is already used on the same day by ${f('good.md')} (both would be /2025/12/01/good/); rename this file or set a different slug [error]`,
      `${f('typed.md')}:7: body: opens with a dateline («طرابلس 02 ديسمبر 2025 (وال) -»); delete it: the site writes the dateline from city, date and source [warning]`,
      `Checked 11 files in ${seconds(result.stderr)} s: 5 errors, 6 warnings.`,
    ]);
    // shadda.md has a shadda typed before its vowel: NFC reorders it, and that is no warning.
    expect(result.stderr).not.toContain('shadda.md');
  });

  it('speaks Arabic by default, with numbers that agree with their nouns, and JSON with --json', async () => {
    const archive = await defectArchive();
    const ar = run('check.ts', [], { env: { ARCHIVE_DIR: archive } });
    expect(ar.stderr).toContain('city: «طرابلش» ليست مدينة معروفة. هل تقصد «طرابلس»؟ (القائمة في content/cities.json) [خطأ]');
    expect(ar.stderr).toContain('invisible.md:2: title: يحتوي على محرف تحكم خفي في الاتجاه (U+202E)؛ احذفه [تنبيه]');
    expect(ar.stderr.trim().split('\n').at(-1)).toBe(`فُحص 11 ملفًا في ${seconds(ar.stderr)} ثانية: 5 أخطاء، 6 تنبيهات.`);
    const json = JSON.parse(run('check.ts', ['--json'], { env: { ARCHIVE_DIR: archive } }).stdout);
    expect(json).toMatchObject({ files: 11, errors: 5, warnings: 6 });
    expect(json.problems[0]).toMatchObject({
      line: 4,
      field: 'city',
      code: 'registry.unknown',
      severity: 'error',
      message: expect.stringContaining('ليست مدينة معروفة'),
    });
  });

  it('refuses the placeholder of npm run new, reads a headline with a colon, and names every YAML fault', async () => {
    const archive = await tempDir('check');
    const dir = path.join(archive, '2025/12');
    await mkdir(dir, { recursive: true });
    const head = (title: string, extra: string[] = []) => [
      '---',
      `title: ${title}`,
      'date: 2025-12-01T10:30',
      'city: طرابلس',
      'category: سياسة',
      ...extra,
      '---',
    ];
    await writeFile(
      path.join(dir, 'colon.md'),
      [...head('وزير الخارجية: نسعى إلى حل سياسي'), 'قال وزير الخارجية اليوم إن الحكومة تسعى إلى حل سياسي.', ''].join('\n'),
    );
    await writeFile(
      path.join(dir, 'unedited.md'),
      [...head('خبر لم يكتب بعد'), 'اكتب نص الخبر هنا مكان هذا السطر. لا تكتب سطر التاريخ: الموقع يضيفه من البيانات أعلاه.', ''].join('\n'),
    );
    await writeFile(path.join(dir, 'quotes.md'), [...head('"وزير الخارجية يصل', ['tags: [النفط', 'tags: []']), 'نص.', ''].join('\n'));
    const result = run('check.ts', [], { env: { ARCHIVE_DIR: archive } });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `${shown(archive, 'quotes.md')}:2: title: علامة التنصيص " المفتوحة في هذا السطر لم تُغلق: أضف " في آخر القيمة [خطأ]`,
      `${shown(archive, 'quotes.md')}:6: tags: قوس [ أو { فُتح هنا ولم يُغلق: أغلقه في آخر القيمة [خطأ]`,
      `${shown(archive, 'quotes.md')}:7: tags: الحقل مكتوب مرتين: أبقِ أحد السطرين [خطأ]`,
      `${shown(archive, 'unedited.md')}:7: النص: ما زال فيه النص الذي وضعه npm run new («اكتب نص الخبر هنا مكان هذا السطر. لا تكتب سطر التاريخ: الموقع يضيفه من البيانات أعلاه.»): اكتب نص الخبر مكانه [خطأ]`,
      `فُحص 3 ملفات في ${seconds(result.stderr)} ثانية: 4 أخطاء، لا تنبيهات.`,
    ]);
  });

  it('gives a file that is not UTF-8 one message, and --fix converts it and changes nothing else', async () => {
    const archive = await tempDir('check');
    const dir = path.join(archive, '2025/12');
    await mkdir(dir, { recursive: true });
    const broken = path.join(projectRoot, 'tests/fixtures/broken/not-utf8/2025/12');
    await copyFile(path.join(broken, 'windows-1256.md'), path.join(dir, 'windows-1256.md'));
    await copyFile(path.join(broken, 'good.md'), path.join(dir, 'good.md'));
    const good = await readFile(path.join(dir, 'good.md'));
    const env = { ARCHIVE_DIR: archive };
    const before = run('check.ts', [], { env });
    expect(before.code).toBe(1);
    expect(before.stderr.trim().split('\n')).toEqual([
      `${shown(archive, 'windows-1256.md')}:2: الملف: الملف ليس بترميز UTF-8، ويبدو نصًا بترميز Windows-1256 («title: وزارة الصحة تفتتح مستشفى جديدا»). حوّله بالأمر npm run check -- --fix، أو احفظه بترميز UTF-8 من المحرر [خطأ]`,
      `فُحص ملفان في ${seconds(before.stderr)} ثانية: خطأ واحد، لا تنبيهات.`,
    ]);
    const fixed = run('check.ts', ['--fix'], { env });
    expect(fixed.stdout).toBe(`${shown(archive, 'windows-1256.md')}: حُوّل من Windows-1256 إلى UTF-8\n`);
    expect(fixed.code).toBe(0);
    expect(await readFile(path.join(dir, 'windows-1256.md'), 'utf8')).toContain('\ntitle: وزارة الصحة تفتتح مستشفى جديدا في سبها\n');
    expect(await readFile(path.join(dir, 'good.md'))).toEqual(good);
    expect(run('check.ts', [], { env }).stderr).toMatch(/: لا أخطاء، لا تنبيهات\.\n$/);
  });

  it('never converts a UTF-8 file with a few damaged bytes, and refuses --fix with --staged', async () => {
    const archive = await tempDir('check');
    const dir = path.join(archive, '2025/12');
    await mkdir(dir, { recursive: true });
    const good = (await readFile(path.join(projectRoot, 'tests/fixtures/broken/not-utf8/2025/12/good.md'))).toString();
    const damaged = Buffer.concat([
      Buffer.from(good.replace('خبر سليم لا مشكلة فيه.', 'خبر ')),
      Buffer.from([0xa0]),
      Buffer.from('سليم.\n'),
    ]);
    await writeFile(path.join(dir, 'damaged.md'), damaged);
    const env = { ARCHIVE_DIR: archive };
    const fixed = run('check.ts', ['--fix'], { env });
    expect(fixed.code).toBe(1);
    expect(fixed.stdout).toBe('');
    expect(fixed.stderr.split('\n')[0]).toBe(
      `${shown(archive, 'damaged.md')}:8: الملف: في هذا السطر بايتات ليست نصًا بترميز UTF-8 (يعرضها المحرر هكذا �): أعد كتابة الكلمات التالفة [خطأ]`,
    );
    expect(await readFile(path.join(dir, 'damaged.md'))).toEqual(damaged);
    expect(run('check.ts', ['--fix', '--staged'], { env }).stderr).toBe(
      'npm run check: ‎--fix يحوّل ملفات المجلد و‎--staged يفحص ما أُضيف للإيداع: استعمل أحدهما في كل مرة\n',
    );
  });

  it('finds photos beside a dispatch or in the images folder, and names each it cannot use', async () => {
    const root = await tempDir('photos');
    const dir = path.join(root, 'dispatches', '2025', '12');
    await mkdir(dir, { recursive: true });
    await mkdir(path.join(root, 'images'));
    await writeFile(path.join(root, 'images', 'shared.jpg'), 'a photo');
    await writeFile(path.join(dir, 'beside.jpg'), 'a photo');
    const head = (title: string, extra: string[]) => [
      '---',
      `title: "${title}"`,
      'date: "2025-12-01T09:00:00"',
      'city: طرابلس',
      'category: محليات',
      ...extra,
      '---',
    ];
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
    const result = run('check.ts', ['--lang', 'en'], { env: { ARCHIVE_DIR: path.join(root, 'dispatches') } });
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
    expect(result.stderr).toMatch(/: لا أخطاء، لا تنبيهات\.\n$/);
  });

  it('prints its usage with --help and refuses what it does not take', () => {
    const usage = run('check.ts', ['--help']);
    expect(usage.stdout.split('\n')[0]).toBe('الاستعمال: npm run check -- [--staged] [--fix] [--json] [--lang en]');
    const bad = run('check.ts', ['--stagd', 'content']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'npm run check: الخيار ‎--stagd غير معروف؛ هل تقصد ‎--staged؟ (للمساعدة: npm run check -- --help)\n' +
        'npm run check: مُدخل غير متوقع: «content» (للمساعدة: npm run check -- --help)\n',
    );
  });
});
