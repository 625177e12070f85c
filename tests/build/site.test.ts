/**
 * Assertions on the real output of building the test archive: every page,
 * its language and direction, datelines, URLs, listings and what must not
 * be there.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { countDispatches } from '#src/i18n/ar.ts';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { fillerCategory, fillerCity, fillerCount, fillerTag, nfdName } from '../helpers/archive.ts';
import { readPages } from '../helpers/build.ts';

const site = inject('site');
let pages: Map<string, string>;

function page(url: string) {
  const html = pages.get(url);
  if (html === undefined) throw new Error(`no page at ${url}; pages: ${[...pages.keys()].join(' ')}`);
  return load(html);
}

/** Titles of the dispatch cards on a listing page, in order. */
function cardTitles(url: string): string[] {
  const $ = page(url);
  return $('main article.card h2, main article.card h3')
    .map((_, el) => $(el).text().trim())
    .get();
}

// 45 generated + 6 hand-written published + 1 NFD-named; the draft, the
// embargoed dispatch and _notes.md are not published.
const published = fillerCount + 7;

beforeAll(async () => {
  pages = await readPages(site.dist);
});

describe('every page', () => {
  it('is Arabic, right-to-left, with a title and a canonical URL', () => {
    expect(pages.size).toBeGreaterThan(published);
    for (const [url, html] of pages) {
      const $ = load(html);
      expect($('html').attr('lang'), url).toBe('ar');
      expect($('html').attr('dir'), url).toBe('rtl');
      expect($('title').text().trim(), url).not.toBe('');
      // A numbered page not sealed yet sends readers to its listing: that is its canonical URL.
      const redirect = $('meta[http-equiv=refresh]')
        .attr('content')
        ?.replace(/^0; url=/, '');
      expect($('link[rel=canonical]').attr('href'), url).toBe(
        url === '/404.html' ? undefined : new URL(redirect ?? url, 'https://archive.lana.example').href,
      );
    }
  });

  it('needs no JavaScript and loads nothing from another origin', () => {
    for (const [url, html] of pages) {
      const $ = load(html);
      // JSON-LD data blocks are not scripts a browser runs; only the search
      // page runs script (Pagefind), and only from this origin.
      const scripts = $('script:not([type="application/ld+json"])');
      if (url === '/search/') scripts.each((_, s) => expect(s.attribs.src ?? '/').toMatch(/^\/(?!\/)/));
      else expect(scripts.length, url).toBe(0);
      $('link[rel=stylesheet], link[rel=preload], link[rel=icon], img[src], source[src]').each((_, el) => {
        const ref = $(el).attr('href') ?? $(el).attr('src')!;
        expect(ref, `${url} loads ${ref}`).toMatch(/^\/(?!\/)/);
      });
    }
  });

  it('self-hosts the Arabic web font, swapping while it loads', async () => {
    const assets = await readdir(`${site.dist}/_astro`);
    expect(assets.some((f) => /^noto-naskh-arabic-arabic-400-normal\..+\.woff2$/.test(f))).toBe(true);
    expect(assets.some((f) => /^noto-naskh-arabic-arabic-700-normal\..+\.woff2$/.test(f))).toBe(true);
    expect(assets.filter((f) => /-(500|600)-normal/.test(f))).toEqual([]);
    expect(assets.filter((f) => /(math|symbols|latin-ext)-/.test(f))).toEqual([]);
  });
});

describe('a dispatch page', () => {
  const url = '/2025/12/01/port-upgrade/';

  it('opens the body with the dateline built from the data', () => {
    const $ = page(url);
    expect($('h1').text()).toBe('ميناء طرابلس يبدأ توسعة رصيف الحاويات');
    const first = $('article .body p').first();
    expect(first.find('.dateline').text()).toBe('طرابلس 01 ديسمبر 2025 (وال) -');
    expect(first.text()).toMatch(/^طرابلس 01 ديسمبر 2025 \(وال\) - بدأت إدارة ميناء طرابلس/);
    expect($('.dateline').attr('datetime')).toBe('2025-12-01T10:30:00+02:00');
    expect($('.end-mark').text()).toBe('(وال)');
  });

  it('keeps straight quotes (no smart quotes in Arabic text)', () => {
    const text = page(url)('article .body').text();
    expect(text).toContain('أن "المرحلة الأولى" من الأعمال');
    expect(text).not.toMatch(/[\u201c\u201d]/);
  });

  it('shows «نشر بتاريخ» with date, time and the Hijri date, and no update line', () => {
    const $ = page(url);
    const published = $('.published').text().replace(/\s+/g, ' ');
    expect(published).toContain('نشر بتاريخ');
    expect(published).toContain('01 ديسمبر 2025 الساعة 10:30');
    expect(published).toContain('10 جمادى الآخرة 1447 هـ');
    expect(published).not.toContain('آخر تحديث');
  });

  it('links its category and tags, and shows breadcrumbs', () => {
    const $ = page(url);
    expect($('.terms a[href="/category/economy/"]').text()).toBe('اقتصاد');
    expect(
      $('.terms a[rel=tag]')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/tag/الموانئ/', '/tag/التجارة/']);
    // Home › category › city: where the dispatch belongs, not its headline again.
    const crumbs = $('nav.breadcrumbs a')
      .map((_, a) => `${$(a).text().trim()} ${$(a).attr('href')}`)
      .get();
    expect(crumbs).toEqual(['الرئيسية /', 'اقتصاد /category/economy/', 'طرابلس /city/tripoli/']);
    expect($('nav.breadcrumbs').text()).not.toContain('ميناء طرابلس يبدأ');
  });

  it('links the previous (older) and next (newer) dispatch', () => {
    const $ = page(url);
    // Newest first: 4 Dec (NFD), 3 Dec (hostile), 1 Dec 15:00 (fees), 1 Dec 10:30 (this), then November.
    expect($('.prev-next a[rel=next]').attr('href')).toBe('/2025/12/01/port-fees-corrected/');
    expect($('.prev-next a[rel=prev]').attr('href')).toMatch(/^\/2025\/11\/\d\d\/match-\d\d\/$/);
  });

  it('lists related dispatches, those sharing tags first, from earlier ones only', () => {
    const related = (of: string) =>
      page(of)('.related article a')
        .map((_, a) => a.attribs.href)
        .get();
    // The only earlier published dispatch sharing its tags, category or city.
    expect(related('/2025/12/01/port-fees-corrected/')).toEqual([url]);
    // A new dispatch never changes an older page: the later one is not listed here.
    expect(related(url)).not.toContain('/2025/12/01/port-fees-corrected/');
    const fillerRelated = related('/2025/11/28/match-27/');
    expect(fillerRelated).toHaveLength(4);
    expect(fillerRelated.every((href) => /^\/2025\/11\/(0\d|1\d|2[0-8])\/match-\d\d\/$/.test(href))).toBe(true);
  });

  it('offers share links that are plain links, not scripts', () => {
    const $ = page(url);
    const hrefs = $('.share a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(hrefs.length).toBeGreaterThanOrEqual(4);
    for (const href of hrefs) expect(href).toContain(encodeURIComponent(`https://archive.lana.example${url}`));
  });

  it('shows «آخر تحديث» for a corrected dispatch', () => {
    const $ = page('/2025/12/01/port-fees-corrected/');
    const text = $('.published').text().replace(/\s+/g, ' ');
    expect(text).toContain('آخر تحديث');
    expect(text).toContain('02 ديسمبر 2025 الساعة 09:15');
    expect($('.published time').eq(1).attr('datetime')).toBe('2025-12-02T09:15:00+02:00');
    expect($('meta[name=description]').attr('content')).toBe('أقرت إدارة ميناء بنغازي جدولا معدلا لرسوم الخدمات.');
    const corrections = $('article .corrections');
    expect(corrections.find('h2').text()).toBe('تصحيحات');
    expect(corrections.find('li').text()).toBe('02 ديسمبر 2025 الساعة 09:15: صححت نسبة التخفيض إلى 15 في المئة بدلًا من 50.');
    expect(corrections.find('time').attr('datetime')).toBe('2025-12-02T09:15:00+02:00');
    expect(page('/2025/12/01/port-upgrade/')('.corrections').length).toBe(0);
  });

  it('dates a UTC timestamp by its Tripoli day and names another source', () => {
    // 2025-12-31T23:30Z is 01:30 on 1 January 2026 in Tripoli.
    const $ = page('/2026/01/01/new-year-sebha/');
    expect($('.body .dateline').text()).toBe('سبها 01 يناير 2026 (وات) -');
    expect($('.end-mark').text()).toBe('(وات)');
  });

  it('warns in one line that the site’s address is the placeholder', () => {
    const warnings = site.output.split('\n').filter((line) => line.includes('placeholder'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /\[build\] warning: the site's address is the placeholder https:\/\/archive\.lana\.example; .* Set SITE_URL \(README\)$/,
    );
  });

  it('takes the URL slug from the slug field, and a bare date as the day alone: no time on pages, 00:00 Tripoli in feeds', async () => {
    const $ = page('/2024/03/10/book-fair/');
    expect($('.dateline').first().attr('datetime')).toBe('2024-03-10');
    expect($('.published time').first().text()).toBe('10 مارس 2024');
    expect($('.published time').first().attr('datetime')).toBe('2024-03-10');
    expect($('main').text()).not.toMatch(/الساعة|00:00/);
    // Machines need a time: the documented convention is the day's first minute, Tripoli time.
    const article = JSON.parse($('script[type="application/ld+json"]').first().text());
    expect(JSON.stringify(article)).toContain('"datePublished":"2024-03-10T00:00:00+02:00"');
    const listing = page('/tag/الكتاب/');
    const card = listing('time.dateline').filter((_, el) => listing(el).text().includes('10 مارس 2024'));
    expect(card.attr('datetime')).toBe('2024-03-10');
    expect(card.closest('li, article').text()).not.toMatch(/الساعة|00:00/);
    const feed = await readFile(path.join(site.dist, 'category/culture/rss.xml'), 'utf8');
    expect(feed).toContain('<pubDate>Sun, 10 Mar 2024 00:00:00 +0200</pubDate>');
    // A timed dispatch keeps its time.
    expect(page('/2025/12/01/port-upgrade/')('.published time').first().text()).toMatch(/ الساعة \d\d:\d\d$/);
  });
});

describe('sanitising raw HTML from a dispatch', () => {
  const url = '/2025/12/03/hostile-markup/';

  it('drops scripts, event handlers, iframes and javascript: URLs', () => {
    const html = pages.get(url)!.replace(/<script type="application\/ld\+json">.*?<\/script>/g, '');
    expect(html).not.toMatch(/<script|<iframe|\son\w+=|javascript:/i);
    expect(html).not.toContain('alert(');
    expect(html).not.toContain('steal()');
  });

  it('keeps the harmless markup and the text around it', () => {
    const $ = page(url);
    expect($('.body b').text()).toBe('نص عريض باق');
    expect($('.body img[alt="شعار"]').attr('src')).toBe('/logo.png');
    expect($('.body a[href="/about/"]').text()).toBe('رابط داخلي');
    expect($('.body').text()).toContain('بمشاركة باحثين');
  });

  it('removes bidi overrides and control characters but keeps the words', () => {
    const text = page(url)('.body').text();
    expect(text).toContain('تجاوز للاتجاه مقلوب وحرف تحكم هنا');
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});

describe('NFC', () => {
  it('serves a dispatch whose file name was written in NFD at an NFC URL', () => {
    const url = `/2025/12/04/${nfdName}/`;
    expect(url.normalize('NFC')).toBe(url);
    const $ = page(url);
    expect($('h1').text()).toBe('إسعاف أهالي غريان بعد السيول');
    expect($('h1').text().normalize('NFC')).toBe($('h1').text());
    expect(cardTitles('/city/gharyan/')).toEqual(['إسعاف أهالي غريان بعد السيول']);
    expect(page('/city/gharyan/')('article.card a').attr('href')).toBe(url);
  });

  it('writes every page as NFC', () => {
    for (const [url, html] of pages) {
      expect(url.normalize('NFC'), url).toBe(url);
      expect(html.normalize('NFC') === html, url).toBe(true);
    }
  });
});

describe('listings', () => {
  it('numbers the home page «آخر الأخبار» from the oldest: sealed pages of 20, the newest 20 on the front page', () => {
    const sealed = Math.floor(published / 20);
    // The front page shows the listing's newest 20: the lead and the latest after it (front.test.ts).
    const front = page('/');
    expect(
      front('main .lead h2 a, main .latest h3')
        .map((_, el) => front(el).text().trim())
        .get()
        .slice(0, 4),
    ).toEqual([
      'خبر بلا إزاحة زمنية مكتوبة بتوقيت عالمي',
      'الدينار & الدولار <مقارنة> ]]> بين السعرين اليوم',
      'إسعاف أهالي غريان بعد السيول',
      'ندوة عن سلامة المحتوى الرقمي في مصراتة',
    ]);
    const frontTitles = front('main .lead h2 a, main .latest h3')
      .map((_, el) => front(el).text().trim())
      .get();
    expect(frontTitles).toHaveLength(20);
    for (let n = 1; n <= sealed; n++) expect(cardTitles(`/page/${n}/`), `page ${n}`).toHaveLength(20);
    // Those 20 are the 12 of the page being filled and the newest 8 of page 2.
    expect(frontTitles.slice(-8)).toEqual(cardTitles(`/page/${sealed}/`).slice(0, 8));
    expect(front('main .latest .more a').attr('href')).toBe(`/page/${sealed}/`);

    const $ = page('/page/2/');
    expect($('h1').text()).toBe('آخر الأخبار - الصفحة 2');
    expect($('.pagination .status').text()).toBe('الصفحة 2');
    expect($('.pagination a[rel=next]').attr('href')).toBe('/page/1/');
    expect($('.pagination a[rel=prev]').attr('href')).toBe('/page/3/');
    expect(
      $('.pagination a')
        .map((_, a) => a.attribs.href)
        .get(),
    ).toContain('/');
    // Nothing on a sealed page tells how many there are.
    expect(
      $('.pagination')
        .find('p, a')
        .map((_, el) => $(el).text().trim())
        .get(),
    ).toEqual(['الصفحة 2', '→ أخبار أحدث', 'آخر الأخبار', 'أخبار أقدم ←']);
    expect($('main').text()).not.toContain(countDispatches(published));
    expect(page('/page/1/')('.pagination a[rel=next]').length).toBe(0);

    // The number of the page being filled sends readers to the landing.
    const next = page(`/page/${sealed + 1}/`);
    expect(next('meta[http-equiv=refresh]').attr('content')).toBe('0; url=/');
    expect(next('meta[name=robots]').attr('content')).toBe('noindex');
    expect(next('main a').attr('href')).toBe('/');
    expect(pages.has(`/page/${sealed + 2}/`)).toBe(false);
  });

  it('shows title, dateline and summary on each card', () => {
    const $ = page('/category/economy/');
    const card = $('article.card:has(a[href="/2025/12/01/port-fees-corrected/"])');
    expect(card.find('.dateline').text()).toBe('بنغازي 01 ديسمبر 2025 (وال) -');
    expect(card.find('.summary').text()).toContain('أقرت إدارة ميناء بنغازي جدولا معدلا لرسوم الخدمات.');
  });

  it('numbers a city, a category and a tag the same way', () => {
    expect(cardTitles(`/city/${fillerCity.slug}/`)).toHaveLength(20);
    expect(cardTitles(`/city/${fillerCity.slug}/page/2/`)).toHaveLength(20);
    expect(pages.has(`/city/${fillerCity.slug}/page/3/`)).toBe(true);
    expect(page(`/city/${fillerCity.slug}/page/3/`)('meta[http-equiv=refresh]').attr('content')).toBe(`0; url=/city/${fillerCity.slug}/`);
    expect(page(`/city/${fillerCity.slug}/`)('h1').text()).toBe(`أخبار ${fillerCity.name}`);
    expect(cardTitles(`/category/${fillerCategory.slug}/page/1/`)).toHaveLength(20);
    // 22 tagged: one sealed page of 20, and the newest 20 on the landing.
    const tagged = Math.floor(fillerCount / 2);
    expect(cardTitles(`/tag/${fillerTag}/page/1/`)).toHaveLength(20);
    expect(cardTitles(`/tag/${fillerTag}/`)).toHaveLength(20);
    expect(new Set([...cardTitles(`/tag/${fillerTag}/`), ...cardTitles(`/tag/${fillerTag}/page/1/`)]).size).toBe(tagged);
    expect(page(`/tag/${fillerTag}/`)('h1').text()).toBe(`وسم: ${fillerTag}`);
  });

  it('indexes cities, categories and tags with counts', () => {
    const entry = (url: string, name: string) => {
      const $ = page(url);
      const li = $('.term-index li').filter((_, el) => $(el).find('a').text() === name);
      return { href: li.find('a').attr('href'), count: li.find('.count').text() };
    };
    expect(entry('/city/', fillerCity.name)).toEqual({ href: `/city/${fillerCity.slug}/`, count: `${fillerCount} خبرًا` });
    expect(entry('/city/', 'بنغازي')).toEqual({ href: '/city/benghazi/', count: 'خبر واحد' });
    expect(entry('/category/', 'اقتصاد')).toEqual({ href: '/category/economy/', count: 'خبران' });
    expect(entry('/tag/', 'الموانئ')).toEqual({ href: '/tag/الموانئ/', count: 'خبران' });
  });

  it('counts the archive by year, then month, then lists days', () => {
    const years = page('/archive/')('.term-index li')
      .map((_, li) => page('/archive/')(li).text().replace(/\s+/g, ' ').trim())
      .get();
    expect(years).toEqual(['2026 خبر واحد', `2025 ${published - 2} خبرًا`, '2024 خبر واحد']);
    const months = page('/archive/2025/')('.term-index li')
      .map((_, li) => page('/archive/2025/')(li).text().replace(/\s+/g, ' ').trim())
      .get();
    expect(months).toEqual(['ديسمبر 2025 5 أخبار', `نوفمبر 2025 ${fillerCount} خبرًا`]);
    const $ = page('/archive/2025/12/');
    expect($('h1').text()).toBe('أرشيف ديسمبر 2025');
    // Oldest day first, as the calendar and the day pages read (tests/build/archive.test.ts).
    expect(
      $('section.day h2')
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(['01 ديسمبر 2025', '03 ديسمبر 2025', '04 ديسمبر 2025', '31 ديسمبر 2025']);
    expect($('section.day').eq(0).find('li').length).toBe(2);
  });

  it('has an Arabic 404 page', () => {
    const $ = page('/404.html');
    expect($('h1').text()).toBe('الصفحة غير موجودة');
    expect($('meta[name=robots]').attr('content')).toBe('noindex');
  });
});

describe('drafts and embargoed dispatches', () => {
  it('are never built nor listed', () => {
    for (const [url, html] of pages) {
      expect(url).not.toMatch(/draft-budget|embargoed-census|2099|_notes/);
      expect(html, url).not.toContain('مسودة خبر الميزانية');
      expect(html, url).not.toContain('خبر محظور النشر');
    }
    expect(cardTitles('/tag/الموانئ/')).toHaveLength(2);
  });
});
