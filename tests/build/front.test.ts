/**
 * The front page of the built test archive (src/layouts/Front.astro): a lead
 * story with its photo, the latest dispatches with their category and time,
 * and a section per category.
 */
import { load, type CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { fillerCount, photoDispatch } from '../helpers/archive.ts';
import { readPages } from '../helpers/build.ts';

const site = inject('site');
// 45 generated + 6 hand-written published + 1 NFD-named.
const published = fillerCount + 7;
let $: CheerioAPI;
let pages: Map<string, string>;

/** Headline, link, label and time of each item in a list. */
const items = (selector: string) =>
  $(selector)
    .map((_, el) => ({
      title: $(el).find('h3 a').text(),
      href: $(el).find('h3 a').attr('href'),
      meta: $(el).find('.meta').text().replace(/\s+/g, ' ').trim(),
      datetime: $(el).find('time').attr('datetime'),
    }))
    .get();

beforeAll(async () => {
  pages = await readPages(site.dist);
  $ = load(pages.get('/')!);
});

describe('the front page', () => {
  it('leads with the newest dispatch that has a photo, the photo large and first to load', () => {
    const lead = $('main article.lead');
    expect(lead).toHaveLength(1);
    expect(lead.find('h2 a').attr('href')).toBe(photoDispatch.url);
    // Named as the lead for those who move from heading to heading.
    expect(lead.find('h2').text().replace(/\s+/g, ' ').trim()).toBe('الخبر الرئيسي: خبر بلا إزاحة زمنية مكتوبة بتوقيت عالمي');
    expect(lead.find('h2 .visually-hidden').text()).toBe('الخبر الرئيسي:');
    const img = lead.find('picture img');
    expect(img.attr()).toMatchObject({
      alt: 'الساحة الرئيسية في سبها مزينة بالأضواء ليلة رأس السنة',
      loading: 'eager',
      fetchpriority: 'high',
    });
    // The article's sizes, up to 1200 px wide, chosen for the front page's wide column.
    expect(lead.find('source[type="image/avif"]').attr('srcset')).toMatch(/ 480w, .* 800w, .* 1200w$/);
    expect(img.attr('sizes')).toBe('(min-width: 64rem) 45rem, calc(100vw - 2rem)');
    // Its category, city, day and time.
    expect(lead.find('.kicker').text().replace(/\s+/g, ' ').trim()).toBe('محليات · سبها · 01 يناير 2026 الساعة 01:30');
    expect(lead.find('.kicker time').attr('datetime')).toBe('2026-01-01T01:30:00+02:00');
    expect(lead.find('.summary').text()).not.toBe('');
    // One heading for the page, the site's name.
    expect($('h1').text()).toBe('أرشيف وكالة الأنباء الليبية');
  });

  it('lists the latest after the lead, newest first, each with its category and date, and links on to the older ones', () => {
    // The day of the newest dispatch, once, for the times of that day's items.
    expect($('main .latest .latest-day time').attr('datetime')).toBe('2026-01-01');
    expect($('main .latest .latest-day').text()).toBe('01 يناير 2026');
    const latest = items('main .latest li');
    // The listing's newest 20 but the lead.
    expect(latest).toHaveLength(19);
    expect(latest.slice(0, 3)).toEqual([
      {
        title: 'الدينار & الدولار <مقارنة> ]]> بين السعرين اليوم',
        href: '/2025/12/31/hostile-text/',
        meta: 'صحة · 31 ديسمبر 2025',
        datetime: '2025-12-31T10:00:00+02:00',
      },
      {
        title: 'إسعاف أهالي غريان بعد السيول',
        href: expect.stringMatching(/^\/2025\/12\/04\//),
        meta: 'محليات · 04 ديسمبر 2025',
        datetime: '2025-12-04T07:45:00+02:00',
      },
      {
        title: 'ندوة عن سلامة المحتوى الرقمي في مصراتة',
        href: '/2025/12/03/hostile-markup/',
        meta: 'ثقافة · 03 ديسمبر 2025',
        datetime: '2025-12-03T11:00:00+02:00',
      },
    ]);
    expect(latest.map((item) => item.href)).not.toContain(photoDispatch.url);
    const sealed = Math.floor(published / 20);
    expect($('main .latest .more a').attr('href')).toBe(`/page/${sealed}/`);
    expect(pages.has(`/page/${sealed}/`)).toBe(true);
  });

  it('has a section per category with dispatches, in the registry’s order, each with its newest four, thumbnails and times', () => {
    const sections = $('main .sections section')
      .map((_, el) => ({ name: $(el).find('h2').text(), href: $(el).find('h2 a').attr('href'), count: $(el).find('li').length }))
      .get();
    expect(sections).toEqual([
      { name: 'اقتصاد', href: '/category/economy/', count: 2 },
      { name: 'محليات', href: '/category/local/', count: 1 },
      { name: 'رياضة', href: '/category/sports/', count: 4 },
      { name: 'ثقافة', href: '/category/culture/', count: 2 },
      { name: 'صحة', href: '/category/health/', count: 1 },
    ]);
    const economy = items('main .sections section:nth-child(1) li');
    expect(economy.map((item) => item.meta)).toEqual(['بنغازي · 01 ديسمبر 2025', 'طرابلس · 01 ديسمبر 2025']);
    const culture = items('main .sections section:nth-child(4) li');
    // Dated without a time: the day alone, in the markup too.
    expect(culture.at(-1)).toMatchObject({
      title: 'افتتاح معرض الكتاب في البيضاء',
      meta: 'البيضاء · 10 مارس 2024',
      datetime: '2024-03-10',
    });
    expect($('main .sections section:nth-child(1) .more a').attr('href')).toBe('/category/economy/');
    // Thumbnails only where a dispatch has a photo; the lead is not repeated in its section.
    expect($('main .sections img')).toHaveLength(0);
    expect($(`main .sections a[href="${photoDispatch.url}"]`)).toHaveLength(0);
  });

  it('needs no script and shows no relative time', () => {
    expect($('script:not([type="application/ld+json"])')).toHaveLength(0);
    expect($('main').text()).not.toMatch(/منذ|قبل \d/);
  });
});
