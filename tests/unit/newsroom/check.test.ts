/**
 * The archive check (src/newsroom/check.ts) on deleted dispatch files: a
 * published one is an error, unless its URL is still published by another
 * file (moved or renamed); a draft or an embargoed one never was on the site.
 */
import { describe, expect, it } from 'vitest';
import { checkArchive, decomposedWords, deletedDispatches } from '#src/newsroom/check.ts';
import type { SourceFile } from '#src/dispatch/parse.ts';

const now = new Date('2026-01-10T12:00:00Z');
const noPhotos = () => undefined;

function source(id: string, fields: Record<string, string>): SourceFile {
  const front = Object.entries({ title: '"افتتاح معرض الكتاب"', city: 'طرابلس', category: 'ثقافة', ...fields }).map(
    ([k, v]) => `${k}: ${v}`,
  );
  return { file: `content/dispatches/${id}.md`, id, text: ['---', ...front, '---', 'نص الخبر.', ''].join('\n') };
}

describe('deletedDispatches', () => {
  const published = source('2026/01/book-fair', { date: '"2026-01-05T09:00"', slug: 'book-fair' });

  it('reports a published dispatch whose file is gone, with its file and a fix', () => {
    const { urls } = checkArchive([], now, noPhotos);
    expect(deletedDispatches([published], now, urls)).toEqual([
      { file: 'content/dispatches/2026/01/book-fair.md', line: 1, field: 'file', code: 'withdrawn.deleted', severity: 'error' },
    ]);
  });

  it('lets a file move when its dispatch keeps its URL, and not when the URL goes', () => {
    const moved = { ...published, file: 'content/dispatches/2026/01/book-fair-opening.md', id: '2026/01/book-fair-opening' };
    const { problems, urls } = checkArchive([moved], now, noPhotos);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(urls).toContain('/2026/01/05/book-fair/');
    expect(deletedDispatches([published], now, urls)).toEqual([]);
    const renamed = source('2026/01/book-fair-opening', { date: '"2026-01-05T09:00"', slug: 'book-fair-opening' });
    expect(deletedDispatches([published], now, checkArchive([renamed], now, noPhotos).urls)).toHaveLength(1);
  });

  it('says nothing of a draft or an embargoed dispatch, which were never on the site', () => {
    const draft = source('2026/01/draft', { date: '"2026-01-05T09:00"', draft: 'true' });
    const embargoed = source('2026/01/later', { date: '"2026-02-01T09:00"' });
    expect(deletedDispatches([draft, embargoed], now, new Set())).toEqual([]);
  });
});

describe('decomposed letters (text.nfc)', () => {
  it.each([
    ['a shadda typed before its vowel, as Arabic keyboards do', 'محمد\u0651\u064e رسول'],
    ['text already in NFC', 'أعلن وزير الصحة'],
  ])('says nothing of %s', (_, line) => {
    expect(decomposedWords(line)).toEqual([]);
  });

  it.each([
    ['alef + hamza above instead of «أ»', 'وزير ا\u0654لمانيا يصل', ['ا\u0654لمانيا']],
    ['Latin e + U+0301', 'Caf\u0065\u0301 Tripoli', ['Cafe\u0301']],
    ['a decomposed letter beside a reordered shadda', 'ا\u0654حمد\u0651\u064e', ['ا\u0654حمد\u0651\u064e']],
  ])('names the words with %s', (_, line, words) => {
    expect(decomposedWords(line)).toEqual(words);
  });

  it('warns on the line, naming the word', () => {
    const file = source('2026/01/nfc', { date: '"2026-01-05T09:00"' });
    const text = file.text.replace('نص الخبر.', 'شدّ\u0651\u064e الوزير الرحال.\nوصل وزير ا\u0654لمانيا.');
    const nfc = checkArchive([{ ...file, text }], now, noPhotos).problems.filter((p) => p.code === 'text.nfc');
    expect(nfc).toEqual([
      { file: file.file, line: 8, field: 'body', code: 'text.nfc', params: { value: 'ا\u0654لمانيا' }, severity: 'warning' },
    ]);
  });
});
