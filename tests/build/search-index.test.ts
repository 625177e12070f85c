/**
 * The search index written by the build: one record per published dispatch,
 * nothing else, filters as the search page offers them.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, inject, it } from 'vitest';
import { fillerCount } from '../helpers/archive.ts';

const site = inject('site');
const published = fillerCount + 7;

describe('the Pagefind index', () => {
  it('holds every published dispatch and nothing else, in Arabic', async () => {
    const entry = JSON.parse(await readFile(path.join(site.dist, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['ar']);
    expect(entry.languages.ar.page_count).toBe(published);
    const bundle = await readdir(path.join(site.dist, 'pagefind'));
    expect(bundle).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-component-ui.js', 'pagefind-component-ui.css']));
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
