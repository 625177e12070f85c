import { describe, expect, it } from 'vitest';
import { toRfc822 } from '#src/dispatch/dates.ts';
import { absolutizeUrls } from '#src/render/feed.ts';
import { newsSitemapXml, newsWindow } from '#src/render/sitemap.ts';
import { serializeJsonLd } from '#src/render/structured-data.ts';
import { wrap } from '#src/render/social-image.ts';
import { cleanText } from '#src/dispatch/text.ts';
import { escapeXml } from '#src/render/xml.ts';
import { makeDispatch } from '../../helpers/dispatch.ts';

const make = (id: string, iso: string, title = id) => makeDispatch(id, iso, { title });

describe('toRfc822', () => {
  it.each([
    ['2025-12-01T08:30:00Z', 'Mon, 01 Dec 2025 10:30:00 +0200'],
    // Still 31 December in UTC, already Thursday 1 January in Tripoli.
    ['2025-12-31T23:30:00Z', 'Thu, 01 Jan 2026 01:30:00 +0200'],
    ['2013-01-15T11:00:00Z', 'Tue, 15 Jan 2013 12:00:00 +0100'],
  ])('%s → %s', (iso, rfc) => {
    expect(toRfc822(new Date(iso))).toBe(rfc);
  });
});

describe('XML safety', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });

  it('drops unpaired surrogates and noncharacters but keeps real pairs', () => {
    expect(cleanText('a\ud800b\udc00c\ufffed\uffff')).toBe('abcd');
    expect(cleanText('خبر 📰')).toBe('خبر 📰');
  });

  it('keeps JSON-LD inside its script element', () => {
    const json = serializeJsonLd({ headline: '</script><b>&' });
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json)).toEqual({ headline: '</script><b>&' });
  });
});

describe('absolutizeUrls', () => {
  it('resolves links, images and srcset against the dispatch URL', () => {
    const html =
      '<p><a href="/about/">أ</a> <a href="other/">ب</a> <a href="https://x.example/">ج</a> <a href="#n">د</a>' +
      '<img src="a.png" srcset="a.png 1x, /b.png 2x" alt=""></p>';
    expect(absolutizeUrls(html, 'https://s.example/2025/12/01/x/')).toBe(
      '<p><a href="https://s.example/about/">أ</a> <a href="https://s.example/2025/12/01/x/other/">ب</a> ' +
        '<a href="https://x.example/">ج</a> <a href="https://s.example/2025/12/01/x/#n">د</a>' +
        '<img src="https://s.example/2025/12/01/x/a.png" srcset="https://s.example/2025/12/01/x/a.png 1x, https://s.example/b.png 2x" alt=""></p>',
    );
  });
});

describe('absolutizeUrls with broken URLs', () => {
  it('leaves a value that is not a URL as it is instead of failing', () => {
    expect(absolutizeUrls('<a href="https://lana.ly:8o8o/x">أ</a>', 'https://s.example/')).toBe('<a href="https://lana.ly:8o8o/x">أ</a>');
  });
});

describe('news sitemap', () => {
  const list = [make('newest', '2025-12-03T12:00:00Z'), make('edge', '2025-12-01T12:00:00Z'), make('old', '2025-12-01T11:59:59Z')];

  it('holds the 48 hours up to the newest dispatch, both ends included', () => {
    expect(newsWindow(list).map((d) => d.id)).toEqual(['newest', 'edge']);
    expect(newsWindow([])).toEqual([]);
  });

  it('caps the window at 1000 dispatches', () => {
    const many = Array.from({ length: 1200 }, (_, i) => make(`d${i}`, new Date(Date.UTC(2025, 0, 10) - i * 60000).toISOString()));
    expect(newsWindow(many)).toHaveLength(1000);
  });

  it('escapes titles', () => {
    const xml = newsSitemapXml([make('x', '2025-12-01T08:30:00Z', 'أ & <ب>')]);
    expect(xml).toContain('<news:title>أ &amp; &lt;ب&gt;</news:title>');
    expect(xml).toContain('<news:publication_date>2025-12-01T10:30:00+02:00</news:publication_date>');
  });
});

describe('wrap (social image headline)', () => {
  const width = (line: string) => line.length * 10;

  it('breaks between words within the width', () => {
    expect(wrap('أ ب ج د ه و', 50, 3, width)).toEqual(['أ ب ج', 'د ه و']);
  });

  it('ends the last allowed line with an ellipsis when words remain', () => {
    const lines = wrap('كلمة كلمة كلمة كلمة كلمة كلمة كلمة', 100, 2, width);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith(' …')).toBe(true);
    expect(width(lines[1])).toBeLessThanOrEqual(100);
  });

  it('keeps an over-long single word on its own line', () => {
    expect(wrap('قصير طوييييييييييييييل', 50, 3, width)).toEqual(['قصير', 'طوييييييييييييييل']);
  });
});
