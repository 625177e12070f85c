/**
 * Photos in the built test archive: the dispatch page's <picture>s, the
 * crops social networks, search engines, feed readers and search results
 * get, and that every file they name was written, at the size they say.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { photoDispatch } from '../helpers/archive.ts';
import { readPages } from '../helpers/build.ts';
import { gunzipSync } from 'node:zlib';

const site = inject('site');
const origin = 'https://archive.lana.example';
const { url, lead, body } = photoDispatch;
let pages: Map<string, string>;
let $: CheerioAPI;

/** The dist/ file of a site path or absolute URL. */
const distFile = (ref: string) => path.join(site.dist, decodeURI(new URL(ref, origin).pathname));

/** Width, height and format of a built image, read from the file itself. */
async function imageFile(ref: string) {
  const { width, height, format } = await sharp(await readFile(distFile(ref))).metadata();
  return { width, height, format };
}

const srcsetUrls = (srcset: string | undefined) => (srcset ?? '').split(',').map((c) => c.trim().split(/\s+/));

beforeAll(async () => {
  pages = await readPages(site.dist);
  $ = load(pages.get(url)!);
});

describe('a dispatch with a lead photo and a body photo', () => {
  it('shows the lead photo first, eagerly, in AVIF and WebP with a JPEG fallback', async () => {
    const figure = $('article.dispatch > figure.photo');
    expect(figure).toHaveLength(1);
    expect(figure.next().is('.body'), 'the lead photo sits above the body').toBe(true);
    const sources = figure.find('picture source');
    expect(sources.map((_, s) => s.attribs.type).get()).toEqual(['image/avif', 'image/webp']);
    const img = figure.find('picture img');
    // The fallback is the widest size (1200 px), in the original's proportions.
    expect(img.attr()).toMatchObject({
      alt: 'الساحة الرئيسية في سبها مزينة بالأضواء ليلة رأس السنة',
      width: '1200',
      height: String((1200 * lead.height) / lead.width),
      loading: 'eager',
      fetchpriority: 'high',
    });
    for (const [format, srcset] of [
      ['avif', sources.eq(0).attr('srcset')],
      ['webp', sources.eq(1).attr('srcset')],
      ['jpeg', img.attr('srcset')],
    ] as const) {
      const candidates = srcsetUrls(srcset);
      expect(candidates.map(([, w]) => w)).toEqual(['480w', '800w', '1200w']);
      for (const [file, w] of candidates) {
        expect(await imageFile(file)).toMatchObject({ format: format === 'avif' ? 'heif' : format, width: parseInt(w, 10) });
      }
    }
    expect(await imageFile(img.attr('src')!)).toMatchObject({ format: 'jpeg', width: 1200 });
  });

  it('captions the lead photo and credits the source agency by default', () => {
    const caption = $('article.dispatch > figure.photo figcaption');
    expect(caption.find('.caption').text()).toBe('الساحة الرئيسية قبل بدء الاحتفالات');
    expect(caption.find('.credit').text()).toBe('الصورة: وكالة تونس إفريقيا للأنباء');
  });

  it('puts the body photo where the Markdown has it, lazily, at sizes no wider than the file', async () => {
    const figure = $('.body figure.photo').first();
    expect($('.body figure.photo')).toHaveLength(2);
    expect(figure.prev().text()).toContain('انطلاق احتفالات رأس السنة');
    expect(figure.next().text()).toBe('وتستمر الاحتفالات حتى ساعة متأخرة من الليل.');
    const img = figure.find('img');
    expect(img.attr()).toMatchObject({
      alt: 'ألعاب نارية ملونة فوق مباني المدينة',
      width: String(body.width),
      height: String(body.height),
      loading: 'lazy',
    });
    expect(img.attr('fetchpriority')).toBeUndefined();
    expect(srcsetUrls(figure.find('source[type="image/avif"]').attr('srcset')).map(([, w]) => w)).toEqual(['480w', '800w', '900w']);
    for (const [file] of srcsetUrls(img.attr('srcset'))) await expect(stat(distFile(file))).resolves.toBeTruthy();
    expect(figure.find('.caption').text()).toBe('الألعاب النارية في منتصف الليل');
    // Its transparent corner is white in the JPEG fallback, not black.
    const { data } = await sharp(await readFile(distFile(img.attr('src')!)))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(
      [...data.subarray(0, 3)].every((v) => v > 245),
      `corner pixel ${[...data.subarray(0, 3)]}`,
    ).toBe(true);
    // No paragraph is left holding nothing where the image was.
    expect($('.body p').filter((_, p) => $(p).text().trim() === '')).toHaveLength(0);
  });

  it('places a reference-style Markdown image too', () => {
    const figure = $('.body figure.photo').last();
    expect(figure.find('img').attr('alt')).toBe('الساحة الرئيسية من الجهة الشمالية');
    expect(figure.find('.caption').text()).toBe('صورة بصيغة المرجع');
  });

  it('shares a 1200×630 crop of the lead photo on social networks', async () => {
    const og = $('meta[property="og:image"]').attr('content')!;
    expect(og.startsWith(`${origin}/_astro/`)).toBe(true);
    expect($('meta[property="og:image:type"]').attr('content')).toBe('image/jpeg');
    expect($('meta[property="og:image:alt"]').attr('content')).toBe('الساحة الرئيسية في سبها مزينة بالأضواء ليلة رأس السنة');
    expect($('meta[name="twitter:image"]').attr('content')).toBe(og);
    expect(await imageFile(og)).toEqual({ width: 1200, height: 630, format: 'jpeg' });
    // Its generated headline card is not needed, so not made.
    expect(pages.has(`${url}og.png`)).toBe(false);
    await expect(stat(distFile(`${url}og.png`))).rejects.toThrow();
  });

  it('gives NewsArticle JSON-LD 16:9, 4:3 and 1:1 crops that exist at the sizes it states', async () => {
    const [article] = $('script[type="application/ld+json"]')
      .map((_, s) => JSON.parse($(s).html()!))
      .get();
    const images = article.image as { url: string; width: number; height: number; creditText: string }[];
    // The 1:1 crop is as tall as the 1000 px original allows.
    expect(images.map((i) => [i.width, i.height])).toEqual([
      [1200, 675],
      [1200, 900],
      [1000, 1000],
    ]);
    for (const image of images) {
      expect(image.url.startsWith(`${origin}/_astro/`)).toBe(true);
      expect(await imageFile(image.url)).toEqual({ width: image.width, height: image.height, format: 'jpeg' });
      expect(image.creditText).toBe('وكالة تونس إفريقيا للأنباء');
    }
  });

  it('gives its search record a thumbnail that exists', async () => {
    // The records as the index holds them: one gzipped fragment a dispatch.
    const fragments = new Map<string, { meta: Record<string, string> }>();
    for (const file of (await readdir(path.join(site.dist, 'pagefind'), { recursive: true })).filter((f) => f.endsWith('.pf_fragment'))) {
      // Pagefind's signature, then the fragment's JSON.
      const text = gunzipSync(await readFile(path.join(site.dist, 'pagefind', file))).toString();
      const fragment = JSON.parse(text.slice(text.indexOf('{')));
      fragments.set(fragment.url, fragment);
    }
    const record = fragments.get(url)!.meta;
    expect(await imageFile(record.image)).toEqual({ width: 240, height: 180, format: 'webp' });
    // The credit is not text a reader searches for.
    expect(record.text).toContain('الألعاب النارية في منتصف الليل');
    expect(record.text).not.toContain('الصورة:');
    expect(fragments.get('/2025/12/01/port-upgrade/')!.meta.image).toBeUndefined();
  });
});

describe('elsewhere', () => {
  it('publishes no image file that nothing links: no originals', async () => {
    const assets = (await readdir(path.join(site.dist, '_astro'))).filter((f) => /\.(jpe?g|png|webp|avif)$/.test(f));
    expect(assets.length).toBeGreaterThan(20);
    const linking: string[] = [];
    for (const file of await readdir(site.dist, { recursive: true })) {
      if (/\.(html|xml)$/.test(file)) linking.push(await readFile(path.join(site.dist, file), 'utf8'));
    }
    const text = linking.join('\n');
    expect(assets.filter((f) => !text.includes(encodeURI(f)) && !text.includes(f))).toEqual([]);
  });

  it('listing cards show a small 4:3 thumbnail of the lead photo, lazily, as decoration', async () => {
    const card = load(pages.get('/category/local/')!)(`article.card:has(a[href="${url}"])`);
    const img = card.find('picture img');
    expect(img.attr()).toMatchObject({ alt: '', width: '240', height: '180', loading: 'lazy', sizes: '120px' });
    for (const [file, w] of srcsetUrls(card.find('source[type="image/webp"]').attr('srcset'))) {
      expect(await imageFile(file)).toMatchObject({ width: parseInt(w, 10), height: (parseInt(w, 10) * 3) / 4 });
    }
    // Cards of dispatches without a photo have none.
    expect(load(pages.get('/category/economy/')!)('article.card:has(a[href="/2025/12/01/port-upgrade/"]) img')).toHaveLength(0);
  });

  it('the feed item carries the lead photo as an enclosure with its real length, and the photos in its content', async () => {
    const xml = await readFile(path.join(site.dist, 'rss.xml'), 'utf8');
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' });
    const items = parser.parse(xml).rss.channel.item as Record<string, unknown>[];
    const item = items.find((i) => i.link === `${origin}${url}`)!;
    const enclosure = item.enclosure as Record<string, string>;
    expect(enclosure['@_type']).toBe('image/jpeg');
    expect(enclosure['@_url'].startsWith(`${origin}/_astro/`)).toBe(true);
    expect(Number(enclosure['@_length'])).toBe((await stat(distFile(enclosure['@_url']))).size);
    expect(await imageFile(enclosure['@_url'])).toEqual({ width: 1200, height: 675, format: 'jpeg' });
    const content = load(String(item['content:encoded']));
    expect(
      content('figure img')
        .map((_, i) => i.attribs.alt)
        .get(),
    ).toEqual([
      'الساحة الرئيسية في سبها مزينة بالأضواء ليلة رأس السنة',
      'ألعاب نارية ملونة فوق مباني المدينة',
      'الساحة الرئيسية من الجهة الشمالية',
    ]);
    for (const src of content('figure img')
      .map((_, i) => i.attribs.src)
      .get()) {
      expect(src.startsWith(`${origin}/_astro/`)).toBe(true);
      expect((await imageFile(src)).format).toBe('jpeg');
    }
    expect(items.filter((i) => i.enclosure)).toHaveLength(1);
    // The city feed carries it too; no feed is left with an unfilled length.
    const sebha = await readFile(path.join(site.dist, 'city/sebha/rss.xml'), 'utf8');
    expect(sebha).toContain(`<enclosure url="${enclosure['@_url']}" length="${enclosure['@_length']}" type="image/jpeg"/>`);
    for (const feed of (await readdir(site.dist, { recursive: true })).filter((f) => f.endsWith('rss.xml'))) {
      expect(await readFile(path.join(site.dist, feed), 'utf8'), feed).not.toContain('length="0"');
    }
  });
});
