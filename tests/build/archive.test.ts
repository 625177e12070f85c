/**
 * The archive's navigation in the built test archive: year and month pages
 * link to the periods either side that have dispatches, a month's calendar
 * links to its days, and every day with dispatches has a page that lists
 * them in time order.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { countDispatches } from '#src/i18n/ar.ts';
import { fillerCount } from '../helpers/archive.ts';
import { readPages } from '../helpers/build.ts';

const site = inject('site');
let pages: Map<string, string>;

beforeAll(async () => {
  pages = await readPages(site.dist);
});

function page(url: string): CheerioAPI {
  const html = pages.get(url);
  if (html === undefined) throw new Error(`no page at ${url}`);
  return load(html);
}

const text = ($: CheerioAPI, selector: string) => $(selector).text().replace(/\s+/g, ' ').trim();

/** The previous and next links of a year, month or day page. */
function periodNav(url: string) {
  const $ = page(url);
  const link = (rel: string) => {
    const a = $(`nav.period-nav a[rel=${rel}]`);
    return a.length ? { href: a.attr('href'), text: text($, `nav.period-nav a[rel=${rel}]`) } : undefined;
  };
  return { label: $('nav.period-nav').attr('aria-label'), previous: link('prev'), next: link('next') };
}

// The fixtures' published days, and the generated November: dispatch n on day n % 28 + 1.
const november = new Map<string, number>();
for (let n = 1; n <= fillerCount; n++) {
  const day = String((n % 28) + 1).padStart(2, '0');
  november.set(day, (november.get(day) ?? 0) + 1);
}
const days: Record<string, Map<string, number>> = {
  '2024/03': new Map([['10', 1]]),
  '2025/11': november,
  '2025/12': new Map([
    ['01', 2],
    ['03', 1],
    ['04', 1],
    ['31', 1],
  ]),
  '2026/01': new Map([['01', 1]]),
};
const dayPaths = Object.entries(days).flatMap(([month, counts]) => [...counts.keys()].map((day) => `/archive/${month}/${day}/`));

describe('year pages', () => {
  it.each([
    ['2024', undefined, { href: '/archive/2025/', text: 'السنة التالية: 2025 ←' }],
    ['2025', { href: '/archive/2024/', text: '→ السنة السابقة: 2024' }, { href: '/archive/2026/', text: 'السنة التالية: 2026 ←' }],
    ['2026', { href: '/archive/2025/', text: '→ السنة السابقة: 2025' }, undefined],
  ])('%s links to the years either side that have dispatches', (year, previous, next) => {
    expect(periodNav(`/archive/${year}/`)).toEqual({ label: 'التنقل بين السنوات', previous, next });
  });
});

describe('month pages', () => {
  it.each([
    ['2024/03', undefined, { href: '/archive/2025/11/', text: 'الشهر التالي: نوفمبر 2025 ←' }],
    // Across a year with no dispatches.
    [
      '2025/11',
      { href: '/archive/2024/03/', text: '→ الشهر السابق: مارس 2024' },
      { href: '/archive/2025/12/', text: 'الشهر التالي: ديسمبر 2025 ←' },
    ],
    [
      '2025/12',
      { href: '/archive/2025/11/', text: '→ الشهر السابق: نوفمبر 2025' },
      { href: '/archive/2026/01/', text: 'الشهر التالي: يناير 2026 ←' },
    ],
    ['2026/01', { href: '/archive/2025/12/', text: '→ الشهر السابق: ديسمبر 2025' }, undefined],
  ])('%s links to the months either side that have dispatches', (month, previous, next) => {
    expect(periodNav(`/archive/${month}/`)).toEqual({ label: 'التنقل بين الأشهر', previous, next });
  });

  it('have a calendar from Saturday, its days with dispatches linked, named with their date and count', () => {
    const $ = page('/archive/2025/12/');
    const calendar = $('table.month-calendar');
    expect(text($, 'table.month-calendar caption')).toBe('تقويم ديسمبر 2025');
    expect(
      calendar
        .find('thead th[scope=col] .weekday')
        .map((_, th) => $(th).text())
        .get(),
    ).toEqual(['السبت', 'الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة']);
    // 1 December 2025 is a Monday; the 31st a Wednesday.
    const rows = calendar.find('tbody tr');
    expect(rows.length).toBe(5);
    const numbers = (row: typeof rows) =>
      row
        .find('td')
        .map((_, td) => $(td).find('.number').text())
        .get();
    expect(numbers(rows.first())).toEqual(['', '', '1', '2', '3', '4', '5']);
    expect(numbers(rows.last())).toEqual(['27', '28', '29', '30', '31', '', '']);
    expect(calendar.find('td .number').length).toBe(31);
  });

  it.each(Object.entries(days))('%s: the calendar links exactly the days with dispatches, with their counts', (month, counts) => {
    const $ = page(`/archive/${month}/`);
    const [year, mm] = month.split('/');
    const name = $('table.month-calendar caption')
      .text()
      .replace(/^تقويم /, '');
    const links = $('table.month-calendar a')
      .map((_, a) => ({ href: $(a).attr('href'), label: $(a).attr('aria-label'), count: $(a).find('.count').text() }))
      .get();
    expect(links).toEqual(
      [...counts].sort().map(([day, count]) => ({
        href: `/archive/${year}/${mm}/${day}/`,
        label: `${Number(day)} ${name}، ${countDispatches(count)}`,
        count: String(count),
      })),
    );
    for (const { href } of links) expect(pages.has(href!), href).toBe(true);
  });

  it('list each day’s headlines in time order, oldest day first, linking to the day', () => {
    const $ = page('/archive/2025/12/');
    const sections = $('section.day');
    expect(sections.map((_, s) => $(s).find('h2 a').attr('href')).get()).toEqual(
      ['01', '03', '04', '31'].map((day) => `/archive/2025/12/${day}/`),
    );
    const first = sections.first().find('li');
    expect(first.map((_, li) => $(li).text().replace(/\s+/g, ' ').trim()).get()).toEqual([
      '10:30 ميناء طرابلس يبدأ توسعة رصيف الحاويات',
      '15:00 تعديل رسوم الخدمات في ميناء بنغازي',
    ]);
    expect(
      first
        .find('a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/2025/12/01/port-upgrade/', '/2025/12/01/port-fees-corrected/']);
    // Headlines, not cards: a busy month stays light.
    expect($('main article.card').length).toBe(0);
  });
});

describe('day pages', () => {
  it('exist for exactly the days with dispatches', () => {
    const built = [...pages.keys()].filter((url) => /^\/archive\/\d{4}\/\d{2}\/\d{2}\/$/.test(url));
    expect(built.sort()).toEqual([...dayPaths].sort());
  });

  it.each(dayPaths)('%s lists its dispatches in time order, with their times', (url) => {
    const $ = page(url);
    const [year, month, day] = url.split('/').slice(2, 5);
    const cards = $('main li.entry');
    expect(cards.length).toBe(days[`${year}/${month}`].get(day));
    expect(cards.find('article.card').length).toBe(cards.length);
    const times = cards
      .find('time.time')
      .map((_, time) => $(time).attr('datetime')!)
      .get();
    expect(
      times.every((time) => time.startsWith(`${year}-${month}-${day}T`)),
      times.join(),
    ).toBe(true);
    expect(times.map((time) => new Date(time).getTime())).toEqual(times.map((time) => new Date(time).getTime()).sort((a, b) => a - b));
  });

  it('head with the date under a breadcrumb to their month, and show each dispatch’s time', () => {
    const $ = page('/archive/2025/12/01/');
    expect(text($, 'h1')).toBe('01 ديسمبر 2025');
    expect(
      $('nav.breadcrumbs a')
        .map((_, a) => [[$(a).text(), $(a).attr('href')]])
        .get(),
    ).toEqual([
      ['الرئيسية', '/'],
      ['الأرشيف', '/archive/'],
      ['2025', '/archive/2025/'],
      ['ديسمبر 2025', '/archive/2025/12/'],
    ]);
    expect(
      $('main li.entry')
        .map((_, li) => [[$(li).find('time.time').text(), $(li).find('article.card h2').text().trim()]])
        .get(),
    ).toEqual([
      ['10:30', 'ميناء طرابلس يبدأ توسعة رصيف الحاويات'],
      ['15:00', 'تعديل رسوم الخدمات في ميناء بنغازي'],
    ]);
  });

  it.each([
    ['/archive/2024/03/10/', undefined, { href: '/archive/2025/11/01/', text: 'اليوم التالي: 01 نوفمبر 2025 ←' }],
    [
      '/archive/2025/12/01/',
      { href: '/archive/2025/11/28/', text: '→ اليوم السابق: 28 نوفمبر 2025' },
      { href: '/archive/2025/12/03/', text: 'اليوم التالي: 03 ديسمبر 2025 ←' },
    ],
    [
      '/archive/2025/12/31/',
      { href: '/archive/2025/12/04/', text: '→ اليوم السابق: 04 ديسمبر 2025' },
      { href: '/archive/2026/01/01/', text: 'اليوم التالي: 01 يناير 2026 ←' },
    ],
    ['/archive/2026/01/01/', { href: '/archive/2025/12/31/', text: '→ اليوم السابق: 31 ديسمبر 2025' }, undefined],
  ])('%s links to the days either side that have dispatches', (url, previous, next) => {
    expect(periodNav(url)).toEqual({ label: 'التنقل بين الأيام', previous, next });
  });

  it('are listed in the pages sitemap', async () => {
    const parser = new XMLParser({ isArray: (name) => name === 'url' });
    const xml = await readFile(path.join(site.dist, 'sitemap-pages.xml'), 'utf8');
    const listed = (parser.parse(xml).urlset.url as { loc: string }[]).map((u) => decodeURI(new URL(u.loc).pathname));
    expect(listed).toEqual(expect.arrayContaining(dayPaths));
    expect(listed.filter((p) => /^\/archive\/\d{4}\/\d{2}\/\d{2}\/$/.test(p))).toHaveLength(dayPaths.length);
  });
});
