import { describe, expect, it } from 'vitest';
import { formatProblem, parseDispatch } from '#src/dispatch/parse.ts';
import { BODY_PLACEHOLDER } from '#src/dispatch/placeholder.ts';

const file = 'content/dispatches/2025/12/x.md';

function source(fields: Record<string, string | undefined>, body = 'نص الخبر. جملة ثانية.'): string {
  const base: Record<string, string | undefined> = {
    title: '"عنوان الخبر"',
    date: '"2025-12-01T10:30:00"',
    city: 'طرابلس',
    category: 'اقتصاد',
    ...fields,
  };
  const lines = Object.entries(base)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`);
  return ['---', ...lines, '---', body].join('\n');
}

function problems(text: string): string[] {
  const result = parseDispatch(file, '2025/12/x', text);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => formatProblem(p));
}

describe('a valid dispatch', () => {
  it('is parsed with defaults, slugs and Tripoli time', () => {
    const result = parseDispatch(file, '2025/12/x', source({ tags: '["النفط", "النفط", "الموانئ"]' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { data } = result.dispatch;
    expect(data.date.toISOString()).toBe('2025-12-01T08:30:00.000Z');
    expect(data.city).toBe('tripoli');
    expect(data.category).toBe('economy');
    expect(data.source).toBe('lana');
    expect(data.tags).toEqual(['النفط', 'الموانئ']);
    expect(data.draft).toBe(false);
    expect(data.slug).toBe('x');
    expect(data.summary).toBeUndefined();
  });

  it('keeps one spelling of tags that make one URL', () => {
    const result = parseDispatch(file, '2025/12/x', source({ tags: '["النفط", "النِّفط", "Oil", "oil!"]' }));
    expect(result.ok && result.dispatch.data.tags).toEqual(['النفط', 'Oil']);
  });

  it('takes the latest correction as the last update', () => {
    const result = parseDispatch(
      file,
      '2025/12/x',
      source({ corrections: '\n  - date: "2025-12-03T10:00"\n    note: "تصحيح ثان"\n  - date: "2025-12-02T10:00"\n    note: "تصحيح أول"' }),
    );
    expect(result.ok && result.dispatch.data.updated?.toISOString()).toBe('2025-12-03T08:00:00.000Z');
    expect(result.ok && result.dispatch.data.corrections.map((c) => c.note)).toEqual(['تصحيح ثان', 'تصحيح أول']);
  });

  it('accepts Latin slugs of registry entries and an explicit slug', () => {
    const result = parseDispatch(file, '2025/12/x', source({ city: 'benghazi', slug: 'my-slug' }));
    expect(result.ok && result.dispatch.data).toMatchObject({ city: 'benghazi', slug: 'my-slug' });
  });

  it('normalises an NFD file name and NFD text to NFC', () => {
    const id = 'أخبار'.normalize('NFD');
    const result = parseDispatch(file, id, source({ title: `"${'إسعاف'.normalize('NFD')}"` }));
    expect(result.ok && result.dispatch.data.slug).toBe('أخبار');
    expect(result.ok && result.dispatch.data.title).toBe('إسعاف');
  });
});

describe('invalid front-matter names file, line, field, value and a fix', () => {
  it.each([
    ['missing title', { title: undefined }, `${file}:1: title: is required`],
    ['empty title', { title: '"   "' }, `${file}:2: title: must not be empty`],
    ['bad date', { date: '"2025-02-30T10:00"' }, `${file}:3: date: «2025-02-30T10:00» is not a valid date; write the year, month and day`],
    ['date not text', { date: '20251201' }, `${file}:3: date: must be a date and time such as 2025-12-01T10:30 (Tripoli time)`],
    ['city one letter off', { city: 'طرابلش' }, `${file}:4: city: «طرابلش» is not a known city. Did you mean «طرابلس»?`],
    ['unknown category', { category: 'اقتصادي' }, `${file}:5: category: «اقتصادي» is not a known category. Did you mean «اقتصاد»?`],
    ['unknown source', { source: 'ول' }, `${file}:6: source: «ول» is not a known source. Did you mean «وال»?`],
    ['unknown field', { subtitle: '"x"' }, `${file}:6: subtitle: unknown field. Did you mean «title»?`],
    ['tags not a list', { tags: 'النفط' }, `${file}:6: tags: must be a list of tags`],
    ['draft not boolean', { draft: '"نعم"' }, `${file}:6: draft: must be true or false`],
    ['tag without letters', { tags: '["#"]' }, `${file}:6: tags.0: must contain letters or digits`],
    [
      'correction before publication',
      { corrections: '\n  - date: "2025-11-02T10:00"\n    note: "ت"' },
      `${file}:6: corrections.0.date: is earlier than date`,
    ],
    ['correction without a note', { corrections: '\n  - date: "2025-12-02T10:00"' }, `${file}:6: corrections.0.note: is required`],
    ['bad slug', { slug: '"My Slug"' }, `${file}:6: slug: «My Slug» is not a URL slug; did you mean «my-slug»?`],
    ['updated before date', { updated: '"2025-11-30T10:00"' }, `${file}:6: updated: is earlier than date`],
  ])('%s', (_, fields, expected) => {
    const found = problems(source(fields));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(expected);
  });

  it('reports every problem of a file, in line order', () => {
    const found = problems(source({ title: '""', city: 'طرابلش', foo: '1' }));
    expect(found.map((p) => p.split(': ')[1])).toEqual(['title', 'city', 'foo']);
  });

  it('reports YAML syntax errors with their line', () => {
    const found = problems('---\ntitle: "a"\ncity: طرابلس\ntitle2: "b\n---\nنص');
    expect(found).toEqual([`${file}:4: title2: the quote " opened on this line is not closed: add " at the end of the value`]);
  });

  it('reports a file without front-matter', () => {
    expect(problems('نص بلا بيانات')[0]).toContain(`${file}:1: front-matter: missing`);
  });
});

describe('a date without a time', () => {
  it('is the day alone: midnight in Tripoli, marked dateOnly', () => {
    const result = parseDispatch(file, '2025/12/x', source({ date: '2025-12-01' }));
    expect(result.ok && result.dispatch.data.date.toISOString()).toBe('2025-11-30T22:00:00.000Z');
    expect(result.ok && result.dispatch.data.dateOnly).toBe(true);
    for (const date of ['2025-12-01T00:00', '"2025-12-01T10:30:00"', '2025-12-01T10:30:00+02:00']) {
      const timed = parseDispatch(file, '2025/12/x', source({ date }));
      expect(timed.ok && timed.dispatch.data.dateOnly, date).toBe(false);
    }
  });
});

describe('the placeholder of npm run new', () => {
  it('is refused whole or in part, on its line, beside the front-matter problems', () => {
    const whole = problems(source({}, `${BODY_PLACEHOLDER}\n`));
    expect(whole).toEqual([
      `${file}:7: body: still holds the text npm run new put there («${BODY_PLACEHOLDER}»): write the dispatch in its place`,
    ]);
    // The journalist wrote the story but left the second sentence, tatweel and all.
    const leftover = problems(source({ city: 'طرابلش' }, 'افتتحت البلدية حديقة جديدة.\n\nلا تكـتب سطر التاريخ: الموقع يضيفه.\n'));
    expect(leftover).toEqual([
      `${file}:4: city: «طرابلش» is not a known city. Did you mean «طرابلس»? (cities are listed in content/cities.json)`,
      `${file}:9: body: still holds the text npm run new put there («لا تكـتب سطر التاريخ: الموقع يضيفه.»): write the dispatch in its place`,
    ]);
    expect(parseDispatch(file, '2025/12/x', source({}, 'نص يذكر السطر الأول من الخبر ونص القانون.')).ok).toBe(true);
  });
});
