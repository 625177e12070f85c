/**
 * The one Arabic search normaliser, used when the index is built and, in the
 * browser, on every query, so both sides agree word for word.
 *
 * Each word folds to one canonical token (the index keeps one token per word,
 * in order, so result excerpts can be mapped back to the original text):
 * - letters: hamza forms of alef → ا; ى and Persian ی → ي; Persian ک → ك;
 *   ة → ه; ؤ and ئ → ء (so «مسؤول» and «مسئول» meet); tashkeel and tatweel go;
 * - digits: Arabic-Indic and Persian digits → 0-9;
 * - clitics: the article ال, the prepositions ب/ك/ل before it (written لل
 *   for ل+ال) and a conjunction و/ف before those are dropped, so «والحكومة»,
 *   «للحكومة» and «حكومة» meet, and «الوزير» meets «وزير».
 * One extra index token per word (indexVariants) catches a conjunction or a
 * preposition before a bare word: «وسبها» → «سبها», «بطرابلس» → «طرابلس».
 */

const MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const LETTERS: Record<string, string> = {
  'أ': 'ا',
  'إ': 'ا',
  'آ': 'ا',
  'ٱ': 'ا',
  'ى': 'ي',
  'ی': 'ي',
  'ې': 'ي',
  'ک': 'ك',
  'ة': 'ه',
  'ۀ': 'ه',
  'ە': 'ه',
  'ھ': 'ه',
  'ؤ': 'ء',
  'ئ': 'ء',
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

/** The words of a text, in order, as written. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

const isArabic = (w: string) => /^[\u0621-\u064a]/.test(w);
const letters = (word: string) => fold(word).replace(/[^\p{L}\p{N}]/gu, '');

/** و or ف directly before the article is surely a conjunction: «والحكومة». */
const CONJUNCTION_BEFORE_ARTICLE = /^[وف](?=(?:[بكل]?ال|لل)\p{L}{2})/u;

function stripArticle(w: string): string {
  const match = /^(?:[بكل]?ال|لل)/.exec(w);
  return match && w.length - match[0].length >= 2 ? w.slice(match[0].length) : w;
}

/** The canonical token of one word ('' when nothing searchable is left). */
export function normalizeWord(word: string): string {
  return stripArticle(letters(word).replace(CONJUNCTION_BEFORE_ARTICLE, ''));
}

// An archive repeats a small vocabulary millions of times: each word is
// worked out once (the cache is emptied when it grows past the bound).
const WORD_CACHE_LIMIT = 200_000;
const indexed = new Map<string, { token: string; variants: string[] }>();

function indexWord(word: string): { token: string; variants: string[] } {
  let entry = indexed.get(word);
  if (!entry) {
    if (indexed.size >= WORD_CACHE_LIMIT) indexed.clear();
    entry = { token: normalizeWord(word), variants: indexVariants(word) };
    indexed.set(word, entry);
  }
  return entry;
}

/**
 * Extra index tokens for a word whose first letter may be a clitic: a
 * conjunction before a bare word («وسبها» → «سبها») or a preposition
 * («بطرابلس» → «طرابلس», «لليبيا» → «ليبيا»). Only the index gets them; a
 * query keeps its word whole (a reader typing «وزير» means وزير).
 */
export function indexVariants(word: string): string[] {
  const canonical = normalizeWord(word);
  const variants = new Set<string>();
  // Up to two clitics: «وبطرابلس» → «بطرابلس» → «طرابلس», «وليبيا» → «ليبيا» → «يبيا».
  let rest = letters(word);
  for (let depth = 0; depth < 2 && isArabic(rest) && rest.length >= 4 && /^[وفبكل]/.test(rest); depth++) {
    rest = rest.slice(1);
    variants.add(normalizeWord(rest));
  }
  variants.delete(canonical);
  return [...variants];
}

/** A query as the index spells it. */
export function normalizeQuery(query: string): string {
  return words(query).map(normalizeWord).filter(Boolean).join(' ');
}

/**
 * What the index holds for a text: one token per word (in order, empty
 * words dropped) and then the extra variants.
 */
export function indexTokens(text: string): { tokens: string[]; variants: string[] } {
  const tokens: string[] = [];
  const variants: string[] = [];
  for (const word of words(text)) {
    const { token, variants: extra } = indexWord(word);
    if (!token) continue;
    tokens.push(token);
    variants.push(...extra);
  }
  return { tokens, variants };
}
