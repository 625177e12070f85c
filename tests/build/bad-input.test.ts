/**
 * Broken archives must fail the real build with a message that names the
 * file, the line and the field, and says how to fix it. A broken dispatch
 * never silently disappears from the site.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatchFields } from '#src/dispatch/schema.ts';
import { buildSite, listFiles, projectRoot, tempDir } from '../helpers/build.ts';

const fixtures = path.join(projectRoot, 'tests/fixtures/broken');

async function buildBroken(name: string) {
  const result = await buildSite({ archiveDir: path.join(fixtures, name) });
  return { ...result, built: (await listFiles(result.outDir)).filter((f) => f.endsWith('.html')) };
}

const file = (name: string, rel: string) => `tests/fixtures/broken/${name}/2025/12/${rel}`;

describe('a broken dispatch fails the build, with its problem and nothing else on stderr', () => {
  it.each([
    ['missing-title', 'no-title.md:1: title: حقل مطلوب: أضف سطرًا `title: …` إلى البيانات في رأس الملف'],
    [
      'bad-date',
      'bad-date.md:3: date: «2025-11-31T10:00:00» ليس تاريخًا صحيحًا؛ اكتب السنة ثم الشهر ثم اليوم، ثم الساعة إن عُرفت، مثل 2025-12-01T10:30 أو 2025-12-01',
    ],
    ['unknown-city', 'typo-city.md:5: city: «مصراطة» ليست مدينة معروفة. هل تقصد «مصراتة»؟ (القائمة في content/cities.json)'],
    [
      'missing-image-alt',
      'no-alt.md:6: imageAlt: حقل مطلوب مع image: صف الصورة لمن لا يراها، مثل imageAlt: "رافعات في ميناء طرابلس عند الفجر"',
    ],
    [
      'duplicate-slug',
      'b-port.md:6: slug: «port-news» مستخدم في اليوم نفسه في tests/fixtures/broken/duplicate-slug/2025/12/a-port.md (فيكون لهما الرابط نفسه /2025/12/01/port-news/)؛ غيّر اسم الملف أو اختر slug آخر',
    ],
    [
      'placeholder',
      'unedited.md:7: النص: ما زال فيه النص الذي وضعه npm run new («اكتب نص الخبر هنا مكان هذا السطر. لا تكتب سطر التاريخ: الموقع يضيفه من البيانات أعلاه.»): اكتب نص الخبر مكانه',
    ],
    [
      'not-utf8',
      'windows-1256.md:2: الملف: الملف ليس بترميز UTF-8، ويبدو نصًا بترميز Windows-1256 («title: وزارة الصحة تفتتح مستشفى جديدا»). حوّله بالأمر npm run check -- --fix، أو احفظه بترميز UTF-8 من المحرر',
    ],
  ])('%s', async (name, message) => {
    const { code, errors, built } = await buildBroken(name);
    expect(code).toBe(1);
    expect(errors).toBe(`مشكلة واحدة في أرشيف الأخبار:\n  ${file(name, message)}\n`);
    // The good dispatch beside it is not published without the broken one.
    expect(built).toEqual([]);
  });

  it('in English with --lang en', async () => {
    const { code, errors } = await buildSite({ archiveDir: path.join(fixtures, 'unknown-field'), args: ['--lang', 'en'] });
    expect(code).toBe(1);
    expect(errors).toBe(
      `1 problem in the dispatch archive:\n  ${file('unknown-field', 'extra-field.md:6: author: unknown field. Fields: ')}` +
        `${dispatchFields.join(', ')}\n`,
    );
  });
});

it('a photo that is not there fails the build, naming the dispatch, line and field of each', async () => {
  const { code, output, built } = await buildBroken('missing-image');
  expect(code).not.toBe(0);
  expect(output).toContain('مشكلتان في أرشيف الأخبار:');
  expect(output).toContain(
    file('missing-image', 'no-photo.md:6: image: لا توجد صورة «nowhere.jpg» بجانب هذا الخبر ولا في مجلد الصور؛ أضف الملف أو صحّح الاسم'),
  );
  expect(output).toContain(file('missing-image', 'no-photo.md:11: النص: لا توجد صورة «also-missing.png» بجانب هذا الخبر'));
  expect(built).toEqual([]);
});

it('lists every problem of every file, not just the first', async () => {
  const archive = await tempDir('many-broken');
  const { cp } = await import('node:fs/promises');
  for (const name of ['missing-title', 'bad-date', 'unknown-city']) {
    await cp(path.join(fixtures, name), archive, { recursive: true });
  }
  const { code, output } = await buildSite({ archiveDir: archive });
  expect(code).not.toBe(0);
  expect(output).toContain('3 مشكلات في أرشيف الأخبار:');
  expect(output).toMatch(/no-title\.md:1: title:/);
  expect(output).toMatch(/bad-date\.md:3: date:/);
  expect(output).toMatch(/typo-city\.md:5: city:/);
});
