import { describe, expect, it } from 'vitest';
import { recordHtml, recordSource, searchRecord } from '#src/search/record.ts';
import { TITLE_SLOTS } from '#src/search/terms.ts';
import { bucketFile, bucketOf, titleIndexFiles, titleWords } from '#src/search/title-index.ts';
import { makeDispatch } from '../../helpers/dispatch.ts';

describe('search records', () => {
  const dispatch = makeDispatch('x', '2025-12-01T08:30:00Z', {
    title: 'الحكومة تعلن',
    summary: 'ملخص الخبر',
    category: 'economy',
    photos: [
      {
        photo: { file: 'a.jpg', name: 'a.jpg', digest: 'ab', hash: 'Ab3dE_fG', width: 800, height: 600, format: 'jpeg' },
        alt: 'وصف',
        caption: 'تعليق الصورة',
      },
    ],
  });
  const body =
    '<p>أعلنت الحكومة <b>بطرابلس</b> أن النمو بلغ 19&rlm;.02 %.</p>\n<h2>التفاصيل</h2>\n<figure data-photo="0"></figure>\n<p>وأضافت.</p>';

  it('hold the body block by block, without the dateline, with captions (not credits) as their own blocks and bidi marks kept', () => {
    expect(searchRecord(recordSource(dispatch, '/_astro/x.webp'), body)).toEqual({
      url: dispatch.url,
      title: 'الحكومة تعلن',
      dateline: 'طرابلس 01 ديسمبر 2025 (وال) -',
      text: 'أعلنت الحكومة بطرابلس أن النمو بلغ 19\u200f.02 %.\nالتفاصيل\nتعليق الصورة\nوأضافت.',
      filters: { city: 'طرابلس', category: 'اقتصاد', year: '2025', source: 'وال' },
      sort: { date: '2025-12-01T10:30:00+02:00' },
      image: '/_astro/x.webp',
    });
  });

  it('index the title’s terms from 0 and the body’s from TITLE_SLOTS, and keep the original text as metadata', () => {
    const html = recordHtml(searchRecord(recordSource(dispatch), body));
    expect(html).toContain('<h1>الحكومهـ.حكومهـ تعلنـ</h1>');
    const filler = Array(TITLE_SLOTS - 2)
      .fill('.')
      .join(' ');
    expect(html).toContain(
      `<p>${filler} اعلنتـ الحكومهـ.حكومهـ بطرابلسـ.طرابلسﻻ انـ النموـ.نموـ بلغـ 19ـ 02ـ التفاصيلـ.تفاصيلـ تعليقـ الصورهـ.صورهـ واضافتـ.اضافتﻻ</p>`,
    );
    expect(html).toContain('<span data-pagefind-meta="title">الحكومة تعلن</span>');
    expect(html).toContain(
      '<span data-pagefind-meta="text">أعلنت الحكومة بطرابلس أن النمو بلغ 19\u200f.02 %.\nالتفاصيل\nتعليق الصورة\nوأضافت.</span>',
    );
    expect(html).toContain('<span data-pagefind-meta="blocks">8 1 2 1</span>');
    expect(html).toContain('<span data-pagefind-filter="city">طرابلس</span>');
    expect(html).toContain('data-pagefind-sort="date:2025-12-01T10:30:00+02:00"');
  });
});

describe('the title index: which shards have a word in a title', () => {
  const files = titleIndexFiles([
    { key: '2026', words: titleWords(['الحكومة تعلن خطة', 'ميناء طرابلس']) },
    { key: '2025', words: titleWords(['حكومة جديدة']) },
  ]);
  const lookup = (word: string) => (JSON.parse(files.get(bucketFile(bucketOf(word)))!) as Record<string, string[]>)[word];

  it('lists each folded word and its sure readings, with the keys of the shards that have it', () => {
    expect(titleWords(['الحكومة تعلن', 'ميناء الحكومة'])).toEqual(['الحكومه', 'تعلن', 'حكومه', 'ميناء']);
    expect(lookup('حكومه')).toEqual(['2025', '2026']);
    expect(lookup('الحكومه')).toEqual(['2026']);
    expect(lookup('طرابلس')).toEqual(['2026']);
    expect(lookup('بالون')).toBeUndefined();
  });

  it('writes every bucket, so none is left over from an earlier build', () => {
    expect(files.size).toBe(256);
    expect([...files.values()].filter((json) => json === '{}').length).toBe(
      256 - new Set(['حكومه', 'الحكومه', 'تعلن', 'خطه', 'ميناء', 'طرابلس', 'جديده'].map(bucketOf)).size,
    );
  });
});
