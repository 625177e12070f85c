/** The front page's model (src/site/front.ts): its lead story, latest news, sections and times. */
import { describe, expect, it } from 'vitest';
import type { PhotoFile } from '#src/dispatch/record.ts';
import type { Dispatch } from '#src/dispatch/dispatch.ts';
import { dayKey } from '#src/dispatch/dates.ts';
import { categorySections, frontView, itemWhen, leadStory } from '#src/site/front.ts';
import { makeDispatch } from '../../helpers/dispatch.ts';

const photo: PhotoFile = {
  file: 'content/images/a.jpg',
  name: 'a.jpg',
  digest: 'ab'.repeat(32),
  hash: 'h',
  width: 1600,
  height: 1000,
  format: 'jpeg',
};
const withPhoto = (id: string, iso: string, category = 'economy') => makeDispatch(id, iso, { category, image: { photo, alt: 'وصف' } });
const plain = (id: string, iso: string, category = 'economy') => makeDispatch(id, iso, { category });
const ids = (list: readonly Dispatch[]) => list.map((d) => d.id);

describe('the lead story', () => {
  it('is the newest dispatch with a photo from the last two days before the newest one', () => {
    const newestFirst = [
      plain('c', '2025-12-03T09:00:00Z'),
      withPhoto('b', '2025-12-02T08:00:00Z'),
      withPhoto('a', '2025-12-01T20:00:00Z'),
    ];
    expect(leadStory(newestFirst)?.id).toBe('b');
  });

  it('is the newest one when no photo is that recent, and nothing for an empty archive', () => {
    const newestFirst = [plain('c', '2025-12-05T09:00:00Z'), withPhoto('b', '2025-12-03T08:59:00Z')];
    expect(leadStory(newestFirst)?.id).toBe('c');
    expect(leadStory(newestFirst, 49)?.id).toBe('b');
    expect(leadStory([])).toBeUndefined();
  });
});

describe('the sections', () => {
  const group = (slug: string, name: string, oldestFirst: Dispatch[]) => ({
    slug,
    name,
    href: `/category/${slug}/`,
    dispatches: oldestFirst,
  });

  it('follow the registry’s order, each with its newest few, newest first, without the lead or withdrawn ones', () => {
    const lead = plain('e4', '2025-12-04T00:00:00Z');
    const withdrawn = makeDispatch('e3', '2025-12-03T00:00:00Z', { withdrawn: { date: new Date('2025-12-05T00:00:00Z'), reason: 'خطأ' } });
    const economy = group('economy', 'اقتصاد', [plain('e1', '2025-12-01T00:00:00Z'), plain('e2', '2025-12-02T00:00:00Z'), withdrawn, lead]);
    const politics = group('politics', 'سياسة', [plain('p1', '2025-11-01T00:00:00Z', 'politics')]);
    const onlyWithdrawn = group('sports', 'رياضة', [withdrawn]);
    const sections = categorySections([economy, onlyWithdrawn, politics], lead, 4);
    expect(sections.map((s) => [s.name, s.href, ids(s.dispatches)])).toEqual([
      ['سياسة', '/category/politics/', ['p1']],
      ['اقتصاد', '/category/economy/', ['e2', 'e1']],
    ]);
    expect(ids(categorySections([economy], plain('x', '2025-12-06T00:00:00Z'), 1)[0].dispatches)).toEqual(['e4']);
  });
});

describe('the front page', () => {
  it('leads with one story and lists the latest after it, with the listing’s older page', () => {
    const live = [plain('c', '2025-12-03T09:00:00Z'), withPhoto('b', '2025-12-03T08:00:00Z'), plain('a', '2025-12-02T20:00:00Z')];
    const view = frontView({ live, categories: [], latestCount: 2, sectionSize: 4, olderUrl: '/page/3/' })!;
    expect([view.lead.id, ids(view.latest), view.today, view.todayLabel, view.olderUrl]).toEqual([
      'b',
      ['c'],
      '2025-12-03',
      '03 ديسمبر 2025',
      '/page/3/',
    ]);
    // The photo with its description, which the page's key must cover.
    expect(view.leadPhoto).toEqual({ src: photo, alt: 'وصف', credit: 'وكالة الأنباء الليبية' });
    expect(frontView({ live: [], categories: [], latestCount: 2, sectionSize: 4 })).toBeUndefined();
  });
});

describe('times on items', () => {
  it('are the time of day on the newest day, newsroom time, and the date before it', () => {
    // 23:30 UTC on the 2nd is 01:30 on the 3rd in Tripoli.
    const late = plain('a', '2025-12-02T23:30:00Z');
    expect(dayKey(late.date)).toBe('2025-12-03');
    expect(itemWhen(late, '2025-12-03')).toEqual({ text: '01:30', datetime: '2025-12-03T01:30:00+02:00' });
    expect(itemWhen(late, '2025-12-04')).toEqual({ text: '03 ديسمبر 2025', datetime: '2025-12-03T01:30:00+02:00' });
  });

  it('are the date alone for a dispatch dated without a time, whatever its day', () => {
    const dayOnly = makeDispatch('a', '2025-12-02T22:00:00Z', { dateOnly: true });
    expect(itemWhen(dayOnly, '2025-12-03')).toEqual({ text: '03 ديسمبر 2025', datetime: '2025-12-03' });
  });
});
