/**
 * Groupings of the published dispatches that listing pages need: by city,
 * category, tag and calendar date, with counts. Input is newest first and
 * every group keeps that order.
 */
import { dateSegments } from '#src/dispatch/dates.ts';
import type { Dispatch } from '#src/dispatch/dispatch.ts';

export interface Term<K> {
  key: K;
  dispatches: Dispatch[];
}

/** Groups by a key, groups ordered by first appearance (so newest first). */
export function groupBy<K>(dispatches: readonly Dispatch[], keys: (d: Dispatch) => K[]): Term<K>[] {
  const groups = new Map<K, Dispatch[]>();
  for (const d of dispatches) {
    for (const key of keys(d)) {
      const list = groups.get(key);
      if (list) list.push(d);
      else groups.set(key, [d]);
    }
  }
  return [...groups].map(([key, list]) => ({ key, dispatches: list }));
}

export interface DayGroup {
  day: string;
  dispatches: Dispatch[];
}
interface MonthGroup {
  month: string;
  count: number;
  days: DayGroup[];
}
export interface YearGroup {
  year: string;
  count: number;
  months: MonthGroup[];
}

/** Year → month → day tree of the archive, newest first at every level. */
export function calendar(dispatches: readonly Dispatch[]): YearGroup[] {
  const years: YearGroup[] = [];
  for (const d of dispatches) {
    const { year, month, day } = dateSegments(d.date);
    let y = years.at(-1);
    if (y?.year !== year) years.push((y = { year, count: 0, months: [] }));
    let m = y.months.at(-1);
    if (m?.month !== month) y.months.push((m = { month, count: 0, days: [] }));
    let dayGroup = m.days.at(-1);
    if (dayGroup?.day !== day) m.days.push((dayGroup = { day, dispatches: [] }));
    dayGroup.dispatches.push(d);
    y.count++;
    m.count++;
  }
  return years;
}

/** Each item of a newest-first list with the ones either side: the next older and the next newer. */
export function withNeighbours<T>(newestFirst: readonly T[]): { item: T; older?: T; newer?: T }[] {
  return newestFirst.map((item, i) => ({ item, older: newestFirst[i + 1], newer: newestFirst[i - 1] }));
}

export interface MonthOfYear {
  year: string;
  month: MonthGroup;
}
export interface DayOfMonth {
  year: string;
  month: string;
  day: DayGroup;
}

/** Every month with dispatches, newest first, across years: a month's neighbours may be in another year. */
export const monthsOf = (years: readonly YearGroup[]): MonthOfYear[] =>
  years.flatMap((y) => y.months.map((month) => ({ year: y.year, month })));

/** Every day with dispatches, newest first, across months and years. */
export const daysOf = (years: readonly YearGroup[]): DayOfMonth[] =>
  years.flatMap((y) => y.months.flatMap((m) => m.days.map((day) => ({ year: y.year, month: m.month, day }))));

export interface CalendarDay {
  /** Zero-padded, as in URLs. */
  day: string;
  count: number;
}

/**
 * A month as a wall calendar shows it: weeks of seven cells from Saturday,
 * the first day of the week in Libya, with null for the days of the months
 * around it. `counts` by zero-padded day; days without dispatches count 0.
 */
export function monthWeeks(year: string, month: string, counts: ReadonlyMap<string, number>): (CalendarDay | null)[][] {
  const [y, m] = [Number(year), Number(month)];
  const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
  // getUTCDay counts from Sunday (0) to Saturday (6).
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 1) % 7;
  const cells: (CalendarDay | null)[] = Array.from({ length: lead }, () => null);
  for (let n = 1; n <= length; n++) {
    const day = String(n).padStart(2, '0');
    cells.push({ day, count: counts.get(day) ?? 0 });
  }
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}
