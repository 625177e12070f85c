/** npm run import over wire fixtures of our own: every agency's dateline, days without a time, other encodings, bad flags. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDispatch } from '#src/dispatch/parse.ts';
import { problemMessage } from '#src/dispatch/problems.ts';
import { tempDir } from '../helpers/build.ts';
import { run, wire } from '../helpers/newsroom.ts';

const help = '(للمساعدة: npm run import -- --help)';
const noDateline = problemMessage({ field: 'dateline', code: 'wire.dateline' }, 'ar');

describe('npm run import', () => {
  it('writes the good wires dated by their day alone, reports the broken ones with their line, and writes nothing for them', async () => {
    const archive = await tempDir('import');
    const result = run('import.ts', ['--category', 'اقتصاد', wire('standard.txt'), wire('no-dateline.txt'), wire('maghreb-month.txt')], {
      env: { ARCHIVE_DIR: archive },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${wire('no-dateline.txt')}:3: سطر التاريخ: ${noDateline} [خطأ]\n`);
    expect(noDateline).toMatch(/^لا يوجد سطر التاريخ: يجب أن تبدأ الفقرة الأولى بـ«المدينة اليوم الشهر السنة \(المصدر\) -»/);
    const written = result.stdout.trim().split('\n');
    expect(written).toEqual([
      `${archive}/2025/12/بلدية-طرابلس-تفتتح-ثلاث-حدائق-عامة.md`,
      `${archive}/2024/01/اجتماع-تونسي-ليبي-حول-النقل-البري.md`,
    ]);
    expect(await readFile(written[0], 'utf8')).toBe(
      [
        '---',
        'title: بلدية طرابلس تفتتح ثلاث حدائق عامة جديدة في أحياء المدينة',
        "date: '2025-12-01'",
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
    const parsed = parseDispatch(written[0], 'x', await readFile(written[0], 'utf8'));
    expect(parsed.ok && parsed.dispatch.data.dateOnly).toBe(true);
    expect(await readFile(written[1], 'utf8')).toContain('source: وات');
    expect(run('import.ts', ['--lang', 'en', wire('no-dateline.txt')], { env: { ARCHIVE_DIR: archive } }).stderr).toMatch(
      /:3: dateline: no dateline found: the first paragraph must open with «city day month year \(source\) -»/,
    );
  });

  it('gives the time of --time, takes a --slug for one wire, and reads standard input with --dry-run', async () => {
    const archive = await tempDir('import');
    const env = { ARCHIVE_DIR: archive };
    const timed = run('import.ts', ['--time', '9:05', '--slug', 'sebha-registration', wire('indic-colon.txt')], { env });
    expect(timed.stdout).toBe(`${archive}/2025/06/sebha-registration.md\n`);
    expect(await readFile(timed.stdout.trim(), 'utf8')).toContain("\ndate: '2025-06-03T09:05'\n");
    const dry = run('import.ts', ['--dry-run'], { env, input: await readFile(wire('standard.txt'), 'utf8') });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`# ${archive}/2025/12/بلدية-طرابلس-تفتتح-ثلاث-حدائق-عامة.md`);
    expect(dry.stdout).toContain('category: محليات');
    expect(await readdir(path.join(archive, '2025'))).toEqual(['06']);
  });

  it('reads every other Arab agency’s dateline: source from its marker, the body whole', async () => {
    const archive = await tempDir('import');
    const agencies = {
      'spa-hijri.txt': ['واس', 'جدة', "'2025-03-14'"],
      // Without a year: the latest such day until "now".
      'wam-slash.txt': ['وام', 'أبوظبي', "'2026-08-11'"],
      'qna-bracket.txt': ['قنا', 'الدوحة', "'2026-02-03'"],
      'kuna-numeric.txt': ['كونا', 'الكويت', "'2026-08-11'"],
      'petra.txt': ['بترا', 'عمان', "'2026-11-09'"],
      'mena.txt': ['أ ش أ', 'القاهرة', "'2026-01-20'"],
      'tap.txt': ['وات', 'تونس', "'2025-06-03'"],
      'map.txt': ['ومع', 'الرباط', "'2025-07-22'"],
    } as const;
    const files = Object.keys(agencies).map(wire);
    const result = run('import.ts', ['--category', 'دولي', ...files], {
      env: { ARCHIVE_DIR: archive, ARCHIVE_NOW: '2026-12-07T10:00:00Z' },
    });
    expect(result.stderr).toBe('');
    const written = result.stdout.trim().split('\n');
    expect(written).toHaveLength(files.length);
    for (const [i, [code, city, date]] of Object.values(agencies).entries()) {
      const text = await readFile(written[i], 'utf8');
      expect(text, files[i]).toContain(`\ncity: ${city}\n`);
      expect(text, files[i]).toContain(`\nsource: ${code}\n`);
      expect(text, files[i]).toContain(`\ndate: ${date}\n`);
      // Every paragraph after the dateline is kept, and nothing of the dateline or the end marks.
      const wireText = await readFile(files[i], 'utf8');
      const last = wireText
        .trim()
        .split(/\n\s*\n/)
        .filter((p) => !/^[/(]|انتهى|النهاية/.test(p.trim()))
        .at(-1)!;
      expect(text, files[i]).toContain(
        last
          .trim()
          .replace(/\s*[(/][^()/]{1,12}[)/]\s*$/, '')
          .slice(0, 40),
      );
    }
  });

  it('reads a wire saved as Windows-1256, and says so', async () => {
    const archive = await tempDir('import');
    const result = run('import.ts', [wire('windows-1256.txt')], { env: { ARCHIVE_DIR: archive } });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`${wire('windows-1256.txt')}: قُرئ بترميز Windows-1256 (الملف ليس بترميز UTF-8)\n`);
    const text = await readFile(result.stdout.trim(), 'utf8');
    expect(text).toContain('title: مصرف ليبيا المركزي يصدر تقريره الربعي\n');
    expect(text).toContain('أصدر مصرف ليبيا المركزي اليوم تقريره الربعي عن الإيرادات والإنفاق العام.');
  });

  it('turns bad flags into one line each, and --help into its usage', async () => {
    const env = { ARCHIVE_DIR: await tempDir('import') };
    const result = run(
      'import.ts',
      ['--slg', 'x', '--time', '25:00', '--category', 'Sport', wire('standard.txt'), wire('tap.txt'), '--slug', 'y'],
      { env },
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      `npm run import: الخيار ‎--slg غير معروف؛ هل تقصد ‎--slug؟ ${help}`,
      'npm run import: --category: «Sport» ليس قسمًا معروفًا. هل تقصد «رياضة»؟ (القائمة في content/categories.json)',
      'npm run import: قيمة ‎--time ساعةٌ مثل 14:30، وليست «25:00»',
      'npm run import: ‎--slug اسم لخبر واحد: استعمله مع برقية واحدة فقط',
      '',
    ]);
    const missing = run('import.ts', [path.join(env.ARCHIVE_DIR, 'nothing.txt')], env && { env });
    expect(missing.stderr).toBe(`${env.ARCHIVE_DIR}/nothing.txt:1: الملف: لا يوجد ملف بهذا الاسم [خطأ]\n`);
    const usage = run('import.ts', ['--help', '--lang', 'en']);
    expect(usage.code).toBe(0);
    expect(usage.stdout).toContain(
      'usage: npm run import -- [--category <category>] [--time <HH:MM>] [--slug <slug>] [--dry-run] [--lang en] <file>…',
    );
    expect(usage.stdout).toContain(
      '  --time <HH:MM>         the time of publication, Tripoli time; without it the dispatch has a date only',
    );
  });
});
