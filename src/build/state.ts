/**
 * The build state: everything a build leaves for the next one, in one
 * folder (config stateDir, BUILD_STATE_DIR), owned by this module alone: its
 * paths, and typed reads and writes of each file. The pipeline opens it once
 * (buildState) and passes it to each step; the compiled pages read the site
 * the pipeline left there (readSiteState, readRenderSet, readBody). Small on
 * purpose: it imports nothing but Node's fs and v8.
 */
import { open, readFile, rename, writeFile, mkdir, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { SourceIndex } from '#src/archive/scan.ts';
import type { RouteKeys } from '#src/site/route-keys.ts';
import type { SiteInput } from '#src/site/model.ts';
import type { RelatedCache } from '#src/site/related.ts';
import type { RouteEntry } from '#src/site/routes/types.ts';
import type { DispatchRecord } from '#src/dispatch/record.ts';

/** Paths in the state folder. */
export function statePaths(dir: string) {
  const root = path.resolve(dir);
  return {
    root,
    /** The last build: its fingerprint, output folder, time, and whether it finished. */
    build: path.join(root, 'build.json'),
    /** What was learnt of each dispatch and photo file (src/archive/scan.ts). */
    sources: path.join(root, 'sources.bin'),
    /** Every dispatch's record (src/build/manifest.ts). */
    manifest: path.join(root, 'manifest.bin'),
    /** Related dispatches, worked out once (src/site/related.ts). */
    related: path.join(root, 'related.bin'),
    /** Route keys and the files they wrote. */
    routes: path.join(root, 'routes.bin'),
    /** Photo sizes in the output folder. */
    photosPlaced: path.join(root, 'photos-placed.bin'),
    /** What the current render was asked for, read by the compiled pages. */
    renderSet: path.join(root, 'render-set.bin'),
    /** The pages and endpoints `astro build` compiled, kept for publishing. */
    bundle: path.join(root, 'bundle'),
    bodies: path.join(root, 'bodies'),
    photos: path.join(root, 'photos'),
    cards: path.join(root, 'cards'),
    searchShards: path.join(root, 'search-shards'),
    searchPlaced: path.join(root, 'search-placed.json'),
  };
}

export type StatePaths = ReturnType<typeof statePaths>;

export interface BuildRecord {
  /** Of everything but the archive (src/build/fingerprint.ts, CACHE_INPUTS.site). */
  fingerprint: string;
  outDir: string;
  /** The archive folder, resolved: files missing from another archive were never deleted. */
  archive: string;
  /** ISO time the build took as now. */
  now: string;
  preview: boolean;
  /** The output folder held only that build's changes (--changes-only): the site is at its host. */
  changesOnly: boolean;
  /** Set once every step has finished: a build that stopped half-way leaves it false. */
  complete: boolean;
}

/** Reads a v8-serialised state file; undefined when it is missing or unreadable (another Node). */
async function readState<T>(file: string): Promise<T | undefined> {
  try {
    return deserialize(await readFile(file)) as T;
  } catch {
    return undefined;
  }
}

/** Writes a state file whole or not at all. */
async function writeState(file: string, value: unknown, json = false): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, json ? JSON.stringify(value) : serialize(value));
  await rename(partial, file);
}

/** Items serialised at a time: one buffer of a 100k-record manifest would be over 100 MB, held at once. */
const CHUNK = 4096;
/** Opens a chunked file: one of another form is as good as none. */
const CHUNKED_MAGIC = Buffer.from('wal-chunks-1\n');

/**
 * Writes `head` and `items` whole or not at all, as length-prefixed v8
 * chunks: the head with the count, then the items `perChunk` at a time.
 */
async function writeChunked(file: string, head: unknown, items: readonly unknown[], perChunk = CHUNK): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  const handle = await open(partial, 'w');
  try {
    await handle.write(CHUNKED_MAGIC);
    const write = async (value: unknown) => {
      const bytes = serialize(value);
      const length = Buffer.alloc(4);
      length.writeUInt32LE(bytes.length);
      await handle.write(length);
      await handle.write(bytes);
    };
    await write({ head, count: items.length });
    for (let i = 0; i < items.length; i += perChunk) await write(items.slice(i, i + perChunk));
  } finally {
    await handle.close();
  }
  await rename(partial, file);
}

/** The next chunk; `size` (the file's) bounds what a corrupt length may ask for. */
async function readChunk(handle: FileHandle, size: number): Promise<unknown> {
  const length = Buffer.alloc(4);
  if ((await handle.read(length, 0, 4, null)).bytesRead < 4) throw new Error('truncated');
  if (length.readUInt32LE() > size) throw new Error('corrupt');
  const bytes = Buffer.allocUnsafe(length.readUInt32LE());
  if ((await handle.read(bytes, 0, bytes.length, null)).bytesRead < bytes.length) throw new Error('truncated');
  return deserialize(bytes);
}

/** What writeChunked wrote; undefined when it is missing, cut short or of another form. */
async function readChunked<H, T>(file: string): Promise<{ head: H; items: T[] } | undefined> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    const magic = Buffer.alloc(CHUNKED_MAGIC.length);
    await handle.read(magic, 0, magic.length, null);
    if (!magic.equals(CHUNKED_MAGIC)) return undefined;
    const { size } = await handle.stat();
    const { head, count } = (await readChunk(handle, size)) as { head: H; count: number };
    const items: T[] = [];
    while (items.length < count) items.push(...((await readChunk(handle, size)) as T[]));
    return { head, items };
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export interface ManifestFile {
  /** Of the code that reads files and renders bodies: records of another version are not reused. */
  version: string;
  records: DispatchRecord[];
}

/** The manifest, its records in chunks. */
function manifestFile(location: string) {
  return {
    read: async (): Promise<ManifestFile | undefined> => {
      const read = await readChunked<{ version: string }, DispatchRecord>(location);
      return read && { version: read.head.version, records: read.items };
    },
    write: ({ version, records }: ManifestFile) => writeChunked(location, { version }, records),
  };
}

/** The source index, its files and photos in chunks. */
function sourcesFile(location: string) {
  type Head = Pick<SourceIndex, 'version' | 'readFrom'> & { files: number };
  type FileEntry = Parameters<SourceIndex['files']['set']>;
  type PhotoEntry = Parameters<SourceIndex['photos']['set']>;
  return {
    read: async (): Promise<SourceIndex | undefined> => {
      const read = await readChunked<Head, FileEntry | PhotoEntry>(location);
      if (!read) return undefined;
      const { version, readFrom, files } = read.head;
      return {
        version,
        readFrom,
        files: new Map(read.items.slice(0, files) as FileEntry[]),
        photos: new Map(read.items.slice(files) as PhotoEntry[]),
      };
    },
    write: ({ version, readFrom, files, photos }: SourceIndex) =>
      writeChunked(location, { version, readFrom, files: files.size } satisfies Head, [...files, ...photos]),
  };
}

/** Route keys, in chunks of one route's paths and their keys. */
function routesFile(location: string) {
  type Chunk = [route: string, paths: string[], keys: string[]];
  return {
    read: async (): Promise<{ keys: RouteKeys } | undefined> => {
      const read = await readChunked<null, Chunk>(location);
      if (!read) return undefined;
      const keys: RouteKeys = {};
      for (const [route, paths, routeKeys] of read.items) {
        const byPath = (keys[route] ??= {});
        for (const [i, sitePath] of paths.entries()) byPath[sitePath] = routeKeys[i];
      }
      return { keys };
    },
    write: ({ keys }: { keys: RouteKeys }) => {
      const chunks: Chunk[] = [];
      for (const [route, byPath] of Object.entries(keys)) {
        const paths = Object.keys(byPath);
        for (let i = 0; i < paths.length; i += CHUNK) {
          const some = paths.slice(i, i + CHUNK);
          chunks.push([route, some, some.map((sitePath) => byPath[sitePath])]);
        }
      }
      return writeChunked(location, null, chunks, 1);
    },
  };
}

/** The site's inputs as the pipeline left them for the compiled pages. */
export async function readSiteState(dir: string): Promise<SiteInput> {
  const paths = statePaths(dir);
  const [build, manifest, related] = await Promise.all([
    readJson<BuildRecord>(paths.build),
    manifestFile(paths.manifest).read(),
    readState<RelatedCache>(paths.related),
  ]);
  if (!build || !manifest) throw new Error(`No build state in ${paths.root}: run npm run build`);
  return { records: manifest.records, now: new Date(build.now), preview: build.preview, related };
}

/** A rendered body (src/build/bodies.ts), for the pages. */
export function readBody(dir: string, name: string): Promise<string> {
  return readFile(path.join(statePaths(dir).bodies, name), 'utf8');
}

/**
 * What a render is asked for: the paths, and for a publish the entries
 * themselves (their views worked out by the pipeline), so that the compiled
 * pages need not read the whole site again for a few pages.
 */
export interface RenderSet {
  paths: string[];
  entries?: (RouteEntry & { route: string })[];
}

export const readRenderSet = (dir: string) => readState<RenderSet>(statePaths(dir).renderSet);

/** The search index in the output folder. */
export interface SearchPlaced {
  /** Shard key → the name of the cache entry placed. */
  shards: Record<string, string>;
  /** pagefind.js and shards.json → a digest of what was placed. */
  files: Record<string, string>;
}

const isRecordOf = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');

/** Whether `value` is a SearchPlaced: a file of another version is as good as none. */
const isSearchPlaced = (value: unknown): value is SearchPlaced =>
  isRecordOf((value as SearchPlaced | undefined)?.shards) && isRecordOf((value as SearchPlaced).files);

/** A state file read and written as one type; `valid` checks what a JSON file holds. */
function file<T>(location: string, json = false, valid: (value: unknown) => value is T = (value): value is T => value !== undefined) {
  return {
    read: async () => {
      const value = json ? await readJson<unknown>(location) : await readState<unknown>(location);
      return valid(value) ? value : undefined;
    },
    write: (value: T) => writeState(location, value, json),
  };
}

/** The build state in `dir`, as the pipeline passes it along. */
export function buildState(dir: string) {
  const paths = statePaths(dir);
  return {
    paths,
    build: file<BuildRecord>(paths.build, true),
    sources: sourcesFile(paths.sources),
    manifest: manifestFile(paths.manifest),
    related: file<RelatedCache>(paths.related),
    routes: routesFile(paths.routes),
    photosPlaced: file<Set<string>>(paths.photosPlaced),
    searchPlaced: file<SearchPlaced>(paths.searchPlaced, true, isSearchPlaced),
    renderSet: file<RenderSet>(paths.renderSet),
  };
}

export type BuildState = ReturnType<typeof buildState>;
