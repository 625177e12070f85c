/**
 * The sample archive shipped in content/ builds into every kind of page,
 * and stays rich enough to show the site off.
 */
import path from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanArchive, type ParsedFile } from '#src/archive/scan.ts';
import { dateSegments } from '#src/dispatch/dates.ts';
import { slugify } from '#src/dispatch/text.ts';
import { buildSite, listFiles, projectRoot, readPages } from '../helpers/build.ts';
import { hasJava, htmlErrors } from '../helpers/html-checker.ts';

let all: ParsedFile[];
let published: ParsedFile[];
let pages: Map<string, string>;
let files: Set<string>;
let outDir: string;
const now = new Date();

beforeAll(async () => {
  const scan = await scanArchive({
    root: projectRoot,
    archiveDir: 'content/dispatches',
    imagesDir: 'content/images',
    version: 'test',
    photoVersion: 'test',
  });
  all = scan.dispatches.map((d) => d.parsed!);
  published = all.filter((d) => !d.data.draft && d.data.date <= now);
  const result = await buildSite({ archiveDir: 'content/dispatches' });
  expect(result.code, result.output).toBe(0);
  outDir = result.outDir;
  pages = await readPages(outDir);
  files = new Set((await listFiles(result.outDir)).map((f) => `/${f}`));
});

describe('the sample archive', () => {
  it('has 40+ dispatches over 10+ cities, 5+ categories and 3+ years, with tags, a correction, a draft and an embargo', () => {
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(new Set(all.map((d) => d.data.city)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(all.map((d) => d.data.category)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(published.map((d) => dateSegments(d.data.date).year)).size).toBeGreaterThanOrEqual(3);
    expect(all.filter((d) => d.data.tags.length > 0).length).toBeGreaterThan(10);
    expect(all.filter((d) => d.data.updated).length).toBeGreaterThanOrEqual(1);
    expect(all.filter((d) => d.data.draft).length).toBeGreaterThanOrEqual(1);
    expect(all.filter((d) => d.data.date > now).length).toBeGreaterThanOrEqual(1);
  });

  it('builds a page for every published dispatch and none for the others', () => {
    for (const d of all) {
      const { year, month, day } = dateSegments(d.data.date);
      const url = `/${year}/${month}/${day}/${d.data.slug}/`;
      expect(pages.has(url), url).toBe(published.includes(d));
    }
  });

  it('builds every listing and index page', () => {
    // Numbered from the oldest: the full pages, and the number of the one being filled.
    const sealed = Math.floor(published.length / 20);
    const expected = ['/', '/archive/', '/city/', '/category/', '/tag/', '/404.html'];
    for (let n = 1; n <= sealed + 1; n++) expected.push(`/page/${n}/`);
    for (const d of published) {
      const { year, month } = dateSegments(d.data.date);
      expected.push(`/archive/${year}/`, `/archive/${year}/${month}/`);
      expected.push(`/city/${d.data.city}/`, `/category/${d.data.category}/`);
      for (const tag of d.data.tags) expected.push(`/tag/${slugify(tag)}/`);
    }
    const missing = [...new Set(expected)].filter((url) => !pages.has(url));
    expect(missing).toEqual([]);
    // The front page: a lead story and the latest after it, the listing's newest 20 (none withdrawn in the sample).
    const front = load(pages.get('/')!);
    expect(front('main .lead')).toHaveLength(1);
    expect(front('main .lead, main .latest li').length).toBe(Math.min(20, published.length));
    // Each section's items show a thumbnail exactly when the dispatch has a lead photo.
    const withPhoto = new Set(
      published.filter((d) => d.data.image).map((d) => `${Object.values(dateSegments(d.data.date)).join('/')}/${d.data.slug}`),
    );
    const items = front('main .sections li')
      .map((_, li) => ({ url: front(li).find('h3 a').attr('href')!.slice(1, -1), thumbnail: front(li).find('img').length === 1 }))
      .get();
    expect(items.filter((item) => item.thumbnail).length).toBeGreaterThan(0);
    expect(items.map((item) => [item.url, item.thumbnail])).toEqual(items.map((item) => [item.url, withPhoto.has(item.url)]));
  });

  it('links only to pages that exist', () => {
    const broken = new Set<string>();
    for (const [url, html] of pages) {
      const $ = load(html);
      $('a[href^="/"]').each((_, a) => {
        const target = decodeURI(a.attribs.href.split('#')[0]);
        if (!pages.has(target) && !files.has(target)) broken.add(`${url} → ${target}`);
      });
    }
    expect([...broken]).toEqual([]);
  });

  it.skipIf(!hasJava)('passes the Nu HTML Checker on every page', async () => {
    const html = [...files].filter((file) => file.endsWith('.html')).map((file) => path.join(outDir, file));
    expect(html.length).toBe(pages.size);
    expect(await htmlErrors(html)).toEqual([]);
  });
});
