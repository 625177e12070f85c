/**
 * The calendar side of a wire's dateline: month names as the Arab agencies
 * write them, Gregorian and Hijri, and the calendar day a dateline stands for.
 */
import { fold } from './arabic.ts';

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** Gregorian month names as written across the Arab world (Egypt and the Gulf, the Levant, the Maghreb). */
const GREGORIAN: [number, string[]][] = [
  [1, ['يناير', 'كانون الثاني', 'جانفي', 'ينير']],
  [2, ['فبراير', 'شباط', 'فيفري', 'فبراير']],
  [3, ['مارس', 'آذار', 'مارس']],
  [4, ['أبريل', 'ابريل', 'إبريل', 'نيسان', 'أفريل', 'ابريل']],
  [5, ['مايو', 'أيار', 'ماي']],
  [6, ['يونيو', 'يونيه', 'حزيران', 'جوان']],
  [7, ['يوليو', 'يوليه', 'تموز', 'جويلية', 'يوليوز']],
  [8, ['أغسطس', 'اغسطس', 'آب', 'أوت', 'غشت']],
  [9, ['سبتمبر', 'أيلول', 'شتنبر']],
  [10, ['أكتوبر', 'اكتوبر', 'تشرين الأول', 'أكتوبر']],
  [11, ['نوفمبر', 'تشرين الثاني', 'نونبر']],
  [12, ['ديسمبر', 'كانون الأول', 'دجنبر']],
];

/** Hijri month names, with the variants the agencies use («ذي القعدة» after a preposition, «ربيع الثاني»). */
const HIJRI: [number, string[]][] = [
  [1, ['محرم']],
  [2, ['صفر']],
  [3, ['ربيع الأول', 'ربيع أول']],
  [4, ['ربيع الآخر', 'ربيع الثاني', 'ربيع آخر', 'ربيع ثاني']],
  [5, ['جمادى الأولى', 'جمادى الأول', 'جمادى أولى']],
  [6, ['جمادى الآخرة', 'جمادى الثانية', 'جمادى الآخر', 'جمادى ثاني']],
  [7, ['رجب']],
  [8, ['شعبان']],
  [9, ['رمضان']],
  [10, ['شوال']],
  [11, ['ذو القعدة', 'ذي القعدة']],
  [12, ['ذو الحجة', 'ذي الحجة']],
];

const key = (name: string) => fold(name).trim().replace(/\s+/g, ' ');
const byName = (table: [number, string[]][]) => new Map(table.flatMap(([n, names]) => names.map((name) => [key(name), n] as const)));
const gregorianByName = byName(GREGORIAN);
const hijriByName = byName(HIJRI);

const names = [...GREGORIAN, ...HIJRI].flatMap(([, list]) => list.map((name) => key(name).split(' ')));
/** Folded words that open a month name, Gregorian or Hijri («ديسمبر», «تشرين», «جمادي»): what tells a dateline (summary.ts). */
export const monthFirstWords: ReadonlySet<string> = new Set(names.map((words) => words[0]));
/** Folded words that end a two-word month name («الاول», «القعده»). */
export const monthOtherWords: ReadonlySet<string> = new Set(names.flatMap((words) => words.slice(1)));

/** A month name's number and calendar, or undefined when it names no month. */
export function monthNamed(name: string): { month: number; hijri: boolean } | undefined {
  const gregorian = gregorianByName.get(key(name));
  if (gregorian) return { month: gregorian, hijri: false };
  const hijri = hijriByName.get(key(name));
  return hijri ? { month: hijri, hijri: true } : undefined;
}

/** Whether year-month-day is a day of the Gregorian calendar. */
export function isGregorianDay({ year, month, day }: CalendarDay): boolean {
  const check = new Date(Date.UTC(2000, month - 1, day));
  check.setUTCFullYear(year, month - 1, day);
  return month >= 1 && month <= 12 && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

/**
 * The latest day-month that is not after `today`: wires from the Gulf and the
 * Levant omit the year. Undefined when no recent year has that day (30 February).
 */
export function latestOnOrBefore(month: number, day: number, today: CalendarDay): CalendarDay | undefined {
  // Eight years hold a 29 February whatever the year.
  for (let year = today.year; year > today.year - 9; year--) {
    const candidate = { year, month, day };
    const future = year === today.year && (month > today.month || (month === today.month && day > today.day));
    if (!future && isGregorianDay(candidate)) return candidate;
  }
  return undefined;
}

const DAY_MS = 86_400_000;
const umalqura = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});
/** 1 Muharram 1 AH, 16 July 622 (Julian), as a UTC time. */
const HIJRI_EPOCH = Date.UTC(622, 6, 19);

function hijriOf(time: number): CalendarDay {
  const parts: Record<string, number> = {};
  for (const part of umalqura.formatToParts(time)) parts[part.type] = Number(part.value);
  return { year: parts.year, month: parts.month, day: parts.day };
}

/**
 * The Gregorian day of an Umm al-Qura date (the calendar Saudi Arabia and its
 * agency use). Intl converts only the other way, so the days around an estimate
 * from the mean month are tried; undefined when none is that date (30 of a
 * 29-day month).
 */
export function fromHijri(hijri: CalendarDay): CalendarDay | undefined {
  const days = (hijri.year - 1) * 354.36667 + (hijri.month - 1) * 29.530589 + hijri.day - 1;
  const estimate = HIJRI_EPOCH + Math.round(days) * DAY_MS;
  for (const offset of [0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5]) {
    const time = estimate + offset * DAY_MS;
    const found = hijriOf(time);
    if (found.year === hijri.year && found.month === hijri.month && found.day === hijri.day) {
      const date = new Date(time);
      return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
    }
  }
  return undefined;
}
