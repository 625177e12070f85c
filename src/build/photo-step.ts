/**
 * Photo sizes: every size a page, a feed or a card names (see
 * src/render/photo-variants.ts) is encoded once into the build state and
 * linked into the output folder. A size's name says which bytes it holds, so
 * an encoded size is never made twice, and sizes no page names any more
 * leave the output folder. Only the sizes are published, never the
 * originals (with their full resolution and camera metadata).
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, copyFile, link, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PhotoFile } from '#src/dispatch/record.ts';
import type { Dispatch } from '#src/dispatch/dispatch.ts';
import { inBatches } from '#src/archive/batches.ts';
import { encodeVariant } from '#src/render/photo-encoder.ts';
import { assetsPath, photoVariants, type VariantSpec } from '#src/render/photo-variants.ts';

/** Every size the shown dispatches need, by file name, with its original. */
export function neededVariants(dispatches: readonly Dispatch[]): Map<string, { photo: PhotoFile; spec: VariantSpec }> {
  const needed = new Map<string, { photo: PhotoFile; spec: VariantSpec }>();
  for (const d of dispatches) {
    if (d.withdrawn) continue;
    const photos = [...(d.image ? [{ photo: d.image.src, lead: true }] : []), ...d.photos.map((p) => ({ photo: p.src, lead: false }))];
    for (const { photo, lead } of photos) {
      for (const { name, width, height, fit, format } of photoVariants(photo, lead)) {
        if (!needed.has(name)) needed.set(name, { photo, spec: { width, height, fit, format } });
      }
    }
  }
  return needed;
}

export interface PhotoStepResult {
  /** Sizes in the output folder now. */
  placed: Set<string>;
  /** Files written to and deleted from the output folder, relative to it. */
  written: string[];
  deleted: string[];
  /** Sizes encoded this time (the others came from the state). */
  encoded: number;
}

/** Links `from` at `to`; copies where a link cannot be made (another file system). */
async function place(from: string, to: string) {
  try {
    await link(from, to);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'EEXIST') return;
    if (code !== 'EXDEV' && code !== 'EPERM') throw error;
    await copyFile(from, to);
  }
}

/**
 * Makes the output folder hold exactly the needed sizes. `placed`: the sizes
 * the last build left there (none after a full build, which empties it).
 */
export async function photoStep(options: {
  root: string;
  dispatches: readonly Dispatch[];
  cacheDir: string;
  outDir: string;
  placed?: ReadonlySet<string>;
}): Promise<PhotoStepResult> {
  const { root, cacheDir, outDir } = options;
  const needed = neededVariants(options.dispatches);
  const before = options.placed ?? new Set<string>();
  const assets = path.join(outDir, assetsPath);
  await mkdir(assets, { recursive: true });
  await mkdir(cacheDir, { recursive: true });
  let encoded = 0;
  const added = [...needed].filter(([name]) => !before.has(name));
  // sharp encodes on its own threads: a few photos at a time keep both cores busy.
  await inBatches(
    added,
    async ([name, { photo, spec }]) => {
      const cached = path.join(cacheDir, name);
      if (!existsSync(cached)) {
        // Unique: a crash leaves a read-only partial file that no later build may run into.
        const partial = `${cached}.${randomUUID()}.partial`;
        await writeFile(partial, await encodeVariant(path.join(root, photo.file), spec));
        // Linked into the output folder: read-only, so that nothing writing there changes the state.
        await chmod(partial, 0o444);
        await rename(partial, cached);
        encoded++;
      }
      await place(cached, path.join(assets, name));
    },
    4,
  );
  const gone = [...before].filter((name) => !needed.has(name));
  await inBatches(gone, async (name) => {
    await Promise.all([rm(path.join(assets, name), { force: true }), rm(path.join(cacheDir, name), { force: true })]);
  });
  // Sizes no dispatch shows any more would only grow the state. A full
  // build (which knows of no sizes placed before) looks for them all.
  const keep = new Set(needed.keys());
  if (!options.placed) {
    const stale = (await readdir(cacheDir)).filter((name) => !keep.has(name));
    await inBatches(stale, (name) => rm(path.join(cacheDir, name), { force: true }));
  }
  const relative = (name: string) => path.posix.join(assetsPath.slice(1), name);
  return { placed: keep, written: added.map(([name]) => relative(name)), deleted: gone.map(relative), encoded };
}
