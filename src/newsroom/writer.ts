/**
 * Writes dispatch files the way the schema reads them: front-matter through
 * gray-matter, the body as Markdown built from an mdast tree (remark), so
 * text that looks like Markdown syntax is escaped rather than interpreted.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import type { Root } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { dateSegments, wallTime } from '#src/dispatch/dates.ts';
import { slugify } from '#src/dispatch/text.ts';

export interface NewDispatch {
  title: string;
  /** An instant, or the front-matter text of a date (wireDate). */
  date: Date | string;
  city: string;
  category: string;
  source?: string;
  tags?: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Tripoli wall-clock time without an offset, as journalists write it. */
export function localDateTime(date: Date): string {
  const w = wallTime(date);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/**
 * The front-matter date of a wire's day: the day alone («2025-12-01») when
 * the time is not known, as wires give none; with the time given, Tripoli time.
 */
export function wireDate(day: { year: number; month: number; day: number }, time?: { hour: number; minute: number }): string {
  const date = `${day.year}-${pad(day.month)}-${pad(day.day)}`;
  return time ? `${date}T${pad(time.hour)}:${pad(time.minute)}` : date;
}

/** Markdown of plain-text paragraphs. */
export function paragraphsToMarkdown(paragraphs: readonly string[]): string {
  const tree: Root = {
    type: 'root',
    children: paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', value: text }] })),
  };
  return toMarkdown(tree);
}

export function dispatchFileText(dispatch: NewDispatch, body: string): string {
  const data: Record<string, unknown> = {
    title: dispatch.title,
    date: typeof dispatch.date === 'string' ? dispatch.date : localDateTime(dispatch.date),
    city: dispatch.city,
    category: dispatch.category,
  };
  if (dispatch.source) data.source = dispatch.source;
  if (dispatch.tags?.length) data.tags = dispatch.tags;
  return matter.stringify(body.endsWith('\n') ? body : `${body}\n`, data);
}

/** A file name from a headline: its first words as a slug. */
export function slugFromTitle(title: string, words = 6): string {
  return slugify(title.split(/\s+/).slice(0, words).join(' '));
}

/** Where a dispatch of `date` goes: <archive>/<yyyy>/<mm>/<slug>.md */
export function dispatchPathFor(archiveDir: string, date: Date, slug: string): string {
  const { year, month } = dateSegments(date);
  return `${archiveDir}/${year}/${month}/${slug}.md`;
}

/** Writes a new dispatch file, its folders too; false, and nothing written, when the file exists. */
export async function writeNewFile(target: string, text: string): Promise<boolean> {
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await writeFile(target, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
