/**
 * Page metadata of the test archive as search engines and social networks
 * read it: canonical, description, Open Graph, Twitter, JSON-LD, feed links
 * and the generated social images.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import sharp from 'sharp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { fillerCity } from '../helpers/archive.ts';
import { readPages } from '../helpers/build.ts';

const site = inject('site');
const origin = 'https://archive.lana.example';
let pages: Map<string, string>;

const meta = ($: CheerioAPI, key: string) => $(`meta[property="${key}"], meta[name="${key}"]`).attr('content');
const metas = ($: CheerioAPI, key: string) =>
  $(`meta[property="${key}"]`)
    .map((_, m) => m.attribs.content)
    .get();
const distFile = (url: string) => path.join(site.dist, decodeURI(new URL(url).pathname));

async function pngSize(url: string) {
  const png = await readFile(distFile(url));
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bytes: png };
}

function jsonLd($: CheerioAPI) {
  return $('script[type="application/ld+json"]')
    .map((_, s) => JSON.parse($(s).html()!))
    .get();
}

beforeAll(async () => {
  pages = await readPages(site.dist);
});

describe('every page', () => {
  it('has a description, Open Graph and Twitter tags with absolute URLs, and the main feed', async () => {
    for (const [url, html] of pages) {
      const $ = load(html);
      expect(meta($, 'description'), url).toBeTruthy();
      expect(meta($, 'og:locale'), url).toBe('ar_LY');
      expect(meta($, 'og:site_name'), url).toBe('أرشيف وكالة الأنباء الليبية');
      expect(meta($, 'og:title'), url).toBeTruthy();
      // A numbered page not sealed yet sends readers to its listing, and names it as the page's own URL.
      const redirect = $('meta[http-equiv=refresh]')
        .attr('content')
        ?.replace(/^0; url=/, '');
      expect(meta($, 'og:url'), url).toBe(url === '/404.html' ? undefined : new URL(redirect ?? url, origin).href);
      expect(meta($, 'og:type'), url).toBe(url.match(/^\/\d{4}\/\d\d\/\d\d\//) ? 'article' : 'website');
      const image = meta($, 'og:image')!;
      expect(image.startsWith(`${origin}/`), url).toBe(true);
      // The generated headline card (PNG), or a crop of the lead photo (JPEG).
      const { width, height, format } = await sharp(await readFile(distFile(image))).metadata();
      expect({ width, height, type: `image/${format}` }, url).toEqual({ width: 1200, height: 630, type: meta($, 'og:image:type') });
      expect(meta($, 'twitter:card'), url).toBe('summary_large_image');
      expect(meta($, 'twitter:image'), url).toBe(image);
      const feeds = $('link[rel=alternate][type="application/rss+xml"]')
        .map((_, l) => l.attribs.href)
        .get();
      expect(feeds.at(-1), url).toBe(`${origin}/rss.xml`);
    }
  });

  it('links a city, category or tag listing to its own feed first', () => {
    const feeds = (url: string) =>
      load(pages.get(url)!)('link[rel=alternate][type="application/rss+xml"]')
        .map((_, l) => l.attribs.href)
        .get();
    expect(feeds(`/city/${fillerCity.slug}/page/2/`)).toEqual([`${origin}/city/${fillerCity.slug}/rss.xml`, `${origin}/rss.xml`]);
    expect(feeds('/category/economy/')).toEqual([`${origin}/category/economy/rss.xml`, `${origin}/rss.xml`]);
    expect(feeds('/tag/الموانئ/')).toEqual([`${origin}${encodeURI('/tag/الموانئ/rss.xml')}`, `${origin}/rss.xml`]);
  });
});

describe('a dispatch page', () => {
  const url = '/2025/12/01/port-fees-corrected/';

  it('has article Open Graph tags and its own social image', async () => {
    const $ = load(pages.get(url)!);
    expect(meta($, 'article:published_time')).toBe('2025-12-01T15:00:00+02:00');
    expect(meta($, 'article:modified_time')).toBe('2025-12-02T09:15:00+02:00');
    expect(meta($, 'article:section')).toBe('اقتصاد');
    expect(metas($, 'article:tag')).toEqual(['الموانئ']);
    expect(meta($, 'og:image')).toBe(`${origin}${url}og.png`);
    expect(meta($, 'og:image:alt')).toBe('تعديل رسوم الخدمات في ميناء بنغازي');
    const own = await pngSize(`${origin}${url}og.png`);
    const other = await pngSize(`${origin}/2025/12/01/port-upgrade/og.png`);
    const fallback = await pngSize(`${origin}/og-default.png`);
    expect(own.bytes.equals(other.bytes)).toBe(false);
    expect(own.bytes.equals(fallback.bytes)).toBe(false);
  });

  it('describes itself as a NewsArticle in JSON-LD', async () => {
    const [article, breadcrumbs] = jsonLd(load(pages.get(url)!));
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'تعديل رسوم الخدمات في ميناء بنغازي',
      url: `${origin}${url}`,
      mainEntityOfPage: { '@type': 'WebPage', '@id': `${origin}${url}` },
      datePublished: '2025-12-01T15:00:00+02:00',
      dateModified: '2025-12-02T09:15:00+02:00',
      inLanguage: 'ar',
      isAccessibleForFree: true,
      articleSection: 'اقتصاد',
      locationCreated: { '@type': 'Place', name: 'بنغازي', address: { addressCountry: 'ليبيا' } },
      publisher: { '@type': 'NewsMediaOrganization', name: 'وكالة الأنباء الليبية' },
    });
    expect(article.correction).toEqual([
      { '@type': 'CorrectionComment', text: 'صححت نسبة التخفيض إلى 15 في المئة بدلًا من 50.', datePublished: '2025-12-02T09:15:00+02:00' },
    ]);
    expect(article.image[0]).toEqual({ '@type': 'ImageObject', url: `${origin}${url}og.png`, width: 1200, height: 630 });
    expect(await pngSize(article.publisher.logo.url)).toMatchObject({
      width: article.publisher.logo.width,
      height: article.publisher.logo.height,
    });
    expect(breadcrumbs).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'الرئيسية', item: `${origin}/` },
        { '@type': 'ListItem', position: 2, name: 'اقتصاد', item: `${origin}/category/economy/` },
        { '@type': 'ListItem', position: 3, name: 'تعديل رسوم الخدمات في ميناء بنغازي', item: `${origin}${url}` },
      ],
    });
  });

  it('uses the publication date as dateModified when never updated', () => {
    const [article] = jsonLd(load(pages.get('/2025/12/01/port-upgrade/')!));
    expect(article.dateModified).toBe(article.datePublished);
  });

  it('keeps a hostile headline inside its JSON-LD script', () => {
    const html = pages.get('/2025/12/31/hostile-text/')!;
    expect(html).toContain('\\u003cمقارنة\\u003e ]]\\u003e');
    const [article] = jsonLd(load(html));
    expect(article.headline).toBe('الدينار & الدولار <مقارنة> ]]> بين السعرين اليوم');
  });
});
