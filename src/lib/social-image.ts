/**
 * Social images (Open Graph, 1200×630) with the Arabic headline shaped and
 * laid out right to left. resvg shapes with rustybuzz (HarfBuzz's rules),
 * so letters join and bidi runs (digits, brackets) come out in the right
 * order; fontkit measures the shaped width to break lines.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as fontkit from 'fontkit';
import sharp from 'sharp';
import { stateDir } from '../config.ts';
import { statePaths } from '../build/state.ts';
import { socialImageSize } from './brand.ts';
import { escapeXml } from './xml.ts';

// Resolved from the project root: the build runs this from a bundled chunk.
const require = createRequire(path.join(process.cwd(), 'package.json'));
const fontFile = require.resolve('@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf');
let measuringFont: fontkit.Font | undefined;
const font = () => (measuringFont ??= fontkit.create(readFileSync(fontFile)) as fontkit.Font);

const FAMILY = 'Noto Naskh Arabic';
const MARGIN = 80;
const RLM = '\u200f';

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
export function wrap(
  text: string,
  width: number,
  maxLines: number,
  widthOf: (line: string) => number,
): string[] {
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

export interface SocialCard {
  /** Top line: the site's name. */
  site: string;
  headline: string;
  /** Bottom line, e.g. the dateline. */
  footer: string;
}

/** The card as SVG; every line is anchored at the right margin. */
export function socialSvg(card: SocialCard, widthOf = measure): string {
  const { width, height } = socialImageSize;
  const textWidth = width - 2 * MARGIN;
  // Shorter headlines get larger type.
  let size = 64;
  let lines = wrap(card.headline, textWidth, 3, (l) => widthOf(l, size));
  if (lines.at(-1)?.endsWith('…')) {
    size = 54;
    lines = wrap(card.headline, textWidth, 4, (l) => widthOf(l, size));
  }
  const lineHeight = Math.round(size * 1.55);
  const top = height / 2 - ((lines.length - 1) * lineHeight) / 2 + size * 0.35;
  const x = width - MARGIN;
  const text = (content: string, y: number, fontSize: number, fill: string) =>
    `<text x="${x}" y="${Math.round(y)}" font-family="${FAMILY}" font-weight="700" font-size="${fontSize}" fill="${fill}" text-anchor="end">${escapeXml(RLM + content)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#0a5a45"/>`,
    `<rect x="${width - MARGIN - 120}" y="112" width="120" height="6" fill="#6fd3b3"/>`,
    text(card.site, 88, 34, '#d6efe6'),
    ...lines.map((line, i) => text(line, top + i * lineHeight, size, '#ffffff')),
    text(card.footer, height - 64, 32, '#d6efe6'),
    '</svg>',
  ].join('\n');
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
 * the main thread: resvg draws in libuv's pool, and sharp encodes there too
 * where resvg's asPng() would block the page renderer for 12 ms a card.
 * (A 16-colour palette would halve the bytes but costs 12 ms more a card.)
 * `opaque`: the SVG paints every pixel, so the PNG needs no alpha channel.
 */
export async function renderPng(svg: string, width?: number, { opaque = false } = {}): Promise<Buffer> {
  const image = await renderAsync(svg, renderOptions(width));
  const raw = { width: image.width, height: image.height, channels: 4 } as const;
  // resvg's pixels are premultiplied RGBA (tiny-skia's own format). Opaque
  // ones are the same either way: skipping the division and the alpha
  // channel takes encoding from 12.8 to 8.6 ms a card, and 41 to 37 KB.
  if (opaque) return sharp(image.pixels, { raw }).removeAlpha().png({ compressionLevel: 6 }).toBuffer();
  return sharp(image.pixels, { raw: { ...raw, premultiplied: true } }).png({ compressionLevel: 6 }).toBuffer();
}

// Rendering costs tens of milliseconds an image; unchanged cards are reused
// from the build state, kept between builds.
const cardsDir = statePaths(stateDir).cards;

/** The cached PNG named by `key`, or `render()` written there first: whole, or not at all. */
async function cached(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
  const file = path.join(cardsDir, `${createHash('sha1').update(key).digest('hex')}.png`);
  try {
    return await readFile(file);
  } catch {
    const png = await render();
    await mkdir(cardsDir, { recursive: true });
    const partial = `${file}.${randomUUID()}.partial`;
    try {
      await writeFile(partial, png);
      await rename(partial, file);
    } finally {
      await rm(partial, { force: true });
    }
    return png;
  }
}

// The drawing and encoding code and libraries count in every key: an upgrade may change bytes.
const libraries = ['sharp', '@resvg/resvg-js', 'fontkit'].map((name) =>
  readFileSync(path.join(process.cwd(), 'node_modules', name, 'package.json'), 'utf8'),
);
const DRAW_CODE = createHash('sha1')
  .update(`${renderPng}${renderOptions}${FAMILY}${libraries.join('')}${JSON.stringify(sharp.versions)}`)
  .update(readFileSync(fontFile))
  .digest('hex');

/** renderPng, reusing an earlier render of the same SVG. */
export function cachedPng(svg: string, width?: number): Promise<Buffer> {
  return cached(`${DRAW_CODE}:${width}:${svg}`, () => renderPng(svg, width));
}

// Laying out a headline (fontkit shaping, to wrap it) costs more than
// reading a cached card, so cards are cached by what they say and by the
// code that draws them, not by their SVG.
const CARD_CODE = createHash('sha1')
  .update(`${DRAW_CODE}${socialSvg}${wrap}${measure}${MARGIN}${JSON.stringify(socialImageSize)}`)
  .digest('hex');

/** The PNG of a social card, drawn only when this card was never drawn before. */
export function cachedCard(card: SocialCard): Promise<Buffer> {
  // The card's first shape is a rectangle over the whole card.
  return cached(`card:${CARD_CODE}:${JSON.stringify(card)}`, () => renderPng(socialSvg(card), undefined, { opaque: true }));
}
