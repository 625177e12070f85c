/**
 * Feeds and sitemaps of the test archive, read the way clients read them:
 * a feed parser, a strict XML parser and the sitemaps.org XML schemas.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { load } from 'cheerio';
import { validateXML } from 'xmllint-wasm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { fillerCity, fillerCount, fillerTag, nfdName } from '../helpers/archive.ts';
import { listFiles, projectRoot, readPages } from '../helpers/build.ts';

const site = inject('site');
const origin = 'https://archive.lana.example';
const published = fillerCount + 7;
const RFC822_TRIPOLI =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0200$/;
const hostileTitle = 'الدينار & الدولار <مقارنة> ]]> بين السعرين اليوم';

let files: string[];
let pages: Map<string, string>;
const xmlOf = (file: string) => readFile(path.join(site.dist, file), 'utf8');
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'url', 'sitemap', 'category'].includes(name) });

/** The built page an absolute site URL points at, or undefined. */
function pageFor(url: string): string | undefined {
  expect(url.startsWith(`${origin}/`), url).toBe(true);
  return pages.get(decodeURI(new URL(url).pathname));
}

beforeAll(async () => {
  files = await listFiles(site.dist);
  pages = await readPages(site.dist);
});

describe('RSS feeds', () => {
  let feeds: string[];
  beforeAll(() => {
    feeds = files.filter((f) => f.endsWith('rss.xml'));
  });

  it('exist for the site, every city, every category and every tag', () => {
    expect(feeds).toContain('rss.xml');
    expect(feeds).toContain(`city/${fillerCity.slug}/rss.xml`);
    expect(feeds).toContain('category/economy/rss.xml');
    expect(feeds).toContain('tag/الموانئ/rss.xml');
    const landings = [...pages.keys()].filter((url) => /^\/(city|category|tag)\/[^/]+\/$/.test(url));
    expect(feeds.filter((f) => f !== 'rss.xml').sort()).toEqual(landings.map((url) => `${url.slice(1)}rss.xml`).sort());
  });

  it('are well-formed XML that a feed reader parses, with Arabic channels', async () => {
    for (const file of feeds) {
      const xml = await xmlOf(file);
      expect(SyntaxValidator.validate(xml), file).toBe(true);
      // Plain RSS for feed readers: no stylesheet for a browser to apply.
      expect(xml, file).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><rss /);
      expect(xml, file).not.toContain('<?xml-stylesheet');
      const feed = parseFeed(xml);
      expect(feed.language, file).toBe('ar');
      expect(feed.self, file).toBe(new URL(`/${file}`, origin).href);
      expect(feed.image?.url, file).toBe(`${origin}/logo.png`);
      expect(feed.items.length, file).toBeGreaterThan(0);
      const channel = parser.parse(xml).rss.channel;
      // Deterministic: the channel is as new as its newest item.
      expect(channel.lastBuildDate, file).toBe(channel.item[0].pubDate);
    }
    expect(files).toContain('logo.png');
    expect(files.filter((f) => /\.xslt?$|^rss\.css$/.test(f))).toEqual([]);
  });

  it('give every item an absolute permalink, a unique guid, an RFC 822 Tripoli date and a category', async () => {
    for (const file of feeds) {
      const xml = await xmlOf(file);
      const items = parser.parse(xml).rss.channel.item;
      const guids = new Set<string>();
      for (const item of items) {
        expect(item.pubDate, file).toMatch(RFC822_TRIPOLI);
        expect(item.guid['@_isPermaLink']).toBe('true');
        expect(item.guid['#text']).toBe(item.link);
        expect(pageFor(item.link), item.link).toBeDefined();
        expect(item.category.length).toBeGreaterThan(0);
        guids.add(item.guid['#text']);
      }
      expect(guids.size, file).toBe(items.length);
      const dates = parseFeed(xml).items.map((i) => i.published!.getTime());
      expect(dates, file).toEqual([...dates].sort((a, b) => b - a));
    }
  });

  it('hold the newest 50 dispatches in the main feed', async () => {
    const feed = parseFeed(await xmlOf('rss.xml'));
    expect(published).toBeGreaterThan(50);
    expect(feed.items).toHaveLength(50);
    expect(feed.items[0].title).toBe('خبر بلا إزاحة زمنية مكتوبة بتوقيت عالمي');
    expect(feed.items[0].published?.toISOString()).toBe('2025-12-31T23:30:00.000Z');
  });

  it('hold only their city, category or tag', async () => {
    const city = parser.parse(await xmlOf(`city/${fillerCity.slug}/rss.xml`)).rss.channel;
    expect(city.item).toHaveLength(fillerCount);
    for (const item of city.item) expect(item.description).toMatch(new RegExp(`^${fillerCity.name} \\d\\d `));
    expect(city.link).toBe(`${origin}/city/${fillerCity.slug}/`);
    const economy = parser.parse(await xmlOf('category/economy/rss.xml')).rss.channel;
    expect(economy.item.map((i: { link: string }) => i.link)).toEqual([
      `${origin}/2025/12/01/port-fees-corrected/`,
      `${origin}/2025/12/01/port-upgrade/`,
    ]);
    for (const item of economy.item) expect(item.category[0]).toBe('اقتصاد');
    const tagFeed = 'tag/الموانئ/rss.xml';
    const tag = parseFeed(await xmlOf(tagFeed));
    expect(tag.title).toBe('أرشيف وكالة الأنباء الليبية: وسم «الموانئ»');
    expect(tag.url).toBe(`${origin}${encodeURI('/tag/الموانئ/')}`);
    expect(tag.self).toBe(`${origin}${encodeURI(`/${tagFeed}`)}`);
    // Every published dispatch of the tag, as its page lists them, newest first.
    const $ = load(pages.get('/tag/الموانئ/')!);
    const listed = $('main article.card :is(h2, h3) a')
      .map((_, a) => `${origin}${encodeURI(a.attribs.href)}`)
      .get();
    expect(tag.items.map((i) => i.url)).toEqual(listed);
    for (const item of tag.items) expect(item.categories.map((c) => c.term)).toContain('الموانئ');
  });

  it('keep a tag’s feed to its newest 20, summaries only: an archive has thousands of tags', async () => {
    // 22 generated dispatches carry the tag.
    const league = parser.parse(await xmlOf(`tag/${fillerTag}/rss.xml`)).rss.channel;
    expect(league.item).toHaveLength(20);
    expect(league.item[0].description).toMatch(new RegExp(`^${fillerCity.name} \\d\\d `));
    for (const item of league.item) expect(item['content:encoded']).toBeUndefined();
    // The city's feed of the same dispatches carries their bodies.
    const city = parser.parse(await xmlOf(`city/${fillerCity.slug}/rss.xml`)).rss.channel;
    expect(city.item[0]['content:encoded']).toContain('انتهت المباراة رقم');
  });

  it('carry the dateline and summary as description and the full body, rtl, with absolute URLs', async () => {
    const feed = parseFeed(await xmlOf('rss.xml'));
    const upgrade = feed.items.find((i) => i.url === `${origin}/2025/12/01/port-upgrade/`)!;
    expect(upgrade.description).toMatch(/^طرابلس 01 ديسمبر 2025 \(وال\) - بدأت إدارة ميناء طرابلس/);
    const $ = load(upgrade.content!);
    expect($('div[dir=rtl][lang=ar]').length).toBe(1);
    expect($('p').first().text()).toMatch(/^طرابلس 01 ديسمبر 2025 \(وال\) - بدأت/);
    const corrected = feed.items.find((i) => i.url === `${origin}/2025/12/01/port-fees-corrected/`)!;
    expect(load(corrected.content!)('.corrections li').text()).toContain('صححت نسبة التخفيض');
    const markup = feed.items.find((i) => i.url === `${origin}/2025/12/03/hostile-markup/`)!;
    const body = load(markup.content!);
    expect(
      body('a')
        .map((_, a) => a.attribs.href)
        .get(),
    ).toContain(`${origin}/about/`);
    expect(body('img').attr('src')).toBe(`${origin}/logo.png`);
    expect(markup.content).not.toMatch(/<script|onerror|javascript:/i);
  });

  it('keep hostile text intact and the XML well-formed', async () => {
    for (const file of files.filter((f) => f.endsWith('.xml'))) {
      const xml = await xmlOf(file);
      expect(SyntaxValidator.validate(xml), file).toBe(true);
      expect(xml, file).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\u202a-\u202e]/);
    }
    const item = parseFeed(await xmlOf('rss.xml')).items.find((i) => i.title === hostileTitle);
    expect(item, 'hostile title survives').toBeDefined();
    expect(item!.description).toBe('الكفرة 31 ديسمبر 2025 (وال) - ملخص فيه & و< و]]> وحرف تحكم.');
    const text = load(item!.content!).text();
    // CommonMark turns the reference &#7; into U+FFFD; &#x202E; is removed.
    expect(text).toContain('سعر الصرف 5 < 6 & أكثر ]]> نص\ufffd باق ومعكوس.');
    // <![CDATA[…]]> is markup (an HTML comment), not text: it goes, the words around it stay.
    expect(text).toContain('فقرة ثانية فيها  لكسر الخلاصة.');
  });
});

describe('sitemaps', () => {
  const schema = (name: string) => readFile(path.join(projectRoot, 'tests/fixtures/xsd', name), 'utf8');

  it('are an index of chunks that validate against the sitemaps.org schemas', async () => {
    const index = await xmlOf('sitemap-index.xml');
    const result = await validateXML({
      xml: [{ fileName: 'sitemap-index.xml', contents: index }],
      schema: [await schema('siteindex.xsd')],
    });
    expect(result.errors).toEqual([]);
    const chunks = parser.parse(index).sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
    expect(chunks.length).toBeGreaterThan(0);
    for (const loc of chunks) {
      const file = new URL(loc).pathname.slice(1);
      expect(files).toContain(file);
      const xml = await xmlOf(file);
      const valid = await validateXML({ xml: [{ fileName: file, contents: xml }], schema: [await schema('sitemap.xsd')] });
      expect(valid.errors, file).toEqual([]);
    }
  });

  it('list every dispatch page once, oldest first, with its last change; the landings, indexes and calendar; nothing unpublished', async () => {
    const index = parser.parse(await xmlOf('sitemap-index.xml')).sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
    expect(index).toEqual([`${origin}/sitemap-pages.xml`, `${origin}/sitemap-dispatches-0.xml`]);
    const dispatches = parser.parse(await xmlOf('sitemap-dispatches-0.xml')).urlset.url as { loc: string; lastmod: string }[];
    const dispatchPages = [...pages.keys()].filter((p) => /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(p));
    expect(dispatches.map((u) => decodeURI(new URL(u.loc).pathname)).sort()).toEqual(dispatchPages.sort());
    // Oldest first: a new dispatch changes the last chunk only.
    const times = dispatches.map((u) => new Date(u.lastmod).getTime());
    expect(new Date(dispatches[0].lastmod).getTime()).toBe(Math.min(...times));
    const fees = dispatches.find((u) => u.loc.endsWith('/port-fees-corrected/'))!;
    expect(fees.lastmod).toBe('2025-12-02T09:15:00+02:00');
    const nfd = dispatches.find((u) => u.loc === `${origin}${encodeURI(`/2025/12/04/${nfdName}/`)}`)!;
    expect(nfd.lastmod).toBe('2025-12-04T07:45:00+02:00');

    const others = (parser.parse(await xmlOf('sitemap-pages.xml')).urlset.url as { loc: string }[]).map((u) =>
      decodeURI(new URL(u.loc).pathname),
    );
    expect(new Set(others).size).toBe(others.length);
    for (const path of others) expect(pages.has(path), path).toBe(true);
    expect(others).toEqual(
      expect.arrayContaining([
        '/',
        '/search/',
        '/feeds/',
        '/archive/',
        '/archive/2025/12/',
        '/city/',
        `/city/${fillerCity.slug}/`,
        '/tag/الموانئ/',
      ]),
    );
    // Numbered listing pages hold nothing a dispatch page does not; the not-found page is no page.
    expect(others.filter((p) => /\/page\/\d+\/$|404/.test(p))).toEqual([]);
    const all = [...dispatches.map((u) => u.loc), ...others];
    expect(all.some((l) => /draft-budget|embargoed-census/.test(l))).toBe(false);
  });

  it('give Google News the dispatches of the 48 hours up to the newest', async () => {
    const xml = await xmlOf('sitemap-news.xml');
    expect(SyntaxValidator.validate(xml)).toBe(true);
    const urls = parser.parse(xml).urlset.url;
    // Newest: 1 Jan 2026 01:30; the window starts 30 Dec 01:30 and holds the 31 Dec dispatch only besides.
    expect(urls.map((u: { loc: string }) => u.loc)).toEqual([`${origin}/2026/01/01/new-year-sebha/`, `${origin}/2025/12/31/hostile-text/`]);
    const news = urls[1]['news:news'];
    expect(news['news:publication']).toEqual({ 'news:name': 'وكالة الأنباء الليبية', 'news:language': 'ar' });
    expect(news['news:publication_date']).toBe('2025-12-31T10:00:00+02:00');
    expect(news['news:title']).toBe(hostileTitle);
  });

  it('are named in robots.txt', async () => {
    const robots = await xmlOf('robots.txt');
    expect(robots).toContain(`Sitemap: ${origin}/sitemap-index.xml\n`);
    expect(robots).toContain(`Sitemap: ${origin}/sitemap-news.xml\n`);
    expect(robots).toMatch(/^User-agent: \*\nAllow: \//);
  });
});
