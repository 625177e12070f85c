/** Listings numbered from the oldest (src/site/listing.ts). */
import { describe, expect, it } from 'vitest';
import { landingPage, listingPages, sealedCount, sealedPage } from '#src/site/listing.ts';

const items = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const base = '/city/tripoli/';

describe('sealed pages', () => {
  it('hold exactly the page size, oldest first by number, newest first on the page', () => {
    const { sealed } = listingPages(items(45), 20, base);
    expect(sealed.map((p) => [p.url, p.items[0], p.items.at(-1), p.items.length])).toEqual([
      ['/city/tripoli/page/1/', 20, 1, 20],
      ['/city/tripoli/page/2/', 40, 21, 20],
    ]);
  });

  it('link to their neighbours and to the listing, and never depend on how many came after', () => {
    const page = sealedPage(items(45), 20, base, 2);
    expect(page).toMatchObject({
      kind: 'sealed',
      number: 2,
      landingUrl: base,
      olderUrl: '/city/tripoli/page/1/',
      newerUrl: '/city/tripoli/page/3/',
    });
    expect(sealedPage(items(45), 20, base, 1).olderUrl).toBeUndefined();
    // Sealed once full: page 2 is the same page at 40 items and at 4,000.
    for (const n of [40, 41, 59, 60, 61, 4000]) expect(sealedPage(items(n), 20, base, 2)).toEqual(sealedPage(items(40), 20, base, 2));
    expect(sealedCount(39, 20)).toBe(1);
    expect(sealedCount(40, 20)).toBe(2);
  });
});

describe('the landing', () => {
  it('shows the newest page-size dispatches: the page being filled, topped up from the last sealed page', () => {
    const page = landingPage(items(45), 20, base);
    expect(page.items).toEqual(items(45).slice(-20).reverse());
    expect(page).toMatchObject({ kind: 'landing', url: base, landingUrl: base });
    expect(page.number).toBeUndefined();
  });

  it('links to the newest sealed page it does not show whole', () => {
    // 45: items 26–45 shown; page 2 (21–40) only in part.
    expect(landingPage(items(45), 20, base).olderUrl).toBe('/city/tripoli/page/2/');
    // 40: exactly page 2 shown; page 1 is the older one.
    expect(landingPage(items(40), 20, base).olderUrl).toBe('/city/tripoli/page/1/');
    expect(landingPage(items(20), 20, base).olderUrl).toBeUndefined();
    expect(landingPage(items(7), 20, base)).toMatchObject({ items: items(7).reverse() });
    expect(landingPage(items(7), 20, base).olderUrl).toBeUndefined();
    expect(landingPage([], 20, base).items).toEqual([]);
  });
});

describe('the page being filled', () => {
  it('has the number it will be sealed with, and sends readers to the landing until then', () => {
    expect(listingPages(items(45), 20, base).next).toEqual({ number: 3, url: '/city/tripoli/page/3/', landingUrl: base });
    expect(listingPages(items(40), 20, base).next?.number).toBe(3);
    // Before the first page is sealed no page links to it.
    expect(listingPages(items(19), 20, base).next).toBeUndefined();
  });

  it('becomes a sealed page once full, the only change to older pages a new dispatch makes', () => {
    const before = listingPages(items(59), 20, base);
    const after = listingPages(items(60), 20, base);
    expect(after.sealed.slice(0, 2)).toEqual(before.sealed);
    expect(after.sealed[2]).toMatchObject({ url: before.next!.url, items: items(60).slice(40).reverse() });
    expect(after.next?.url).toBe('/city/tripoli/page/4/');
  });
});
