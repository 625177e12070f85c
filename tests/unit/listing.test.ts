import { describe, expect, it } from 'vitest';
import { calendar, groupBy } from '../../src/lib/archive.ts';
import { newestFirst } from '../../src/lib/dispatch.ts';
import { pageWindow, paginate } from '../../src/lib/pagination.ts';
import { relatedIndex } from '../../src/lib/related.ts';
import { leadText, summarize } from '../../src/lib/summary.ts';
import { countDispatches, t } from '../../src/i18n/ar.ts';
import { makeDispatch } from '../helpers/dispatch.ts';

const make = (id: string, iso: string, extra: { city?: string; category?: string; tags?: string[] } = {}) =>
  makeDispatch(id, iso, extra);

describe('paginate', () => {
  const items = Array.from({ length: 45 }, (_, i) => i);

  it('puts page 1 at the base and the rest under page/n/', () => {
    const pages = paginate(items, 20, '/city/tripoli/');
    expect(pages.map((p) => [p.url, p.items.length])).toEqual([
      ['/city/tripoli/', 20],
      ['/city/tripoli/page/2/', 20],
      ['/city/tripoli/page/3/', 5],
    ]);
    expect(pages[1]).toMatchObject({ previousUrl: '/city/tripoli/', nextUrl: '/city/tripoli/page/3/', total: 3 });
    expect(pages[0].previousUrl).toBeUndefined();
    expect(pages[2].nextUrl).toBeUndefined();
  });

  it('gives an empty listing one page', () => {
    expect(paginate([], 20, '/')).toMatchObject([{ url: '/', items: [], total: 1 }]);
  });
});

describe('pageWindow', () => {
  it.each([
    [1, 1, [1]],
    [1, 5, [1, 2, 3, null, 5]],
    [5, 10, [1, null, 3, 4, 5, 6, 7, null, 10]],
    [10, 10, [1, null, 8, 9, 10]],
  ])('page %i of %i', (current, total, expected) => {
    expect(pageWindow(current, total)).toEqual(expected);
  });
});

describe('calendar', () => {
  it('groups newest-first dispatches by Tripoli year, month and day with counts', () => {
    const dispatches = [
      make('a', '2025-12-31T23:30:00Z'), // 2026-01-01 in Tripoli
      make('b', '2025-12-01T10:00:00Z'),
      make('c', '2025-12-01T08:00:00Z'),
      make('d', '2025-11-15T08:00:00Z'),
      make('e', '2024-03-10T08:00:00Z'),
    ].sort(newestFirst);
    const years = calendar(dispatches);
    expect(years.map((y) => [y.year, y.count])).toEqual([
      ['2026', 1],
      ['2025', 3],
      ['2024', 1],
    ]);
    expect(years[1].months.map((m) => [m.month, m.count, m.days.map((d) => d.day)])).toEqual([
      ['12', 2, ['01']],
      ['11', 1, ['15']],
    ]);
    expect(years[1].months[0].days[0].dispatches.map((d) => d.id)).toEqual(['b', 'c']);
  });
});

describe('groupBy', () => {
  it('keeps each group newest first and groups ordered by first appearance', () => {
    const list = [
      make('a', '2025-03-01T00:00:00Z', { tags: ['النفط'] }),
      make('b', '2025-02-01T00:00:00Z', { tags: ['الموانئ', 'النفط'] }),
    ];
    const groups = groupBy(list, (d) => d.tags.map((t) => t.slug));
    expect(groups.map((g) => [g.key, g.dispatches.map((d) => d.id)])).toEqual([
      ['النفط', ['a', 'b']],
      ['الموانئ', ['b']],
    ]);
  });
});

describe('relatedIndex', () => {
  const list = [
    make('oil-1', '2025-06-10T00:00:00Z', { tags: ['النفط', 'الموانئ'], city: 'benghazi' }),
    make('oil-2', '2025-06-09T00:00:00Z', { tags: ['النفط', 'الموانئ'], city: 'sebha', category: 'politics' }),
    make('oil-3', '2025-01-01T00:00:00Z', { tags: ['النفط'], category: 'politics', city: 'sebha' }),
    make('same-city', '2025-06-08T00:00:00Z', { city: 'benghazi', category: 'sports' }),
    make('unrelated', '2025-06-11T00:00:00Z', { city: 'tobruk', category: 'sports' }),
  ].sort(newestFirst);
  const related = relatedIndex(list, 3);

  it('ranks shared tags, then category, then city; never the dispatch itself or strangers', () => {
    const oil1 = list.find((d) => d.id === 'oil-1')!;
    expect(related(oil1).map((d) => d.id)).toEqual(['oil-2', 'oil-3', 'same-city']);
  });

  it('returns nothing for a dispatch that shares nothing', () => {
    expect(related(list.find((d) => d.id === 'unrelated')!).map((d) => d.id)).toEqual(['same-city']);
  });
});

describe('leadText', () => {
  it.each([
    ['<h2>عنوان</h2>\n<p>نص <strong>مهم</strong> و<a href="/x/">رابط</a> هنا.</p><p>ثانية</p>', 'نص مهم ورابط هنا.'],
    ['<ul><li>بند</li></ul>', ''],
    ['', ''],
  ])('%j', (html, expected) => {
    expect(leadText(html)).toBe(expected);
  });
});

describe('summarize', () => {
  it.each([
    ['أكد الوزير أهمية الخطة. وأضاف أن التنفيذ يبدأ غدا. وختم بكلمة أخرى طويلة جدا جدا لا تدخل في الملخص لأن الطول كاف.', 'أكد الوزير أهمية الخطة. وأضاف أن التنفيذ يبدأ غدا. وختم بكلمة أخرى طويلة جدا جدا لا تدخل في الملخص لأن الطول كاف.'],
    ['جملة أولى طويلة بما يكفي لتكون ملخصا وحدها فهي تتجاوز تسعين حرفا بفضل هذه الكلمات الكثيرة هنا. جملة ثانية.', 'جملة أولى طويلة بما يكفي لتكون ملخصا وحدها فهي تتجاوز تسعين حرفا بفضل هذه الكلمات الكثيرة هنا.'],
    ['هل تبدأ الخطة غدا؟ نعم.', 'هل تبدأ الخطة غدا؟ نعم.'],
    ['', ''],
  ])('%j', (text, expected) => {
    expect(summarize(text)).toBe(expected);
  });

  it('cuts an over-long first sentence at a word, with an ellipsis', () => {
    const long = 'كلمة '.repeat(100).trim();
    const summary = summarize(long, 90, 50);
    expect(summary.endsWith('…')).toBe(true);
    expect(summary.length).toBeLessThanOrEqual(51);
    expect(summary).not.toMatch(/\s…$/);
  });
});

describe('Arabic UI strings', () => {
  it('fills placeholders in Arabic word order', () => {
    expect(t('pagination.status', { page: 2, pages: 5 })).toBe('الصفحة 2 من 5');
  });

  it.each([
    [1, 'خبر واحد'],
    [2, 'خبران'],
    [3, '3 أخبار'],
    [10, '10 أخبار'],
    [11, '11 خبرًا'],
    [99, '99 خبرًا'],
    [100, '100 خبر'],
    [102, '102 خبر'],
  ])('%i → %s', (n, label) => {
    expect(countDispatches(n)).toBe(label);
  });
});
