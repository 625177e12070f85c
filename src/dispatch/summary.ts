/**
 * The default lead of a dispatch: the first sentence(s) of its first
 * paragraph that has a sentence, taken from the sanitised HTML so it holds
 * exactly the words a reader sees (never the text of a stripped <script>).
 * A byline or dateline paragraph stays in the body; only the lead skips it.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';
import { fold } from './arabic.ts';
import { elementText } from './plain-text.ts';
import { sourceRegistry } from './registries.ts';
import { monthFirstWords, monthOtherWords } from './months.ts';

const SENTENCE_END = /(?<=[.!?؟])\s+/u;

function* paragraphs(node: Nodes): Generator<Element> {
  if (node.type === 'element' && node.tagName === 'p') {
    yield node;
    return;
  }
  if (!('children' in node)) return;
  for (const child of node.children) yield* paragraphs(child);
}

/**
 * Plain text of the first paragraph of an HTML fragment that has a sentence
 * (see hasSentence); '' when none has: a dateline or a byline says nothing of
 * the story, the site writes its own dateline beside the lead, and a page
 * without a description gets one from its text in search results.
 */
export function leadText(html: string): string {
  for (const paragraph of paragraphs(fromHtml(html, { fragment: true }))) {
    const text = elementText(paragraph);
    if (hasSentence(text)) return text;
  }
  return '';
}

/** Bylines and datelines are short: a longer paragraph has a sentence, whatever it holds. */
const SHORT = 120;

/**
 * Whether a paragraph has a sentence in it: not when it has fewer than three
 * words and no final stop («عاجل»), nor when it is a byline or a dateline.
 */
export function hasSentence(text: string): boolean {
  if (text.length > SHORT) return true;
  const folded = fold(text).trim();
  const wordCount = folded.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (wordCount < 3 && !/[.!?؟]$/.test(folded)) return false;
  return !isByline(folded) && !isDateline(folded);
}

/** Words that open a byline when a colon, a dash or a slash follows («كتب - محمد علي»); «بقلم» needs none. */
// Folded «على» is the name «علي»: it is left out.
const PREPOSITIONS = new Set(['في', 'من', 'الي', 'عن', 'مع', 'حول', 'بعد', 'قبل']);
const BYLINE = new Set(['بقلم', 'كتب', 'كتبت', 'كتبه', 'متابعه', 'تحرير', 'اعداد', 'ترجمه', 'تصوير']);

/** «بقلم: أحمد محمد», «كتب - محمد علي», «متابعة: قسم الأخبار»: the word, then a name of up to six words. */
function isByline(folded: string): boolean {
  const match = /^(\p{L}+)\s*([:\-–—/]?)\s*(.*?)[.]?$/u.exec(folded);
  if (!match || !BYLINE.has(match[1]) || (!match[2] && match[1] !== 'بقلم')) return false;
  const name = match[3].split(/[\s\-–—/]+/).filter(Boolean);
  // A name has no preposition: «متابعة - الأزمة السياسية في البلاد» is a headline.
  return name.length >= 1 && name.length <= 4 && !/[\d.!?؟]/.test(match[3]) && !name.some((word) => PREPOSITIONS.has(word));
}

// prettier-ignore
const ENGLISH_MONTHS = [
  'jan',
  'january',
  'feb',
  'february',
  'mar',
  'march',
  'apr',
  'april',
  'may',
  'jun',
  'june',
  'jul',
  'july',
  'aug',
  'august',
  'sep',
  'sept',
  'september',
  'oct',
  'october',
  'nov',
  'november',
  'dec',
  'december',
];
/** Words that open a month name: the wires' Gregorian (Gulf to Maghreb, the Levant's) and Hijri names, and English. */
const MONTHS = new Set([...monthFirstWords, ...ENGLISH_MONTHS]);
// prettier-ignore
const DATE_WORDS = new Set([
  ...MONTHS,
  ...monthOtherWords,
  'ه',
  'م',
  'الموافق',
  'موافق',
  'الاحد',
  'الاثنين',
  'الثلاثاء',
  'الاربعاء',
  'الخميس',
  'الجمعه',
  'السبت',
]);
/**
 * A numeric date, «01/12/2025», «2025-12-01», or a day and a month, «11 - 8»
 * (taken for a date only beside an agency code: it may be a score); an
 * agency code in brackets or slashes, «(وال)», «/ وام /».
 */
const NUMERIC_DATE = /\d{1,4}\s*([/.-])\s*\d{1,2}\s*\1\s*\d{1,4}/g;
const DAY_MONTH = /\d{1,2}\s*[/.-]\s*\d{1,2}/g;
const CODE = /\([^()\d]{1,24}\)|\/[^/\d]{1,24}\//g;
const ENDS_WITH_CODE = /(?:\([^()\d]{1,24}\)|\/[^/\d]{1,24}\/)\s*[-–—:]*\s*$/;

const isDate = (token: string) => token === '#' || token === '#?' || DATE_WORDS.has(token) || /^\d+[هم]?$/.test(token);

/**
 * «أبها 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس», «طرابلس 01 ديسمبر 2025 (وال)»:
 * up to three words of place, one run of date words (digits and a month at
 * least), up to two words of source; or a place and a code with no date.
 */
function isDateline(folded: string): boolean {
  // A stop at the end, or words after a colon («الأحد 7 ديسمبر: إضراب عام»), make a sentence.
  if (/[.!?؟]$/.test(folded) || /:\s*\p{L}/u.test(folded)) return false;
  let codes = 0;
  // Only an agency's code counts as one: «(رسمي)» and «(شباط)» are words.
  const tokens = folded
    .replace(CODE, (code) => {
      if (!sourceRegistry.find(code.slice(1, -1))) return code;
      codes++;
      return ' ';
    })
    .replace(NUMERIC_DATE, ' # ')
    .replace(DAY_MONTH, ' #? ')
    .split(/[\s\-–—:،,؛;.]+/)
    .filter(Boolean);
  const first = tokens.findIndex(isDate);
  // A place and a code with nothing after it: «طرابلس (وال)», not «بنغازي (وال) - انقطاع الكهرباء».
  if (first < 0) return codes > 0 && ENDS_WITH_CODE.test(folded) && tokens.length <= 3 && !tokens.some((t) => /\d/.test(t));
  const last = tokens.findLastIndex(isDate);
  const run = tokens.slice(first, last + 1);
  const after = tokens.slice(last + 1);
  return (
    first <= 3 &&
    after.length <= 2 &&
    run.every(isDate) &&
    run.some((t) => t === '#' || MONTHS.has(t) || (t === '#?' && codes > 0)) &&
    run.some((t) => /\d|#/.test(t)) &&
    ![...tokens.slice(0, first), ...after].some((t) => /\d/.test(t))
  );
}

/**
 * Whole sentences from the start of `text`: at least `min` characters when
 * it has them, never past `max` (a longer first sentence is cut at a word,
 * with «…»).
 */
export function summarize(text: string, min = 90, max = 260): string {
  if (text.length <= min) return text;
  let summary = '';
  for (const sentence of text.split(SENTENCE_END)) {
    const next = summary ? `${summary} ${sentence}` : sentence;
    if (next.length > max) break;
    summary = next;
    if (summary.length >= min) break;
  }
  if (summary) return summary;
  const cut = text.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > 0 ? lastSpace : max)}…`;
}
