/**
 * Finds the dateline that opens a wire's first paragraph, in the forms the
 * Arab agencies write it, and splits it into what was written: city, date,
 * source marker. Whether those name a known city, month or agency is checked
 * by the caller, which reports what is wrong.
 */
import { fold } from '#src/dispatch/arabic.ts';
import { sourceRegistry } from '#src/dispatch/registries.ts';
import { monthNamed } from '#src/dispatch/months.ts';

export interface Dateline {
  /** Characters of the paragraph the dateline takes, with the dash after it. */
  length: number;
  city: string;
  /** The agency's marker without its brackets or slashes. */
  marker: string;
  /** The date as written, for messages. */
  written: string;
  day: string;
  /** A month name (Gregorian or Hijri) or number. */
  month: string;
  year?: string;
  /** The Gregorian date given after «الموافق» when `month` is Hijri. */
  gregorian?: { day: string; month: string; year: string };
}

const DIGIT = '[0-9٠-٩۰-۹]';
const WORD = '[\\p{L}\\p{M}]+';
/** One or more words, as few as the rest of the pattern allows. */
const WORDS = `${WORD}(?:\\s+${WORD})*?`;
const SEP = '\\s*[-–—،,]?\\s*';
const NOT_LETTER = '(?![\\p{L}\\p{M}])';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Agencies put their code in brackets, between slashes, or bare (SPA: «… 2015 م واس»). */
const BARE_CODES = sourceRegistry.entries
  .flatMap((s) => [s.code, ...(s.aliases ?? [])])
  .filter((code) => /\p{Script=Arabic}/u.test(code))
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|');
const MARKER =
  `${SEP}(?:\\(\\s*(?<bracket>[^()\\n]{1,20}?)\\s*\\)|/\\s*(?<slash>[^/\\n]{1,20}?)\\s*/|(?<bare>${BARE_CODES})(?=[\\s\\p{P}]|$))` +
  '\\s*(?:[-–—:]+\\s*)?';
/** «11 - 8» and «11 - 8 - 2015» (KUNA), or a month name with an optional year and era (هـ or م). */
const DAY_MONTH_YEAR =
  `(?<day>${DIGIT}{1,2})(?:\\s*[-/.]\\s*(?<monthNumber>${DIGIT}{1,2})(?:\\s*[-/.]\\s*(?<numberYear>${DIGIT}{4}))?` +
  `|\\s*(?<month>${WORDS})(?:\\s*[،,]?\\s*(?<year>${DIGIT}{4})(?:\\s*(?:ه\\u0640?|م)\\.?${NOT_LETTER})?)?)`;
/** SPA's Gregorian equivalent after a Hijri date: «الموافق 11 أغسطس 2015 م». */
const EQUIVALENT =
  `(?:\\s*[،,]?\\s*الموافق\\s*(?:ل\\u0640?\\s*)?(?<gDay>${DIGIT}{1,2})\\s*(?<gMonth>${WORDS})\\s*[،,]?\\s*(?<gYear>${DIGIT}{4})` +
  `(?:\\s*م\\.?${NOT_LETTER})?)?`;

/** City, «في» or a dash, date, marker: «أبوظبي في 11 أغسطس / وام /», «الكويت - 11 - 8 (كونا) --». */
const ARABIC_DATELINE = new RegExp(`^(?<city>${WORDS})${SEP}(?:ف[يى]\\s+)?(?<date>${DAY_MONTH_YEAR}${EQUIVALENT})${MARKER}`, 'u');
const LATIN_DATELINE =
  /^(?<city>[A-Za-z][A-Za-z\s'-]*?)\s*,\s*(?<date>(?<day>\d{1,2})[./-](?<monthNumber>\d{1,2})[./-](?<numberYear>\d{4}))\s*[-–—:]\s*(?<bare>[A-Za-z][A-Za-z\s]*?)\s*[-–—:]\s*/;
/** A city and a marker with no date between them, as SANA and Saba often send: «دمشق-سانا». */
const UNDATED = new RegExp(`^(?<city>${WORDS})${MARKER}`, 'u');

/** The dateline that opens a paragraph, or undefined. */
export function readDateline(paragraph: string): Dateline | undefined {
  const match = ARABIC_DATELINE.exec(paragraph) ?? LATIN_DATELINE.exec(paragraph);
  if (!match?.groups) return undefined;
  const g = match.groups;
  return {
    length: match[0].length,
    city: g.city.trim(),
    marker: (g.bracket ?? g.slash ?? g.bare).trim(),
    written: g.date.trim(),
    day: g.day,
    month: g.monthNumber ?? g.month,
    year: g.numberYear ?? g.year,
    gregorian: g.gDay ? { day: g.gDay, month: g.gMonth, year: g.gYear } : undefined,
  };
}

/** A paragraph that opens with a city and an agency marker but no date: its city, marker and text. */
export function readUndated(paragraph: string): { city: string; marker: string; text: string } | undefined {
  const match = UNDATED.exec(paragraph);
  if (!match?.groups) return undefined;
  const g = match.groups;
  return { city: g.city.trim(), marker: (g.bracket ?? g.slash ?? g.bare).trim(), text: match[0].trim() };
}

/** A month as written: a number from 1 to 12 or a month name. */
export function isMonth(month: string): boolean {
  const number = Number(fold(month));
  return Number.isInteger(number) ? number >= 1 && number <= 12 : monthNamed(month) !== undefined;
}

/**
 * The length of the dateline a text opens with, or undefined: the archive
 * check warns of one typed into a dispatch body. A month must be a month, so
 * a sentence such as «أصيب 3 أشخاص (بينهم طفلان)» is not taken for one.
 */
export function datelineAt(text: string): number | undefined {
  const dateline = readDateline(text.split('\n', 1)[0]);
  // And the marker an agency's: «17 فبراير (شباط)» or «3 ديسمبر (الأربعاء)» opens a sentence, not a dateline.
  return dateline && isMonth(dateline.month) && sourceRegistry.find(dateline.marker) ? dateline.length : undefined;
}
