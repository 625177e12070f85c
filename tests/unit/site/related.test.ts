/** Related dispatches (src/site/related.ts): earlier ones only, reused when nothing before them changed. */
import { describe, expect, it } from 'vitest';
import { oldestFirst } from '#src/dispatch/dispatch.ts';
import { relatedAt, relatedLists, type RelatedCache } from '#src/site/related.ts';
import { makeDispatch } from '../../helpers/dispatch.ts';

const make = (
  id: string,
  iso: string,
  extra: { city?: string; category?: string; tags?: string[]; withdrawn?: { date: Date; reason: string } } = {},
) => makeDispatch(id, iso, extra);

const list = [
  make('oil-3', '2025-01-01T00:00:00Z', { tags: ['النفط'], category: 'politics', city: 'sebha' }),
  make('same-city', '2025-06-08T00:00:00Z', { city: 'benghazi', category: 'sports' }),
  make('oil-2', '2025-06-09T00:00:00Z', { tags: ['النفط', 'الموانئ'], city: 'sebha', category: 'politics' }),
  make('oil-1', '2025-06-10T00:00:00Z', { tags: ['النفط', 'الموانئ'], city: 'benghazi' }),
  make('unrelated', '2025-06-11T00:00:00Z', { city: 'tobruk', category: 'sports' }),
  make('oil-later', '2025-07-01T00:00:00Z', { tags: ['النفط', 'الموانئ'], city: 'benghazi' }),
].sort(oldestFirst);

/** Related ids by id, from a cache of positions. */
const byId = (dispatches: typeof list, cache: RelatedCache) =>
  new Map(dispatches.map((d, i) => [d.id, relatedAt(cache, i).map((j) => dispatches[j].id)]));

describe('related dispatches', () => {
  const lists = byId(list, relatedLists(list, 3));

  it('rank shared tags, then category, then city, from earlier dispatches only', () => {
    expect(lists.get('oil-1')).toEqual(['oil-2', 'oil-3', 'same-city']);
    expect(lists.get('oil-3')).toEqual([]);
    expect(lists.get('unrelated')).toEqual(['same-city']);
  });

  it('never change when a newer dispatch arrives', () => {
    const more = [...list, make('oil-newest', '2025-08-01T00:00:00Z', { tags: ['النفط', 'الموانئ'], city: 'benghazi' })];
    const after = byId(more, relatedLists(more, 3));
    for (const d of list) expect(after.get(d.id)).toEqual(lists.get(d.id));
    expect(after.get('oil-newest')).toEqual(['oil-later', 'oil-1', 'oil-2']);
  });

  it('never offer a withdrawn dispatch', () => {
    const withdrawn = list.map((d) =>
      d.id === 'oil-2' ? { ...d, withdrawn: { date: new Date('2025-06-12T00:00:00Z'), reason: 'سبب' } } : d,
    );
    expect(byId(withdrawn, relatedLists(withdrawn, 3)).get('oil-1')).toEqual(['oil-3', 'same-city']);
  });

  it('are worked out again only from the first dispatch whose facets changed', () => {
    const first = relatedLists(list, 3);
    // A cache whose every slot is marked: the lists reused keep the mark.
    const marked = { ...first, lists: new Int32Array(first.lists.length).fill(999) };
    const kept = (dispatches: typeof list, cache: RelatedCache) =>
      dispatches.filter((_, i) => relatedAt(cache, i)[0] === 999).map((d) => d.id);
    const changed = list.map((d) => (d.id === 'oil-1' ? { ...d, tags: [{ name: 'الطرق', slug: 'الطرق' }] } : d));
    expect(kept(changed, relatedLists(changed, 3, marked))).toEqual(['oil-3', 'same-city', 'oil-2']);
    // A newer dispatch: every earlier list is kept.
    const more = [...list, make('later', '2025-09-01T00:00:00Z')];
    expect(kept(more, relatedLists(more, 3, marked))).toEqual(list.map((d) => d.id));
    // Lists of another length, or a cache of another form (an older build's), are worked out again.
    expect(kept(list, relatedLists(list, 2, marked))).toEqual([]);
    const older = { count: 3, lists: new Map(), sequence: [] } as unknown as RelatedCache;
    expect(byId(list, relatedLists(list, 3, older))).toEqual(lists);
  });
});
