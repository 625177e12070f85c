/**
 * Search index shards kept in the build state between builds, one folder
 * each, named by what they index (see index-step.ts).
 *
 * An entry is written aside under a name no other build uses, made
 * read-only, then renamed into place, and counts as there only with its
 * `.complete` file, which holds its file count: a build that crashed, a
 * build that lost a race to write the same entry, or a cache restored in
 * part never leaves an entry that is reused half-made.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inBatches } from '#src/archive/batches.ts';

const PARTIAL = '.partial';
const COMPLETE = '.complete';
/** A folder being written by another build is left alone this long. */
const PARTIAL_GRACE_MS = 60 * 60 * 1000;

export async function files(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Links `source` at `target`, or copies it where a link cannot be made (another file system). */
async function place(source: string, target: string) {
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await link(source, target);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code !== 'EXDEV' && code !== 'EPERM') throw error;
    await copyFile(source, target);
  }
}

/** Pagefind names these by their content: the same name holds the same bytes. */
const namedByContent = (file: string) => /^(fragment|index|filter)\//.test(file) || file.endsWith('.pf_meta');

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([readFile(a), readFile(b)]);
  return x.equals(y);
}

/** The shard cache in `folder` (the build state's search-shards). */
// long: five short methods, each named and documented, sharing `folder`; the factory only holds them.
export function shardCache(folder: string) {
  /** Where cached entry `name` is. */
  const entryPath = (name: string) => path.join(folder, name);
  /** Whether entry `name` was stored whole (its files are checked when it is placed). */
  const isStored = (name: string) => existsSync(`${entryPath(name)}${COMPLETE}`);

  /**
   * Makes `to` hold exactly cached entry `name`, as hard links: tens of
   * thousands of small files are linked in a fraction of the time a copy
   * takes, and being read-only, they cannot be changed through dist/. Only
   * files new or changed since entry `previous` (what `to` held) are placed,
   * and only those gone are deleted, so a deploy uploads what changed; with
   * no previous entry, against what is in `to`. Returns them (relative to
   * `to`), or undefined when there is no whole entry `name`.
   */
  async function placeCached(
    name: string,
    to: string,
    options: { previous?: string; skip?: (file: string) => boolean } = {},
  ): Promise<{ written: string[]; deleted: string[] } | undefined> {
    const entry = entryPath(name);
    const skip = options.skip ?? (() => false);
    const expected = Number(await readFile(`${entry}${COMPLETE}`, 'utf8').catch(() => NaN));
    if (!Number.isInteger(expected) || !existsSync(entry)) return undefined;
    const wanted = (await files(entry)).map((file) => path.relative(entry, file));
    if (wanted.length !== expected) {
      await rm(entry, { recursive: true, force: true });
      return undefined;
    }
    const previous = options.previous && isStored(options.previous) ? entryPath(options.previous) : undefined;
    const before = previous ?? to;
    const present = new Set((await files(before).catch(() => [] as string[])).map((file) => path.relative(before, file)));
    const written: string[] = [];
    await inBatches(
      wanted.filter((file) => !skip(file)),
      async (file) => {
        const [source, target] = [path.join(entry, file), path.join(to, file)];
        if (present.has(file) && (namedByContent(file) || (await sameBytes(source, path.join(before, file))))) return;
        await rm(target, { force: true });
        await place(source, target);
        written.push(file);
      },
    );
    const keep = new Set(wanted.filter((file) => !skip(file)));
    const deleted = [...present].filter((file) => !keep.has(file) && !skip(file));
    await Promise.all(deleted.map((file) => rm(path.join(to, file), { force: true })));
    return { written: written.sort(), deleted: deleted.sort() };
  }

  /** Writes entry `name` with `write(folder)`, keeping the files `keep` accepts. */
  async function storeEntry(name: string, write: (dir: string) => Promise<void>, keep: (file: string) => boolean) {
    await mkdir(folder, { recursive: true });
    const entry = path.join(folder, name);
    const partial = `${entry}.${process.pid}-${randomUUID()}${PARTIAL}`;
    try {
      await write(partial);
      for (const file of await readdir(partial)) {
        if (!keep(file)) await rm(path.join(partial, file), { recursive: true });
      }
      const written = await files(partial);
      await Promise.all(written.map((file) => chmod(file, 0o444)));
      // An entry left without its .complete file (a crash) is replaced.
      if (!isStored(name)) await rm(entry, { recursive: true, force: true });
      try {
        await rename(partial, entry);
      } catch (error) {
        const { code } = error as NodeJS.ErrnoException;
        // Another build stored the same entry first: it has the same bytes.
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
        return;
      }
      await writeFile(`${entry}${COMPLETE}`, String(written.length));
    } finally {
      await rm(partial, { recursive: true, force: true });
    }
  }

  /** Deletes the entries this build did not use, and folders abandoned half-written. */
  async function pruneEntries(used: ReadonlySet<string>) {
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      const file = path.join(folder, name);
      if (name.endsWith(PARTIAL)) {
        const { mtimeMs } = await stat(file);
        if (Date.now() - mtimeMs > PARTIAL_GRACE_MS) await rm(file, { recursive: true, force: true });
        continue;
      }
      const entry = name.endsWith(COMPLETE) ? name.slice(0, -COMPLETE.length) : name;
      if (!used.has(entry)) await rm(file, { recursive: true, force: true });
    }
  }

  return { entryPath, isStored, placeCached, storeEntry, pruneEntries };
}

export type ShardCache = ReturnType<typeof shardCache>;
