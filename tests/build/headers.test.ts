/**
 * public/_headers against every file of the built test archive: each gets
 * one cache policy, long only where the name carries a content hash, and the
 * security headers; and the pages need nothing the policy refuses.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { listFiles, projectRoot, readPages, tempDir } from '../helpers/build.ts';
import { cachePolicy } from '#src/build/deploy.ts';
import { contentSecurityPolicy } from '#src/config.ts';
import { headersFor, parseHeadersFile, type HeaderRule } from '../helpers/static-host.ts';

const site = inject('site');
const immutable = 'public, max-age=31536000, immutable';
const short = 'public, max-age=60, must-revalidate';
const sealed = 'public, max-age=86400, s-maxage=604800';
/** Numbered listing pages, which never change once full. */
const isSealedPage = (file: string) => /^((city|category|tag)\/[^/]+\/)?page\/\d+\/index\.html$/.test(file);

let rules: HeaderRule[];
let files: string[];

beforeAll(async () => {
  rules = parseHeadersFile(await readFile(path.join(projectRoot, 'public/_headers'), 'utf8'));
  files = (await listFiles(site.dist)).filter((file) => file !== '_headers');
});

/** The URL path a file is requested at: a/index.html at /a/. */
const urlOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

describe('cache headers', () => {
  it('copies the file into the site as written', async () => {
    expect(await readFile(path.join(site.dist, '_headers'), 'utf8')).toBe(
      await readFile(path.join(projectRoot, 'public/_headers'), 'utf8'),
    );
  });

  it('give every file one policy: a year for hashed names, a day for sealed listing pages, a minute and revalidation for the rest', () => {
    const long: string[] = [];
    for (const file of files) {
      const cache = headersFor(rules, urlOf(file)).get('cache-control');
      expect([immutable, short, sealed], `${file}: Cache-Control ${cache}`).toContain(cache);
      expect(cache === sealed, `${file}: Cache-Control ${cache}`).toBe(isSealedPage(file));
      // A deploy to a host that reads no _headers sets the same (src/build/deploy.ts).
      expect(cachePolicy(file).value, file).toBe(cache);
      if (cache === immutable) long.push(file);
    }
    expect(files.filter(isSealedPage)).toEqual(
      expect.arrayContaining(['page/1/index.html', 'city/zliten/page/1/index.html', 'tag/الدوري/page/1/index.html']),
    );
    // What may be cached for a year is what changes its name when it changes.
    for (const file of long) {
      expect(file, 'a long-cached file without a content hash in its name').toMatch(
        /^(_astro\/[^/]+\.[\w-]{6,}\.\w+|pagefind\/[^/]+\/((index|fragment|filter)\/)?[\w.-]+_[0-9a-f]{7,}\.pf_\w+)$/,
      );
    }
    const kinds = (test: RegExp) => files.filter((file) => test.test(file));
    expect(long).toEqual(expect.arrayContaining(kinds(/^_astro\//)));
    expect(long).toEqual(expect.arrayContaining(kinds(/^pagefind\/.*\.pf_(meta|index|fragment|filter)$/)));
    // Pages, feeds, sitemaps and the files naming the hashed ones stay short.
    for (const file of kinds(/\.(html|xml|txt)$|pagefind-entry\.json$|shards\.json$|pagefind\.js$|\.pagefind$/)) {
      expect(long, file).not.toContain(file);
    }
    expect(kinds(/\.html$/).length).toBeGreaterThan(50);
  });

  it('are joined when two rules set one header, unless the later rule detaches it', () => {
    const joined = parseHeadersFile('/*\n  Cache-Control: a\n/x/*\n  Cache-Control: b\n');
    expect(headersFor(joined, '/x/y').get('cache-control')).toBe('a, b');
    const detached = parseHeadersFile('/*\n  Cache-Control: a\n/x/*\n  ! Cache-Control\n  Cache-Control: b\n');
    expect(headersFor(detached, '/x/y').get('cache-control')).toBe('b');
    expect(headersFor(detached, '/z').get('cache-control')).toBe('a');
    expect(() => parseHeadersFile('  Cache-Control: a\n')).toThrow(/_headers:1: a header before any path/);
  });

  it('stay one per file on Netlify, after the step in docs/deploy.md that drops what Netlify does not read', async () => {
    const guide = await readFile(path.join(projectRoot, 'docs/deploy.md'), 'utf8');
    const step = /- run: (sed -i .+) dist\/_headers\n/.exec(guide);
    expect(step, 'docs/deploy.md: Netlify step').not.toBeNull();
    const file = path.join(await tempDir('headers'), '_headers');
    await copyFile(path.join(projectRoot, 'public/_headers'), file);
    execFileSync('sh', ['-c', `${step![1]} "$1"`, 'sh', file]);
    const netlify = parseHeadersFile(await readFile(file, 'utf8'));
    for (const rule of netlify) expect(rule.detach, rule.pattern).toEqual([]);
    for (const file of files) {
      const cache = headersFor(netlify, urlOf(file)).get('cache-control');
      // Pages get Netlify's default: public, max-age=0, must-revalidate.
      expect(cache === undefined || cache === immutable || cache === sealed, `${file}: ${cache}`).toBe(true);
      expect(cache === immutable, file).toBe(headersFor(rules, urlOf(file)).get('cache-control') === immutable);
      expect(headersFor(netlify, urlOf(file)).get('content-security-policy'), file).toBe(
        headersFor(rules, urlOf(file)).get('content-security-policy'),
      );
    }
  });
});

describe('security headers', () => {
  it('reach every file once', () => {
    const policy = rules.find((rule) => rule.pattern === '/*')!.set.find(([name]) => name === 'Content-Security-Policy')![1];
    expect(policy).toBe(`${contentSecurityPolicy}; frame-ancestors 'none'`);
    for (const file of files) {
      const headers = headersFor(rules, urlOf(file));
      expect(headers.get('content-security-policy'), file).toBe(policy);
      expect(headers.get('strict-transport-security'), file).toBe('max-age=31536000');
      expect(headers.get('x-content-type-options'), file).toBe('nosniff');
      expect(headers.get('referrer-policy'), file).toBe('strict-origin-when-cross-origin');
      expect(headers.get('permissions-policy'), file).toMatch(/^camera=\(\), microphone=\(\), geolocation=\(\)/);
      expect(headers.get('x-frame-options'), file).toBe('DENY');
    }
  });

  it('are met by every page: no inline script or style, nothing from another origin', async () => {
    const pages = await readPages(site.dist);
    const origin = new URL('https://archive.lana.example');
    for (const [url, html] of pages) {
      const $ = load(html);
      // For hosts that send no headers of ours; before anything it governs.
      expect($('head > *').eq(1).is('meta[http-equiv="content-security-policy"]'), `${url}: policy <meta> after charset`).toBe(true);
      expect($('meta[http-equiv="content-security-policy"]').attr('content'), url).toBe(contentSecurityPolicy);
      // JSON-LD is data, never run: the policy does not apply to it.
      const inline = $('script:not([src])').filter((_, el) => $(el).attr('type') !== 'application/ld+json');
      expect(inline.length, `${url}: inline script`).toBe(0);
      expect($('style').length, `${url}: <style>`).toBe(0);
      expect($('[style]').length, `${url}: style attribute`).toBe(0);
      const handlers = $('*').filter((_, el) =>
        Object.keys((el as { attribs?: object }).attribs ?? {}).some((name) => name.startsWith('on')),
      );
      expect(handlers.length, `${url}: event handler attribute`).toBe(0);
      expect(html, url).not.toMatch(/javascript:/i);
      const loaded = $('script[src], link[rel~="stylesheet"], link[rel~="icon"], link[rel~="preload"], img[src], source[srcset]')
        .map((_, el) => ($(el).attr('src') ?? $(el).attr('href') ?? $(el).attr('srcset') ?? '').split(/[\s,]+/)[0])
        .get();
      for (const src of loaded) expect(new URL(src, new URL(url, origin)).origin, `${url}: ${src}`).toBe(origin.origin);
    }
  });
});
