/**
 * The archive reader (src/archive/scan.ts) and the manifest it feeds
 * (src/build/manifest.ts): unchanged files are neither read nor rendered
 * again, and nothing a file or its photos say is missed because of it.
 */
import { mkdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyIndex, scanArchive, type ArchiveScan, type SourceIndex } from '#src/archive/scan.ts';
import { BodyStore } from '#src/build/bodies.ts';
import { buildManifest } from '#src/build/manifest.ts';
import type { DispatchRecord } from '#src/dispatch/record.ts';
import { testPhoto } from '../../helpers/archive.ts';
import { tempDir } from '../../helpers/build.ts';

const dispatch = (title: string, extra = '') =>
  ['---', `title: "${title}"`, 'date: "2025-12-01T08:00:00"', 'city: طرابلس', 'category: محليات', '---', `نص الخبر.${extra}`, ''].join(
    '\n',
  );

let root: string;
let index: SourceIndex;
let records: Map<string, DispatchRecord>;
let scan: ArchiveScan;
let rendered = 0;

/** One build's reading: scan, then the manifest, keeping both for the next. */
async function read(version = 'v1', photoVersion = 'p1') {
  scan = await scanArchive({
    root,
    archiveDir: 'archive',
    imagesDir: 'images',
    version,
    photoVersion,
    previous: index,
    known: (file, textDigest) => records.get(file)?.textDigest === textDigest,
  });
  const errors = scan.problems.filter((p) => (p.severity ?? 'error') === 'error');
  if (errors.length > 0) return errors;
  const manifest = await buildManifest(scan, records, new BodyStore(path.join(root, 'bodies'), 'b1'), root);
  index = scan.index;
  records = new Map(manifest.records.map((r) => [r.file, r]));
  rendered = manifest.rendered;
  return new Map(manifest.records.map((r) => [r.id, r]));
}

/** Writes a file as if saved an hour ago: one saved just now is always read again (see RACY_MS). */
async function writeOld(file: string, text: string | Buffer) {
  await writeFile(file, text);
  const hourAgo = new Date(Date.now() - 3_600_000);
  await utimes(file, hourAgo, hourAgo);
}

beforeEach(async () => {
  root = await tempDir('scan');
  index = emptyIndex('v1');
  records = new Map();
  await mkdir(path.join(root, 'archive'), { recursive: true });
  await writeOld(path.join(root, 'archive/one.md'), dispatch('الأول'));
  await writeOld(path.join(root, 'archive/two.md'), dispatch('الثاني'));
});

describe('the archive reader', () => {
  it('reads and renders only files that changed, even when size and modification time stayed', async () => {
    const first = (await read()) as Map<string, DispatchRecord>;
    expect(scan.filesRead).toBe(2);
    expect(rendered).toBe(2);
    expect(await readFile(path.join(root, 'bodies', first.get('one')!.body), 'utf8')).toContain('نص الخبر');
    expect(first.get('one')!.summary).toBe('نص الخبر.');

    const again = (await read()) as Map<string, DispatchRecord>;
    expect(scan.filesRead).toBe(0);
    expect(rendered).toBe(0);
    expect(again.get('one')).toEqual(first.get('one'));

    // Same length, modification time put back: the change time still tells.
    const file = path.join(root, 'archive/two.md');
    const { mtime } = await stat(file);
    await writeFile(file, (await readFile(file, 'utf8')).replace('الثاني', 'الثالث'));
    await utimes(file, mtime, mtime);
    const edited = (await read()) as Map<string, DispatchRecord>;
    expect(scan.filesRead).toBe(1);
    expect(edited.get('two')!.title).toBe('الثالث');
    expect(edited.get('two')!.digest).not.toBe(first.get('two')!.digest);
    expect(edited.get('one')).toEqual(first.get('one'));

    // Another reader: every file is read again.
    await read('v2');
    expect(scan.filesRead).toBe(2);
    // An unchanged file is not even parsed: its record stands.
    await read('v2');
    expect(scan.dispatches.map((d) => d.parsed)).toEqual([undefined, undefined]);
  });

  it('reads again a file saved just before the index was made, whatever its signature says', async () => {
    await writeFile(path.join(root, 'archive/one.md'), dispatch('الأول'));
    await read();
    expect(scan.filesRead).toBe(2);
    // Within the timestamps' resolution, an edit may leave size and times as
    // they were: the fresh file is read (hashed) again, the old one is not.
    await read();
    expect(scan.filesRead).toBe(1);
  });

  it('still checks the photos of an unchanged file, and sees a photo replaced under the same name', async () => {
    await writeOld(path.join(root, 'archive/photo.md'), dispatch('صورة', '\n\n![الميدان](square.jpg)'));
    await mkdir(path.join(root, 'images'), { recursive: true });
    await writeOld(path.join(root, 'images/square.jpg'), await testPhoto(800, 600).jpeg().toBuffer());
    const first = (await read()) as Map<string, DispatchRecord>;
    expect(first.get('photo')!.photos.map((p) => [p.photo.name, p.photo.width, p.photo.height])).toEqual([['square.jpg', 800, 600]]);

    // Replaced by another photo of that name: new bytes, new sizes' names.
    await writeFile(path.join(root, 'images/square.jpg'), await testPhoto(640, 480).jpeg().toBuffer());
    const replaced = (await read()) as Map<string, DispatchRecord>;
    expect(replaced.get('photo')!.photos[0].photo).toMatchObject({ width: 640, height: 480 });
    expect(replaced.get('photo')!.photos[0].photo.hash).not.toBe(first.get('photo')!.photos[0].photo.hash);
    expect(replaced.get('photo')!.digest).not.toBe(first.get('photo')!.digest);

    // Another photo encoder: the same bytes carry another hash.
    await read('v1', 'p2');
    expect(records.get('archive/photo.md')!.photos[0].photo.hash).not.toBe(replaced.get('photo')!.photos[0].photo.hash);

    // The photo is deleted; the dispatch is not touched.
    await rm(path.join(root, 'images/square.jpg'));
    const problems = await read();
    expect(problems).toMatchObject([{ file: 'archive/photo.md', field: 'body', code: 'image.missing' }]);
  });
});
