import { describe, expect, it } from 'vitest';
import { parseDispatch } from '#src/dispatch/parse.ts';
import { withDateline } from '#src/render/body-html.ts';
import { fillPhotos, placePhotos, splitBody } from '#src/dispatch/photo-markers.ts';
import { bodyPhotoRefs, resolveDispatchPhotos, resolvePhoto } from '#src/dispatch/photos.ts';
import { leadText } from '#src/dispatch/summary.ts';

/** An image as Astro's Markdown renderer leaves it in rendered HTML. */
const img = (src: string, alt = 'وصف', title?: string) =>
  `<img __ASTRO_IMAGE_="${JSON.stringify({ src, alt, ...(title && { title }), index: 0 }).replaceAll('"', '&#x22;')}">`;
const photos = [
  { src: 'a.jpg', alt: 'وصف' },
  { src: 'b.jpg', alt: 'وصف', caption: 'تعليق' },
  { src: 'my%20photo.jpg', alt: 'وصف' },
];

describe('placePhotos', () => {
  it('turns a paragraph holding only a photo into the marker of that photo', () => {
    const html = `<p>أول.</p>\n<p>${img('b.jpg', 'وصف', 'تعليق')}</p>\n<p>ثان.</p>\n<p>${img('a.jpg')}</p>`;
    expect(placePhotos(html, photos)).toBe('<p>أول.</p>\n<figure data-photo="1"></figure>\n<p>ثان.</p>\n<figure data-photo="0"></figure>');
  });

  it('moves a photo written inside a paragraph, list or link after the block, leaving nothing empty behind', () => {
    expect(placePhotos(`<p>قبل ${img('a.jpg')} بعد</p>`, photos)).toBe('<p>قبل  بعد</p><figure data-photo="0"></figure>');
    expect(placePhotos(`<ul><li>بند</li><li>${img('a.jpg')}</li></ul>`, photos)).toBe(
      '<ul><li>بند</li></ul><figure data-photo="0"></figure>',
    );
    expect(placePhotos(`<p>رابط <a href="https://x.example/">${img('a.jpg')}</a> بعده</p>`, photos)).toBe(
      '<p>رابط  بعده</p><figure data-photo="0"></figure>',
    );
  });

  it('matches a photo by file, description and caption, the file as written or decoded', () => {
    expect(placePhotos(`<p>${img('my photo.jpg')}</p>`, photos)).toBe('<figure data-photo="2"></figure>');
    expect(() => placePhotos(`<p>${img('a.jpg', 'وصف آخر')}</p>`, photos)).toThrow('the body photo «a.jpg» cannot be placed');
  });

  it('leaves HTML without Markdown photos byte for byte as it was', () => {
    const html = '<p>نص &amp; <img src="/logo.png" alt="شعار"></p>';
    expect(placePhotos(html, photos)).toBe(html);
  });
});

describe('a body that opens with a photo', () => {
  const html = '<figure data-photo="0"></figure>\n<p>أول جملة في الخبر.</p>';

  it('keeps the photo first and opens the text with the dateline', () => {
    expect(withDateline(html, '<time>طرابلس</time>')).toBe(
      '<figure data-photo="0"></figure>\n<p><time>طرابلس</time> أول جملة في الخبر.</p>',
    );
  });

  it('takes its lead from the first paragraph of text', () => {
    expect(leadText(html)).toBe('أول جملة في الخبر.');
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

  it('names an <img> written as HTML that loads from another site', () => {
    const body = 'نص.\n\n<p><img alt="x" src="https://example.com/a.jpg"> <img src=//cdn.example/b.png></p>\n\n<img src="/logo.png">\n';
    expect(bodyPhotoRefs(body, 1)).toEqual([
      { src: undefined, remote: 'https://example.com/a.jpg', alt: '', line: 3 },
      { src: undefined, remote: '//cdn.example/b.png', alt: '', line: 3 },
      { src: undefined, alt: '', line: 5 },
    ]);
  });

  it('reads reference-style images and images in footnotes, as Astro renders them', () => {
    const body = 'نص[^1].\n\n![وصف][p1]\n\n[p1]: wide.jpg "مرجعية"\n\n[^1]: ![حاشية](note.png)\n';
    expect(bodyPhotoRefs(body, 1)).toEqual([
      { src: 'wide.jpg', alt: 'وصف', caption: 'مرجعية', line: 3 },
      { src: 'note.png', alt: 'حاشية', caption: undefined, line: 7 },
    ]);
  });
});

describe('front-matter photo fields', () => {
  const dispatch = (extra: string) =>
    parseDispatch('x.md', 'x', `---\ntitle: "عنوان"\ndate: "2025-12-01T09:00"\ncity: طرابلس\ncategory: محليات\n${extra}---\nنص.\n`);

  it('need a description when there is an image, pointing at the image line', () => {
    const result = dispatch('image: a.jpg\n');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([expect.objectContaining({ line: 6, field: 'imageAlt', code: 'image.altMissing' })]);
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
    expect(found).toEqual({ lead: { src: 'a.jpg', path: '../../images/a.jpg', alt: 'وصف', caption: undefined }, body: [], problems: [] });
    expect(resolveDispatchPhotos(result.dispatch, () => undefined).problems).toEqual([
      { file: 'x.md', line: 6, field: 'image', code: 'image.missing', params: { value: 'a.jpg' }, severity: 'error' },
    ]);
  });

  it('refuse an HTML <img> from another site, which the Content-Security-Policy would block, and only warn of a local one', () => {
    const result = dispatch('');
    if (!result.ok) throw new Error('valid');
    const refs = bodyPhotoRefs('<img src="https://example.com/a.jpg">\n\n<img src="/logo.png">\n', 8);
    expect(resolveDispatchPhotos(result.dispatch, () => undefined, refs).problems).toEqual([
      { file: 'x.md', line: 8, field: 'body', code: 'image.remote', params: { value: 'https://example.com/a.jpg' }, severity: 'error' },
      { file: 'x.md', line: 10, field: 'body', code: 'image.html', params: {}, severity: 'warning' },
    ]);
  });
});

describe('resolvePhoto', () => {
  const find = (_: string, src: string) => (src === 'my photo.jpg' ? './my photo.jpg' : src.startsWith('..') ? null : undefined);

  it('finds a file written with %20 for its spaces', () => {
    expect(resolvePhoto('x.md', 'my%20photo.jpg', find)).toEqual({ path: './my photo.jpg' });
  });

  it('refuses what it cannot publish, saying why', () => {
    expect(resolvePhoto('x.md', '/etc/photo.jpg', find)).toMatchObject({ code: 'image.outside' });
    expect(resolvePhoto('x.md', '../../../secret.jpg', find)).toMatchObject({ code: 'image.outside' });
    expect(resolvePhoto('x.md', 'growth 100%.jpg', find)).toMatchObject({ code: 'image.percent' });
    expect(resolvePhoto('x.md', 'animation.gif', find)).toMatchObject({ code: 'image.format' });
    expect(resolvePhoto('x.md', 'https://photos.example/a.jpg', find)).toMatchObject({ code: 'image.remote' });
    expect(resolvePhoto('x.md', 'gone.JPG', find)).toMatchObject({ code: 'image.missing' });
  });
});
