import { describe, expect, it } from 'vitest';
import { fold, foldWord, normalizeQuery, readings, words } from '#src/dispatch/arabic.ts';

describe('foldWord: the spellings a reader may type fold to one form', () => {
  it.each([
    // hamza seats, alef forms
    [['مسؤول', 'مسئول', 'مسءول'], 'مسءول'],
    [['أعلن', 'إعلن', 'آعلن', 'اعلن', 'ٱعلن'], 'اعلن'],
    // alef maqsura and ya, ta marbuta and ha
    [['مستشفى', 'مستشفي'], 'مستشفي'],
    [['حكومة', 'حكومه'], 'حكومه'],
    // tashkeel and tatweel, a shadda typed before or after its vowel (NFC orders them)
    [['مُسْتَشْفَى', 'مســتشفى', 'مستشفـــى'], 'مستشفي'],
    [['مُدَّة', 'مُدَّة'.normalize('NFD'), 'مد\u064e\u0651ة', 'مد\u0651\u064eة', 'مدة'], 'مده'],
    // Arabic-Indic and Persian digits
    [['2025', '٢٠٢٥', '۲۰۲۵'], '2025'],
    // Persian letters
    [['کهرباء', 'كهرباء'], 'كهرباء'],
    [['فی', 'في'], 'في'],
  ])('%j → %s', (variants, form) => {
    for (const word of variants) expect(foldWord(word), word).toBe(form);
  });

  it('drops bidi marks: a right-to-left mark inside a number splits it into its parts, as a query of it does', () => {
    expect(words('بلغ 19\u200f.02 دولارا')).toEqual(['بلغ', '19', '02', 'دولارا']);
    expect(foldWord('\u200f2025\u200e')).toBe('2025');
  });

  it('folds presentation forms and Latin case', () => {
    expect(fold('ﻻ COVID')).toBe('لا covid');
  });

  it('normalises a query word by word, for messages and near-duplicate checks', () => {
    expect(normalizeQuery('  الحكومة، الليبية ٢٠٢٥!')).toBe('الحكومه الليبيه 2025');
    expect(normalizeQuery('؟!')).toBe('');
  });
});

describe('readings: what a word is when its first letters are clitics, never instead of the word itself', () => {
  it.each([
    // the article, and the conjunctions and prepositions before it (alone and together)
    ['الحكومه', ['حكومه'], []],
    ['والحكومه', ['الحكومه', 'حكومه'], []],
    ['فالحكومه', ['الحكومه', 'حكومه'], []],
    ['بالحكومه', ['الحكومه', 'حكومه'], []],
    ['كالحكومه', ['الحكومه', 'حكومه'], []],
    // لل is ل before the article, or ل before a word that begins with ل («للقاء»)
    ['للحكومه', ['الحكومه', 'حكومه'], ['لحكومه']],
    ['للقاء', ['القاء', 'قاء'], ['لقاء']],
    ['وبالحكومه', ['بالحكومه', 'الحكومه', 'حكومه'], []],
    ['وللحكومه', ['للحكومه', 'الحكومه', 'حكومه'], ['لحكومه']],
    ['فللحكومه', ['للحكومه', 'الحكومه', 'حكومه'], ['لحكومه']],
    // a conjunction or a preposition before a bare word: doubtful
    ['وسبها', [], ['سبها']],
    ['بطرابلس', [], ['طرابلس']],
    ['وبطرابلس', [], ['بطرابلس', 'طرابلس']],
    ['لليبيا', ['اليبيا', 'يبيا'], ['ليبيا']],
    ['كمصدر', [], ['مصدر']],
    // words whose first letters are their own keep them, as the word itself
    ['بالون', ['الون', 'ون'], []],
    ['بالغ', [], ['الغ']],
    ['كالسيوم', ['السيوم', 'سيوم'], []],
    ['ولايه', [], ['لايه', 'ايه']],
    ['فلسطين', [], ['لسطين', 'سطين']],
    ['لله', [], []],
    ['وطن', [], []],
    ['البالونات', ['بالونات'], []],
    // not Arabic: nothing to read off
    ['2025', [], []],
    ['covid', [], []],
  ])('%s: sure %j, doubtful %j', (word, sure, doubtful) => {
    expect(readings(word)).toEqual({ sure, doubtful });
  });
});
