import { describe, expect, it } from 'vitest';
import { queryWords, textTerms, wordTerm } from '#src/search/terms.ts';

describe('wordTerm: a word and its readings at one position of the index', () => {
  it('ends every term with a mark, a doubtful reading with another', () => {
    expect(wordTerm('طرابلس')).toBe('طرابلسـ');
    expect(wordTerm('والحكومة')).toBe('والحكومهـ.الحكومهـ.حكومهـ');
    expect(wordTerm('بطرابلس')).toBe('بطرابلسـ.طرابلسﻻ');
    expect(wordTerm('٢٠٢٥')).toBe('2025ـ');
  });

  it('gives one term per word that has letters or digits, in order', () => {
    expect(textTerms('وصل الوفد، ثم - غادر «بالون».')).toEqual(['وصلـ', 'الوفدـ.وفدـ', 'ثمـ', 'غادرـ', 'بالونـ.الونـ.ونـ']);
  });
});

describe('queryWords: the searches that find each query word, best tier first', () => {
  const terms = (query: string) => queryWords(query).map((w) => w.alternatives.map((a) => `${a.tier}:${a.term}`));

  it('searches the typed form alone first, then readings, then longer words', () => {
    // Without its article, the query is the same word: the bare «حكومة» is typed form too.
    expect(terms('الحكومة')).toEqual([['0:الحكومهـ', '1:الحكومهﻻ', '0:حكومهـ', '1:حكومهﻻ', '4:الحكومه', '4:حكومه']]);
    // The reader's own first letter read off ranks below a clitic read off the text.
    expect(terms('بطرابلس')).toEqual([['0:بطرابلسـ', '1:بطرابلسﻻ', '2:طرابلسـ', '2:طرابلسﻻ', '4:بطرابلس']]);
    expect(terms('طرابلس')).toEqual([['0:طرابلسـ', '1:طرابلسﻻ', '4:طرابلس']]);
  });

  it('ranks a reading that leaves three letters below the others, on both sides: «جنة» is not «لجنة»', () => {
    expect(terms('ولاية')).toEqual([['0:ولايهـ', '1:ولايهﻻ', '2:لايهـ', '2:لايهﻻ', '3:ايهـ', '3:ايهﻵ', '4:ولايه']]);
    expect(terms('مصر')).toEqual([['0:مصرـ', '3:مصرﻵ', '4:مصر']]);
    expect(wordTerm('لجنة')).toBe('لجنهـ.جنهﻵ');
    expect(wordTerm('بمصر')).toBe('بمصرـ.مصرﻵ');
  });

  it('never cuts a query word below three letters: «بالون» is not searched as «ون»', () => {
    expect(terms('بالون')).toEqual([['0:بالونـ', '1:بالونﻻ', '0:الونـ', '1:الونﻻ', '4:بالون', '4:الون']]);
    expect(terms('لله')).toEqual([['0:للهـ', '3:للهﻵ', '4:لله']]);
  });

  it('folds every variant a reader types to the same searches', () => {
    const same = ['الحكومة', 'الحكومه', 'الحُكُومَة', 'الحـكـومـة', 'ألحكومة'];
    for (const query of same) expect(terms(query), query).toEqual(terms('الحكومة'));
    expect(terms('٣٥٠')).toEqual(terms('350'));
    expect(terms('۳۵۰')).toEqual(terms('350'));
    expect(terms('مسئول')).toEqual(terms('مسؤول'));
  });

  it('reads clitics together, typed with tatweel or diacritics too: «وللـمستشفى», «فللمستشفي», «وبالمُستشفى»', () => {
    const tierOf = (query: string, term: string) => queryWords(query)[0].alternatives.find((a) => a.term === term)?.tier;
    for (const query of ['وللـمستشفى', 'فللمستشفي', 'وبالمُستشفى', 'بالمستشفى', 'كالمستشفى']) {
      // The bare word and its article form, as the text may spell them: the same word.
      expect(tierOf(query, 'مستشفيـ'), query).toBe(0);
      expect(tierOf(query, 'المستشفيـ'), query).toBe(0);
    }
    expect(terms('وللـمستشفى')).toEqual(terms('وللمستشفي'));
  });

  it('keeps each word once, and drops what has no letters', () => {
    expect(queryWords('ميناء ، ميناء 19\u200f.02').map((w) => w.folded)).toEqual(['ميناء', '19', '02']);
    expect(queryWords('؟!')).toEqual([]);
  });
});
