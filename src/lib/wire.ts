/**
 * Raw wire text, as the agency sends it, read into the parts of a dispatch:
 * headline, dateline (city, date, source) and paragraphs. The site chrome
 * that comes with copied wire text and the closing «(وال)» are dropped.
 */
import { fold } from './arabic.ts';
import { fromWallTime } from './dates.ts';
import type { DispatchProblem } from './problems.ts';
import { cityRegistry, sourceRegistry, unknownEntry } from './registries.ts';
import { cleanText } from './text.ts';

export interface WireDispatch {
  title: string;
  /** Registry slugs. */
  city: string;
  source: string;
  /** Midnight of the dateline's day, Tripoli time (wires give no time). */
  date: Date;
  paragraphs: string[];
}

export type WireResult = { ok: true; dispatch: WireDispatch } | { ok: false; problems: DispatchProblem[] };

/** Lines of the agency website that come along when a wire is copied. */
const CHROME = new Set(['lana news', 'وكاله الانباء الليبيه', 'اخر الاخبار', 'نشر بتاريخ', 'نشر بتاريخ:'].map((l) => fold(l)));

/** Gregorian month names as written across the Arab world. */
const MONTHS: [number, string[]][] = [
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
const monthByName = new Map(MONTHS.flatMap(([n, names]) => names.map((name) => [fold(name).replace(/\s+/g, ' '), n] as const)));

const DASH = '[-–—:]';
export const ARABIC_DATELINE = new RegExp(
  `^(?<city>[\\p{L}\\s]+?)\\s*[،,]?\\s*(?<day>[0-9٠-٩]{1,2})\\s*(?<month>[\\p{L}][\\p{L}\\s]*?)\\s*[،,]?\\s*(?<year>[0-9٠-٩]{4})` +
    `\\s*[،,]?\\s*\\(\\s*(?<source>[^)]+?)\\s*\\)\\s*${DASH}?\\s*`,
  'u',
);
const LATIN_DATELINE = new RegExp(
  `^(?<city>[A-Za-z][A-Za-z\\s'-]*?)\\s*,\\s*(?<day>\\d{1,2})[./-](?<month>\\d{1,2})[./-](?<year>\\d{4})\\s*${DASH}\\s*(?<source>[A-Za-z][A-Za-z\\s]*?)\\s*${DASH}\\s*`,
);
/** «(وال)», «...(وال ) ...» and the like at the very end (checked against the sources). */
const CLOSING = /\s*(?:\.{2,}|…)?\s*\(\s*([^()]{1,12}?)\s*\)\s*(?:\.{2,}|…)?\s*$/u;

/** The last paragraph without a closing source marker; other brackets stay. */
function withoutClosingMarker(paragraph: string): string {
  const match = CLOSING.exec(paragraph);
  return match && sourceRegistry.find(match[1]) ? paragraph.slice(0, match.index) : paragraph;
}

function lookup<T extends { slug: string }>(registry: { find(v: string): T | undefined }, value: string) {
  return registry.find(value) ?? registry.find(value.toLowerCase().trim().replace(/\s+/g, '-'));
}

export function parseWire(input: string, file: string): WireResult {
  const problem = (line: number, field: string, code: DispatchProblem['code'], params: Record<string, string> = {}): WireResult => ({
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

  const match = ARABIC_DATELINE.exec(lead.text) ?? LATIN_DATELINE.exec(lead.text);
  if (!match?.groups) return problem(lead.line, 'dateline', 'wire.dateline');
  const { city: cityName, day, month: monthName, year, source: sourceName } = match.groups;
  const city = lookup(cityRegistry, cityName.trim());
  if (!city) return problem(lead.line, 'city', 'registry.unknown', unknownEntry(cityRegistry, cityName, 'city', 'cities'));
  const source = lookup(sourceRegistry, sourceName.trim());
  if (!source) {
    return problem(lead.line, 'source', 'registry.unknown', unknownEntry(sourceRegistry, sourceName, 'source', 'sources'));
  }
  const month = /^\d+$/.test(monthName) ? Number(monthName) : monthByName.get(fold(monthName).replace(/\s+/g, ' '));
  if (!month || month > 12) return problem(lead.line, 'date', 'wire.month', { value: monthName });
  const [d, y] = [Number(fold(day)), Number(fold(year))];
  const check = new Date(Date.UTC(y, month - 1, d));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== d) {
    return problem(lead.line, 'date', 'wire.date', { value: `${day} ${monthName} ${year}` });
  }

  const paragraphs = [lead.text.slice(match[0].length), ...rest.map((l) => l.text)];
  paragraphs[paragraphs.length - 1] = withoutClosingMarker(paragraphs[paragraphs.length - 1]);
  return {
    ok: true,
    dispatch: {
      title: head.text.replace(/\s*\.$/, ''),
      city: city.slug,
      source: source.slug,
      date: fromWallTime({ year: y, month, day: d, hour: 0, minute: 0, second: 0 }),
      paragraphs: paragraphs.map((p) => p.trim()).filter(Boolean),
    },
  };
}
