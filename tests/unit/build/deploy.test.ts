/** What a deploy of one build's changes uploads, with which cache, and purges (src/build/deploy.ts). */
import { describe, expect, it } from 'vitest';
import { cachePolicy, formatChanges, invalidationPaths, parseChanges } from '#src/build/deploy.ts';

describe('the changes a build lists', () => {
  it('are read back as written and deleted files, and nothing else passes', () => {
    expect(parseChanges('M index.html\nM tag/الموانئ/index.html\nD 2024/03/10/x/index.html\n')).toEqual({
      full: false,
      written: ['index.html', 'tag/الموانئ/index.html'],
      deleted: ['2024/03/10/x/index.html'],
    });
    expect(parseChanges('')).toEqual({ full: false, written: [], deleted: [] });
    expect(() => parseChanges('M index.html\nX oops\n')).toThrow('line 2 is not "M path" or "D path": X oops');
  });

  it('say when the build was a full one, on their first line only, and read back what was written', () => {
    const full = { full: true, written: ['index.html', 'rss.xml'], deleted: [] };
    expect(formatChanges(full)).toBe('F\nM index.html\nM rss.xml\n');
    expect(parseChanges(formatChanges(full))).toEqual(full);
    const publish = { full: false, written: ['index.html'], deleted: ['2024/03/10/x/index.html'] };
    expect(parseChanges(formatChanges(publish))).toEqual(publish);
    expect(formatChanges({ full: false, written: [], deleted: [] })).toBe('');
    expect(() => parseChanges('M index.html\nF\n')).toThrow('line 2 is not "M path" or "D path": F');
  });
});

describe('a file’s cache', () => {
  it.each([
    ['_astro/a.Ab3dE_fG_480x300.avif', 'immutable'],
    ['pagefind/2025/fragment/ar_1a2b3c4.pf_fragment', 'immutable'],
    ['pagefind/2025/pagefind.ar_9d932a3957.pf_meta', 'immutable'],
    ['page/3/index.html', 'sealed'],
    ['city/tripoli/page/12/index.html', 'sealed'],
    ['index.html', 'short'],
    ['city/tripoli/index.html', 'short'],
    ['2025/12/01/page/index.html', 'short'],
    ['pagefind/2025/pagefind-entry.json', 'short'],
    ['rss.xml', 'short'],
  ])('%s → %s', (file, kind) => {
    expect(cachePolicy(file).kind).toBe(kind);
  });
});

describe('the paths a CDN must forget', () => {
  it('are the pages, by folder and file, feeds and sitemaps; never a content-hashed file', () => {
    expect(invalidationPaths(['index.html', 'tag/الموانئ/index.html', 'rss.xml', '_astro/x.Ab3dE_fG_1x1.jpg', '404.html'])).toEqual([
      '/',
      '/404.html',
      '/index.html',
      '/rss.xml',
      '/tag/%D8%A7%D9%84%D9%85%D9%88%D8%A7%D9%86%D8%A6/',
      '/tag/%D8%A7%D9%84%D9%85%D9%88%D8%A7%D9%86%D8%A6/index.html',
    ]);
  });
});
