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
 * src/lib and src/loaders, the site config (time zone, default source) and
 * the lockfile (gray-matter, js-yaml, zod), so that no change to parsing is
 * missed.
 */
export function parserDigest(root: string): string {
  const hash = createHash('sha1');
  const files = ['src/config.ts', 'package-lock.json'];
  for (const dir of ['src/lib', 'src/loaders']) {
    for (const entry of readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.push(path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    }
  }
  for (const file of files.sort()) hash.update(`${file}\0`).update(readFileSync(path.join(root, file)));
  return hash.digest('hex');
}

interface Stored {
  version: string;
  /** When the build that wrote it started reading files (ms since the epoch). */
  readFrom: number;
  sources: Map<string, KnownSource>;
}

/**
 * A file modified this close to (or after) the time the record was made may
 * have been changed again within its timestamps' resolution, unseen by its
 * signature (git's "racily clean" entries): its text is hashed again.
 */
const RACY_MS = 2_000;

export class SourceCache {
  readonly next = new Map<string, KnownSource>();
  /** Files read this time (the others were taken by their signature). */
  filesRead = 0;
  private readonly file: string;
  /** Of the parsing code and its settings: part of every entry's digest. */
  readonly version: string;
  private readonly known: Map<string, KnownSource>;
  private readonly knownFrom: number;
  private readonly readFrom = Date.now();

  private constructor(file: string, version: string, known: Map<string, KnownSource>, knownFrom: number) {
    this.file = file;
    this.version = version;
    this.known = known;
    this.knownFrom = knownFrom;
  }

  /** The record at `file` if it was written for `version`, else an empty one. */
  static async open(file: string, version: string): Promise<SourceCache> {
    try {
      const stored = deserialize(await readFile(file)) as Stored;
      if (stored.version === version) return new SourceCache(file, version, stored.sources, stored.readFrom);
    } catch {
      // No record, or one from another Node version: every file is read.
    }
    return new SourceCache(file, version, new Map(), 0);
  }

  get(file: string): KnownSource | undefined {
    return this.known.get(file);
  }

  /** Whether a file with this modification time may be taken by its signature alone. */
  settled(mtimeMs: number): boolean {
    return mtimeMs < this.knownFrom - RACY_MS;
  }

  /** Keeps `source` for the next build (files not kept are forgotten). */
  keep(file: string, source: KnownSource) {
    this.next.set(file, source);
  }

  async save() {
    await mkdir(path.dirname(this.file), { recursive: true });
    const partial = `${this.file}.${process.pid}.partial`;
    await writeFile(partial, serialize({ version: this.version, readFrom: this.readFrom, sources: this.next } satisfies Stored));
    await rename(partial, this.file);
  }
}
