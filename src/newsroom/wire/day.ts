/**
 * The Gregorian calendar day a dateline stands for, or what is wrong with
 * its date: a month that is no month, a day that does not exist, a Hijri
 * date that cannot be converted.
 */
import { fold } from '#src/dispatch/arabic.ts';
import type { ProblemCode } from '#src/dispatch/problems.ts';
import { fromHijri, isGregorianDay, latestOnOrBefore, monthNamed, type CalendarDay } from '#src/dispatch/months.ts';
import type { Dateline } from './dateline.ts';

export type DayResult = { ok: true; day: CalendarDay } | { ok: false; code: ProblemCode; value: string };

const number = (digits: string) => Number(fold(digits));

/** A Gregorian day-month, with or without its year (the latest one up to today then). */
function gregorianDay(day: number, month: number, year: string | undefined, written: string, today: CalendarDay): DayResult {
  const found = year === undefined ? latestOnOrBefore(month, day, today) : { year: number(year), month, day };
  return found && isGregorianDay(found) ? { ok: true, day: found } : { ok: false, code: 'wire.date', value: written };
}

/** The day of a dateline, given today's date in the newsroom for datelines without a year. */
export function dayOf(dateline: Dateline, today: CalendarDay): DayResult {
  const { day, month, year, gregorian, written } = dateline;
  if (/^[0-9٠-٩۰-۹]+$/.test(month)) {
    const m = number(month);
    if (m < 1 || m > 12) return { ok: false, code: 'wire.month', value: month };
    return gregorianDay(number(day), m, year, written, today);
  }
  const named = monthNamed(month);
  if (!named) return { ok: false, code: 'wire.month', value: month };
  if (!named.hijri) return gregorianDay(number(day), named.month, year, written, today);
  if (gregorian) {
    // The Gregorian date the agency gives after «الموافق» is the one the newsroom uses.
    const equivalent = monthNamed(gregorian.month);
    if (!equivalent || equivalent.hijri) return { ok: false, code: 'wire.month', value: gregorian.month };
    return gregorianDay(number(gregorian.day), equivalent.month, gregorian.year, written, today);
  }
  const converted = year === undefined ? undefined : fromHijri({ year: number(year), month: named.month, day: number(day) });
  return converted ? { ok: true, day: converted } : { ok: false, code: 'wire.hijri', value: written };
}
