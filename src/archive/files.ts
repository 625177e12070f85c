/**
 * The archive folder on disk: which files are dispatches, their text, and
 * where the photos they name are. The build and the newsroom commands
 * (check, import) read the archive through this module alone.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFile } from '#src/dispatch/parse.ts';
import type { FindPhoto } from '#src/dispatch/photos.ts';
import { inBatches } from './batches.ts';
import { sourceText } from '#src/dispatch/encoding.ts';

/** Markdown files under `dir`, as paths relative to it with / separators, skipping names that start with _ or . */
export async function listDispatchFiles(dir: string): Promise<string[]> {
  const top = path.resolve(dir);
  // With their types, entries need no stat each: at 100k files, half the time.
  const entries = await readdir(top, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  // But a walk by types does not enter a linked folder: an archive with one is walked by names.
  const linkedFolder = entries.some(
    (entry) => entry.isSymbolicLink() && statSync(path.join(entry.parentPath, entry.name), { throwIfNoEntry: false })?.isDirectory(),
  );
  const names = linkedFolder
    ? await readdir(top, { recursive: true })
    : entries
        .filter((entry) => entry.isFile() || entry.isSymbolicLink())
        .map((entry) => (entry.parentPath === top ? entry.name : `${entry.parentPath.slice(top.length + 1)}${path.sep}${entry.name}`));
  return names
    .map((name) => name.split(path.sep).join('/'))
    .filter((name) => name.endsWith('.md') && !name.split('/').some((part) => /^[_.]/.test(part)))
    .sort();
}

/** A dispatch's path as messages show it (relative to the project root) and its entry id (NFC, without .md). */
export function dispatchFileNames(root: string, archiveDir: string, name: string) {
  return {
    file: path
      .relative(root, path.join(path.resolve(root, archiveDir), name))
      .split(path.sep)
      .join('/'),
    id: name.slice(0, -'.md'.length).normalize('NFC'),
  };
}

/** Every dispatch file under `dir`, with its text. */
export async function readSources(root: string, dir: string): Promise<SourceFile[]> {
  const absolute = path.resolve(root, dir);
  const names = await listDispatchFiles(absolute);
  const sources: SourceFile[] = new Array(names.length);
  await inBatches([...names.keys()], async (i) => {
    sources[i] = { ...dispatchFileNames(root, dir, names[i]), ...sourceText(await readFile(path.join(absolute, names[i]))) };
  });
  return sources;
}

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
    const found = candidates.flatMap((file) => [file, path.join(path.dirname(file), path.basename(file).normalize('NFD'))]).find(isFile);
    if (!found) return undefined;
    const relative = path.relative(folder, found).split(path.sep).join('/');
    return relative.startsWith('../') ? relative : `./${relative}`;
  };
}
