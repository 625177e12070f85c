/** Term groups (src/site/term-groups.ts): the index of cities, categories and tags. */
import { describe, expect, it } from 'vitest';
import { termIndex } from '#src/site/term-groups.ts';
import { makeDispatch } from '../../helpers/dispatch.ts';

const group = (slug: string, name: string, count: number) => ({
  slug,
  name,
  href: `/tag/${slug}/`,
  dispatches: Array.from({ length: count }, (_, i) => makeDispatch(`${slug}-${i}`, '2025-12-01T08:00:00Z')),
});

describe('the term index', () => {
  it('lists each term with its link and count, in Arabic alphabetical order, ties by slug', () => {
    const index = termIndex([group('z', 'الموانئ', 2), group('b', 'أبحاث', 1), group('a', 'الموانئ', 3), group('c', 'تجارة', 1)]);
    expect(index.map((t) => [t.name, t.slug, t.count, t.href])).toEqual([
      ['أبحاث', 'b', 1, '/tag/b/'],
      ['الموانئ', 'a', 3, '/tag/a/'],
      ['الموانئ', 'z', 2, '/tag/z/'],
      ['تجارة', 'c', 1, '/tag/c/'],
    ]);
  });
});
