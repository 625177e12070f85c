/**
 * The terms of the search index and of a query (see arabic.ts for the
 * folding and the readings).
 *
 * Every indexed term ends with a mark that folding removes from all text:
 * Pagefind matches every query term as a prefix, so «حكومهـ» finds the word
 * «حكومه» alone, while «حكومه» also finds «حكومهم». (It also keeps Pagefind
 * from falling back to a shorter word when nothing begins with the query.)
 * A doubtful reading ends with another mark (a third when it leaves three
 * letters), so only a search for it finds it; all sort beside the word, so
 * one index chunk serves its searches. A
 * word and its readings share its position, so Pagefind's word locations
 * point at words of the original text.
 */
import { foldWord, perWord, readings, words } from '#src/dispatch/arabic.ts';

/** Tatweel: folding removes it. */
const EXACT = '\u0640';
/** «ﻻ» and «ﻵ», presentation forms that folding (NFKC) turns into «لا» and «لآ». */
const DOUBTFUL = '\ufefb';
const SHORT = '\ufef5';
/** A reading this long or shorter may well be another word («لجنة» read as ل + «جنة»). */
const SHORT_READING = 3;
const exact = (folded: string) => `${folded}${EXACT}`;
/** The term of a doubtful reading: one of three letters is marked apart. */
const doubtful = (folded: string) => `${folded}${folded.length > SHORT_READING ? DOUBTFUL : SHORT}`;

/** The term of a folded word: it and its readings. */
const termOf = perWord((folded) => {
  const { sure, doubtful: maybe } = readings(folded);
  return [exact(folded), ...sure.map(exact), ...maybe.map(doubtful)].join('.');
});

/**
 * What the index holds at a word's position ('' for a word without letters
 * or digits): its folded form and its readings, joined as one compound
 * word, which Pagefind indexes part by part at one position.
 */
export function wordTerm(word: string): string {
  const folded = foldWord(word);
  return folded ? termOf(folded) : '';
}

/** The index terms of a text's words, in order, words without any left out. */
export function textTerms(text: string): string[] {
  return words(text).map(wordTerm).filter(Boolean);
}

/**
 * How closely a page's word matches a query word, best first:
 * 0 the typed form, or the query without its sure clitics, in the text alone
 *   or after a sure clitic («حكومة» in «والحكومة»; «بالمشروعات» → «المشروعات»);
 * 1 either after a doubtful clitic in the text («طرابلس» in «بطرابلس»);
 * 2 the query read without a first letter that may be its own
 *   («بطرابلس» → «طرابلس»);
 * 3 a doubtful reading, of the text or the query, that leaves three letters
 *   («مصر» in «بمصر», but also «جنة» in «لجنة»);
 * 4 a longer word that begins with the typed form or a sure reading of it («حكومات» for «حكوم»).
 */
export type Tier = 0 | 1 | 2 | 3 | 4;

interface Alternative {
  /** A Pagefind search term. */
  term: string;
  tier: Tier;
}

export interface QueryWord {
  /** As folded. */
  folded: string;
  /** The forms a tier-0 match holds: the folded word and its sure readings (what the title index is asked). */
  typed: string[];
  alternatives: Alternative[];
}

const QUERY_READING_MIN = 3;

/** The words of a query, each with the searches that find it, best tier first. */
export function queryWords(query: string): QueryWord[] {
  const seen = new Set<string>();
  const result: QueryWord[] = [];
  for (const word of words(query)) {
    const folded = foldWord(word);
    if (!folded || seen.has(folded)) continue;
    seen.add(folded);
    // A query's own word is never cut below three letters: «بالون» is not
    // searched as «ون», which begins «ونحن».
    const { sure, doubtful: maybe } = readings(folded);
    const kept = sure.filter((reading) => reading.length >= QUERY_READING_MIN);
    const keptMaybe = maybe.filter((reading) => reading.length >= QUERY_READING_MIN);
    const short = (reading: string, tier: Tier): Tier => (reading.length > SHORT_READING ? tier : 3);
    const alternatives: Alternative[] = [
      { term: exact(folded), tier: 0 },
      { term: doubtful(folded), tier: short(folded, 1) },
      ...kept.flatMap((reading) => [
        { term: exact(reading), tier: 0 as const },
        { term: doubtful(reading), tier: short(reading, 1) },
      ]),
      ...keptMaybe.flatMap((reading) => [
        { term: exact(reading), tier: short(reading, 2) },
        { term: doubtful(reading), tier: short(reading, 2) },
      ]),
      { term: folded, tier: 4 },
      ...kept.map((reading) => ({ term: reading, tier: 4 as const })),
    ];
    result.push({ folded, typed: [folded, ...kept], alternatives });
  }
  return result;
}

/** Positions before it hold the title's words; the body's first word is at it (see search-record.ts). */
export const TITLE_SLOTS = 64;
