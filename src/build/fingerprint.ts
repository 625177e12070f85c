/**
 * One way to say "what produced this": a digest of files, by content, and
 * of settings. Every cache of the build names its inputs through it, so a
 * cache that forgets an input is visible in one place (CACHE_INPUTS).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface FingerprintInputs {
  /** Files and folders (whole, recursively), relative to the project root. A missing one counts as missing. */
  files: readonly string[];
  /** Anything else the output depends on, as JSON. */
  settings?: unknown;
}

function listFiles(root: string, entry: string): string[] {
  const full = path.join(root, entry);
  try {
    return readdirSync(full, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  } catch {
    // A file, or nothing at all (hashed as missing).
    return [entry];
  }
}

export function fingerprint(root: string, inputs: FingerprintInputs): string {
  const hash = createHash('sha256').update(JSON.stringify(inputs.settings ?? null));
  const files = [...new Set(inputs.files.flatMap((entry) => listFiles(root, entry)))].sort();
  for (const file of files) {
    hash.update(`\0${file}\0`);
    try {
      hash.update(readFileSync(path.join(root, file)));
    } catch {
      hash.update('\0missing');
    }
  }
  return hash.digest('hex');
}

/** Versions of the runtime that formats dates and numbers (ICU) and of Unicode. */
export const runtimeVersions = () => ({
  node: process.versions.node,
  icu: process.versions.icu,
  unicode: process.versions.unicode,
});

/**
 * The inputs of each cache, in one place. `site`: everything but the
 * archive; when it changes, a publish is not enough and `astro build` runs
 * again. The others are narrower, so that a change to a page's markup does
 * not throw away rendered bodies, photo sizes, cards or search shards.
 */
export const CACHE_INPUTS = {
  site: [
    'src',
    'public',
    'content/cities.json',
    'content/categories.json',
    'content/sources.json',
    'astro.config.mjs',
    'package-lock.json',
    'tsconfig.json',
  ],
  /** Reading a dispatch file: parser, schema, registries, text rules, dates, photo names (dispatch/), config, the problems' wording. */
  archive: [
    'src/dispatch',
    'src/archive',
    'src/config.ts',
    'src/i18n',
    'content/cities.json',
    'content/categories.json',
    'content/sources.json',
    'package-lock.json',
  ],
  /** Markdown to HTML. */
  bodies: [
    'src/build/body-renderer.ts',
    'src/dispatch/parse.ts',
    'src/render/rehype-clean-text.ts',
    'src/dispatch/photo-markers.ts',
    'src/dispatch/text.ts',
    'package-lock.json',
  ],
  /**
   * Social cards and the logo (src/render/drawn-images.ts): the code that
   * lays them out, draws and encodes them, its libraries and the font. Read
   * from disk, so that the compiled pages and a worker agree on it.
   */
  drawn: [
    'src/render/social-image.ts',
    'src/render/image-sizes.ts',
    'src/render/xml.ts',
    'src/render/social-card.ts',
    'src/render/word-masks.ts',
    'src/render/palette-png.ts',
    'node_modules/@resvg/resvg-js/package.json',
    'node_modules/bidi-js/package.json',
    'node_modules/fontkit/package.json',
    'node_modules/sharp/package.json',
    'node_modules/@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf',
  ],
  /** Photo sizes: the encoder, its settings and its library (part of every size's name). */
  photos: ['src/render/photo-encoder.ts', 'node_modules/sharp/package.json'],
  /** Search shards: records from data, their words, the shards, Pagefind. */
  search: [
    'src/search',
    'src/dispatch',
    'src/render/body-html.ts',
    'src/render/photo-variants.ts',
    'src/i18n',
    'src/config.ts',
    'content/cities.json',
    'content/categories.json',
    'content/sources.json',
    'package-lock.json',
  ],
} as const;
