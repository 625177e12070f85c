import { describe, expect, it } from 'vitest';
import { blockSizes, bodyLocations, excerptHtml, markedTitle } from '#src/search/excerpt.ts';
import { TITLE_SLOTS } from '#src/search/terms.ts';

describe('excerptHtml: a block of the body around its matches, in the original spelling', () => {
  const text = 'وقال الوزير إن «الحكومة» ستبدأ العمل، وأضاف أن الحكومة & الشركاء جاهزون.';

  it('marks the located words, keeping the punctuation around them', () => {
    // words: وقال0 الوزير1 إن2 الحكومة3 ستبدأ4 العمل5 وأضاف6 أن7 الحكومة8 الشركاء9 جاهزون10
    expect(excerptHtml(text, [3, 8])).toBe(
      'وقال الوزير إن «<mark>الحكومة</mark>» ستبدأ العمل، وأضاف أن <mark>الحكومة</mark> &amp; الشركاء جاهزون.',
    );
  });

  it('cuts around the densest run of matches, with «…» where it cut', () => {
    const long = Array.from({ length: 100 }, (_, i) => `كلمة${i}`).join(' ');
    expect(excerptHtml(long, [60, 62], undefined, 10)).toBe(
      '… كلمة58 كلمة59 <mark>كلمة60</mark> كلمة61 <mark>كلمة62</mark> كلمة63 كلمة64 كلمة65 كلمة66 كلمة67 …',
    );
  });

  it('keeps a number with a right-to-left mark inside in its order', () => {
    const rlm = 'ارتفع المؤشر إلى 19\u200f.02 نقطة، ثم إلى 159\u200f.9 نقطة.';
    const html = excerptHtml(rlm, [3]);
    expect(html).toBe('ارتفع المؤشر إلى <mark>19</mark>\u200f.02 نقطة، ثم إلى 159\u200f.9 نقطة.');
    expect(html.replace(/<\/?mark>/g, '')).toBe(rlm);
  });

  it('stays within one block: a caption or subheading never runs into the paragraph', () => {
    const blocks = 'الفقرة الأولى عن الميناء.\nصورة: رافعات الميناء\nالفقرة الثانية.';
    expect(excerptHtml(blocks, [6])).toBe('… صورة: رافعات <mark>الميناء</mark> …');
    expect(excerptHtml(blocks, [])).toBe('الفقرة الأولى عن الميناء. …');
    // As Pagefind's metadata gives it back: line breaks as spaces, and the words per block apart.
    expect(blockSizes(blocks)).toEqual([4, 3, 2]);
    expect(excerptHtml(blocks.replaceAll('\n', ' '), [6], [4, 3, 2])).toBe('… صورة: رافعات <mark>الميناء</mark> …');
  });

  it('ignores locations past the text', () => {
    expect(excerptHtml('أ ب ج', [7], undefined, 2)).toBe('أ ب …');
  });
});

describe('markedTitle and bodyLocations: title words from 0, body words from TITLE_SLOTS', () => {
  it('marks the title words located in the title', () => {
    expect(markedTitle('«الحكومة» تعلن خطتها', [0, TITLE_SLOTS + 4])).toBe('«<mark>الحكومة</mark>» تعلن خطتها');
    expect(markedTitle('ميناء & مطار', [])).toBe('ميناء &amp; مطار');
  });

  it('gives the body’s word indexes', () => {
    expect(bodyLocations([0, 2, TITLE_SLOTS, TITLE_SLOTS + 5])).toEqual([0, 5]);
  });
});
