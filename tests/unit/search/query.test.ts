import { describe, expect, it } from 'vitest';
import { queryWords, textTerms, TITLE_SLOTS } from '#src/search/terms.ts';
import { ShardedSearch, shardsFor, type Found, type Order, type ShardInfo } from '#src/search/query.ts';

/** A page of a fake shard: its title and body, indexed with the real terms. */
interface FakePage {
  id: string;
  title: string;
  body: string;
}

/**
 * Pagefind as far as the search needs it: every term matched as a prefix of
 * the parts of the terms at each position; pages listed newest first, so a
 * higher score is newer.
 */
function fakeShard(pages: FakePage[]) {
  const indexed = pages.map((page) => {
    const title = textTerms(page.title);
    return {
      page,
      positions: [
        ...title.map((term, i) => [i, term] as const),
        ...textTerms(page.body).map((term, i) => [TITLE_SLOTS + i, term] as const),
      ],
    };
  });
  return async (term: string): Promise<Found[]> =>
    indexed
      .map(({ page, positions }, i) => ({
        id: page.id,
        score: pages.length - i,
        words: positions.filter(([, t]) => t.split('.').some((part) => part.startsWith(term))).map(([at]) => at),
      }))
      .filter((found) => found.words.length > 0);
}

const shard = (key: string): ShardInfo => ({ key, path: `/pagefind/${key}/`, label: key, since: key, from: key, to: key, pages: 0 });

function archive(byShard: Record<string, FakePage[]>, titled?: string[]) {
  // Year keys, newest first (an object lists them in ascending order).
  const shards = Object.keys(byShard).sort().reverse().map(shard);
  const opened: string[] = [];
  const open = async (info: ShardInfo) => {
    opened.push(info.key);
    return fakeShard(byShard[info.key]);
  };
  const search = (query: string, order: Order) =>
    new ShardedSearch(shards, open, queryWords(query), order, async () => (titled ? new Set(titled) : undefined));
  return { shards, opened, search };
}

const ids = async (search: ShardedSearch<Found>, n = 10) => (await search.take(n)).hits.map((hit) => hit.found.id);

describe('ShardedSearch by relevance: the typed form first, then readings, then longer words', () => {
  const pages = {
    '2026': [
      { id: 'expansion-title', title: 'بالونات العيد', body: 'نص' },
      { id: 'junk', title: 'خبر', body: 'ونحن نقول' },
      { id: 'reading', title: 'خبر', body: 'وصل الوفد بطرابلس' },
      { id: 'exact-body', title: 'خبر', body: 'أطلق بالون في السماء' },
    ],
    '2025': [
      { id: 'article-title', title: 'البالون الأحمر', body: 'نص' },
      { id: 'old-exact-body', title: 'خبر', body: 'بالون آخر' },
    ],
  };

  it('ranks «بالون»: typed form in a title, then in a body (newer first), then a longer word; never «ونحن»', async () => {
    const { search } = archive(pages);
    expect(await ids(search('بالون', 'relevance'))).toEqual(['article-title', 'exact-body', 'old-exact-body', 'expansion-title']);
  });

  it('finds a word after a doubtful clitic below the typed form, and the query’s own clitic read off', async () => {
    const { search } = archive({ '2026': [...pages['2026'], { id: 'bare', title: 'خبر', body: 'في طرابلس' }] });
    expect(await ids(search('طرابلس', 'relevance'))).toEqual(['bare', 'reading']);
    expect(await ids(search('بطرابلس', 'relevance'))).toEqual(['reading', 'bare']);
    expect(await ids(search('بطرابلس', 'date'))).toEqual(['reading', 'bare']);
  });

  it('matches the article form and the bare word both ways, and every word of the query', async () => {
    const { search } = archive({
      '2026': [
        { id: 'with-article', title: 'خبر', body: 'قررت الحكومة الليبية' },
        { id: 'bare', title: 'خبر', body: 'حكومة ليبية جديدة' },
        { id: 'one-word', title: 'خبر', body: 'حكومة جديدة' },
      ],
    });
    // After a sure clitic, the typed form still: the newer first.
    expect(await ids(search('حكومة ليبية', 'relevance'))).toEqual(['with-article', 'bare']);
    expect(await ids(search('الحكومة', 'relevance'))).toEqual(['with-article', 'bare', 'one-word']);
  });
});

describe('ShardedSearch newest first: whole words newest first, then longer words', () => {
  it('puts an older whole word before a newer longer word', async () => {
    const { search } = archive({
      '2026': [{ id: 'new-longer', title: 'خبر', body: 'بالونات' }],
      '2025': [
        { id: 'reading', title: 'خبر', body: 'والبالون' },
        { id: 'title', title: 'بالون', body: 'نص' },
      ],
    });
    expect(await ids(search('بالون', 'date'))).toEqual(['reading', 'title', 'new-longer']);
  });
});

describe('ShardedSearch loads older shards only while they could place a result', () => {
  const many = (key: string, n: number, title: string, body: string) =>
    Array.from({ length: n }, (_, i) => ({ id: `${key}#${i}`, title, body }));
  const byShard = {
    '2026': many('2026', 3, 'خبر', 'ميناء طرابلس'),
    '2025': many('2025', 3, 'خبر', 'ميناء طرابلس'),
    '2024': many('2024', 3, 'ميناء', 'نص'),
    '2023': many('2023', 3, 'خبر', 'ميناء'),
  };

  it('newest first, stops at the shard that fills the page and says how far it searched', async () => {
    const { search, opened } = archive(byShard);
    const page = await search('ميناء', 'date').take(5);
    expect(page.hits.map((h) => h.found.id)).toEqual(['2026#0', '2026#1', '2026#2', '2025#0', '2025#1']);
    expect(page).toMatchObject({ count: 6, complete: false, searchedTo: shard('2025') });
    expect(opened).toEqual(['2026', '2025']);
  });

  it('by relevance, skips the older shards without the word in a title once the page is all whole words', async () => {
    const { search, opened } = archive(byShard, ['2024']);
    const page = await search('ميناء', 'relevance').take(5);
    expect(page.hits.map((h) => h.found.id)).toEqual(['2024#0', '2024#1', '2024#2', '2026#0', '2026#1']);
    expect(opened).toEqual(['2026', '2025', '2024']);
    expect(page.complete).toBe(false);
  });

  it('by relevance, asked for more, searches a skipped shard newer than the last result it must place', async () => {
    const { search, opened } = archive(
      {
        '2026': many('2026', 3, 'خبر', 'ميناء'),
        '2025': many('2025', 3, 'خبر', 'ميناء'),
        '2024': [...many('2024t', 2, 'ميناء', 'نص'), ...many('2024b', 5, 'خبر', 'ميناء')],
        '2023': many('2023', 3, 'خبر', 'ميناء'),
      },
      ['2024'],
    );
    const s = search('ميناء', 'relevance');
    expect(await ids(s, 3)).toEqual(['2024t#0', '2024t#1', '2026#0']);
    expect(opened).toEqual(['2026', '2024']);
    expect(await ids(s, 8)).toEqual(['2024t#0', '2024t#1', '2026#0', '2026#1', '2026#2', '2025#0', '2025#1', '2025#2']);
    expect(opened).toEqual(['2026', '2024', '2025']);
  });

  it('by relevance, with the page full of longer words only, reaches back eight shards for each ten results', async () => {
    const longer = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [String(2026 - i), many(String(2026 - i), 3, 'خبر', 'بالونات')]),
    );
    const { search, opened } = archive(longer, []);
    const s = search('بالون', 'relevance');
    expect(await s.take(10)).toMatchObject({ count: 24, complete: false });
    expect(opened).toHaveLength(8);
    expect((await s.take(20)).complete).toBe(true);
  });

  it('by relevance, searches every shard when the title index cannot be read', async () => {
    const { search, opened } = archive(byShard);
    await search('ميناء', 'relevance').take(5);
    expect(opened).toEqual(['2026', '2025', '2024', '2023']);
  });

  it('stops at once when the page is all title matches', async () => {
    const { search, opened } = archive({ '2026': many('2026', 10, 'ميناء', 'نص'), '2025': many('2025', 3, 'ميناء', 'نص') }, [
      '2026',
      '2025',
    ]);
    expect((await search('ميناء', 'relevance').take(10)).hits).toHaveLength(10);
    expect(opened).toEqual(['2026']);
  });

  it('continues when more is asked, searching each shard once even when asked twice at once', async () => {
    const { search, opened } = archive(byShard);
    const s = search('ميناء', 'date');
    const [first, second] = await Promise.all([s.take(5), s.take(12)]);
    expect(first.hits).toHaveLength(5);
    expect(second).toMatchObject({ count: 12, complete: true });
    expect(new Set(second.hits.map((h) => h.found.id)).size).toBe(12);
    expect(opened).toEqual(['2026', '2025', '2024', '2023']);
  });

  it('stops loading shards once cancelled', async () => {
    const { search, opened } = archive(byShard);
    const s = search('قطار', 'date');
    const page = s.take(10);
    s.cancel();
    expect((await page).complete).toBe(false);
    expect(opened.length).toBeLessThan(4);
  });

  it('reports a complete search with nothing found', async () => {
    const { search } = archive(byShard);
    expect(await search('قطار', 'relevance').take(10)).toEqual({ hits: [], count: 0, complete: true });
  });

  it('keeps the shards that cover the year of a year filter', () => {
    const shards = [
      { ...shard('2026'), from: '2026', to: '2026' },
      { ...shard('2021-2024'), from: '2021', to: '2024' },
    ];
    expect(shardsFor(shards, '2022').map((s) => s.key)).toEqual(['2021-2024']);
    expect(shardsFor(shards, '2020')).toEqual([]);
    expect(shardsFor(shards, undefined)).toBe(shards);
  });
});
