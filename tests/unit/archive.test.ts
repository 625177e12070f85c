import { describe, expect, it } from 'vitest';
import { calendar, groupBy } from '../../src/lib/archive.ts';
import { newestFirst } from '../../src/lib/dispatch.ts';
import { makeDispatch } from '../helpers/dispatch.ts';

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
