/** The URL scheme (src/dispatch/urls.ts). */
import { describe, expect, it } from 'vitest';
import { siteConfig } from '#src/config.ts';
import {
  absoluteUrl,
  archiveDayPath,
  archiveMonthPath,
  dispatchPath,
  feedPath,
  pagePath,
  pageParam,
  socialImagePath,
  tagPath,
} from '#src/dispatch/urls.ts';

describe('URLs', () => {
  it('date a dispatch by its Tripoli day, whatever the UTC day', () => {
    // 23:30 UTC on 31 December is 01:30 on 1 January in Tripoli.
    expect(dispatchPath(new Date('2025-12-31T23:30:00Z'), 'new-year')).toBe('/2026/01/01/new-year/');
    expect(socialImagePath('/2026/01/01/new-year/')).toBe('/2026/01/01/new-year/og.png');
  });

  it('keep Arabic readable in paths, and percent-encode it in absolute URLs', () => {
    expect(tagPath('الموانئ')).toBe('/tag/الموانئ/');
    expect(feedPath(tagPath('الموانئ'))).toBe('/tag/الموانئ/rss.xml');
    expect(absoluteUrl('/tag/الموانئ/')).toBe(`${siteConfig.origin}/tag/%D8%A7%D9%84%D9%85%D9%88%D8%A7%D9%86%D8%A6/`);
  });

  it('number listing pages and archive periods as the routes expect', () => {
    expect(pagePath('/city/tripoli/', 3)).toBe('/city/tripoli/page/3/');
    expect([pageParam(), pageParam(2)]).toEqual([undefined, 'page/2']);
    expect(archiveMonthPath('2025', '12')).toBe('/archive/2025/12/');
    expect(archiveDayPath('2025', '12', '01')).toBe('/archive/2025/12/01/');
  });
});
