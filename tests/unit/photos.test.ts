import { describe, expect, it } from 'vitest';
import { fillEnclosureLengths } from '../../src/integrations/enclosures.ts';
import { parseDispatch } from '../../src/lib/dispatch-file.ts';
import { cropSize, photoWidths } from '../../src/lib/photo-variants.ts';
import { bodyPhotoRefs, fillPhotos, placePhotos, resolveDispatchPhotos, splitBody } from '../../src/lib/photos.ts';

/** An image as Astro's Markdown renderer leaves it in rendered HTML. */
const img = (src: string) => `<img __ASTRO_IMAGE_="{&#x22;src&#x22;:&#x22;${src}&#x22;,&#x22;index&#x22;:0}">`;

describe('placePhotos', () => {
  it('turns a paragraph holding only a photo into its marker, numbering photos in reading order', () => {
    const html = `<p>أول.</p>\n<p>${img('a.jpg')}</p>\n<p>ثان.</p>\n<p>${img('b.jpg')}</p>`;
    expect(placePhotos(html)).toBe(
      '<p>أول.</p>\n<figure data-photo="0"></figure>\n<p>ثان.</p>\n<figure data-photo="1"></figure>',
    );
  });

  it('moves a photo written inside a paragraph after it, keeping the text', () => {
    expect(placePhotos(`<p>قبل ${img('a.jpg')} بعد</p>`)).toBe('<p>قبل  بعد</p><figure data-photo="0"></figure>');
    expect(placePhotos(`<ul><li>بند ${img('a.jpg')}</li></ul>`)).toBe('<ul><li>بند </li></ul><figure data-photo="0"></figure>');
  });

  it('leaves HTML without Markdown photos byte for byte as it was', () => {
    const html = '<p>نص &amp; <img src="/logo.png" alt="شعار"></p>';
    expect(placePhotos(html)).toBe(html);
  });
});

describe('splitBody and fillPhotos', () => {
  const html = '<p>أ</p><figure data-photo="0"></figure><p>ب</p><figure data-photo="1"></figure>';

  it('cut the body at its markers', () => {
    expect(splitBody(html)).toEqual(['<p>أ</p>', 0, '<p>ب</p>', 1]);
    expect(splitBody('<p>بلا صور</p>')).toEqual(['<p>بلا صور</p>']);
  });

  it('replace each marker with its photo', () => {
    expect(fillPhotos(html, (n) => `[${n}]`)).toBe('<p>أ</p>[0]<p>ب</p>[1]');
  });
});

describe('bodyPhotoRefs', () => {
  it('gives each Markdown image its line in the file, caption from its title', () => {
    const body = 'نص.\n\n![وصف أ](a.jpg "تعليق أ")\n\nنص ![وصف ب](b.png) داخل فقرة.\n\n<img src="c.jpg">\n';
    expect(bodyPhotoRefs(body, 8)).toEqual([
      { src: 'a.jpg', alt: 'وصف أ', caption: 'تعليق أ', line: 10 },
      { src: 'b.png', alt: 'وصف ب', caption: undefined, line: 12 },
      { src: undefined, alt: '', line: 14 },
    ]);
  });
});

describe('front-matter photo fields', () => {
  const dispatch = (extra: string) =>
    parseDispatch(
      'x.md',
      'x',
      `---\ntitle: "عنوان"\ndate: "2025-12-01T09:00"\ncity: طرابلس\ncategory: محليات\n${extra}---\nنص.\n`,
    );

  it('need a description when there is an image, pointing at the image line', () => {
    const result = dispatch('image: a.jpg\n');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      expect.objectContaining({ line: 6, field: 'imageAlt', code: 'image.altMissing' }),
    ]);
  });

  it('are kept, cleaned, when complete', () => {
    const result = dispatch('image: a.jpg\nimageAlt: " وصف الصورة "\nimageCaption: "تعليق"\nimageCredit: "مصور"\n');
    expect(result.ok && result.dispatch.data).toMatchObject({
      image: 'a.jpg',
      imageAlt: 'وصف الصورة',
      imageCaption: 'تعليق',
      imageCredit: 'مصور',
    });
  });

  it('resolve through the finder, and a missing file is a problem on the image line', () => {
    const result = dispatch('image: a.jpg\nimageAlt: "وصف"\n');
    if (!result.ok) throw new Error('valid');
    const found = resolveDispatchPhotos(result.dispatch, (_, src) => (src === 'a.jpg' ? '../../images/a.jpg' : undefined));
    expect(found).toEqual({ lead: { path: '../../images/a.jpg', alt: 'وصف', caption: undefined }, body: [], problems: [] });
    expect(resolveDispatchPhotos(result.dispatch, () => undefined).problems).toEqual([
      { file: 'x.md', line: 6, field: 'image', code: 'image.missing', params: { value: 'a.jpg' }, severity: 'error' },
    ]);
  });
});

describe('photo sizes', () => {
  it('never ask for more pixels than the original has', () => {
    expect(photoWidths({ width: 4000 })).toEqual([480, 800, 1200]);
    expect(photoWidths({ width: 900 })).toEqual([480, 800]);
    expect(photoWidths({ width: 300 })).toEqual([300]);
    expect(cropSize({ width: 4000, height: 3000 }, 16 / 9)).toEqual({ width: 1200, height: 675 });
    expect(cropSize({ width: 1600, height: 1000 }, 1)).toEqual({ width: 1000, height: 1000 });
    expect(cropSize({ width: 800, height: 300 }, 4 / 3)).toEqual({ width: 400, height: 300 });
  });
});

describe('fillEnclosureLengths', () => {
  it('sets each local enclosure length from its file and leaves others alone', async () => {
    const xml =
      '<item><enclosure url="https://archive.lana.example/_astro/a.jpg" length="0" type="image/jpeg"/></item>' +
      '<item><enclosure url="https://archive.lana.example/_astro/a.jpg" length="0" type="image/jpeg"/></item>' +
      '<item><enclosure url="https://elsewhere.example/b.jpg" length="0" type="image/jpeg"/></item>';
    const asked: string[] = [];
    const filled = await fillEnclosureLengths(xml, async (pathname) => {
      asked.push(pathname);
      return 1234;
    });
    expect(asked).toEqual(['/_astro/a.jpg']);
    expect(filled.match(/length="\d+"/g)).toEqual(['length="1234"', 'length="1234"', 'length="0"']);
  });
});
