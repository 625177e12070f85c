/** The front-matter schema (src/dispatch/schema.ts): what it makes of good fields, and the problem each bad one gives. */
import { describe, expect, it } from 'vitest';
import { dispatchFields, dispatchSchema, problemOf } from '#src/dispatch/schema.ts';

const good = { title: 'ميناء طرابلس يبدأ توسعة رصيف الحاويات', date: '2025-12-01T10:30', city: 'طرابلس', category: 'اقتصاد' };

/** Each issue's path and problem code. */
function problems(data: Record<string, unknown>) {
  const result = dispatchSchema.safeParse(data);
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => [issue.path.join('.'), problemOf(issue)?.code]);
}

describe('the schema', () => {
  it('stores registry slugs, the default source, and a date with its Tripoli offset', () => {
    const data = dispatchSchema.parse(good);
    expect(data).toMatchObject({
      city: 'tripoli',
      category: 'economy',
      source: 'lana',
      tags: [],
      corrections: [],
      draft: false,
      dateOnly: false,
    });
    expect(data.date.toISOString()).toBe('2025-12-01T08:30:00.000Z');
    expect(data.updated).toBeUndefined();
  });

  it('reads a day without a time as the day alone', () => {
    const data = dispatchSchema.parse({ ...good, date: '2025-12-01' });
    expect([data.dateOnly, data.date.toISOString()]).toEqual([true, '2025-11-30T22:00:00.000Z']);
  });

  it('keeps one tag per URL, named by its first spelling, and cleans text', () => {
    const data = dispatchSchema.parse({ ...good, title: '  عنوان\u200f  ', tags: ['الموانئ', 'الموانـئ', 'التجارة'] });
    expect(data.tags).toEqual(['الموانئ', 'التجارة']);
    expect(data.title).toBe('عنوان\u200f');
  });

  it('takes the latest correction as the last update, whether or not `updated` says so', () => {
    const data = dispatchSchema.parse({
      ...good,
      updated: '2025-12-02T09:00',
      corrections: [{ date: '2025-12-03T11:00', note: 'صححت نسبة التخفيض.' }],
    });
    expect(data.updated?.toISOString()).toBe('2025-12-03T09:00:00.000Z');
  });

  it('names each bad field by its problem code', () => {
    expect(problems({ ...good, city: 'طرابلش' })).toEqual([['city', 'registry.unknown']]);
    expect(problems({ ...good, date: '01/12/2025' })).toEqual([['date', 'date.invalid']]);
    expect(problems({ ...good, title: '   ' })).toEqual([['title', 'text.empty']]);
    expect(problems({ ...good, image: 'a.jpg' })).toEqual([['imageAlt', 'image.altMissing']]);
    expect(problems({ ...good, imageCaption: 'تعليق' })).toEqual([['imageCaption', 'image.withoutImage']]);
    expect(problems({ ...good, updated: '2025-11-30T10:00' })).toEqual([['updated', 'updated.beforeDate']]);
    expect(problems({ ...good, slug: 'Port Upgrade' })).toEqual([['slug', 'slug.invalid']]);
    expect(problems({ ...good, withdrawn: { date: '2025-11-01T10:00', reason: 'خطأ' } })).toEqual([
      ['withdrawn.date', 'withdrawn.beforeDate'],
    ]);
  });

  it('allows an update on the day of a dispatch dated by its day alone', () => {
    expect(dispatchSchema.safeParse({ ...good, date: '2025-12-01', updated: '2025-12-01' }).success).toBe(true);
  });

  it('lists its fields for "did you mean" on an unknown one', () => {
    expect(dispatchFields).toEqual(expect.arrayContaining(['title', 'date', 'city', 'category', 'imageAlt', 'withdrawn']));
  });
});
