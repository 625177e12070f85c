/**
 * Raw wire text, as an agency sends it, read into the parts of a dispatch:
 * headline, dateline (city, calendar day, source) and paragraphs. The site
 * chrome that comes with copied wire text and the closing marker such as
 * «(وال)» are dropped. The datelines read are this agency's and those of the
 * main Arab agencies (see wire/dateline.ts).
 */
import { fold } from '#src/dispatch/arabic.ts';
import { monthName, wallTime } from '#src/dispatch/dates.ts';
import type { DispatchProblem } from '#src/dispatch/problems.ts';
import { cityRegistry, sourceRegistry, unknownEntry } from '#src/dispatch/registries.ts';
import { cleanText } from '#src/dispatch/text.ts';
import type { CalendarDay } from '#src/dispatch/months.ts';
import { isMonth, readDateline, readUndated } from './wire/dateline.ts';
import { dayOf } from './wire/day.ts';
import { withoutClosingMarkers } from './wire/ending.ts';

export { datelineAt } from './wire/dateline.ts';

interface WireDispatch {
  title: string;
  /** Registry slugs. */
  city: string;
  source: string;
  /** The Gregorian day of the dateline, newsroom time: wires give no time of day. */
  day: CalendarDay;
  paragraphs: string[];
}

export type WireResult = { ok: true; dispatch: WireDispatch } | { ok: false; problems: DispatchProblem[] };

export interface WireOptions {
  /** Now, by default: a dateline without a year is the latest such day not after this one (newsroom time). */
  today?: Date;
}

/** Lines of the agency website that come along when a wire is copied. */
const CHROME = new Set(['lana news', 'وكاله الانباء الليبيه', 'اخر الاخبار', 'نشر بتاريخ', 'نشر بتاريخ:'].map((l) => fold(l)));

type Problem = (line: number, field: string, code: DispatchProblem['code'], params?: Record<string, string>) => WireResult;

/**
 * A first paragraph without a date: SANA and Saba often send «دمشق-سانا».
 * The fix shown is the same dateline with today's day and month.
 */
function undatedProblem(text: string, line: number, today: CalendarDay, problem: Problem): WireResult | undefined {
  const undated = readUndated(text);
  const city = undated && cityRegistry.find(undated.city);
  const source = undated && sourceRegistry.find(undated.marker);
  if (!undated || !city || !source) return undefined;
  const example = `${city.name} ${today.day} ${monthName(today.month)} (${source.code}) -`;
  return problem(line, 'dateline', 'wire.undated', { value: undated.text.replace(/[\s:–—-]+$/, ''), example });
}

/** The dispatch a wire's text holds, or what stops it being read, with the line to fix. */
export function parseWire(input: string, file: string, options: WireOptions = {}): WireResult {
  const problem: Problem = (line, field, code, params = {}) => ({
    ok: false,
    problems: [{ file, line, field, code, params, severity: 'error' }],
  });
  const lines = cleanText(input)
    .split(/\r?\n/)
    .map((text, i) => ({ text: text.trim(), line: i + 1 }))
    .filter(({ text }) => text !== '' && !CHROME.has(fold(text)));
  const [head, lead, ...rest] = lines;
  if (!head) return problem(1, 'title', 'wire.empty');
  if (!lead) return problem(head.line + 1, 'dateline', 'wire.dateline');

  const { year, month, day } = wallTime(options.today ?? new Date());
  const today = { year, month, day };
  const dateline = readDateline(lead.text);
  const city = dateline && cityRegistry.find(dateline.city);
  // Neither a known city nor a month: a sentence («أصيب 3 أشخاص (بينهم طفلان)»), not a misspelt dateline.
  if (!dateline || (!city && !isMonth(dateline.month))) {
    return undatedProblem(lead.text, lead.line, today, problem) ?? problem(lead.line, 'dateline', 'wire.dateline');
  }
  if (!city) {
    const unknown = unknownEntry(cityRegistry, dateline.city, 'city', 'cities');
    return problem(lead.line, 'city', unknown.code, unknown.params);
  }
  const source = sourceRegistry.find(dateline.marker);
  if (!source) {
    const unknown = unknownEntry(sourceRegistry, dateline.marker, 'source', 'sources');
    return problem(lead.line, 'source', unknown.code, unknown.params);
  }
  const calendarDay = dayOf(dateline, today);
  if (!calendarDay.ok) return problem(lead.line, 'date', calendarDay.code, { value: calendarDay.value });

  return {
    ok: true,
    dispatch: {
      title: head.text.replace(/\s*\.$/, ''),
      city: city.slug,
      source: source.slug,
      day: calendarDay.day,
      paragraphs: withoutClosingMarkers([lead.text.slice(dateline.length), ...rest.map((l) => l.text)]),
    },
  };
}
