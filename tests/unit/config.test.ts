/** src/config.ts: the site's address from SITE_URL. */
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_ORIGIN, siteOrigin } from '#src/config.ts';

describe('siteOrigin', () => {
  it('is SITE_URL as an origin, or the placeholder without it', () => {
    expect(siteOrigin(undefined)).toBe(PLACEHOLDER_ORIGIN);
    expect(siteOrigin('  ')).toBe(PLACEHOLDER_ORIGIN);
    expect(siteOrigin('https://archive.lana.ly/')).toBe('https://archive.lana.ly');
    expect(siteOrigin('http://localhost:8080')).toBe('http://localhost:8080');
  });

  it('refuses what is not an address alone', () => {
    for (const value of ['archive.lana.ly', 'https://archive.lana.ly/news/', 'ftp://archive.lana.ly', 'https://archive.lana.ly/?x=1']) {
      expect(() => siteOrigin(value), value).toThrow(
        `SITE_URL must be the site's address alone, such as https://archive.lana.ly, not «${value}»`,
      );
    }
  });
});
