import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/problems.ts';
import { parseWire } from '../../src/lib/wire.ts';

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '../fixtures/wire', name), 'utf8');

describe('parseWire on the variants real wires use', () => {
  it.each([
    // file, city, source, date (Tripoli midnight in UTC), paragraphs, first words of the lead
    ['standard.txt', 'tripoli', 'lana', '2025-11-30T22:00:00.000Z', 3, 'افتتحت بلدية طرابلس'],
    ['comma-endash.txt', 'benghazi', 'lana', '2024-03-13T22:00:00.000Z', 2, 'انطلق في بنغازي'],
    ['indic-colon.txt', 'sebha', 'lana', '2025-06-02T22:00:00.000Z', 2, 'أعلنت جامعة سبها'],
    ['levant-month.txt', 'zawiya', 'lana', '2026-01-06T22:00:00.000Z', 2, 'استأنفت مصفاة الزاوية'],
    ['maghreb-month.txt', 'tunis', 'tap', '2024-01-11T22:00:00.000Z', 2, 'عقدت اللجنة التونسية'],
    ['latin.txt', 'tripoli', 'lana', '2016-11-09T22:00:00.000Z', 2, 'وصلت إلى مستشفى'],
  ])('%s', (file, city, source, iso, count, lead) => {
    const result = parseWire(fixture(file), file);
    expect(result.ok, JSON.stringify(!result.ok && result.problems)).toBe(true);
    if (!result.ok) return;
    const { dispatch } = result;
    expect(dispatch).toMatchObject({ city, source });
    expect(dispatch.date.toISOString()).toBe(iso);
    expect(dispatch.paragraphs).toHaveLength(count);
    expect(dispatch.paragraphs[0].startsWith(lead)).toBe(true);
    for (const p of dispatch.paragraphs) {
      expect(p).not.toMatch(/\(\s*(وال|وات)\s*\)|Lana|آخر الأخبار|نشر بتاريخ/);
    }
  });

  it('removes only a source marker at the end, not other brackets', () => {
    const wire = (end: string) => parseWire(`عنوان\nطرابلس 01 ديسمبر 2025 (وال) - نص.\nوقالت منظمة الطفولة ${end}`, 'x.txt');
    const last = (end: string) => {
      const result = wire(end);
      return result.ok ? result.dispatch.paragraphs.at(-1) : undefined;
    };
    expect(last('(يونيسف)')).toBe('وقالت منظمة الطفولة (يونيسف)');
    expect(last('كلاما (وال)')).toBe('وقالت منظمة الطفولة كلاما');
    expect(last('كلاما ...( وات ) ...')).toBe('وقالت منظمة الطفولة كلاما');
  });

  it('keeps the headline without site chrome or a final full stop', () => {
    const result = parseWire(fixture('standard.txt'), 'standard.txt');
    expect(result.ok && result.dispatch.title).toBe('بلدية طرابلس تفتتح ثلاث حدائق عامة جديدة في أحياء المدينة');
  });

  it.each([
    [
      'no-dateline.txt',
      'no-dateline.txt:3: dateline: no dateline found: the first paragraph must open with «city day month year (source) -», e.g. «طرابلس 01 ديسمبر 2025 (وال) -»',
    ],
    ['bad-month.txt', 'bad-month.txt:5: date: «برومير» is not a month name'],
    [
      'unknown-city.txt',
      'unknown-city.txt:3: city: «طرابلش» is not a known city. Did you mean «طرابلس»? (cities are listed in content/cities.json)',
    ],
    ['chrome-only.txt', 'chrome-only.txt:1: title: no headline found: the file has no text'],
  ])('reports %s with its line', (file, message) => {
    const result = parseWire(fixture(file), file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => formatProblem(p))).toEqual([message]);
  });
});
