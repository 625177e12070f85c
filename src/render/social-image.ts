/**
 * Social images (Open Graph, 1200×630) with the Arabic headline shaped and
 * laid out right to left. resvg shapes with rustybuzz (HarfBuzz's rules),
 * so letters join and bidi runs (digits, brackets) come out in the right
 * order; fontkit measures the shaped width to break lines.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as fontkit from 'fontkit';
import sharp from 'sharp';
import { stateDir } from '#src/config.ts';
import { CACHE_INPUTS, fingerprint } from '#src/build/fingerprint.ts';
import { statePaths } from '#src/build/state.ts';
import { drawnImage } from './drawn-images.ts';

// Resolved from the project root: the build runs this from a bundled chunk.
const require = createRequire(path.join(process.cwd(), 'package.json'));
const fontFile = require.resolve('@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf');
let measuringFont: fontkit.Font | undefined;
const font = () => (measuringFont ??= fontkit.create(readFileSync(fontFile)) as fontkit.Font);

const FAMILY = 'Noto Naskh Arabic';

// Advance widths in font units, by word: wrapping measures each candidate
// line, and shaping it whole again and again was most of a card's cost.
const wordWidths = new Map<string, number>();

function unitsOf(word: string): number {
  let units = wordWidths.get(word);
  if (units === undefined) {
    units = font().layout(word).advanceWidth;
    wordWidths.set(word, units);
  }
  return units;
}

/**
 * Shaped advance width of `text` at `size` px: the sum of its words and
 * spaces, each shaped alone (Arabic letters never join across a space).
 */
export function measure(text: string, size: number): number {
  const words = text.split(' ');
  let units = (words.length - 1) * unitsOf(' ');
  for (const word of words) units += unitsOf(word);
  return (units / font().unitsPerEm) * size;
}

/**
 * Greedy word wrap into at most `maxLines` lines no wider than `width`;
 * the last line ends with «…» when words are left over.
 */
export function wrap(text: string, width: number, maxLines: number, widthOf: (line: string) => number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const candidate = line ? `${line} ${words[i]}` : words[i];
    if (!line || widthOf(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (lines.length === maxLines - 1) {
      let last = line;
      while (last.includes(' ') && widthOf(`${last} …`) > width) last = last.slice(0, last.lastIndexOf(' '));
      lines.push(`${last} …`);
      return lines;
    }
    lines.push(line);
    line = words[i];
  }
  if (line) lines.push(line);
  return lines;
}

/** resvg options: the card font only (no system fonts: same output everywhere). */
function renderOptions(width?: number): ResvgRenderOptions {
  return {
    font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: FAMILY },
    fitTo: width ? { mode: 'width', value: width } : { mode: 'original' },
  };
}

export function createRenderer(svg: string, width?: number): Resvg {
  return new Resvg(svg, renderOptions(width));
}

/**
 * Renders an SVG that uses the card font to PNG bytes, `width` px wide, off
 * the main thread: resvg draws in libuv's pool, and sharp encodes there too.
 */
export async function renderPng(svg: string, width?: number): Promise<Buffer> {
  const image = await renderAsync(svg, renderOptions(width));
  // resvg's pixels are premultiplied RGBA (tiny-skia's own format).
  const raw = { width: image.width, height: image.height, channels: 4, premultiplied: true } as const;
  return sharp(image.pixels, { raw }).png({ compressionLevel: 6 }).toBuffer();
}

// Drawn images are kept in the build state between builds (src/render/drawn-images.ts).
export const cardsDir = statePaths(stateDir).cards;

/**
 * What draws a card or the logo: the code, libraries and font (CACHE_INPUTS.drawn),
 * and the encoders' own versions. Part of every drawn image's name; worked
 * out where each is drawn, so that `astro dev` sees an edit to the card's code.
 */
let drawing: string | undefined;
// Read once, when the first image is drawn, not when this module is imported.
export const drawingFingerprint = () =>
  (drawing ??= fingerprint(process.cwd(), { files: CACHE_INPUTS.drawn, settings: { sharp: sharp.versions, zlib: process.versions.zlib } }));

/** renderPng, reusing an earlier render of the same SVG. */
export function cachedPng(svg: string, width?: number): Promise<Buffer> {
  return drawnImage(cardsDir, { what: `png:${width}:${svg}`, how: drawingFingerprint() }, () => renderPng(svg, width));
}
