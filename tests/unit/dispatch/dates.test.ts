import { describe, expect, it } from 'vitest';
import {
  dateSegments,
  formatDate,
  formatHijri,
  formatTime,
  monthName,
  parseDateTime,
  toIsoWithOffset,
  wallClock,
} from '#src/dispatch/dates.ts';

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

  it.each(['2025-02-30', '2025-13-01', '2025-12-01T24:00', '01/12/2025', 'أمس', '', '2025-12-01T10:30+15:00'])('rejects %j', (input) => {
    expect(parseDateTime(input)).toBeUndefined();
  });
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

describe('wallClock', () => {
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const intl = (timeZone: string) => {
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
    return (time: number) => {
      const p = Object.fromEntries(
        format
          .formatToParts(time)
          .filter((x) => x.type !== 'literal')
          .map((x) => [x.type, Number(x.value)]),
      );
      return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second };
    };
  };

  // Tripoli's own history (local mean time with seconds, DST in 2012–2013),
  // zones that change at local midnight, by 30 minutes, or skipped a day.
  it.each(['Africa/Tripoli', 'Europe/London', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Pacific/Apia', 'Asia/Kathmandu'])(
    '%s: agrees with Intl around each change of offset since 1900, and at random instants',
    (zone) => {
      const fast = wallClock(zone);
      const slow = intl(zone);
      const offset = (time: number) => {
        const w = slow(time);
        return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(time / 1000) * 1000;
      };
      const instants: number[] = [];
      // Each change of offset 1900–2040, found day by day then to the
      // second: the minutes around it, and the seconds either side.
      let changes = 0;
      let before = offset(Date.UTC(1900, 0, 1));
      for (let day = Date.UTC(1900, 0, 1) + DAY; day < Date.UTC(2040, 0, 1); day += DAY) {
        const now = offset(day);
        if (now === before) continue;
        before = now;
        changes++;
        let [low, high] = [day - DAY, day];
        while (high - low > 1000) {
          const middle = low + Math.floor((high - low) / 2000) * 1000;
          if (offset(middle) === now) high = middle;
          else low = middle;
        }
        for (let t = high - 3 * HOUR; t <= high + 3 * HOUR; t += 10 * 60_000) instants.push(t, t + 59_999);
        instants.push(high - 1000, high - 1, high, high + 999);
      }
      let seed = 7;
      for (let i = 0; i < 5_000; i++) {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        instants.push(Date.UTC(1900, 0, 1) + Math.floor((seed / 2_147_483_648) * 140 * 365 * DAY));
      }
      // The zone's offset does change in that span: the search above had something to find.
      expect(changes).toBeGreaterThan(0);
      const wrong = instants.filter((t) => JSON.stringify(fast(new Date(t))) !== JSON.stringify(slow(t)));
      expect(wrong.map((t) => new Date(t).toISOString())).toEqual([]);
    },
    // About a second a zone; Intl is slower on a loaded machine.
    30_000,
  );
});
