/**
 * Route keys (src/site/route-keys.ts) and the route plan (src/build/plan.ts):
 * each kind of change to the archive changes the keys of the pages that show
 * it, and no others. A page whose key does not change is not rendered again.
 */
import { describe, expect, it } from 'vitest';
import type { DispatchRecord } from '#src/dispatch/record.ts';
import { planRoutes } from '#src/build/plan.ts';
import { routeKey, type RouteKeys } from '#src/site/route-keys.ts';
import { buildSite } from '#src/site/model.ts';
import { outputFile, routes } from '#src/site/routes/index.ts';
import { makeRecord } from '../../helpers/dispatch.ts';

describe('routeKey', () => {
  it('changes with any part of the view, nested or not, and with the route, and not otherwise', () => {
    const view = { page: 2, items: [{ title: 'أ', date: new Date('2025-12-01T08:00:00Z') }] };
    const none = () => undefined;
    expect(routeKey('home', view, none)).toBe(routeKey('home', structuredClone(view), none));
    expect(routeKey('city', view, none)).not.toBe(routeKey('home', view, none));
    expect(routeKey('home', { ...view, page: 3 }, none)).not.toBe(routeKey('home', view, none));
    expect(routeKey('home', { ...view, items: [{ ...view.items[0], title: 'ب' }] }, none)).not.toBe(routeKey('home', view, none));
  });

  it('lets a dispatch stand for itself by a digest', () => {
    const a = { id: 'a', body: 'x'.repeat(1000) };
    const identify = (value: object) => (value === a ? 'digest-a' : undefined);
    expect(routeKey('home', [a, { related: [a] }], identify)).toBe(
      routeKey('home', ['digest-a', { related: ['digest-a'] }], () => undefined),
    );
  });
});

describe('outputFile', () => {
  it('maps a site path to the file written for it', () => {
    expect(outputFile('/')).toBe('index.html');
    expect(outputFile('/404/')).toBe('404.html');
    expect(outputFile('/2025/12/01/port/')).toBe('2025/12/01/port/index.html');
    expect(outputFile('/city/tripoli/rss.xml')).toBe('city/tripoli/rss.xml');
    expect(outputFile('/tag/%D8%A7%D9%84%D9%85%D9%88%D8%A7%D9%86%D8%A6/')).toBe('tag/الموانئ/index.html');
  });
});

// 50 dispatches in Tripoli (economy), one every day of 2025 from 1 January,
// tagged «النفط» every other day: listings of 20 have sealed pages.
const now = new Date('2026-06-01T00:00:00Z');
const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n, 8)).toISOString();
const archive = Array.from({ length: 50 }, (_, n) =>
  makeRecord(`d${String(n).padStart(2, '0')}`, day(n), { tags: n % 2 ? [] : ['النفط'], summary: `ملخص ${n}` }),
);

const plan = (records: DispatchRecord[], at = now, previous?: RouteKeys) =>
  planRoutes(buildSite({ records, now: at, preview: false }), previous);
const before = plan(archive);

/** The pages a change renders, by route: `route path`. */
function rendered(records: DispatchRecord[], at = now): string[] {
  return plan(records, at, before.keys).render.map((r) => `${r.route} ${r.path}`);
}
const edit = (id: string, change: Partial<DispatchRecord>) =>
  archive.map((r) =>
    r.id === id ? makeRecord(r.id, r.date.toISOString(), { ...r, ...change, url: undefined, digest: undefined, card: undefined }) : r,
  );
const urlOf = (id: string) => archive.find((r) => r.id === id)!.url;

describe('which pages a change renders', () => {
  it('nothing, when nothing changed', () => {
    expect(rendered(archive)).toEqual([]);
  });

  it('a new dispatch: its page and card, the previous newest one, landings, indexes, feeds and sitemaps; no sealed page', () => {
    const added = makeRecord('new', day(60), { tags: ['النفط'] });
    const pages = rendered([...archive, added]);
    expect(pages).toEqual(
      expect.arrayContaining([
        `dispatch ${added.url}`,
        `card ${added.url}og.png`,
        `dispatch ${urlOf('d49')}`,
        'home /',
        'city /city/tripoli/',
        'category /category/economy/',
        'tag /tag/النفط/',
        'feed /rss.xml',
        'news-sitemap /sitemap-news.xml',
        'sitemap-dispatches /sitemap-dispatches-0.xml',
      ]),
    );
    expect(pages.filter((p) => /\/page\/\d+\//.test(p))).toEqual([]);
    expect(pages.filter((p) => p.startsWith('dispatch '))).toHaveLength(2);
  });

  it('the 60th dispatch of a listing: the page it seals, and the next number’s redirect', () => {
    const more = Array.from({ length: 10 }, (_, n) => makeRecord(`e${n}`, day(60 + n)));
    const pages = rendered([...archive, ...more]);
    expect(pages).toEqual(expect.arrayContaining(['home /page/3/', 'home /page/4/']));
    expect(pages).not.toContain('home /page/1/');
    expect(pages).not.toContain('home /page/2/');
  });

  it('a new title: wherever the dispatch is shown or linked, not where it is not', () => {
    const pages = rendered(edit('d10', { title: 'عنوان جديد' }));
    expect(pages).toEqual(
      expect.arrayContaining([
        `dispatch ${urlOf('d10')}`,
        `card ${urlOf('d10')}og.png`,
        `dispatch ${urlOf('d09')}`,
        `dispatch ${urlOf('d11')}`,
        'home /page/1/',
        'tag /tag/النفط/page/1/',
        'archive-month /archive/2025/01/',
      ]),
    );
    expect(pages).not.toContain('home /page/2/');
    expect(pages).not.toContain(`dispatch ${urlOf('d30')}`);
    // Too old for the feeds' newest 50? No: all 50 are in the main feed.
    expect(pages).toContain('feed /rss.xml');
  });

  it('a body correction: the dispatch and the feeds that carry its text, not listings', () => {
    const pages = rendered(
      edit('d45', { body: 'corrected.html', corrections: [{ date: new Date('2025-03-01T00:00:00Z'), note: 'تصحيح' }] }),
    );
    expect(pages).toEqual(expect.arrayContaining([`dispatch ${urlOf('d45')}`, 'feed /rss.xml', 'city-feed /city/tripoli/rss.xml']));
    expect(pages.filter((p) => p.startsWith('home ') || p.startsWith('tag '))).toEqual([]);
  });

  it('a new summary: the dispatch, its listing cards and feeds', () => {
    const pages = rendered(edit('d02', { summary: 'ملخص آخر' }));
    expect(pages).toEqual(expect.arrayContaining([`dispatch ${urlOf('d02')}`, 'home /page/1/', 'tag /tag/النفط/page/1/', 'feed /rss.xml']));
  });

  it('a withdrawal: its page, its place in listings and the feeds and sitemaps it leaves; later related lists', () => {
    const pages = rendered(edit('d20', { withdrawn: { date: new Date('2025-02-01T00:00:00Z'), reason: 'خطأ في المصدر' } }));
    expect(pages).toEqual(
      expect.arrayContaining([
        `dispatch ${urlOf('d20')}`,
        'home /page/2/',
        'feed /rss.xml',
        'sitemap-dispatches /sitemap-dispatches-0.xml',
      ]),
    );
    expect(pages).not.toContain(`card ${urlOf('d20')}og.png`);
  });

  it('an embargo that falls due: as a new dispatch, though no file changed', () => {
    const embargoed = makeRecord('later', '2026-07-01T08:00:00Z');
    const earlier = plan([...archive, embargoed]);
    expect(earlier.render.some((r) => r.path === embargoed.url)).toBe(false);
    const due = plan([...archive, embargoed], new Date('2026-07-02T00:00:00Z'), earlier.keys).render.map((r) => `${r.route} ${r.path}`);
    expect(due).toEqual(expect.arrayContaining([`dispatch ${embargoed.url}`, 'home /', 'feed /rss.xml']));
  });

  it('the lead photo: the dispatch, its listing cards and feeds', () => {
    const photo = {
      file: 'content/images/a.jpg',
      name: 'a.jpg',
      digest: 'ab'.repeat(32),
      hash: 'Ab3dE_fG',
      width: 1600,
      height: 1000,
      format: 'jpeg',
    };
    const pages = rendered(edit('d40', { image: { photo, alt: 'وصف' } }));
    expect(pages).toEqual(expect.arrayContaining([`dispatch ${urlOf('d40')}`, 'home /', 'feed /rss.xml']));
    // With a photo it is shared with a crop of it: no card.
    expect(plan(edit('d40', { image: { photo, alt: 'وصف' } }), now, before.keys).remove).toContain(`${urlOf('d40')}og.png`);
    // The same bytes under another file name: the sizes' names change, so do the cards that show them.
    const withPhoto = edit('d40', { image: { photo, alt: 'وصف' } });
    const renamed = plan(
      withPhoto.map((r) =>
        r.id === 'd40'
          ? makeRecord(r.id, r.date.toISOString(), {
              ...r,
              image: { photo: { ...photo, name: 'b.jpg' }, alt: 'وصف' },
              url: undefined,
              digest: undefined,
              card: undefined,
            })
          : r,
      ),
      now,
      plan(withPhoto).keys,
    ).render.map((r) => `${r.route} ${r.path}`);
    expect(renamed).toEqual(expect.arrayContaining([`dispatch ${urlOf('d40')}`, 'home /']));
  });
});

describe('every kind of page', () => {
  const site = buildSite({ records: archive, now, preview: false });
  const identify = (value: object) =>
    site.byId.get((value as { id?: string }).id ?? '') === value ? `card:${(value as { id: string }).id}` : undefined;

  /** Paths to every leaf of a view, a dispatch counting as one (its card). */
  function leaves(value: unknown, at: (string | number)[] = []): (string | number)[][] {
    if (value === null || typeof value !== 'object' || value instanceof Date || identify(value as object)) return [at];
    return Object.entries(value).flatMap(([key, inner]) => leaves(inner, [...at, Array.isArray(value) ? Number(key) : key]));
  }

  function changed(view: unknown, at: (string | number)[]): unknown {
    const copy = structuredClone(view, { transfer: [] }) as Record<string | number, unknown>;
    // structuredClone copies dispatches too; put the site's own back where they were.
    const restore = (from: unknown, to: Record<string | number, unknown>) => {
      for (const [key, inner] of Object.entries(from as object)) {
        if (inner && typeof inner === 'object' && identify(inner)) to[key] = inner;
        else if (inner && typeof inner === 'object' && !(inner instanceof Date))
          restore(inner, to[key] as Record<string | number, unknown>);
      }
    };
    restore(view, copy);
    const parent = at.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, copy);
    const key = at.at(-1)!;
    const old = parent[key];
    parent[key] =
      old && typeof old === 'object' && identify(old)
        ? site.dispatches.find((d) => d !== old)
        : old instanceof Date
          ? new Date(old.getTime() + 1)
          : typeof old === 'number'
            ? old + 1
            : typeof old === 'boolean'
              ? !old
              : `${String(old)}~`;
    return copy;
  }

  it('changes its key when anything in its view changes', () => {
    let checked = 0;
    for (const [name, kind] of Object.entries(routes)) {
      for (const entry of [...kind.entries(site)].slice(0, 3)) {
        const key = routeKey(name, entry.view, identify);
        for (const at of leaves(entry.view)) {
          if (at.length === 0) continue;
          expect(routeKey(name, changed(entry.view, at), identify), `${name} ${entry.path}: ${at.join('.')}`).not.toBe(key);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });
});
