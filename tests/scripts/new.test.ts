/** npm run new, as a journalist runs it: Arabic by default, every bad flag at once, and a body nobody can publish unedited. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseDispatch } from '#src/dispatch/parse.ts';
import { BODY_PLACEHOLDER } from '#src/dispatch/placeholder.ts';
import { tempDir } from '../helpers/build.ts';
import { run } from '../helpers/newsroom.ts';

const help = '(للمساعدة: npm run new -- --help)';

describe('npm run new', () => {
  it('starts a dispatch dated now in Tripoli, to the second, and never overwrites', async () => {
    const env = { ARCHIVE_DIR: await tempDir('new') };
    const first = run('new.ts', ['--city', 'طرابلس', '--category', 'سياسة', '--tag', 'البلديات', 'المجلس البلدي يعقد جلسة طارئة'], { env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const file = first.stdout.trim();
    expect(file).toMatch(new RegExp(`^${env.ARCHIVE_DIR}/\\d{4}/\\d{2}/المجلس-البلدي-يعقد-جلسة-طارئة\\.md$`));
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^date: '\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}'$/m);
    expect(text.endsWith(`---\n${BODY_PLACEHOLDER}\n`)).toBe(true);
    const parsed = parseDispatch(file, 'x', text.replace(BODY_PLACEHOLDER, 'نص الخبر.'));
    expect(parsed.ok && parsed.dispatch.data).toMatchObject({
      title: 'المجلس البلدي يعقد جلسة طارئة',
      city: 'tripoli',
      category: 'politics',
      tags: ['البلديات'],
      dateOnly: false,
    });
    expect(parsed.ok && Math.abs(parsed.dispatch.data.date.getTime() - Date.now())).toBeLessThan(60_000);

    const again = run('new.ts', ['--city', 'طرابلس', '--category', 'سياسة', 'المجلس البلدي يعقد جلسة طارئة'], { env });
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`${file} موجود من قبل ولم يُستبدل (غيّر العنوان أو استعمل ‎--slug)\n`);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('takes Latin names in any case and Arabic spelling variants, and writes the registry’s name', async () => {
    const env = { ARCHIVE_DIR: await tempDir('new') };
    for (const [city, category, written] of [
      ['TRIPOLI', 'Culture', ['city: طرابلس', 'category: ثقافة']],
      ['gharyan', 'ECONOMY', ['city: غريان', 'category: اقتصاد']],
      ['إجدابيا', 'رياضه', ['city: اجدابيا', 'category: رياضة']],
      ['مصراته', 'صِحّة', ['city: مصراتة', 'category: صحة']],
    ] as const) {
      const result = run('new.ts', ['--city', city, '--category', category, '--slug', `${city}-${category}`, 'عنوان للتجربة'], { env });
      expect(result.stderr, city).toBe('');
      const text = await readFile(result.stdout.trim(), 'utf8');
      for (const line of written) expect(text).toContain(`\n${line}\n`);
    }
  });

  it('reports every bad flag at once, in Arabic, with the fix, and writes nothing', async () => {
    const env = { ARCHIVE_DIR: await tempDir('new') };
    const result = run('new.ts', ['--city', 'القطرون', '--category', 'اقتصادد', '--tga', 'النفط', '--source', 'Gharian', 'عنوان'], { env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      `npm run new: الخيار ‎--tga غير معروف؛ هل تقصد ‎--tag؟ ${help}`,
      'npm run new: --city: «القطرون» ليست مدينة معروفة، ولا تشبهها مدينة في القائمة. إن كان الاسم صحيحًا فأضفه إلى content/cities.json: {"slug":"…","name":"القطرون","country":"…"}',
      'npm run new: --category: «اقتصادد» ليس قسمًا معروفًا. هل تقصد «اقتصاد»؟ (القائمة في content/categories.json)',
      'npm run new: --source: «Gharian» ليس مصدرًا معروفًا، ولا يشبهه مصدر في القائمة. إن كان الرمز صحيحًا فأضفه إلى content/sources.json: {"code":"Gharian","slug":"…","name":"…"}',
      '',
    ]);
    const english = run('new.ts', ['--lang', 'en', '--city', 'Gharian', '--category', 'سياسة', '--city2'], { env });
    expect(english.stderr.split('\n')).toEqual([
      'npm run new: unknown option --city2; did you mean --city? (npm run new -- --help)',
      'npm run new: --city: «Gharian» is not a known city. Did you mean «غريان»? (cities are listed in content/cities.json)',
      'npm run new: the headline is missing: write it last, in quotes',
      '',
    ]);
    // A flag with another flag after it has no value: the next flag is not taken for it.
    const flagAfterFlag = run('new.ts', ['--city', '--category', 'سياسة', 'عنوان'], { env });
    expect(flagAfterFlag.stderr).toBe(`npm run new: الخيار ‎--city يحتاج إلى قيمة بعده ${help}\n`);
    const incomplete = run('new.ts', ['--category', 'سياسة', 'عنوان', '--city'], { env });
    expect(incomplete.stderr).toBe(`npm run new: الخيار ‎--city يحتاج إلى قيمة بعده ${help}\n`);
    expect(run('new.ts', ['--category', 'سياسة', 'عنوان'], { env }).stderr).toBe('npm run new: الخيار ‎--city مطلوب\n');
    expect(run('new.ts', ['--city', 'سرت', '--category', 'سياسة', '--lang', 'fr', 'عنوان'], { env }).stderr).toBe(
      `npm run new: قيمة ‎--lang إما ar وإما en، وليست «fr» ${help}\n`,
    );
  });

  it('takes a headline that starts with a dash', async () => {
    const env = { ARCHIVE_DIR: await tempDir('new') };
    const result = run('new.ts', ['--city', 'سرت', '--category', 'محليات', '-عاجل', 'انقطاع', 'الكهرباء'], { env });
    expect(result.stderr).toBe('');
    expect(await readFile(result.stdout.trim(), 'utf8')).toContain("\ntitle: '-عاجل انقطاع الكهرباء'\n");
  });

  it('prints its usage with --help, in Arabic or English', () => {
    const ar = run('new.ts', ['--help']);
    expect(ar.code).toBe(0);
    expect(ar.stdout.split('\n')[0]).toBe(
      'الاستعمال: npm run new -- --city <المدينة> --category <القسم> [--source <رمز المصدر>] [--tag <وسم>]… [--slug <اسم الملف>] "<العنوان>"',
    );
    expect(ar.stdout).toContain('  --help                 هذه المساعدة');
    const en = run('new.ts', ['-h', '--lang', 'en']);
    expect(en.stdout.split('\n')[0]).toBe(
      'usage: npm run new -- --city <city> --category <category> [--source <code>] [--tag <tag>]… [--slug <slug>] [--lang en] "<headline>"',
    );
    expect(en.stderr).toBe('');
  });
});
