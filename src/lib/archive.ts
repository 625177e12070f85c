/**
 * Groupings of the published dispatches that listing pages need: by city,
 * category, tag and calendar date, with counts. Input is newest first and
 * every group keeps that order.
 */
import { dateSegments } from './dates.ts';
import type { Dispatch } from './dispatch.ts';

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
export interface MonthGroup {
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
