/**
 * Reads the archive folder into parsed dispatches, reading and parsing only
 * the files that changed since the last build. What was learnt of each file
 * (and each photo) is kept in a SourceIndex, which the build state stores.
 *
 * A file is taken as unchanged when its size, modification and change times
 * and inode are those recorded, as git decides which files to look at; one
 * whose times changed but whose text hashes the same (a fresh checkout) is
 * not parsed again. An unchanged file is not parsed at all: the caller holds
 * its record, and only its photos are looked for again (a photo may appear,
 * go or change under the same name). The index is dropped whole when
 * `version` (the reading code, the registries) changes.
 */
import { createHash, hash } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { dispatchFileNames, listDispatchFiles, photoFinder } from './files.ts';
import { parseDispatch, type DispatchProblem, type ParsedDispatch } from '#src/dispatch/parse.ts';
import { decodeFile, encodingProblem } from '#src/dispatch/encoding.ts';
import { bodyPhotoRefs, resolveDispatchPhotos, type PhotoRef, type PhotoSource, type ResolvedPhoto } from '#src/dispatch/photos.ts';
import { photoHash } from '#src/dispatch/record.ts';
import type { PhotoFile } from '#src/dispatch/record.ts';

export type ParsedFile = Omit<ParsedDispatch, 'body'>;

/** What finding a dispatch's photos needs, kept so an unchanged file need not be parsed again. */
type PhotoFields = Omit<PhotoSource, 'body' | 'data'> & { data: Pick<PhotoSource['data'], 'image' | 'imageAlt' | 'imageCaption'> };

interface KnownFile {
  /** Size, times and inode when it was read. */
  signature: string;
  /** SHA-1 of its text. */
  textDigest: string;
  photoFields: PhotoFields;
  /** The photos its body shows. */
  refs: PhotoRef[];
  /** Its slug's line, for a duplicate URL. */
  slugLine: number;
}

export interface SourceIndex {
  version: string;
  /** When the scan that wrote it started reading files (ms since the epoch). */
  readFrom: number;
  files: Map<string, KnownFile>;
  /** By path relative to the project root. */
  photos: Map<string, { signature: string; photo: Omit<PhotoFile, 'hash'> }>;
}

export interface ScannedPhoto extends ResolvedPhoto {
  photo: PhotoFile;
}

export interface ScannedDispatch {
  /** Path relative to the project root. */
  file: string;
  textDigest: string;
  /** Parsed this time; undefined for a file unchanged since the record the caller holds. */
  parsed?: ParsedFile;
  /** The Markdown body, when the file was parsed by this scan. */
  body?: string;
  lead?: ScannedPhoto;
  photos: ScannedPhoto[];
  slugLine: number;
}

export interface ArchiveScan {
  dispatches: ScannedDispatch[];
  /** Errors and warnings; the build stops on errors. */
  problems: DispatchProblem[];
  /** What to keep for the next scan. */
  index: SourceIndex;
  filesRead: number;
}

/** What is kept of a parsed file besides its record. */
function knownFields({ file, data, lines, bodyLine }: ParsedFile, body: string): Omit<KnownFile, 'signature' | 'textDigest'> {
  return {
    photoFields: {
      file,
      bodyLine,
      lines: lines.image === undefined ? {} : { image: lines.image },
      data: { image: data.image, imageAlt: data.imageAlt, imageCaption: data.imageCaption },
    },
    refs: bodyPhotoRefs(body, bodyLine),
    slugLine: lines.slug ?? 1,
  };
}

const statSignature = (s: Stats) => `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`;

/**
 * A file modified this close to (or after) the time the index was made may
 * have been changed again within its timestamps' resolution, unseen by its
 * signature (git's "racily clean" entries): its text is hashed again.
 */
const RACY_MS = 2_000;

export const emptyIndex = (version: string): SourceIndex => ({ version, readFrom: 0, files: new Map(), photos: new Map() });

/** Width, height and format from the file's header; SHA-256 of its bytes. */
function readPhoto(root: string, file: string): Promise<Omit<PhotoFile, 'hash'>> {
  const bytes = readFileSync(path.join(root, file));
  const digest = createHash('sha256').update(bytes).digest('hex');
  return sharp(bytes)
    .metadata()
    .then(({ width, height, format, orientation }) => {
      // Sizes are made upright (sharp's autoOrient): a photo turned by its EXIF tag swaps its sides.
      const turned = orientation !== undefined && orientation >= 5;
      return {
        file,
        name: path.basename(file).normalize('NFC'),
        digest,
        width: (turned ? height : width) ?? 0,
        height: (turned ? width : height) ?? 0,
        format: format ?? 'unknown',
      };
    });
}

interface ScanOptions {
  root: string;
  archiveDir: string;
  imagesDir: string;
  /** Of the code that reads files (the index is dropped when it changes). */
  version: string;
  /** Of the code that makes photo sizes (see photoHash). */
  photoVersion: string;
  previous?: SourceIndex;
  /** Whether the caller holds the record of a file with this text: then it is not parsed again. */
  known?: (file: string, textDigest: string) => boolean;
}

/**
 * Finds a dispatch's photo in the scan's photos: read once a scan, and not
 * read again when unchanged since the last scan.
 */
function photoScanner(
  { root, photoVersion }: Pick<ScanOptions, 'root' | 'photoVersion'>,
  previous: SourceIndex,
  index: SourceIndex,
  settled: (mtimeMs: number) => boolean,
) {
  return async (dispatchFile: string, resolved: ResolvedPhoto): Promise<ScannedPhoto> => {
    const file = path
      .relative(root, path.resolve(root, path.dirname(dispatchFile), resolved.path))
      .split(path.sep)
      .join('/');
    let known = index.photos.get(file);
    if (!known) {
      const stats = statSync(path.join(root, file));
      const signature = statSignature(stats);
      const before = previous.photos.get(file);
      known = before?.signature === signature && settled(stats.mtimeMs) ? before : { signature, photo: await readPhoto(root, file) };
      index.photos.set(file, known);
    }
    return { ...resolved, photo: { ...known.photo, hash: photoHash(known.photo.digest, photoVersion) } };
  };
}

type FileRead = { entry: KnownFile; parsed?: ParsedFile; body?: string } | { problems: DispatchProblem[] };

/**
 * Reads a dispatch file that may have changed: parsed unless its text hashes
 * as `before` did and the caller holds that record.
 */
function readDispatchFile(
  full: string,
  { file, id }: { file: string; id: string },
  signature: string,
  before: KnownFile | undefined,
  known: NonNullable<ScanOptions['known']>,
): FileRead {
  const decoded = decodeFile(readFileSync(full));
  if (!decoded.utf8) return { problems: [encodingProblem(file, decoded)] };
  const { text } = decoded;
  const textDigest = hash('sha1', text);
  if (before?.textDigest === textDigest && known(file, textDigest)) return { entry: { ...before, signature } };
  const result = parseDispatch(file, id, text);
  if (!result.ok) return { problems: result.problems };
  const { body, ...parsed } = result.dispatch;
  return { entry: { signature, textDigest, ...knownFields(parsed, body) }, parsed, body };
}

export async function scanArchive(options: ScanOptions): Promise<ArchiveScan> {
  const { root, archiveDir, imagesDir, version } = options;
  const previous = options.previous?.version === version ? options.previous : emptyIndex(version);
  const index: SourceIndex = { version, readFrom: Date.now(), files: new Map(), photos: new Map() };
  const problems: DispatchProblem[] = [];
  const dispatches: ScannedDispatch[] = [];
  const findPhoto = photoFinder(root, archiveDir, imagesDir);
  const absolute = path.resolve(root, archiveDir);
  const settled = (mtimeMs: number) => mtimeMs < previous.readFrom - RACY_MS;
  const photoOf = photoScanner(options, previous, index, settled);
  let filesRead = 0;

  const known = options.known ?? (() => false);
  for (const name of await listDispatchFiles(absolute)) {
    const full = path.join(absolute, name);
    const { file, id } = dispatchFileNames(root, archiveDir, name);
    const stats = statSync(full);
    const signature = statSignature(stats);
    const before = previous.files.get(file);
    let read: FileRead;
    if (before?.signature === signature && settled(stats.mtimeMs) && known(file, before.textDigest)) {
      read = { entry: before };
    } else {
      read = readDispatchFile(full, { file, id }, signature, before, known);
      filesRead++;
    }
    if ('problems' in read) {
      problems.push(...read.problems);
      continue;
    }
    const { entry, parsed, body } = read;
    index.files.set(file, entry);
    const resolved = resolveDispatchPhotos({ ...entry.photoFields, body: '' }, findPhoto, entry.refs);
    // Warnings are for `npm run check`; the build stops only on errors.
    const errors = resolved.problems.filter((p) => p.severity === 'error');
    problems.push(...errors);
    if (errors.length > 0) continue;
    dispatches.push({
      file,
      textDigest: entry.textDigest,
      parsed,
      body,
      lead: resolved.lead && (await photoOf(file, resolved.lead)),
      photos: await Promise.all(resolved.body.map((photo) => photoOf(file, photo))),
      slugLine: entry.slugLine,
    });
  }
  return { dispatches, problems, index, filesRead };
}
