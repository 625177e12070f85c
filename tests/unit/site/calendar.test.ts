import { describe, expect, it } from 'vitest';
import { planRoutes } from '#src/build/plan.ts';
import { calendar, daysOf, groupBy, monthsOf, monthWeeks, withNeighbours } from '#src/site/calendar.ts';
import { newestFirst } from '#src/dispatch/dispatch.ts';
import { buildSite } from '#src/site/model.ts';
import { archiveDayEntries, archiveMonthEntries, archiveYearEntries } from '#src/site/routes/indexes.ts';
import { makeDispatch, makeRecord } from '../../helpers/dispatch.ts';

const make = (id: string, iso: string, extra: { tags?: string[] } = {}) => makeDispatch(id, iso, extra);

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

describe('withNeighbours', () => {
  it('gives each item of a newest-first list the next older and the next newer', () => {
    expect(withNeighbours(['c', 'b', 'a'])).toEqual([
      { item: 'c', older: 'b', newer: undefined },
      { item: 'b', older: 'a', newer: 'c' },
      { item: 'a', older: undefined, newer: 'b' },
    ]);
    expect(withNeighbours(['a'])).toEqual([{ item: 'a', older: undefined, newer: undefined }]);
    expect(withNeighbours([])).toEqual([]);
  });
});

describe('monthsOf and daysOf', () => {
  it('list the months and days with dispatches newest first, across years', () => {
    const years = calendar(
      [
        make('a', '2026-01-02T08:00:00Z'),
        make('b', '2025-12-01T10:00:00Z'),
        make('c', '2025-12-01T08:00:00Z'),
        make('d', '2024-03-10T08:00:00Z'),
      ].sort(newestFirst),
    );
    expect(monthsOf(years).map((m) => `${m.year}-${m.month.month}`)).toEqual(['2026-01', '2025-12', '2024-03']);
    expect(daysOf(years).map((d) => [`${d.year}-${d.month}-${d.day.day}`, d.day.dispatches.length])).toEqual([
      ['2026-01-02', 1],
      ['2025-12-01', 2],
      ['2024-03-10', 1],
    ]);
  });
});

describe('monthWeeks', () => {
  const days = (weeks: ReturnType<typeof monthWeeks>) => weeks.map((week) => week.map((cell) => cell && Number(cell.day)));

  it.each([
    // 1 December 2025 is a Monday: the Saturday and Sunday before it are November's; the 31st a Wednesday.
    ['2025', '12', 5, [null, null, 1, 2, 3, 4, 5], [27, 28, 29, 30, 31, null, null]],
    // 1 February 2025 is a Saturday: four whole weeks.
    ['2025', '02', 4, [1, 2, 3, 4, 5, 6, 7], [22, 23, 24, 25, 26, 27, 28]],
    // 1 March 2024 is a Friday, the last column.
    ['2024', '03', 6, [null, null, null, null, null, null, 1], [30, 31, null, null, null, null, null]],
    // A leap year's February.
    ['2024', '02', 5, [null, null, null, null, null, 1, 2], [24, 25, 26, 27, 28, 29, null]],
  ])('%s-%s: %i weeks from Saturday', (year, month, count, first, last) => {
    const weeks = monthWeeks(year, month, new Map());
    expect(weeks).toHaveLength(count);
    for (const week of weeks) expect(week).toHaveLength(7);
    expect(days(weeks)[0]).toEqual(first);
    expect(days(weeks).at(-1)).toEqual(last);
  });

  it('counts the days with dispatches and gives the others 0', () => {
    const cells = monthWeeks(
      '2025',
      '12',
      new Map([
        ['01', 2],
        ['31', 1],
      ]),
    )
      .flat()
      .filter((cell) => cell !== null);
    expect(cells).toHaveLength(31);
    expect(cells.filter((cell) => cell.count > 0)).toEqual([
      { day: '01', count: 2 },
      { day: '31', count: 1 },
    ]);
  });
});

describe('archive pages', () => {
  const now = new Date('2030-01-01T00:00:00Z');
  const records = [
    makeRecord('a', '2024-03-10T08:00:00Z'),
    makeRecord('b', '2025-11-30T08:00:00Z'),
    makeRecord('c', '2025-12-01T13:00:00Z'),
    makeRecord('d', '2025-12-01T08:30:00Z'),
    makeRecord('e', '2025-12-31T23:30:00Z'), // 1 January 2026 in Tripoli
  ];
  const site = buildSite({ records, now, preview: false });

  it('link a year to the years either side that have dispatches', () => {
    expect(archiveYearEntries(site).map(({ path, view }) => [path, view.older?.href, view.newer?.href])).toEqual([
      ['/archive/2026/', '/archive/2025/', undefined],
      ['/archive/2025/', '/archive/2024/', '/archive/2026/'],
      ['/archive/2024/', undefined, '/archive/2025/'],
    ]);
    expect(archiveYearEntries(site)[1].view.older).toEqual({ name: '2024', href: '/archive/2024/' });
  });

  it('link a month to the months either side that have dispatches, across years', () => {
    const months = archiveMonthEntries(site);
    expect(months.map(({ path, view }) => [path, view.older?.name, view.newer?.name])).toEqual([
      ['/archive/2026/01/', 'ديسمبر 2025', undefined],
      ['/archive/2025/12/', 'نوفمبر 2025', 'يناير 2026'],
      ['/archive/2025/11/', 'مارس 2024', 'ديسمبر 2025'],
      ['/archive/2024/03/', undefined, 'نوفمبر 2025'],
    ]);
    expect(months[2].view.older?.href).toBe('/archive/2024/03/');
    // Days and their dispatches oldest first.
    expect(months[1].view.days.map((d) => [d.day, d.dispatches.map((x) => x.id)])).toEqual([['01', ['d', 'c']]]);
  });

  it('give every day with dispatches a page, in time order, linked to the days either side', () => {
    const days = archiveDayEntries(site);
    expect(days.map(({ path, params }) => [path, params])).toEqual([
      ['/archive/2026/01/01/', { year: '2026', month: '01', day: '01' }],
      ['/archive/2025/12/01/', { year: '2025', month: '12', day: '01' }],
      ['/archive/2025/11/30/', { year: '2025', month: '11', day: '30' }],
      ['/archive/2024/03/10/', { year: '2024', month: '03', day: '10' }],
    ]);
    const december = days[1].view;
    expect(december.dispatches.map((d) => d.id)).toEqual(['d', 'c']);
    expect(december.older).toEqual({ name: '30 نوفمبر 2025', href: '/archive/2025/11/30/' });
    expect(december.newer).toEqual({ name: '01 يناير 2026', href: '/archive/2026/01/01/' });
  });

  it('render a day again when its neighbours change, not when a neighbour gains a dispatch', () => {
    const planned = (more: typeof records) => {
      const previous = planRoutes(buildSite({ records, now, preview: false })).keys;
      const plan = planRoutes(buildSite({ records: [...records, ...more], now, preview: false }), previous);
      return plan.render.filter((r) => r.route.startsWith('archive-')).map((r) => `${r.route} ${r.path}`);
    };
    expect(planned([makeRecord('f', '2025-11-30T09:00:00Z')]).sort()).toEqual([
      'archive-day /archive/2025/11/30/',
      'archive-index /archive/',
      'archive-month /archive/2025/11/',
      'archive-year /archive/2025/',
    ]);
    expect(planned([makeRecord('g', '2025-11-20T09:00:00Z')]).sort()).toEqual([
      'archive-day /archive/2024/03/10/',
      'archive-day /archive/2025/11/20/',
      'archive-day /archive/2025/11/30/',
      'archive-index /archive/',
      'archive-month /archive/2025/11/',
      'archive-year /archive/2025/',
    ]);
  });
});
