/** src/i18n/newsroom-*.ts: numbers agree with their nouns as Arabic grammar wants, and both languages say the same things. */
import { describe, expect, it } from 'vitest';
import { ar } from '#src/i18n/newsroom-ar.ts';
import { en } from '#src/i18n/newsroom-en.ts';
import { problemCodes, problemMessage } from '#src/dispatch/problems.ts';

describe('check’s summary', () => {
  it.each([
    [1, 'فُحص ملف واحد في 0.10 ثانية: خطأ واحد، تنبيه واحد.'],
    [2, 'فُحص ملفان في 0.10 ثانية: خطآن، تنبيهان.'],
    [3, 'فُحص 3 ملفات في 0.10 ثانية: 3 أخطاء، 3 تنبيهات.'],
    [11, 'فُحص 11 ملفًا في 0.10 ثانية: 11 خطأً، 11 تنبيهًا.'],
    [100, 'فُحص 100 ملف في 0.10 ثانية: 100 خطأ، 100 تنبيه.'],
    [102, 'فُحص 102 ملف في 0.10 ثانية: 102 خطأ، 102 تنبيه.'],
    [103, 'فُحص 103 ملفات في 0.10 ثانية: 103 أخطاء، 103 تنبيهات.'],
  ])('%i of each, in Arabic', (n, sentence) => {
    expect(ar.check.summary(n, '0.10', n, n)).toBe(sentence);
  });

  it('none', () => {
    expect(ar.check.summary(45, '0.20', 0, 0)).toBe('فُحص 45 ملفًا في 0.20 ثانية: لا أخطاء، لا تنبيهات.');
    expect(ar.check.summary(0, '0.01', 0, 0)).toBe('لا توجد أخبار لفحصها.');
    expect(en.check.summary(1, '0.10', 0, 2)).toBe('Checked 1 file in 0.10 s: 0 errors, 2 warnings.');
  });

  it('the build’s count of problems', () => {
    expect([1, 2, 3, 11, 100].map(ar.build.problems)).toEqual([
      'مشكلة واحدة في أرشيف الأخبار:',
      'مشكلتان في أرشيف الأخبار:',
      '3 مشكلات في أرشيف الأخبار:',
      '11 مشكلةً في أرشيف الأخبار:',
      '100 مشكلة في أرشيف الأخبار:',
    ]);
  });
});

it('every message has no English word in Arabic, but the commands and flags', () => {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (typeof value === 'function') texts.push(String(value('x', 'y', 1, 1)));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(ar);
  // What a journalist types stays Latin: commands, flags, file names, formats.
  const allowed =
    /npm run \w+|--[\w-]+|-h|content\/\w+\.json|src\/config\.ts|newsroomLang|UTF-8|NFC|Windows-1256|\bar\b|\ben\b|\bx\b|\by\b|\bgit\b|\bTab\b|JSON/g;
  for (const text of texts) expect(text.replace(allowed, '').match(/[A-Za-z]{2,}/g), text).toBeNull();
});

it('every problem of a dispatch is worded in Arabic without English but what a journalist types', () => {
  const typed =
    /npm run \w+|--[\w-]+|content\/\w+\.json|ISO 8601|UTF-8|NFC|YAML|HTML|Tab|<img>|\b(?:title|date|city|slug|image|imageAlt|imageCaption|imageCredit|withdrawn|reason|note|draft|true|false|field|file|jpg|jpeg|png|caption|macOS|Unicode|Windows|T\d\d|LY)\b|\{\w+\}/g;
  for (const code of problemCodes) {
    const text = problemMessage({ code, field: 'x', params: {} }, 'ar');
    expect(text.replace(typed, '').match(/[A-Za-z]{2,}/g), `${code}: ${text}`).toBeNull();
  }
});
