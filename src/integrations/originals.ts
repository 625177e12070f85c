/**
 * Removes the original photo files Vite copies into dist/_astro. Pages,
 * feeds and the search index link only the sizes the image pipeline makes
 * (which carry no camera metadata), so an original would publish a
 * full-resolution file, EXIF and GPS included, that nothing links to.
 * An original is recognised by its derived files: `name.hash.jpg` beside
 * `name.hash_xyz.avif`.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const IMAGE = /\.(jpe?g|png|webp|avif)$/i;

/** The originals among the image files of one folder. */
export function unlinkedOriginals(files: readonly string[]): string[] {
  const images = files.filter((file) => IMAGE.test(file)).sort();
  const stems = new Set(images.map((file) => file.replace(IMAGE, '')));
  // A derived file's stem is its original's stem, "_", and a suffix.
  const derivedFrom = new Set<string>();
  for (const stem of stems) {
    for (let at = stem.indexOf('_'); at >= 0; at = stem.indexOf('_', at + 1)) derivedFrom.add(stem.slice(0, at));
  }
  return images.filter((file) => derivedFrom.has(file.replace(IMAGE, '')));
}

export default function photoOriginals(): AstroIntegration {
  return {
    name: 'photo-originals',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const assets = path.join(fileURLToPath(dir), '_astro');
        const files = await readdir(assets).catch(() => [] as string[]);
        const originals = unlinkedOriginals(files);
        await Promise.all(originals.map((file) => rm(path.join(assets, file))));
        if (originals.length > 0) logger.info(`Removed ${originals.length} original photo files that no page links`);
      },
    },
  };
}
