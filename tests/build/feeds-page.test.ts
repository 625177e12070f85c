/**
 * Feeds a person can find: a visible subscribe link on every city, category
 * and tag page, one page that lists every feed with its address to copy and
 * says in Arabic how to subscribe, and the footer's link to it.
 */
import { load } from 'cheerio';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { fillerCity } from '../helpers/archive.ts';
import { listFiles, readPages } from '../helpers/build.ts';

const site = inject('site');
const origin = 'https://archive.lana.example';

let pages: Map<string, string>;
/** Site paths of the feed files in the output. */
let feeds: Set<string>;

function page(url: string) {
  const html = pages.get(url);
  if (html === undefined) throw new Error(`no page at ${url}`);
  return load(html);
}

/** The subscribe link of a listing page: an <a> in <main> to its own feed. */
function subscribeLink(url: string) {
  const $ = page(url);
  const feed = `${url.replace(/page\/\d+\/$/, '')}rss.xml`;
  return { $, feed, links: $('main a').filter((_, a) => decodeURI(a.attribs.href ?? '') === feed) };
}

beforeAll(async () => {
  pages = await readPages(site.dist);
  feeds = new Set((await listFiles(site.dist)).filter((f) => f.endsWith('rss.xml')).map((f) => `/${f}`));
});

describe('a city, category or tag page', () => {
  it('shows a subscribe link to its own feed, which exists, and a link to the feeds page', () => {
    const landings = [...pages.keys()].filter((url) => /^\/(city|category|tag)\/[^/]+\/$/.test(url));
    expect(landings.filter((url) => url.startsWith('/tag/')).length).toBeGreaterThan(1);
    for (const url of [...landings, `/city/${fillerCity.slug}/page/1/`]) {
      const { $, feed, links } = subscribeLink(url);
      expect(links.length, url).toBe(1);
      expect(links.text().trim(), url).toMatch(/^تابع أخبار .+ عبر RSS$/);
      expect(links.find('svg[aria-hidden="true"]').length, url).toBe(1);
      expect(links.closest('.visually-hidden, [hidden], noscript, template').length, url).toBe(0);
      expect(feeds.has(feed), feed).toBe(true);
      // The feed it announces to feed readers is the same.
      expect($('link[rel=alternate][type="application/rss+xml"]').first().attr('href'), url).toBe(new URL(feed, origin).href);
      expect($('main a[href="/feeds/"]').length, url).toBe(1);
    }
  });

  it.each([
    ['/city/tripoli/', 'تابع أخبار طرابلس عبر RSS'],
    ['/category/economy/', 'تابع أخبار قسم اقتصاد عبر RSS'],
    ['/tag/الموانئ/', 'تابع أخبار وسم «الموانئ» عبر RSS'],
  ])('%s names what it follows', (url, label) => {
    expect(subscribeLink(url).links.text().trim()).toBe(label);
  });
});

describe('the feeds page', () => {
  it('lists every feed of the site: each by a link and its absolute address as text, the tags’ by a link', () => {
    const $ = page('/feeds/');
    const items = $('main li:has(> code)');
    const shown = items.map((_, li) => $(li).children('code').text().trim()).get();
    for (const url of shown) expect(url.startsWith(`${origin}/`), url).toBe(true);
    const tagFeeds = new Set([...feeds].filter((feed) => feed.startsWith('/tag/')));
    expect(tagFeeds.size).toBeGreaterThan(1);
    expect(new Set(shown.map((url) => decodeURI(new URL(url).pathname)))).toEqual(
      new Set([...feeds].filter((feed) => !tagFeeds.has(feed))),
    );
    items.each((_, li) => {
      const address = $(li).children('code').text().trim();
      expect(new URL($(li).children('a').attr('href')!, origin).href, address).toBe(address);
    });
    // Tags are thousands in a big archive: a link each, and the address pattern once, with one tag's as the example.
    const tagLinks = $('main .feed-names a')
      .map((_, a) => decodeURI(new URL(a.attribs.href, origin).pathname))
      .get();
    expect(new Set(tagLinks)).toEqual(tagFeeds);
    const example = $('main .feeds p code').text().trim();
    expect(tagFeeds.has(decodeURI(new URL(example).pathname)), example).toBe(true);
  });

  it('says in Arabic what a feed reader is and how to subscribe, with no script', () => {
    const $ = page('/feeds/');
    expect($('h1').text().trim()).toBe('خلاصات RSS');
    const text = $('main').text();
    for (const words of ['قارئ الخلاصات', 'انسخ عنوانها', 'الصق العنوان']) expect(text).toContain(words);
    expect($('script:not([type="application/ld+json"])').length).toBe(0);
  });

  it('is linked from the footer of every page', () => {
    for (const [url, html] of pages) expect(load(html)('footer a[href="/feeds/"]').length, url).toBe(1);
  });
});
