import { describe, expect, it } from 'vitest';
import { assetRefs, isImageSize, outputFile, pathsToRender, removedPaths, routeKey } from '../../src/lib/route-keys.ts';

describe('routeKey', () => {
  it('changes with any input, nested or not, and not otherwise', () => {
    const inputs = { page: 2, items: [{ title: 'أ', date: new Date('2025-12-01T08:00:00Z') }] };
    expect(routeKey(inputs)).toBe(routeKey(structuredClone(inputs)));
    expect(routeKey({ ...inputs, page: 3 })).not.toBe(routeKey(inputs));
    expect(routeKey({ ...inputs, items: [{ ...inputs.items[0], title: 'ب' }] })).not.toBe(routeKey(inputs));
    expect(routeKey({ ...inputs, items: [{ ...inputs.items[0], date: new Date('2025-12-02T08:00:00Z') }] })).not.toBe(routeKey(inputs));
  });

  it('lets a known object stand for itself by its digest', () => {
    const a = { id: 'a', body: 'x'.repeat(1000) };
    const b = { id: 'b', body: 'y'.repeat(1000) };
    const seen: object[] = [];
    const identify = (value: object) => {
      seen.push(value);
      return value === a ? 'digest-a' : value === b ? 'digest-b' : undefined;
    };
    expect(routeKey([a, { related: [b] }], identify)).toBe(routeKey(['digest-a', { related: ['digest-b'] }]));
    // The digest is used, not the object's fields.
    expect(seen).not.toContain(a.body);
    expect(routeKey([a], identify)).not.toBe(routeKey([b], identify));
  });
});

describe('outputFile', () => {
  it('maps a site path to the file written for it', () => {
    expect(outputFile('/')).toBe('index.html');
    expect(outputFile('/2025/12/01/port/')).toBe('2025/12/01/port/index.html');
    expect(outputFile('/city/tripoli/rss.xml')).toBe('city/tripoli/rss.xml');
    expect(outputFile('/2025/12/01/port/og.png')).toBe('2025/12/01/port/og.png');
    expect(outputFile('/tag/%D8%A7%D9%84%D9%85%D9%88%D8%A7%D9%86%D8%A6/')).toBe('tag/الموانئ/index.html');
  });
});

describe('pathsToRender', () => {
  const current = new Map([
    ['/a/', 'k1'],
    ['/b/', 'k2'],
    ['/c/', 'k3'],
  ]);
  it('renders everything without a record of the last build', () => {
    expect([...pathsToRender(undefined, current, () => true)]).toEqual(['/a/', '/b/', '/c/']);
  });
  it('renders new paths, changed keys and missing files only', () => {
    const previous = { '/a/': 'k1', '/b/': 'old', '/c/': 'k3' };
    expect([...pathsToRender(previous, current, (p) => p !== '/c/')]).toEqual(['/b/', '/c/']);
    expect([...pathsToRender({ '/a/': 'k1' }, current, () => true)]).toEqual(['/b/', '/c/']);
    expect([...pathsToRender({ '/a/': 'k1', '/b/': 'k2', '/c/': 'k3' }, current, () => true)]).toEqual([]);
  });
});

describe('removedPaths', () => {
  it('lists the paths a route had and has no more, over every route', () => {
    const previous = { dispatch: { '/x/': 'k', '/y/': 'k' }, 'archive-year': { '/archive/2026/': 'k' } };
    const current = { dispatch: { '/x/': 'k2' }, 'archive-year': {} };
    expect(removedPaths(previous, current)).toEqual(['/archive/2026/', '/y/']);
    expect(removedPaths(undefined, current)).toEqual([]);
  });
});

describe('asset references', () => {
  it('finds every file of the asset folder a page or feed names, decoded, once', () => {
    const html =
      '<img src="/_astro/desert-dunes.h5-v_6pf_Z1g8WuW.jpg" srcset="/_astro/desert-dunes.h5-v_6pf_11O8fH.webp 400w, /_astro/desert-dunes.h5-v_6pf_11O8fH.webp 400w">' +
      '<meta property="og:image" content="https://archive.example/_astro/%D8%B3%D8%A7%D8%AD%D8%A9.AbCdEfGh_x1.jpg">' +
      '<script type="application/ld+json">{"image":["https://archive.example/_astro/city.fuErm7LS_ZgMz3h.jpg"]}</script>' +
      '<enclosure url="https://archive.example/_astro/city.fuErm7LS_imDM8.jpg" length="1"/><link href="/_astro/Base.Cg_BVI1H.css">';
    expect(assetRefs(html)).toEqual([
      'Base.Cg_BVI1H.css',
      'city.fuErm7LS_ZgMz3h.jpg',
      'city.fuErm7LS_imDM8.jpg',
      'desert-dunes.h5-v_6pf_11O8fH.webp',
      'desert-dunes.h5-v_6pf_Z1g8WuW.jpg',
      'ساحة.AbCdEfGh_x1.jpg',
    ]);
  });

  it('tells the image sizes from originals, scripts, styles and fonts', () => {
    expect(isImageSize('desert-dunes.h5-v_6pf_11O8fH.webp')).toBe(true);
    expect(isImageSize('city-at-dusk.fuErm7LS_1Do6kG.avif')).toBe(true);
    expect(isImageSize('desert-dunes.h5-v_6pf.jpg')).toBe(false);
    expect(isImageSize('Base.Cg_BVI1H.css')).toBe(false);
    expect(isImageSize('search.BXa_1ab2.js')).toBe(false);
    expect(isImageSize('noto-naskh-arabic.Ab_cdEfG.woff2')).toBe(false);
  });
});
