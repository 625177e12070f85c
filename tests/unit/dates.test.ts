import { describe, expect, it } from 'vitest';
import {
  dateSegments,
  formatDate,
  formatHijri,
  formatTime,
  monthName,
  parseDateTime,
  toIsoWithOffset,
} from '../../src/lib/dates.ts';

describe('parseDateTime', () => {
  it.each([
    // Zone-less values are Tripoli time (UTC+2).
    ['2025-12-01', '2025-11-30T22:00:00.000Z'],
    ['2025-12-01T10:30', '2025-12-01T08:30:00.000Z'],
    ['2025-12-01 10:30:15', '2025-12-01T08:30:15.000Z'],
    ['2025-12-01T10:30:15.250', '2025-12-01T08:30:15.250Z'],
    // An explicit offset wins.
    ['2025-12-01T10:30:00Z', '2025-12-01T10:30:00.000Z'],
    ['2025-12-01T10:30:00+01:00', '2025-12-01T09:30:00.000Z'],
    ['2025-12-01T10:30:00-0500', '2025-12-01T15:30:00.000Z'],
    // Libya kept summer time in 2013: Tripoli was UTC+1 in winter, +2 in summer.
    ['2013-07-01T12:00', '2013-07-01T10:00:00.000Z'],
    ['2013-01-15T12:00', '2013-01-15T11:00:00.000Z'],
  ])('%s → %s', (input, iso) => {
    expect(parseDateTime(input)?.toISOString()).toBe(iso);
  });

  it.each(['2025-02-30', '2025-13-01', '2025-12-01T24:00', '01/12/2025', 'أمس', '', '2025-12-01T10:30+15:00'])(
    'rejects %j',
    (input) => {
      expect(parseDateTime(input)).toBeUndefined();
    },
  );
});

describe('formatting in Tripoli time with Western digits', () => {
  // 23:30 UTC on 31 December is already 1 January in Tripoli.
  const newYear = new Date('2025-12-31T23:30:00Z');
  const dec1 = new Date('2025-12-01T08:30:00Z');

  it('formats the date as «01 ديسمبر 2025»', () => {
    expect(formatDate(dec1)).toBe('01 ديسمبر 2025');
    expect(formatDate(newYear)).toBe('01 يناير 2026');
  });

  it('formats a 24-hour time', () => {
    expect(formatTime(dec1)).toBe('10:30');
    expect(formatTime(newYear)).toBe('01:30');
  });

  it('gives the Umm al-Qura Hijri date', () => {
    expect(formatHijri(dec1)).toBe('10 جمادى الآخرة 1447 هـ');
  });

  it('writes ISO 8601 with the Tripoli offset', () => {
    expect(toIsoWithOffset(dec1)).toBe('2025-12-01T10:30:00+02:00');
    expect(toIsoWithOffset(new Date('2013-01-15T11:00:00Z'))).toBe('2013-01-15T12:00:00+01:00');
  });

  it('splits the Tripoli calendar date for URLs', () => {
    expect(dateSegments(newYear)).toEqual({ year: '2026', month: '01', day: '01' });
  });

  it.each([
    [1, 'يناير'],
    [2, 'فبراير'],
    [12, 'ديسمبر'],
  ])('month %i is «%s»', (n, name) => {
    expect(monthName(n)).toBe(name);
  });
});
