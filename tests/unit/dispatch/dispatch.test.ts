import { describe, expect, it } from 'vitest';
import { withDateline } from '#src/render/body-html.ts';
import type { DispatchRecord } from '#src/dispatch/record.ts';
import { dateline, findDuplicateUrls, isPublished, newestFirst, oldestFirst } from '#src/dispatch/dispatch.ts';
import { formatProblem, problemMessage } from '#src/dispatch/problems.ts';
import { cityRegistry, sourceRegistry } from '#src/dispatch/registries.ts';
import { makeDispatch } from '../../helpers/dispatch.ts';

const now = new Date('2026-01-01T00:00:00Z');

const make = (data: Partial<DispatchRecord>, id = 'x') => makeDispatch(id, '2025-12-01T08:30:00Z', { summary: 'ملخص', ...data }, now);

describe('dateline', () => {
  it.each([
    ['tripoli', 'lana', '2025-12-01T08:30:00Z', 'طرابلس 01 ديسمبر 2025 (وال) -'],
    ['benghazi', 'lana', '2025-12-31T23:30:00Z', 'بنغازي 01 يناير 2026 (وال) -'],
    ['tunis', 'tap', '2024-03-09T22:15:00Z', 'تونس 10 مارس 2024 (وات) -'],
  ])('%s / %s at %s → %s', (city, source, iso, expected) => {
    const d = make({ city, source, date: new Date(iso) });
    expect(d.city).toBe(cityRegistry.get(city));
    expect(d.source).toBe(sourceRegistry.get(source));
    expect(dateline(d)).toBe(expected);
  });
});

describe('toDispatch', () => {
  it('derives the URL from the Tripoli date and the slug', () => {
    expect(make({ date: new Date('2025-12-31T23:30:00Z') }, 'رأس-السنة').url).toBe('/2026/01/01/رأس-السنة/');
  });

  it('turns tags into slugs', () => {
    expect(make({ tags: ['الاقتصاد الليبي', 'النفط'] }).tags).toEqual([
      { name: 'الاقتصاد الليبي', slug: 'الاقتصاد-الليبي' },
      { name: 'النفط', slug: 'النفط' },
    ]);
  });

  it('marks dispatches dated after now as embargoed', () => {
    expect(make({ date: new Date('2026-01-01T00:00:01Z') }).embargoed).toBe(true);
    expect(make({ date: new Date('2025-12-31T23:59:59Z') }).embargoed).toBe(false);
  });
});

describe('isPublished', () => {
  it.each([
    [{}, false, true],
    [{ draft: true }, false, false],
    [{ date: new Date('2030-01-01T00:00:00Z') }, false, false],
    [{ draft: true }, true, true],
    [{ date: new Date('2030-01-01T00:00:00Z') }, true, true],
  ])('%o preview=%s → %s', (data, preview, expected) => {
    expect(isPublished(make(data), preview)).toBe(expected);
  });
});

it('sorts oldest first (listings number their pages from the oldest), newest first the other way, ties by id', () => {
  const a = make({ date: new Date('2025-01-01T00:00:00Z') }, 'a');
  const b = make({ date: new Date('2025-06-01T00:00:00Z') }, 'b');
  const c = make({ date: new Date('2025-06-01T00:00:00Z') }, 'c');
  expect([c, a, b].sort(oldestFirst).map((d) => d.id)).toEqual(['a', 'b', 'c']);
  expect([a, c, b].sort(newestFirst).map((d) => d.id)).toEqual(['c', 'b', 'a']);
});

describe('findDuplicateUrls', () => {
  it('reports a second dispatch with the same slug on the same Tripoli day', () => {
    const problems = findDuplicateUrls([
      { file: 'a.md', line: 1, slug: 'x', date: new Date('2025-12-01T08:00:00Z') },
      // 23:30 UTC on 30 Nov is 1 Dec in Tripoli: same day, same URL.
      { file: 'b.md', line: 7, slug: 'x', date: new Date('2025-11-30T23:30:00Z') },
      { file: 'c.md', line: 1, slug: 'x', date: new Date('2025-12-02T08:00:00Z') },
    ]);
    expect(problems.map((p) => formatProblem(p))).toEqual([
      'b.md:7: slug: «x» is already used on the same day by a.md (both would be /2025/12/01/x/); rename this file or set a different slug',
    ]);
    expect(problemMessage(problems[0], 'ar')).toBe(
      '«x» مستخدم في اليوم نفسه في a.md (فيكون لهما الرابط نفسه /2025/12/01/x/)؛ غيّر اسم الملف أو اختر slug آخر',
    );
  });
});

describe('withDateline', () => {
  it('opens the first paragraph with the dateline, wire style', () => {
    expect(withDateline('<p>أكد الوزير</p>\n<p>ثانية</p>', '<b>د</b>')).toBe('<p><b>د</b> أكد الوزير</p>\n<p>ثانية</p>');
  });

  it('gives the dateline its own paragraph when the body opens otherwise', () => {
    expect(withDateline('<h2>عنوان</h2>', 'د')).toBe('<p>د</p>\n<h2>عنوان</h2>');
  });
});
