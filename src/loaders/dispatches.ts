/**
 * Content loader for the dispatch archive. Unlike glob(), it reads front-matter
 * without YAML timestamps (so zone-less dates mean Tripoli time), normalises
 * text and file names to NFC, and reports every invalid dispatch (file, line,
 * field, fix) instead of stopping at the first.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { categories, cities, sources } from '../lib/registries.ts';
import { leadText, summarize } from '../lib/summary.ts';
import { findDuplicateUrls } from '../lib/dispatch.ts';
import { placePhotos } from '../lib/photo-markers.ts';
import { pruneBodies, storedBodies, writeBody } from './bodies.ts';
import { writeLastModified } from './lastmods.ts';
import { lastModified } from '../lib/sitemap.ts';
import { bodyPhotoRefs, PHOTO_EXTENSIONS, resolveDispatchPhotos, type FindPhoto, type ResolvedPhoto } from '../lib/photos.ts';
import { parserDigest, SourceCache, statSignature } from './source-cache.ts';
import { cacheDir } from '../config.ts';
import {
  formatProblem,
  parseDispatch,
  type DispatchProblem,
  type ParsedDispatch,
  type SourceFile,
} from '../lib/dispatch-file.ts';

/** Markdown files under `dir`, skipping names that start with _ or . */
export async function listDispatchFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return names
    .map((name) => name.split(path.sep).join('/'))
    .filter((name) => name.endsWith('.md') && !name.split('/').some((part) => /^[_.]/.test(part)))
    .sort();
}

export class ArchiveError extends Error {
  readonly problems: DispatchProblem[];

  constructor(problems: DispatchProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the dispatch archive:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'ArchiveError';
    this.problems = problems;
  }
}

// A registry edit can change what a file means (a renamed city slug), so
// it is part of every entry's digest.
const registriesDigest = createHash('sha1')
  .update(JSON.stringify([cities, categories, sources]))
  .digest('hex');

export type LoadedDispatch = Omit<ParsedDispatch, 'body'> & {
  /** Undefined when the file was not read (unchanged since the last build). */
  body?: string;
  /** Changes whenever the file, the registries or where its photos are found change. */
  digest: string;
  /** The lead photo and the body's photos, found on disk. */
  photos: { lead?: ResolvedPhoto; body: ResolvedPhoto[] };
};

const isFile = (file: string) => existsSync(file) && statSync(file).isFile();

/**
 * Looks for a photo beside the dispatch, then in `imagesDir`. A name that
 * leads out of the archive folder and the images folder is refused (null):
 * a dispatch must not publish any image of the machine that builds it.
 */
export function photoFinder(root: string, archiveDir: string, imagesDir: string): FindPhoto {
  const allowed = [path.resolve(root, archiveDir), path.resolve(root, imagesDir)];
  const inside = (file: string) => allowed.some((dir) => !path.relative(dir, file).startsWith('..'));
  return (dispatchFile, src) => {
    const folder = path.dirname(path.resolve(root, dispatchFile));
    const name = src.normalize('NFC');
    const candidates = [path.resolve(folder, name), path.resolve(root, imagesDir, name)];
    if (!candidates.every(inside)) return null;
    // macOS may have written the file name decomposed (NFD).
    const found = candidates
      .flatMap((file) => [file, path.join(path.dirname(file), path.basename(file).normalize('NFD'))])
      .find(isFile);
    if (!found) return undefined;
    const relative = path.relative(folder, found).split(path.sep).join('/');
    return relative.startsWith('../') ? relative : `./${relative}`;
  };
}

// Files read at once: all of a large archive at once runs out of file handles.
const READ_CONCURRENCY = 64;

/** Every dispatch file under `dir`, with its path relative to `root` and its entry id. */
export async function readSources(root: string, dir: string): Promise<SourceFile[]> {
  const absolute = path.resolve(root, dir);
  const names = await listDispatchFiles(absolute);
  const sources: SourceFile[] = new Array(names.length);
  let next = 0;
  const reader = async () => {
    for (let i = next++; i < names.length; i = next++) {
      sources[i] = {
        file: path.relative(root, path.join(absolute, names[i])).split(path.sep).join('/'),
        id: names[i].slice(0, -'.md'.length).normalize('NFC'),
        text: await readFile(path.join(absolute, names[i]), 'utf8'),
      };
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, names.length) }, reader));
  return sources;
}

/**
 * Parses every dispatch under `dir`; throws one ArchiveError listing all
 * problems. With `cache`, a file unchanged since the cache was written is
 * not read again: its dispatch comes without a body (see bodyOf).
 */
export async function readArchive(root: string, dir: string, imagesDir: string, cache?: SourceCache): Promise<LoadedDispatch[]> {
  const problems: DispatchProblem[] = [];
  const dispatches: LoadedDispatch[] = [];
  const findPhoto = photoFinder(root, dir, imagesDir);
  const absolute = path.resolve(root, dir);
  for (const name of await listDispatchFiles(absolute)) {
    const full = path.join(absolute, name);
    const file = path.relative(root, full).split(path.sep).join('/');
    const stats = cache && statSync(full);
    const signature = stats ? statSignature(stats) : '';
    let known = cache?.get(file);
    let body: string | undefined;
    if (!stats || known?.signature !== signature || !cache.settled(stats.mtimeMs)) {
      const text = readFileSync(full, 'utf8');
      if (cache) cache.filesRead++;
      const textDigest = createHash('sha1').update(text).digest('hex');
      if (known?.textDigest === textDigest) {
        known = { ...known, signature };
      } else {
        const result = parseDispatch(file, name.slice(0, -'.md'.length).normalize('NFC'), text);
        if (!result.ok) {
          problems.push(...result.problems);
          continue;
        }
        const { body: parsedBody, ...dispatch } = result.dispatch;
        body = parsedBody;
        known = { signature, textDigest, dispatch, refs: bodyPhotoRefs(body, dispatch.bodyLine) };
      }
    }
    cache?.keep(file, known!);
    const { dispatch, refs, textDigest } = known!;
    const { problems: photoProblems, ...photos } = resolveDispatchPhotos({ ...dispatch, body: '' }, findPhoto, refs);
    // Warnings are for `npm run check`; the build stops only on errors.
    problems.push(...photoProblems.filter((p) => p.severity === 'error'));
    // The parsing code's version too: a parser that reads a file differently
    // must store its entry anew.
    const digest = createHash('sha1')
      .update(registriesDigest)
      .update(cache?.version ?? '')
      .update(file)
      .update(textDigest)
      .update(JSON.stringify(photos))
      .digest('hex');
    dispatches.push({ ...dispatch, body, digest, photos });
  }
  problems.push(
    ...findDuplicateUrls(
      dispatches.map((d) => ({ file: d.file, line: d.lines.slug ?? 1, date: d.data.date, slug: d.data.slug })),
    ),
  );
  if (problems.length > 0) throw new ArchiveError(problems);
  return dispatches;
}

// What Astro's image() schema helper turns a path into during content sync
// (astro/dist/content/utils.js): the data store then imports the file
// through Vite, and entries read it back as ImageMetadata. The loader does
// the same after checking the file exists, so a missing photo is reported
// with its dispatch, line and field instead of as a bundling error.
const IMAGE_IMPORT_PREFIX = '__ASTRO_IMAGE_';

const storedPhoto = (photo: ResolvedPhoto) => ({
  src: `${IMAGE_IMPORT_PREFIX}${photo.path}`,
  alt: photo.alt,
  ...(photo.caption !== undefined && { caption: photo.caption }),
});

/** The Markdown body of a dispatch, read from its file if the loader did not. */
async function bodyOf(root: string, d: LoadedDispatch): Promise<string> {
  if (d.body !== undefined) return d.body;
  const result = parseDispatch(d.file, d.id, await readFile(path.resolve(root, d.file), 'utf8'));
  if (!result.ok) throw new ArchiveError(result.problems);
  return result.dispatch.body;
}

export function dispatchLoader(options: { dir: string; imagesDir: string }): Loader {
  async function sync({ config, store, renderMarkdown, logger }: LoaderContext) {
    const root = fileURLToPath(config.root);
    const version = createHash('sha1')
      .update(`${registriesDigest}\0${parserDigest(root)}\0${options.dir}\0${options.imagesDir}`)
      .digest('hex');
    const cache = await SourceCache.open(path.resolve(root, cacheDir, 'dispatch-sources.bin'), version);
    const dispatches = await readArchive(root, options.dir, options.imagesDir, cache);
    await cache.save();
    logger.info(`Read ${cache.filesRead} of ${dispatches.length} dispatch files (unchanged files are not read again)`);
    await writeLastModified(lastModified(dispatches));
    const stale = new Set(store.keys());
    const stored = await storedBodies();
    const bodies = new Set<string>();
    for (const dispatch of dispatches) {
      stale.delete(dispatch.id);
      const entry = store.get(dispatch.id);
      const storedBody = entry?.data.bodyFile as string | undefined;
      // Unchanged since the last build (Astro keeps the store in its cache).
      if (entry?.digest === dispatch.digest && storedBody && stored.has(storedBody)) {
        bodies.add(storedBody);
        // Astro rewrites .astro/content-assets.mjs (the photo imports) only
        // when an import was added in this sync. That file lives in the
        // project, not in the cache, so a build of another archive (the
        // tests) leaves it stale: declaring the photos again keeps it right.
        // (addAssetImport is on the store Astro passes, though not in its type.)
        const assets = store as { addAssetImport?: (src: string, file: string) => void };
        const { lead, body } = dispatch.photos;
        for (const photo of [...(lead ? [lead] : []), ...body]) assets.addAssetImport?.(photo.path, dispatch.file);
        continue;
      }
      // Its body file is gone (a cache restored in part): store it anew.
      if (entry) store.delete(dispatch.id);
      const rendered = await renderMarkdown(await bodyOf(root, dispatch), {
        fileURL: pathToFileURL(path.resolve(root, dispatch.file)),
      });
      const { lead, body } = dispatch.photos;
      let html: string;
      try {
        html = placePhotos(rendered.html, body);
      } catch (error) {
        throw new Error(`${dispatch.file}: ${(error as Error).message}`);
      }
      const summary = dispatch.data.summary ?? summarize(leadText(html));
      const bodyFile = await writeBody(html);
      bodies.add(bodyFile);
      store.set({
        id: dispatch.id,
        data: {
          ...dispatch.data,
          summary,
          ...(lead && { image: `${IMAGE_IMPORT_PREFIX}${lead.path}` }),
          photos: body.map(storedPhoto),
          bodyFile,
        },
        filePath: dispatch.file,
        digest: dispatch.digest,
        // No `rendered`: the body is in its own file (see bodies.ts), with
        // photos as markers the page fills in (see photo-markers.ts).
      });
    }
    for (const id of stale) store.delete(id);
    await pruneBodies(stored, bodies);
  }

  return {
    name: 'dispatch-loader',
    async load(context) {
      await sync(context);
      const { watcher, config, logger } = context;
      if (!watcher) return;
      const dir = path.resolve(fileURLToPath(config.root), options.dir);
      const images = path.resolve(fileURLToPath(config.root), options.imagesDir);
      watcher.add([dir, images]);
      // A photo that appears can mend a dispatch that named it too early.
      const relevant = (file: string) =>
        (file.startsWith(dir) && file.endsWith('.md')) ||
        ((file.startsWith(dir) || file.startsWith(images)) && PHOTO_EXTENSIONS.includes(path.extname(file).slice(1).toLowerCase()));
      const onChange = async (changed: string) => {
        if (!relevant(changed)) return;
        try {
          await sync(context);
        } catch (error) {
          // In dev a bad save must not kill the server: report and keep serving.
          logger.error((error as Error).message);
        }
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', onChange);
    },
  };
}
