/**
 * Headlines of the same day that tell the same story twice: the same wire
 * from two outlets, or one retyped with other spelling or punctuation.
 *
 * Two titles are near-duplicates when their folded forms (normalizeQuery)
 * are at most 15 % apart by edit distance, and their words line up so that:
 * - a word of one that differs from the word of the other in its place has
 *   the same digits and is the same word with a prefix clitic
 *   («بطرابلس»/«طرابلس») or a spelling variant, one letter apart after
 *   folding («يلتقي»/«التقى»), neither being a counting word (below);
 * - a word found in one title only (where the other has none) is not a
 *   number or a word that counts or dates an item (below).
 * Numbered items of a series, «… - إضافة أولى» / «… - إضافة ثانية»,
 * «… (1)» / «… (2)», and «اهتمامات الصحف الليبية» / «… المصرية» are not.
 */
import { distance } from 'fastest-levenshtein';
import { foldWord, readings, words } from '#src/dispatch/arabic.ts';
import { dateSegments } from '#src/dispatch/dates.ts';
import type { DispatchProblem } from '#src/dispatch/problems.ts';

export interface TitledItem {
  file: string;
  line: number;
  date: Date;
  title: string;
}

const THRESHOLD = 0.15;

/** Words that count or date an item of a series: ordinals, the names of an item, months one letter apart. */
// prettier-ignore
const COUNTING = new Set(
  [
    'أول',
    'أولى',
    'ثان',
    'ثاني',
    'ثانية',
    'ثالث',
    'ثالثة',
    'رابع',
    'رابعة',
    'خامس',
    'خامسة',
    'سادس',
    'سادسة',
    'سابع',
    'سابعة',
    'ثامن',
    'ثامنة',
    'تاسع',
    'تاسعة',
    'عاشر',
    'عاشرة',
    'أخير',
    'أخيرة',
    'إضافة',
    'تحديث',
    'تابع',
    'تتمة',
    'تكملة',
    'جزء',
    'حلقة',
    'ملحق',
    'يونيو',
    'يوليو',
    'يونيه',
    'يوليه',
  ].map(foldWord),
);

const digitsOf = (word: string) => word.replace(/\D/g, '');

/** A folded word that numbers an item: it has digits, or is (with its clitics) a counting word. */
function counts(word: string): boolean {
  if (/\d/.test(word) || COUNTING.has(word)) return true;
  const { sure, doubtful } = readings(word);
  return sure.some((w) => COUNTING.has(w)) || doubtful.some((w) => COUNTING.has(w));
}

/** One of two folded words is the other with prefix clitics («بنظيره», «نظيره»). */
function withClitic(a: string, b: string): boolean {
  const has = (word: string, bare: string) => {
    const { sure, doubtful } = readings(word);
    return sure.includes(bare) || doubtful.includes(bare);
  };
  return has(a, b) || has(b, a);
}

/** Two folded words that may stand for each other in one headline. */
function variants(a: string, b: string): boolean {
  if (a === b) return true;
  if (digitsOf(a) !== digitsOf(b)) return false;
  if (withClitic(a, b)) return true;
  return !counts(a) && !counts(b) && distance(a, b) <= 1;
}

/**
 * Whether the words line up: matched pairs are variants, between two
 * matches only one title has words, none of them counting, and few words in
 * all are left unmatched (a word or two an outlet adds, «اليوم», «في»).
 * `skipped[i][j]`: the fewest words left unmatched for the first i words of
 * `a` and j of `b` to line up, ending on a match (UNREACHED when they cannot).
 */
function lineUp(a: readonly string[], b: readonly string[]): boolean {
  const limit = Math.max(2, Math.floor(Math.max(a.length, b.length) * THRESHOLD));
  const skipped = Array.from({ length: a.length + 1 }, () => new Uint8Array(b.length + 1).fill(UNREACHED));
  skipped[0][0] = 0;
  const harmless = (list: readonly string[], from: number, to: number) => list.slice(from, to).every((w) => !counts(w));
  const reach = (i: number, j: number, cost: number) => {
    if (cost <= limit && cost < skipped[i][j]) skipped[i][j] = cost;
  };
  for (let i = 0; i <= a.length; i++) {
    for (let j = 0; j <= b.length; j++) {
      const done = skipped[i][j];
      if (done === UNREACHED) continue;
      if (i === a.length && done + b.length - j <= limit && harmless(b, j, b.length)) return true;
      if (j === b.length && done + a.length - i <= limit && harmless(a, i, a.length)) return true;
      // The next match, after words of `b` only, or after words of `a` only.
      for (let k = j; i < a.length && k < b.length && (k === j || !counts(b[k - 1])); k++) {
        if (variants(a[i], b[k])) reach(i + 1, k + 1, done + k - j);
      }
      for (let k = i + 1; j < b.length && k < a.length && !counts(a[k - 1]); k++) {
        if (variants(a[k], b[j])) reach(k + 1, j + 1, done + k - i);
      }
    }
  }
  return false;
}

const UNREACHED = 255;

interface Prepared {
  words: string[];
  text: string;
  /** How many of its characters fall in each of 32 buckets (by code point). */
  letters: Int16Array;
}

function prepare(title: string): Prepared {
  const folded = words(title).map(foldWord).filter(Boolean);
  const text = folded.join(' ');
  const letters = new Int16Array(32);
  for (let i = 0; i < text.length; i++) letters[text.charCodeAt(i) & 31]++;
  return { words: folded, text, letters };
}

/**
 * A lower bound of the edit distance, fifty times cheaper: an edit adds at
 * most one character and takes away at most one.
 */
function lettersApart(a: Int16Array, b: Int16Array): number {
  let more = 0;
  let fewer = 0;
  for (let i = 0; i < 32; i++) {
    const d = a[i] - b[i];
    if (d > 0) more += d;
    else fewer -= d;
  }
  return Math.max(more, fewer);
}

function similar(a: Prepared, b: Prepared): boolean {
  const bound = Math.max(a.text.length, b.text.length) * THRESHOLD;
  if (Math.abs(a.text.length - b.text.length) > bound || lettersApart(a.letters, b.letters) > bound) return false;
  return distance(a.text, b.text) <= bound && lineUp(a.words, b.words);
}

/** Whether two headlines tell the same story (see the module's comment). */
export const nearDuplicateTitles = (a: string, b: string): boolean => similar(prepare(a), prepare(b));

/** A warning on each item whose title is a near-duplicate of an earlier one of the same day (Tripoli time). */
export function nearDuplicates(items: readonly TitledItem[]): DispatchProblem[] {
  const byDay = new Map<string, { item: TitledItem; title: Prepared }[]>();
  for (const item of items) {
    const { year, month, day } = dateSegments(item.date);
    const key = `${year}-${month}-${day}`;
    const list = byDay.get(key) ?? byDay.set(key, []).get(key)!;
    list.push({ item, title: prepare(item.title) });
  }
  const problems: DispatchProblem[] = [];
  for (const list of byDay.values()) {
    for (let i = 1; i < list.length; i++) {
      for (let j = 0; j < i; j++) {
        if (!similar(list[j].title, list[i].title)) continue;
        const [{ item }, { item: other }] = [list[i], list[j]];
        problems.push({
          file: item.file,
          line: item.line,
          field: 'title',
          code: 'title.nearDuplicate',
          params: { other: other.title, file: other.file },
          severity: 'warning',
        });
      }
    }
  }
  return problems;
}
