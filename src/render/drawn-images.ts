/**
 * Social cards and the logo, kept in the build state between builds:
 * drawing one costs far more than reading it back (the bench prints what a
 * card costs). An entry is named by what it shows and by the code that drew
 * it, `<what>.<how>.png`, so that a change to either draws it again, with
 * one exception: a card allowed to be `kept` (an old dispatch's, see
 * siteConfig.cardsRedrawnForDays) is drawn once, and any drawing of what it
 * shows is used from then on.
 *
 * Every entry used in this process is noted; after a full build, which uses
 * every entry the site has, the others are pruned.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface DrawnImage {
  /** Everything the image shows, its size included. */
  what: string;
  /** A digest of the code, fonts and libraries that draw it. */
  how: string;
  /** Any earlier drawing of `what` will do. */
  kept?: boolean;
}

// The compiled pages bundle their own copy of this module; the pipeline,
// which prunes, runs them in its process and reads the same record.
const TRACKED = Symbol.for('wal.drawn-images');
interface Tracked {
  /** Names of the entries used. */
  used: Set<string>;
  /** Names of the entries drawn, not reused (two pages may draw the same one at once). */
  drawn: Set<string>;
  /** The entries of a folder by what they show; listed once, when a kept image is first missed. */
  listings: Map<string, Map<string, string>>;
}
const tracked = (): Tracked =>
  ((globalThis as { [TRACKED]?: Tracked })[TRACKED] ??= { used: new Set(), drawn: new Set(), listings: new Map() });

/** What was used and drawn since the last `startTracking()`. */
export const drawnImagesUse = (): Readonly<Pick<Tracked, 'used' | 'drawn'>> => tracked();

export function startTracking() {
  (globalThis as { [TRACKED]?: Tracked })[TRACKED] = { used: new Set(), drawn: new Set(), listings: new Map() };
}

const digest = (text: string) => createHash('sha1').update(text).digest('hex');

/** The entry's file name: `<what>.<how>.png`, each a digest. */
export const entryName = (image: DrawnImage) => `${digest(image.what)}.${digest(image.how).slice(0, 16)}.png`;

/** Writes `bytes` to `file` whole, or not at all. */
async function writeWhole(file: string, bytes: Buffer) {
  const partial = `${file}.${randomUUID()}.partial`;
  try {
    await writeFile(partial, bytes);
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
}

function entriesByWhat(dir: string): Map<string, string> {
  const { listings } = tracked();
  let byWhat = listings.get(dir);
  if (!byWhat) {
    byWhat = new Map();
    let names: string[] = [];
    try {
      names = readdirSync(dir)
        .filter((name) => name.endsWith('.png'))
        .sort();
    } catch {
      // No folder yet: nothing drawn.
    }
    for (const name of names) byWhat.set(name.slice(0, name.indexOf('.')), name);
    listings.set(dir, byWhat);
  }
  return byWhat;
}

/** The image from `dir`, or `draw()` written there first. */
export async function drawnImage(dir: string, image: DrawnImage, draw: () => Promise<Buffer>): Promise<Buffer> {
  let name = entryName(image);
  let bytes: Buffer | undefined = await readFile(path.join(dir, name)).catch(() => undefined);
  if (!bytes && image.kept) {
    const earlier = entriesByWhat(dir).get(name.slice(0, name.indexOf('.')));
    bytes = earlier ? await readFile(path.join(dir, earlier)).catch(() => undefined) : undefined;
    if (bytes) name = earlier!;
  }
  if (!bytes) {
    bytes = await draw();
    await mkdir(dir, { recursive: true });
    await writeWhole(path.join(dir, name), bytes);
    tracked().drawn.add(name);
  }
  tracked().used.add(name);
  return bytes;
}

/** Deletes the entries of `dir` not in `used`; returns how many. */
export async function pruneDrawnImages(dir: string, used: ReadonlySet<string>): Promise<number> {
  tracked().listings.delete(dir);
  const names = await readdir(dir).catch(() => [] as string[]);
  const unused = names.filter((name) => !used.has(name));
  for (const name of unused) await rm(path.join(dir, name), { force: true });
  return unused.length;
}
