import { describe, expect, it } from 'vitest';
import { pathMonth, planShards, shardManifest } from '#src/search/shards.ts';

const url = (year: number, month: number, n: number) => `/${year}/${String(month).padStart(2, '0')}/01/d-${n}/`;

describe('planShards: the index split by date', () => {
  const byYear = { min: 1, max: 10_000 };
  const summary = (shards: ReturnType<typeof planShards>) => shards.map((s) => [s.key, s.label, s.since, s.from, s.to, s.urls.length]);

  it('with a minimum of one, puts each year in a shard, newest first, pages sorted', () => {
    const shards = planShards([url(2024, 3, 1), url(2025, 12, 2), url(2025, 1, 3), url(2023, 7, 4)], byYear);
    expect(shards.map((s) => [s.key, s.label, s.urls])).toEqual([
      ['2025', '2025', [url(2025, 1, 3), url(2025, 12, 2)]],
      ['2024', '2024', [url(2024, 3, 1)]],
      ['2023', '2023', [url(2023, 7, 4)]],
    ]);
  });

  it('groups years from the oldest until a shard holds the minimum; the newest shard may hold less', () => {
    const urls = [2015, 2016, 2016, 2017, 2018, 2018, 2018, 2019].map((year, i) => url(year, 6, i));
    expect(summary(planShards(urls, { min: 3, max: 10 }))).toEqual([
      ['2019', '2019', '2019', '2019', '2019', 1],
      ['2017-2018', '2017–2018', '2017', '2017', '2018', 4],
      ['2015-2016', '2015–2016', '2015', '2015', '2016', 3],
    ]);
  });

  it('keeps older shards as they were when newer dispatches arrive', () => {
    const before = [2015, 2016, 2016, 2017, 2018].map((year, i) => url(year, 6, i));
    const after = [...before, url(2018, 9, 90), url(2019, 1, 91), url(2019, 2, 92)];
    const size = { min: 3, max: 10 };
    const older = (shards: ReturnType<typeof planShards>) => shards.filter((s) => s.to < '2018');
    expect(older(planShards(after, size))).toEqual(older(planShards(before, size)));
  });

  it('splits a year holding more dispatches than a shard should into runs of months', () => {
    const urls = [
      url(2023, 4, 8),
      ...Array.from({ length: 3 }, (_, i) => url(2025, 1, i)),
      ...Array.from({ length: 2 }, (_, i) => url(2025, 11, i)),
      url(2024, 5, 9),
    ];
    expect(summary(planShards(urls, { min: 3, max: 4 }))).toEqual([
      ['2025-11', 'نوفمبر 2025', 'نوفمبر 2025', '2025', '2025', 2],
      ['2025-01', 'يناير 2025', 'يناير 2025', '2025', '2025', 3],
      ['2023-2024', '2023–2024', '2023', '2023', '2024', 2],
    ]);
  });

  it('splits a month holding more than a shard should into runs of days', () => {
    const day = (d: number, n: number) => `/2025/03/${String(d).padStart(2, '0')}/d-${n}/`;
    const urls = [
      ...Array.from({ length: 3 }, (_, n) => day(1, n)),
      ...Array.from({ length: 2 }, (_, n) => day(7, n)),
      day(20, 9),
      url(2025, 1, 1),
    ];
    expect(summary(planShards(urls, { min: 3, max: 4 }))).toEqual([
      ['2025-03-07-2025-03-20', '7–20 مارس 2025', '7 مارس 2025', '2025', '2025', 3],
      ['2025-03-01', '1 مارس 2025', '1 مارس 2025', '2025', '2025', 3],
      ['2025-01', 'يناير 2025', 'يناير 2025', '2025', '2025', 1],
    ]);
  });

  it('groups the months of a split year until a shard is full, and never across years', () => {
    // 120 a month in 2024 and 2025 (split: over 1,000), 30 a month in 2023 and 2026.
    const urls = [2023, 2024, 2025, 2026].flatMap((year) =>
      Array.from({ length: year === 2026 ? 5 : 12 }, (_, m) =>
        Array.from({ length: year === 2024 || year === 2025 ? 120 : 30 }, (_, d) => url(year, m + 1, d)),
      ).flat(),
    );
    const shards = planShards(urls, { min: 500, max: 1000 });
    expect(summary(shards).map(([key, label, since, , , pages]) => [key, label, since, pages])).toEqual([
      ['2026', '2026', '2026', 150],
      ['2025-11-2025-12', 'نوفمبر–ديسمبر 2025', 'نوفمبر 2025', 240],
      ['2025-06-2025-10', 'يونيو–أكتوبر 2025', 'يونيو 2025', 600],
      ['2025-01-2025-05', 'يناير–مايو 2025', 'يناير 2025', 600],
      ['2024-11-2024-12', 'نوفمبر–ديسمبر 2024', 'نوفمبر 2024', 240],
      ['2024-06-2024-10', 'يونيو–أكتوبر 2024', 'يونيو 2024', 600],
      ['2024-01-2024-05', 'يناير–مايو 2024', 'يناير 2024', 600],
      ['2023', '2023', '2023', 360],
    ]);
    expect(shards.flatMap((s) => s.urls).sort()).toEqual([...urls].sort());
    expect(shards.every((s) => s.urls.every((u) => s.from <= u.slice(1, 5) && u.slice(1, 5) <= s.to))).toBe(true);
    // Before December 2025's dispatches arrived, the older runs were the same.
    const before = planShards(
      urls.filter((u) => !u.startsWith('/2025/12/') && !u.startsWith('/2026/')),
      { min: 500, max: 1000 },
    );
    expect(before.slice(1)).toEqual(shards.slice(2));
  });

  it('never grows a shard past the maximum: a small year before a full one stays apart', () => {
    const many = (year: number, count: number) => Array.from({ length: count }, (_, i) => url(year, 1 + (i % 12), i));
    // 2024 alone is under the minimum; with 2025 (exactly at the maximum, so not split) it would hold 1,399.
    const shards = planShards([...many(2024, 399), ...many(2025, 1000), ...many(2026, 30)], { min: 500, max: 1000 });
    expect(summary(shards).map(([key, , , , , pages]) => [key, pages])).toEqual([
      ['2026', 30],
      ['2025', 1000],
      ['2024', 399],
    ]);
    expect(Math.max(...shards.map((s) => s.urls.length))).toBeLessThanOrEqual(1000);
  });

  it('does not depend on the order pages are found in', () => {
    const urls = [url(2025, 2, 1), url(2025, 2, 2), url(2026, 1, 3)];
    expect(planShards([...urls].reverse(), byYear)).toEqual(planShards(urls, byYear));
  });

  it('refuses a path that is not a dispatch page', () => {
    expect(pathMonth('/archive/2025/12/')).toBeUndefined();
    expect(pathMonth('/2025/12/01/port/')).toEqual({ year: '2025', month: '12', day: '01' });
    expect(() => planShards(['/search/'], byYear)).toThrow('Not a dispatch page path: /search/');
  });

  it('lists shards for the browser with their bundle paths', () => {
    expect(shardManifest(planShards([url(2025, 1, 1)], byYear), '/pagefind/')).toEqual({
      shards: [{ key: '2025', path: '/pagefind/2025/', label: '2025', since: '2025', from: '2025', to: '2025', pages: 1 }],
    });
  });
});
