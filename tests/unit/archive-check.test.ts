/**
 * The archive check (src/lib/archive-check.ts) on deleted dispatch files: a
 * published one is an error, unless its URL is still published by another
 * file (moved or renamed); a draft or an embargoed one never was on the site.
 */
import { describe, expect, it } from 'vitest';
import { checkArchive, deletedDispatches } from '../../src/lib/archive-check.ts';
import type { SourceFile } from '../../src/lib/dispatch-file.ts';

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
