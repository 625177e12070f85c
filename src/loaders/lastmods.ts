/**
 * When each dispatch last changed, for the sitemap's lastmod: the loader
 * writes it at every content sync, and the sitemap integration reads it at
 * the end of the build instead of reading and parsing the whole archive a
 * second time (half a millisecond a dispatch: close to a minute at 100,000).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheDir } from '../config.ts';

const lastmodsFile = path.resolve(cacheDir, 'sitemap-lastmod.json');

/** Stores absolute URL → last change, as the loader found them. */
export async function writeLastModified(lastmods: ReadonlyMap<string, Date>): Promise<void> {
  await mkdir(path.dirname(lastmodsFile), { recursive: true });
  await writeFile(lastmodsFile, JSON.stringify(Object.fromEntries([...lastmods].map(([url, date]) => [url, date.toISOString()]))));
}

/** Absolute URL → last change as an ISO string; undefined when no sync wrote it. */
export async function readLastModified(): Promise<Map<string, string> | undefined> {
  try {
    return new Map(Object.entries(JSON.parse(await readFile(lastmodsFile, 'utf8')) as Record<string, string>));
  } catch {
    return undefined;
  }
}
