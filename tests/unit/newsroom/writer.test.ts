/** Writing dispatch files (src/newsroom/writer.ts): what `new` and `import` write reads back as it was meant. */
import { describe, expect, it } from 'vitest';
import { parseDispatch } from '#src/dispatch/parse.ts';
import { dispatchFileText, dispatchPathFor, localDateTime, paragraphsToMarkdown, slugFromTitle, wireDate } from '#src/newsroom/writer.ts';

describe('the writer', () => {
  it('writes Tripoli wall-clock time without an offset, and a wire’s day alone', () => {
    expect(localDateTime(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01T01:30:00');
    expect(wireDate({ year: 2025, month: 3, day: 9 })).toBe('2025-03-09');
    expect(wireDate({ year: 2025, month: 3, day: 9 }, { hour: 14, minute: 5 })).toBe('2025-03-09T14:05');
  });

  it('escapes text that looks like Markdown, so the body reads as written', () => {
    const markdown = paragraphsToMarkdown(['# ليس عنوانا', '1. ليس قائمة', 'نجمة *هنا*']);
    const parsed = parseDispatch(
      'a.md',
      'a',
      dispatchFileText({ title: 'عنوان', date: '2025-03-09', city: 'طرابلس', category: 'اقتصاد' }, markdown),
    );
    expect(parsed.ok).toBe(true);
    expect(markdown).not.toMatch(/^# /m);
    expect(markdown).toContain('\\*هنا\\*');
  });

  it('writes front-matter that the parser reads back, headline colons, tags and all', () => {
    const text = dispatchFileText(
      {
        title: '"الوطنية للنفط": الإنتاج يرتفع',
        date: new Date('2025-12-01T08:30:00Z'),
        city: 'بنغازي',
        category: 'اقتصاد',
        source: 'وال',
        tags: ['النفط'],
      },
      'نص الخبر.',
    );
    const parsed = parseDispatch('a.md', 'a', text);
    expect(parsed.ok && parsed.dispatch.data).toMatchObject({ title: '"الوطنية للنفط": الإنتاج يرتفع', city: 'benghazi', tags: ['النفط'] });
    expect(parsed.ok && parsed.dispatch.data.date.toISOString()).toBe('2025-12-01T08:30:00.000Z');
  });

  it('names the file after the headline’s first words, in the folder of its Tripoli month', () => {
    expect(slugFromTitle('ميناء طرابلس يبدأ توسعة رصيف الحاويات الشمالي اليوم')).toBe('ميناء-طرابلس-يبدأ-توسعة-رصيف-الحاويات');
    expect(dispatchPathFor('content/dispatches', new Date('2025-12-31T23:30:00Z'), 'x')).toBe('content/dispatches/2026/01/x.md');
  });
});
