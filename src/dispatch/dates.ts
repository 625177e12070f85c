/**
 * Every date the site parses or prints goes through here, always in the
 * newsroom's zone, so output never depends on the machine's TZ.
 */
import { siteConfig } from '#src/config.ts';
import { t } from '#src/i18n/ar.ts';

const { locale, timeZone } = siteConfig;

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DAY = 86_400_000;

/**
 * The wall clock of `timeZone`. Intl's formatToParts costs about 15 µs a
 * call, and an archive of 100,000 dispatches asks for 100,000 different
 * instants several times a build. A zone's offset changes a few times a
 * year at most, so it is asked once for the first and last instant of each
 * UTC day: when they agree, the whole day has that offset (no zone changes
 * offset and back within a day) and the rest is arithmetic.
 */
export function wallClock(timeZone: string): (date: Date) => Readonly<WallTime> {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const fromIntl = (time: number): WallTime => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(time)) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
  };
  // Offsets are whole seconds (local mean time had seconds: Tripoli's was +00:52:44).
  const offsetAt = (time: number) => {
    const w = fromIntl(time);
    const asUtc = new Date(Date.UTC(2000, w.month - 1, w.day, w.hour, w.minute, w.second));
    // Date.UTC reads years 0–99 as 1900–1999.
    asUtc.setUTCFullYear(w.year);
    return asUtc.getTime() - Math.floor(time / 1000) * 1000;
  };
  // By UTC day: the offset, or null on a day the offset changes.
  const dayOffsets = new Map<number, number | null>();
  return (date: Date) => {
    const time = date.getTime();
    const day = Math.floor(time / DAY);
    let offset = dayOffsets.get(day);
    if (offset === undefined) {
      const first = offsetAt(day * DAY);
      offset = first === offsetAt(day * DAY + DAY - 1) ? first : null;
      dayOffsets.set(day, offset);
    }
    if (offset === null) return Object.freeze(fromIntl(time));
    const local = new Date(time + offset);
    return Object.freeze({
      year: local.getUTCFullYear(),
      month: local.getUTCMonth() + 1,
      day: local.getUTCDate(),
      hour: local.getUTCHours(),
      minute: local.getUTCMinutes(),
      second: local.getUTCSeconds(),
    });
  };
}

/** The wall-clock time in the newsroom's zone at an instant. */
export const wallTime = wallClock(timeZone);

/** Minutes the newsroom's zone is ahead of UTC at an instant. */
function zoneOffsetMinutes(date: Date): number {
  const w = wallTime(date);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}

/** The instant a wall-clock time in the newsroom's zone stands for. */
function fromWallTime(w: WallTime, ms = 0): Date {
  const guess = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, ms);
  const first = guess - zoneOffsetMinutes(new Date(guess)) * 60000;
  // A second pass settles times near an offset change.
  return new Date(guess - zoneOffsetMinutes(new Date(first)) * 60000);
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Parses an ISO 8601 date or date-time. A bare date, or a time without an
 * offset, is newsroom local time. Returns undefined for anything else,
 * including impossible dates such as 2025-02-30.
 */
export function parseDateTime(value: string): Date | undefined {
  const match = ISO_DATE_TIME.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', offset] = match;
  const w: WallTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s),
  };
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  const check = new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
  if (
    check.getUTCFullYear() !== w.year ||
    check.getUTCMonth() !== w.month - 1 ||
    check.getUTCDate() !== w.day ||
    check.getUTCHours() !== w.hour ||
    check.getUTCMinutes() !== w.minute ||
    check.getUTCSeconds() !== w.second
  ) {
    return undefined;
  }
  if (offset === undefined) return fromWallTime(w, ms);
  const utc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, ms);
  if (offset.toUpperCase() === 'Z') return new Date(utc);
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  if (minutes > 14 * 60) return undefined;
  return new Date(utc - sign * minutes * 60000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601 with the newsroom's offset, e.g. 2025-12-01T10:30:00+02:00. */
export function toIsoWithOffset(date: Date): string {
  const w = wallTime(date);
  const offset = zoneOffsetMinutes(date);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/**
 * Whether a date is the first instant of its day, newsroom time: what a
 * date written without a time («updated: 2025-12-02») stands for, shown as
 * the day alone.
 */
export function isStartOfDay(date: Date): boolean {
  const w = wallTime(date);
  return w.hour === 0 && w.minute === 0 && w.second === 0 && date.getMilliseconds() === 0;
}

/** «02 ديسمبر 2025 الساعة 09:15», or the day alone for a date written without a time. */
export function formatWhen(date: Date, dateOnly = isStartOfDay(date)): string {
  return dateOnly ? formatDate(date) : t('dispatch.publishedAt', { date: formatDate(date), time: formatTime(date) });
}

/**
 * What a <time datetime> says of a date: the day alone («2025-12-01») for a
 * dispatch dated without a time, else the instant with the newsroom's offset.
 */
export function htmlDateTime(date: Date, dateOnly = false): string {
  if (!dateOnly) return toIsoWithOffset(date);
  const { year, month, day } = dateSegments(date);
  return `${year}-${month}-${day}`;
}

/** The day of a date, newsroom time, «2025-12-01»: dates compared by their day alone. */
export const dayKey = (date: Date) => htmlDateTime(date, true);

/** The URL parts of a dispatch date: zero-padded year, month and day. */
export function dateSegments(date: Date): { year: string; month: string; day: string } {
  const w = wallTime(date);
  return { year: String(w.year), month: pad(w.month), day: pad(w.day) };
}

const dateFormat = new Intl.DateTimeFormat(locale, {
  timeZone,
  day: '2-digit',
  month: 'long',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat(locale, {
  timeZone,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const hijriFormat = new Intl.DateTimeFormat(locale.replace('-u-', '-u-ca-islamic-umalqura-'), {
  timeZone,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const monthFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long' });

/** «01 ديسمبر 2025» */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** «10:30», 24-hour newsroom time. */
export function formatTime(date: Date): string {
  return timeFormat.format(date);
}

/** «10 جمادى الآخرة 1447 هـ» (Umm al-Qura calendar). */
export function formatHijri(date: Date): string {
  return hijriFormat.format(date);
}

/** Arabic name of a month, 1-based: 12 → «ديسمبر». */
export function monthName(month: number): string {
  return monthFormat.format(new Date(Date.UTC(2000, month - 1, 15)));
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 822 (as RSS wants it) in newsroom time: «Mon, 01 Dec 2025 10:30:00 +0200». */
export function toRfc822(date: Date): string {
  const w = wallTime(date);
  const offset = zoneOffsetMinutes(date);
  const abs = Math.abs(offset);
  // The weekday of the wall-clock date, not of the UTC instant.
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  return (
    `${DAYS[weekday]}, ${pad(w.day)} ${MONTHS[w.month - 1]} ${w.year} ` +
    `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)} ` +
    `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}
