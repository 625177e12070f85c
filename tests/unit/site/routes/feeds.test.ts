/**
 * The feed routes (src/site/routes/feeds.ts): a feed for the site and for
 * every city, category and tag, and the feeds page that lists them all,
 * which a new dispatch renders again only when it brings a new term.
 */
import { describe, expect, it } from 'vitest';
import type { DispatchRecord } from '#src/dispatch/record.ts';
import { planRoutes } from '#src/build/plan.ts';
import { buildSite } from '#src/site/model.ts';
import { routes } from '#src/site/routes/index.ts';
import { makeRecord } from '../../../helpers/dispatch.ts';

const now = new Date('2026-06-01T00:00:00Z');
const archive = [
  makeRecord('a', '2025-03-01T08:00:00Z', { tags: ['النفط'] }),
  makeRecord('b', '2025-03-02T08:00:00Z', { city: 'benghazi', category: 'sports', tags: ['النفط', 'الموانئ'] }),
];
const siteOf = (records: DispatchRecord[]) => buildSite({ records, now, preview: false });
const feedRoutes = ['feed', 'city-feed', 'category-feed', 'tag-feed'] as const;

describe('feeds', () => {
  it('exist for the site and every city, category and tag, and the feeds page lists exactly them', () => {
    const site = siteOf(archive);
    const paths = feedRoutes.flatMap((name) => [...routes[name].entries(site)].map((entry) => entry.path));
    expect(paths).toEqual(
      expect.arrayContaining([
        '/rss.xml',
        '/city/tripoli/rss.xml',
        '/category/sports/rss.xml',
        '/tag/الموانئ/rss.xml',
        '/tag/النفط/rss.xml',
      ]),
    );
    const [page] = routes['feed-index'].entries(site);
    expect(page.path).toBe('/feeds/');
    const listed = page.view.sections.flatMap((section) => section.feeds.map((feed) => feed.path));
    expect(listed.sort()).toEqual(paths.sort());
    expect(page.view.sections[0].feeds).toEqual([{ name: 'آخر الأخبار', path: '/rss.xml' }]);
  });

  it.each([
    ['a dispatch with known terms', false, { tags: ['النفط'] }],
    ['a dispatch with a new tag', true, { tags: ['الزراعة'] }],
    ['a dispatch from a new city', true, { city: 'sebha' }],
  ])('%s: renders the feeds page again, %s', (_, renders, data) => {
    const before = planRoutes(siteOf(archive));
    const after = planRoutes(siteOf([...archive, makeRecord('c', '2025-03-03T08:00:00Z', data)]), before.keys);
    expect(after.render.some((r) => r.route === 'feed-index')).toBe(renders);
  });
});
