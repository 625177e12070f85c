/**
 * What the loader learnt of each dispatch file at the last build, kept in
 * Astro's cache folder: a build reads and parses only the files that
 * changed. At 100,000 dispatches, reading every file took about 9 s and
 * parsing them 12 s more, on every build, for the one file that changed.
 *
 * A file is taken as unchanged when its size, modification and change
 * times and inode are those recorded (as git decides which files to look
 * at); one whose times changed but whose text hashes the same (a fresh
 * checkout) is not parsed again. The record is dropped whole when the
 * parsing code, the registries or the archive folder change.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, type Stats } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ParsedDispatch } from '../lib/dispatch-file.ts';
import type { PhotoRef } from '../lib/photos.ts';

export interface KnownSource {
  /** Size, times and inode when it was read. */
  signature: string;
  /** SHA-1 of its text. */
  textDigest: string;
  /** As parsed, without the body (read again only when the body is needed). */
  dispatch: Omit<ParsedDispatch, 'body'>;
  /** The photos its body shows. */
  refs: PhotoRef[];
}

export const statSignature = (s: Stats) => `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`;

/**
 * Digest of the code that turns a file into a dispatch: every module under
 * src/lib and src/loaders, so that no change to parsing is missed.
 */
export function parserDigest(root: string): string {
  const hash = createHash('sha1');
  for (const dir of ['src/lib', 'src/loaders']) {
    const names = readdirSync(path.join(root, dir)).sort();
    for (const name of names) hash.update(`${dir}/${name}\0`).update(readFileSync(path.join(root, dir, name)));
  }
  return hash.digest('hex');
}

interface Stored {
  version: string;
  sources: Map<string, KnownSource>;
}

export class SourceCache {
  readonly next = new Map<string, KnownSource>();
  private readonly file: string;
  private readonly version: string;
  private readonly known: Map<string, KnownSource>;

  private constructor(file: string, version: string, known: Map<string, KnownSource>) {
    this.file = file;
    this.version = version;
    this.known = known;
  }

  /** The record at `file` if it was written for `version`, else an empty one. */
  static async open(file: string, version: string): Promise<SourceCache> {
    let known = new Map<string, KnownSource>();
    try {
      const stored = deserialize(await readFile(file)) as Stored;
      if (stored.version === version) known = stored.sources;
    } catch {
      // No record, or one from another Node version: every file is read.
    }
    return new SourceCache(file, version, known);
  }

  get(file: string): KnownSource | undefined {
    return this.known.get(file);
  }

  /** Keeps `source` for the next build (files not kept are forgotten). */
  keep(file: string, source: KnownSource) {
    this.next.set(file, source);
  }

  async save() {
    await mkdir(path.dirname(this.file), { recursive: true });
    const partial = `${this.file}.${process.pid}.partial`;
    await writeFile(partial, serialize({ version: this.version, sources: this.next } satisfies Stored));
    await rename(partial, this.file);
  }
}
