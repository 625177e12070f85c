/**
 * The loader's record of the files it has read (src/loaders/source-cache.ts):
 * unchanged files are not read again, and nothing a file or its photos say
 * is missed because of it.
 */
import { mkdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ArchiveError, readArchive } from '../../src/loaders/dispatches.ts';
import { SourceCache } from '../../src/loaders/source-cache.ts';
import { tempDir } from '../helpers/build.ts';

const dispatch = (title: string, extra = '') =>
  ['---', `title: "${title}"`, 'date: "2025-12-01T08:00:00"', 'city: طرابلس', 'category: محليات', '---', `نص الخبر.${extra}`, ''].join('\n');

let root: string;
let record: string;
let filesRead = 0;
const read = async (version = 'v1') => {
  const cache = await SourceCache.open(record, version);
  const dispatches = await readArchive(root, 'archive', 'images', cache);
  await cache.save();
  filesRead = cache.filesRead;
  return new Map(dispatches.map((d) => [d.id, d]));
};

/** Writes a file as if saved an hour ago: one saved just now is always read again (see `settled`). */
async function writeOld(file: string, text: string) {
  await writeFile(file, text);
  const hourAgo = new Date(Date.now() - 3_600_000);
  await utimes(file, hourAgo, hourAgo);
}

beforeEach(async () => {
  root = await tempDir('source-cache');
  record = path.join(root, 'cache/sources.bin');
  await mkdir(path.join(root, 'archive'), { recursive: true });
  await writeOld(path.join(root, 'archive/one.md'), dispatch('الأول'));
  await writeOld(path.join(root, 'archive/two.md'), dispatch('الثاني'));
});

describe('source cache', () => {
  it('reads only files that changed, even when size and modification time stayed', async () => {
    const first = await read();
    expect(first.get('one')!.body).toContain('نص الخبر');
    const again = await read();
    expect(filesRead).toBe(0);
    // Not read: no body, the same data and digest.
    expect(again.get('one')!.body).toBeUndefined();
    expect(again.get('one')!.data.title).toBe('الأول');
    expect(again.get('one')!.digest).toBe(first.get('one')!.digest);

    // Same length, modification time put back: the change time still tells.
    const file = path.join(root, 'archive/two.md');
    const { mtime } = await stat(file);
    await writeFile(file, (await readFile(file, 'utf8')).replace('الثاني', 'الثالث'));
    await utimes(file, mtime, mtime);
    const edited = await read();
    expect(edited.get('two')!.data.title).toBe('الثالث');
    expect(edited.get('two')!.digest).not.toBe(first.get('two')!.digest);
    expect(edited.get('one')!.body).toBeUndefined();

    // Another parser: everything is read again, and stored anew.
    const reparsed = await read('v2');
    expect(reparsed.get('one')!.body).toContain('نص الخبر');
    expect(reparsed.get('one')!.digest).not.toBe(edited.get('one')!.digest);
  });

  it('reads again a file saved just before the record was made, whatever its signature says', async () => {
    await writeFile(path.join(root, 'archive/one.md'), dispatch('الأول'));
    await read();
    expect(filesRead).toBe(2);
    // Within the timestamps' resolution, an edit may leave size and times as
    // they were: the fresh file is read (hashed) again, the old one is not.
    await read();
    expect(filesRead).toBe(1);
  });

  it('still checks the photos of an unchanged file', async () => {
    await writeOld(path.join(root, 'archive/photo.md'), dispatch('صورة', '\n\n![الميدان](square.jpg)'));
    await mkdir(path.join(root, 'images'), { recursive: true });
    await writeFile(path.join(root, 'images/square.jpg'), 'jpeg');
    const first = await read();
    expect(first.get('photo')!.photos.body.map((p) => p.src)).toEqual(['square.jpg']);

    // The photo is deleted; the dispatch is not touched.
    await rm(path.join(root, 'images/square.jpg'));
    const error = await read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).problems).toMatchObject([{ file: 'archive/photo.md', field: 'body', code: 'image.missing' }]);
  });
});
