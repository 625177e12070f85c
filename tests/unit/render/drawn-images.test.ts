import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drawnImage, drawnImagesUse, entryName, pruneDrawnImages, startTracking } from '#src/render/drawn-images.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'wal-drawn-'));
  startTracking();
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A drawing that says which call drew it. */
function drawer() {
  let calls = 0;
  const draw = async () => Buffer.from(`drawing ${++calls}`);
  return { draw, calls: () => calls };
}

describe('drawn images', () => {
  it('draws an image once and reads it back after', async () => {
    const { draw, calls } = drawer();
    const image = { what: 'card: headline', how: 'code 1' };
    expect(String(await drawnImage(dir, image, draw))).toBe('drawing 1');
    expect(String(await drawnImage(dir, image, draw))).toBe('drawing 1');
    expect(calls()).toBe(1);
    expect(await readdir(dir)).toEqual([entryName(image)]);
    expect(drawnImagesUse()).toMatchObject({ drawn: new Set([entryName(image)]), used: new Set([entryName(image)]) });
  });

  it('draws again when what it shows or the code that draws it changes', async () => {
    const { draw, calls } = drawer();
    await drawnImage(dir, { what: 'card: headline', how: 'code 1' }, draw);
    expect(String(await drawnImage(dir, { what: 'card: headline', how: 'code 2' }, draw))).toBe('drawing 2');
    expect(String(await drawnImage(dir, { what: 'card: another headline', how: 'code 2' }, draw))).toBe('drawing 3');
    expect(calls()).toBe(3);
  });

  it('keeps a kept image drawn by other code, and never draws it twice', async () => {
    const { draw, calls } = drawer();
    await drawnImage(dir, { what: 'card: old dispatch', how: 'code 1' }, draw);
    startTracking();
    const kept = { what: 'card: old dispatch', how: 'code 2', kept: true };
    expect(String(await drawnImage(dir, kept, draw))).toBe('drawing 1');
    expect(calls()).toBe(1);
    // Used under the name it was drawn under: a prune keeps it.
    expect(drawnImagesUse()).toMatchObject({ drawn: new Set(), used: new Set([entryName({ ...kept, how: 'code 1' })]) });
    // What it shows changed: it is drawn, once.
    expect(String(await drawnImage(dir, { ...kept, what: 'card: old dispatch, corrected' }, draw))).toBe('drawing 2');
  });

  it('prunes the entries no image used, unfinished writes included', async () => {
    const { draw } = drawer();
    await drawnImage(dir, { what: 'a', how: 'code 1' }, draw);
    await drawnImage(dir, { what: 'b', how: 'code 1' }, draw);
    await writeFile(path.join(dir, `${entryName({ what: 'b', how: 'code 1' })}.1234.partial`), 'half');
    startTracking();
    await drawnImage(dir, { what: 'a', how: 'code 1' }, draw);
    await drawnImage(dir, { what: 'b', how: 'code 2' }, draw);
    expect(await pruneDrawnImages(dir, drawnImagesUse().used)).toBe(2);
    expect((await readdir(dir)).sort()).toEqual([entryName({ what: 'a', how: 'code 1' }), entryName({ what: 'b', how: 'code 2' })].sort());
  });

  it('prunes nothing, and fails on nothing, where nothing was ever drawn', async () => {
    expect(await pruneDrawnImages(path.join(dir, 'none'), new Set())).toBe(0);
  });
});
