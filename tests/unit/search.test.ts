import { describe, expect, it } from 'vitest';
import { fold, indexTokens, indexVariants, normalizeQuery, normalizeWord } from '../../src/lib/arabic.ts';
import { excerptHtml } from '../../src/lib/excerpt.ts';
import { recordHtml, recordSource, searchRecord } from '../../src/lib/search-record.ts';
import { makeDispatch } from '../helpers/dispatch.ts';

describe('normalizeWord: spellings readers type meet the spelling in the text', () => {
  it.each([
    // conjunctions and prepositions before the article
    [['والحكومة', 'فالحكومة', 'بالحكومة', 'كالحكومة', 'للحكومة', 'الحكومة', 'حكومة', 'حكومه'], 'حكومه'],
    [['الوزير', 'وزير', 'والوزير', 'فالوزير'], 'وزير'],
    // hamza seats
    [['مسؤول', 'مسئول', 'المسؤول', 'والمسئول'], 'مسءول'],
    [['أعلن', 'إعلان'.slice(0, 0) + 'اعلن', 'آعلن'], 'اعلن'],
    // tashkeel, tatweel, alef maqsura
    [['مُسْتَشْفَى', 'مستشفى', 'مستشفي', 'مســتشفى'], 'مستشفي'],
    // digits both ways
    [['2025', '٢٠٢٥', '۲۰۲۵'], '2025'],
    // Persian letters
    [['کهرباء', 'كهرباء', 'الكهرباء'], 'كهرباء'],
    [['فی', 'في'], 'في'],
  ])('%j → %s', (variants, token) => {
    for (const word of variants) expect(normalizeWord(word), word).toBe(token);
  });

  it('keeps a leading و or ف that is not before the article: it may be part of the word', () => {
    expect(normalizeWord('وزير')).toBe('وزير');
    expect(normalizeWord('ورقة')).toBe('ورقه');
    expect(normalizeWord('الرقة')).toBe('رقه');
    expect(normalizeWord('فريق')).toBe('فريق');
  });

  it('leaves short words whole', () => {
    expect(normalizeWord('وطن')).toBe('وطن');
    expect(normalizeWord('ال')).toBe('ال');
  });

  it('folds presentation forms and Latin case', () => {
    expect(fold('ﻻ COVID')).toBe('لا covid');
  });
});

describe('index variants', () => {
  it('adds the word without a leading conjunction or bare preposition, for the index only', () => {
    expect(indexVariants('وسبها')).toEqual(['سبها']);
    expect(indexVariants('بطرابلس')).toEqual(['طرابلس']);
    expect(indexVariants('لليبيا')).toEqual(['ليبيا']);
    expect(indexVariants('طرابلس')).toEqual([]);
    expect(indexVariants('والحكومة')).toEqual([]);
    expect(normalizeQuery('سبها')).toBe('سبها');
  });

  it('keeps one token per word, in order, then the variants', () => {
    expect(indexTokens('وصل الوفد بطرابلس، ثم - غادر.')).toEqual({
      tokens: ['وصل', 'وفد', 'بطرابلس', 'ثم', 'غادر'],
      variants: ['طرابلس'],
    });
  });

  it('normalises a query the same way', () => {
    expect(normalizeQuery('  الحكومة، الليبية ٢٠٢٥!')).toBe('حكومه ليبيه 2025');
    expect(normalizeQuery('؟!')).toBe('');
  });
});

describe('excerptHtml', () => {
  const text = 'وقال الوزير إن «الحكومة» ستبدأ العمل، وأضاف أن الحكومة & الشركاء جاهزون.';

  it('marks the located words in the original spelling', () => {
    // words: وقال0 الوزير1 إن2 الحكومة3 ستبدأ4 العمل5 وأضاف6 أن7 الحكومة8 الشركاء9 جاهزون10
    expect(excerptHtml(text, [3, 8])).toBe(
      'وقال الوزير إن «<mark>الحكومة</mark>» ستبدأ العمل، وأضاف أن <mark>الحكومة</mark> &amp; الشركاء جاهزون.',
    );
  });

  it('cuts around the densest run of matches', () => {
    const long = Array.from({ length: 100 }, (_, i) => `كلمة${i}`).join(' ');
    const html = excerptHtml(long, [60, 62], 10);
    expect(html).toBe('… كلمة58 كلمة59 <mark>كلمة60</mark> كلمة61 <mark>كلمة62</mark> كلمة63 كلمة64 كلمة65 كلمة66 كلمة67 …');
  });

  it('can skip a title shown apart', () => {
    expect(excerptHtml('عنوان الخبر نص الخبر هنا', [1, 3], 30, 2)).toBe('نص <mark>الخبر</mark> هنا');
  });

  it('ignores locations of extra variants and starts at the top without matches', () => {
    expect(excerptHtml('أ ب ج', [7], 2)).toBe('أ ب …');
  });
});

describe('search records', () => {
  const dispatch = makeDispatch('x', '2025-12-01T08:30:00Z', {
    title: 'الحكومة تعلن',
    summary: 'ملخص الخبر',
    category: 'economy',
    photos: [{ photo: { file: 'a.jpg', name: 'a.jpg', digest: 'ab', hash: 'Ab3dE_fG', width: 800, height: 600, format: 'jpeg' }, alt: 'وصف', caption: 'تعليق الصورة' }],
  });
  const body = '<p>أعلنت الحكومة <b>بطرابلس</b>.</p>\n<figure data-photo="0"></figure>\n<p>وأضافت.</p>';

  it('are made from the dispatch and its body: the dateline, the text and the photos’ captions, not their credits', () => {
    expect(searchRecord(recordSource(dispatch, '/_astro/x.webp'), body)).toEqual({
      url: dispatch.url,
      title: 'الحكومة تعلن',
      dateline: 'طرابلس 01 ديسمبر 2025 (وال) -',
      summary: 'ملخص الخبر',
      text: 'الحكومة تعلن\nطرابلس 01 ديسمبر 2025 (وال) - أعلنت الحكومة بطرابلس. تعليق الصورة وأضافت.',
      filters: { city: 'طرابلس', category: 'اقتصاد', year: '2025', source: 'وال' },
      sort: { date: '2025-12-01T10:30:00+02:00' },
      image: '/_astro/x.webp',
    });
  });

  it('index normalised tokens but keep the original text as metadata', () => {
    const html = recordHtml(searchRecord(recordSource(dispatch), body));
    expect(html).toContain('<h1>حكومه تعلن</h1>');
    expect(html).toContain('<p>طرابلس 01 ديسمبر 2025 وال اعلنت حكومه بطرابلس تعليق صوره واضافت</p>');
    expect(html).toContain('<span data-pagefind-meta="title">الحكومة تعلن</span>');
    expect(html).toContain('<span data-pagefind-meta="date">2025-12-01T10:30:00+02:00</span>');
    expect(html).toContain('<span data-pagefind-meta="city">طرابلس</span>');
    expect(html).toContain('<span data-pagefind-filter="city">طرابلس</span>');
    expect(html).toContain('data-pagefind-sort="date:2025-12-01T10:30:00+02:00"');
  });
});
