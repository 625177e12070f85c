/**
 * The search index written by the build: one record per published dispatch,
 * nothing else, filters as the search page offers them.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { describe, expect, inject, it } from 'vitest';
import { startIndexers } from '#src/search/indexers.ts';
import { recordSource, type RecordSource } from '#src/search/record.ts';
import { bucketFile, bucketOf } from '#src/search/title-index.ts';
import { makeDispatch } from '../helpers/dispatch.ts';
import { fillerCount } from '../helpers/archive.ts';
import { tempDir } from '../helpers/build.ts';

const site = inject('site');
const published = fillerCount + 7;

describe('the Pagefind index', () => {
  it('holds every published dispatch once, in one shard per year, newest first, without Pagefind’s stemmer', async () => {
    const manifest = JSON.parse(await readFile(path.join(site.dist, 'pagefind/shards.json'), 'utf8'));
    expect(manifest.shards.map((s: { path: string; label: string }) => [s.path, s.label])).toEqual([
      ['/pagefind/2026/', '2026'],
      ['/pagefind/2025/', '2025'],
      ['/pagefind/2024/', '2024'],
    ]);
    let pages = 0;
    for (const shard of manifest.shards) {
      const dir = path.join(site.dist, shard.path);
      const entry = JSON.parse(await readFile(path.join(dir, 'pagefind-entry.json'), 'utf8'));
      // Our terms are folded and read already (search-terms.ts): a stemmer would cut them again.
      // The language names the shard: the search page tells merged bundles' results apart by it.
      const language = `und-x-${path.basename(dir)}`;
      expect(Object.keys(entry.languages)).toEqual([language]);
      expect(entry.languages[language].page_count).toBe(shard.pages);
      pages += shard.pages;
      // What a shard serves: its index and Pagefind's worker and WebAssembly, no UI.
      const files = await readdir(dir);
      expect(files).toEqual(expect.arrayContaining(['pagefind-worker.js', 'wasm.unknown.pagefind', 'index', 'fragment', 'filter']));
      expect(files.filter((f) => /ui|highlight|^pagefind\.js$/.test(f))).toEqual([]);
    }
    expect(pages).toBe(published);
    expect(await readdir(path.join(site.dist, 'pagefind'))).toEqual(['2024', '2025', '2026', 'pagefind.js', 'shards.json', 'titles']);
  });

  it('puts every dispatch in the shard of its year, once', async () => {
    const seen: string[] = [];
    for (const year of ['2024', '2025', '2026']) {
      const dir = path.join(site.dist, 'pagefind', year, 'fragment');
      for (const file of await readdir(dir)) {
        const text = gunzipSync(await readFile(path.join(dir, file))).toString();
        for (const [, url] of text.matchAll(/"url":"([^"]+)"/g)) {
          expect(url.startsWith(`/${year}/`), url).toBe(true);
          seen.push(url);
        }
      }
    }
    expect(seen).toHaveLength(published);
    expect(new Set(seen).size).toBe(published);
    expect(seen).toContain('/2026/01/01/new-year-sebha/');
  });

  it('writes the title index: for each word in a headline, the shards that have it', async () => {
    const lookup = async (word: string) =>
      (JSON.parse(await readFile(path.join(site.dist, 'pagefind', bucketFile(bucketOf(word))), 'utf8')) as Record<string, string[]>)[word];
    // «ميناء طرابلس يبدأ توسعة…» and «تعديل رسوم الخدمات في ميناء بنغازي», both December 2025.
    expect(await lookup('ميناء')).toEqual(['2025']);
    expect(await lookup('رسوم')).toEqual(['2025']);
    // The 2026 dispatch with «رسوم» in its body alone does not count; a word in no headline is not listed.
    expect(await lookup('زلزال')).toBeUndefined();
    expect((await readdir(path.join(site.dist, 'pagefind/titles'))).length).toBe(256);
  });

  it('is fed by the article of each dispatch page, with its filters and date', async () => {
    const html = await readFile(path.join(site.dist, '2025/12/01/port-upgrade/index.html'), 'utf8');
    const article = load(html)('[data-pagefind-body]');
    expect(article.length).toBe(1);
    expect(article.is('article.dispatch')).toBe(true);
    expect(article.attr('data-pagefind-filter')).toBe('city:طرابلس, category:اقتصاد, year:2025, source:وال');
    expect(article.attr('data-pagefind-sort')).toBe('date:2025-12-01T10:30:00+02:00');
    const home = await readFile(path.join(site.dist, 'index.html'), 'utf8');
    expect(home).not.toContain('data-pagefind-body');
  });

  it('gives every page a search box that works without script', async () => {
    const $ = load(await readFile(path.join(site.dist, 'index.html'), 'utf8'));
    const form = $('header form[role=search]');
    expect(form.attr('action')).toBe('/search/');
    expect(form.attr('method')).toBe('get');
    expect(form.find('input[type=search][name=q]').attr('id')).toBe('site-search');
    expect($('label[for=site-search]').text()).toBe('ابحث في الأرشيف');
  });
});

describe('the search index workers', () => {
  it('index shards side by side, each the same bytes whichever worker does it; a shard that cannot be indexed fails, naming its page, and the others finish', async () => {
    const out = await tempDir('indexers');
    const bodies = path.join(out, 'bodies');
    await mkdir(bodies);
    const sources = ['a', 'b', 'c'].map((id, i) => {
      const d = makeDispatch(id, `2025-12-0${i + 1}T08:00:00Z`, { title: `عنوان ${id}`, body: `${id}.html` });
      return recordSource(d);
    });
    for (const id of ['a', 'b', 'c']) await writeFile(path.join(bodies, `${id}.html`), `<p>نص الخبر ${id}.</p>`);
    const broken = { ...sources[0], url: '/2025/12/01/broken/', body: 'gone.html' };
    const job = (shard: string, list: RecordSource[], dir = shard) => ({ shard, sources: list, bodies, outputPath: path.join(out, dir) });
    // One worker fewer than jobs: a job waits for a worker another has released.
    const indexers = startIndexers(2);
    const results = await Promise.allSettled([
      indexers.index(job('broken', [broken])),
      indexers.index(job('one', sources)),
      indexers.index(job('one', sources, 'two')),
      indexers.index(job('single', sources.slice(0, 1))),
    ]);
    await indexers.close();
    await expect(indexers.index(job('late', sources))).rejects.toThrow('The search indexers are closed');
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toContain('The search record of /2025/12/01/broken/ cannot be made');
    for (const file of ['pagefind-entry.json', 'wasm.unknown.pagefind']) {
      expect((await readFile(path.join(out, 'one', file))).equals(await readFile(path.join(out, 'two', file)))).toBe(true);
    }
    expect(JSON.parse(await readFile(path.join(out, 'one/pagefind-entry.json'), 'utf8')).languages['und-x-one'].page_count).toBe(3);
    expect(JSON.parse(await readFile(path.join(out, 'single/pagefind-entry.json'), 'utf8')).languages['und-x-single'].page_count).toBe(1);
  });
});
