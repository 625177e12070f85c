/** src/dispatch/front-matter.ts through parseDispatch: YAML as journalists write it, and every fault on its line. */
import { describe, expect, it } from 'vitest';
import { parseDispatch } from '#src/dispatch/parse.ts';
import { formatProblem } from '#src/dispatch/problems.ts';

const file = 'content/dispatches/2025/12/x.md';
const parse = (...lines: string[]) => parseDispatch(file, '2025/12/x', [...lines, 'نص الخبر.'].join('\n'));
const messages = (lang: 'en' | 'ar', ...lines: string[]) => {
  const result = parse(...lines);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => formatProblem(p, lang));
};

describe('text fields written as journalists write them', () => {
  it('reads a headline with a colon, a hash or a closing colon whole', () => {
    for (const title of [
      'وزير الخارجية: نسعى إلى حل سياسي شامل',
      'المتحدث باسم الحكومة:',
      '"الوطنية للنفط": الإنتاج يرتفع',
      '[عاجل] الوزير: نعم',
      'عاجل#ليبيا: انطلاق الحوار',
    ]) {
      const result = parse('---', `title: ${title}`, 'date: 2025-12-01T10:30', 'city: طرابلس', 'category: سياسة', 'imageCaption: x', '---');
      // imageCaption without image is its own problem; the title was read whole.
      expect(result.ok).toBe(false);
      const fine = parse('---', `title: ${title}`, 'date: 2025-12-01T10:30', 'city: طرابلس', 'category: سياسة', '---');
      expect(fine.ok && fine.dispatch.data.title, title).toBe(title);
    }
  });

  it('keeps YAML where it is YAML: comments, block scalars, nested maps, Windows line ends', () => {
    const result = parse(
      '---',
      'title: عنوان الخبر # مؤقت',
      'summary: >',
      '  قال الوزير: نعم',
      '  وأضاف: سنواصل',
      'date: 2025-12-01T10:30',
      'city: طرابلس # العاصمة',
      'category: سياسة',
      'withdrawn:',
      '  date: 2025-12-02T09:00',
      '  reason: نشر قبل التحقق: المصدر لم يؤكد',
      '---',
    );
    expect(result.ok && result.dispatch.data).toMatchObject({
      title: 'عنوان الخبر',
      summary: 'قال الوزير: نعم وأضاف: سنواصل',
      city: 'tripoli',
      withdrawn: { reason: 'نشر قبل التحقق: المصدر لم يؤكد' },
    });
    const crlf = parseDispatch(file, '2025/12/x', ['---', 'title: عنوان', 'tags: [النفط', 'date: 2025-12-01', '---', 'نص.'].join('\r\n'));
    expect(!crlf.ok && crlf.problems.map((p) => `${p.line} ${p.field} ${p.code}`)).toEqual(['3 tags frontmatter.bracket']);
    const first = parse('---', '  title: عنوان', 'date: 2025-12-01', 'city: طرابلس', 'category: سياسة', '---');
    expect(!first.ok && first.problems.map((p) => `${p.line} ${p.field} ${p.code}`)).toEqual(['2 title frontmatter.indent']);
  });

  it('keeps quoted values and the lines of every field', () => {
    const result = parse(
      '---',
      'title: "وزير: نعم"',
      "summary: 'قال: «نعم»'",
      'date: 2025-12-01T10:30',
      'city: طرابلس',
      'category: سياسة',
      '---',
    );
    expect(result.ok && result.dispatch.data).toMatchObject({ title: 'وزير: نعم', summary: 'قال: «نعم»' });
    expect(result.ok && result.dispatch.lines).toMatchObject({ title: 2, summary: 3, date: 4, city: 5, category: 6 });
    expect(result.ok && result.dispatch.bodyLine).toBe(8);
  });
});

describe('every YAML fault, on its own line, with its fix', () => {
  it('an unclosed quote is on the line that opens it, in English and Arabic', () => {
    const lines = ['---', 'title: "وزير الخارجية يصل إلى تونس', 'date: 2025-12-01T10:30', 'city: طرابلس', 'category: سياسة', '---'];
    expect(messages('en', ...lines)).toEqual([
      `${file}:2: title: the quote " opened on this line is not closed: add " at the end of the value`,
    ]);
    expect(messages('ar', ...lines)).toEqual([`${file}:2: title: علامة التنصيص " المفتوحة في هذا السطر لم تُغلق: أضف " في آخر القيمة`]);
  });

  it('reports all the faults of a file at once', () => {
    const lines = [
      '---',
      "title: 'وزير الخارجية يصل",
      'date: 2025-12-01T10:30',
      '  city: طرابلس',
      'category: سياسة',
      'category: اقتصاد',
      'tags: [النفط, الموانئ',
      '---',
    ];
    expect(messages('en', ...lines)).toEqual([
      `${file}:2: title: the quote ' opened on this line is not closed: add ' at the end of the value`,
      `${file}:4: city: the line starts with spaces, so it is read as part of the line above: delete the spaces before the field name`,
      `${file}:6: category: the field is written twice: keep one of the two lines`,
      `${file}:7: tags: a [ or { opened here is not closed: close it at the end of the value`,
    ]);
    expect(messages('ar', ...lines)[1]).toBe(
      `${file}:4: city: يبدأ السطر بمسافات فيُقرأ جزءًا من السطر الذي قبله: احذف المسافات قبل اسم الحقل`,
    );
  });

  it('a tab, a colon inside a value of another field, and a missing closing ---', () => {
    expect(messages('en', '---', 'title: عنوان', 'withdrawn:', '\tdate: 2025-12-02', '---')[0]).toBe(
      `${file}:4: date: the line starts with a tab: indent with spaces, or not at all for a field`,
    );
    expect(messages('ar', '---', 'title: عنوان', 'tags: النفط: الموانئ', '---')[0]).toBe(
      `${file}:3: tags: النقطتان وبعدهما مسافة داخل القيمة تبدآن حقلًا جديدًا: ضع القيمة كلها بين علامتي تنصيص "…"`,
    );
    expect(messages('en', '---', 'title: عنوان', 'date: 2025-12-01')).toEqual([
      `${file}:1: front-matter: the front-matter has no closing --- line: add one after the last field`,
    ]);
  });
});
