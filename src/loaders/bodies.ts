/**
 * Rendered dispatch bodies live in files in Astro's cache folder, not in its
 * data store. The store is bundled into the build as one string, then parsed
 * and held in memory whole: at tens of thousands of dispatches their HTML
 * made bundling slow and the build large. A body file is named by the hash
 * of its HTML, so an unchanged body is reused and a stale one is never read.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheDir } from '../config.ts';

const bodiesDir = path.resolve(cacheDir, 'dispatch-bodies');

/** Stores a body; returns the name to read it back with. */
export async function writeBody(html: string): Promise<string> {
  const name = `${createHash('sha1').update(html).digest('hex')}.html`;
  const file = path.join(bodiesDir, name);
  if (!existsSync(file)) {
    await mkdir(bodiesDir, { recursive: true });
    await writeFile(file, html);
  }
  return name;
}

/**
 * The names of the stored bodies, listed once per sync: a cache can be
 * restored in part, and 100,000 existence checks took half a second.
 */
export async function storedBodies(): Promise<Set<string>> {
  return new Set(await readdir(bodiesDir).catch(() => [] as string[]));
}

export function readBody(name: string): Promise<string> {
  return readFile(path.join(bodiesDir, name), 'utf8');
}

/** Deletes the stored bodies (as listed by storedBodies) no entry names any more. */
export async function pruneBodies(stored: ReadonlySet<string>, keep: ReadonlySet<string>): Promise<void> {
  await Promise.all([...stored].filter((name) => !keep.has(name)).map((name) => rm(path.join(bodiesDir, name), { force: true })));
}
