/**
 * The one Arabic search normaliser, used when the index is built and, in the
 * browser, on every query, so both sides agree word for word.
 *
 * A word is folded (fold): hamza forms of alef → ا; ى and Persian ی → ي;
 * Persian ک → ك; ة → ه; ؤ and ئ → ء (so «مسؤول» and «مسئول» meet); tashkeel,
 * tatweel and bidi marks go; Arabic-Indic and Persian digits → 0-9.
 *
 * Its first letters may be clitics (و ف ب ك ل, the article ال) or its own
 * («بالون», «ولاية»), so no letter is ever cut off: a word also has readings
 * (readings). A sure reading drops what can only be clitics, the article and
 * what precedes it («والحكومة» → «الحكومه», «حكومه»); a doubtful one drops a
 * letter that may be the word's own («بطرابلس» → «طرابلس», «ولاية» → «لايه»).
 * The index holds every reading at the word's position; a search ranks the
 * typed form above a doubtful reading, and both above a longer word that only
 * begins with it (see search-terms.ts).
 */

const MARKS = /[\u0610-\u061a\u061c\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LETTERS: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ې: 'ي',
  ک: 'ك',
  ة: 'ه',
  ۀ: 'ه',
  ە: 'ه',
  ھ: 'ه',
  ؤ: 'ء',
  ئ: 'ء',
};
const FOLDED = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');
const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
const WORD = /[\p{L}\p{N}\p{M}\u0640]+/gu;

/** Letters and digits folded; no clitic handling. */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(MARKS, '')
    .replace(FOLDED, (c) => LETTERS[c])
    .replace(EASTERN_DIGITS, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90));
}

/** The words of a text, in order, as written (a bidi mark inside a number splits it). */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The words of a text with where each starts, as `words` finds them. */
export const wordMatches = (text: string) => text.matchAll(WORD);

/**
 * `compute`, remembered per word: an archive repeats a small vocabulary
 * millions of times (the memory is emptied past its bound).
 */
export function perWord<T>(compute: (word: string) => T): (word: string) => T {
  const known = new Map<string, T>();
  return (word) => {
    let value = known.get(word);
    if (value === undefined) {
      value = compute(word);
      if (known.size >= 200_000) known.clear();
      known.set(word, value);
    }
    return value;
  };
}

/** A word folded to its letters and digits: the typed form the index and queries compare ('' when none are left). */
export const foldWord = perWord((word) => fold(word).replace(/[^\p{L}\p{N}]/gu, ''));

export interface Readings {
  /** What the word is when its first letters are the article and what may precede it. */
  sure: string[];
  /** What it is when a first letter that may be its own is a conjunction or a preposition. */
  doubtful: string[];
}

/** A conjunction, then ب or ك before the article, or ل before it (written لل); at least two letters follow. */
const ARTICLE = /^([وف]?)(?:[بك]?ال|لل)(\p{L}{2,})$/u;
const CONJUNCTION = /^[وف]/;
const PREPOSITION = /^[بكل]/;
/** A doubtful reading leaves at least three letters: «وطن» is not و + «طن». */
const DOUBTFUL_MIN = 3;

/** The readings of a folded word (see the module's comment), without the word itself. */
export const readings = perWord((folded): Readings => {
  const sure = new Set<string>();
  const doubtful = new Set<string>();
  if (/^[\u0621-\u064a]/.test(folded)) {
    const article = ARTICLE.exec(folded);
    if (article) {
      const [, conjunction, rest] = article;
      // A conjunction before a preposition or the article is surely one.
      if (conjunction) sure.add(folded.slice(1));
      if (conjunction || !folded.startsWith('ال')) sure.add(`ال${rest}`);
      sure.add(rest);
    }
    // Up to two letters: a conjunction, then a preposition («وبطرابلس»).
    let rest = folded;
    for (const clitic of [CONJUNCTION, PREPOSITION]) {
      if (!clitic.test(rest) || rest.length - 1 < DOUBTFUL_MIN) continue;
      rest = rest.slice(1);
      if (!sure.has(rest)) doubtful.add(rest);
    }
  }
  sure.delete(folded);
  doubtful.delete(folded);
  return { sure: [...sure], doubtful: [...doubtful] };
});

/** A query's words as the index compares them, for messages and near-duplicate checks. */
export function normalizeQuery(query: string): string {
  return words(query).map(foldWord).filter(Boolean).join(' ');
}
