/**
 * Words drawn by resvg (shaped with rustybuzz, HarfBuzz's rules) and kept
 * as coverage masks for the next card that uses them: Arabic letters never
 * join across a space, so a word drawn alone is the word drawn in its line.
 */
import { createRenderer, measure } from './social-image.ts';
import { escapeXml } from './xml.ts';

/** Steps of coverage a mask keeps: 64 are finer than an eye tells apart on a card. */
export const LEVELS = 64;
const RLM = '\u200f';

/** Where a word leaves ink, relative to the right end of its advance on the baseline. */
export interface WordMask {
  /** Coverage in steps of 1..LEVELS, 0 where there is no ink. */
  coverage: Uint8Array;
  width: number;
  height: number;
  left: number;
  top: number;
}

/**
 * Draws `word` at `size` px on a canvas of its own and crops it to its ink.
 * The canvas depends on the word alone: the same word on another canvas,
 * or lower on this one, may come out a shade different at an edge.
 * resvg lays text out left to right; between two right-to-left marks, a
 * word's own punctuation takes the side it has in a right-to-left line.
 */
function drawWord(word: string, size: number): WordMask {
  const pad = Math.ceil(size * 0.75);
  const width = Math.ceil(measure(word, size)) + 2 * pad;
  const height = Math.ceil(size * 2.5);
  const [right, baseline] = [width - pad, Math.ceil(size * 1.6)];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><text x="${right}" y="${baseline}" font-size="${size}" font-weight="700" text-anchor="end">${escapeXml(RLM + word + RLM)}</text></svg>`;
  const { pixels } = createRenderer(svg).render();
  let [x0, x1, y0, y1] = [width, -1, height, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (pixels[(y * width + x) * 4 + 3] === 0) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  const mask = { width: Math.max(0, x1 - x0 + 1), height: Math.max(0, y1 - y0 + 1), left: x0 - right, top: y0 - baseline };
  const coverage = new Uint8Array(mask.width * mask.height);
  for (let y = 0; y < mask.height; y++) {
    for (let x = 0; x < mask.width; x++) {
      coverage[y * mask.width + x] = Math.round((pixels[((y + y0) * width + x + x0) * 4 + 3] * LEVELS) / 255);
    }
  }
  return { ...mask, coverage };
}

/** Drawn words, the least recently used let go of past a budget of bytes. */
const BUDGET = 48 * 1024 * 1024;
const kept = new Map<string, WordMask>();
let keptBytes = 0;

function keep(key: string, mask: WordMask) {
  kept.set(key, mask);
  keptBytes += mask.coverage.length;
  for (const [old, { coverage }] of kept) {
    if (keptBytes <= BUDGET) break;
    kept.delete(old);
    keptBytes -= coverage.length;
  }
}

/** The masks of `words` at `size` px: those not kept are drawn. */
export function wordMasks(words: readonly string[], size: number): WordMask[] {
  const key = (word: string) => `${size} ${word}`;
  const found = new Map<string, WordMask>();
  for (const word of words) {
    const mask = kept.get(key(word));
    if (!mask) continue;
    // Used again: the last to be let go of.
    kept.delete(key(word));
    kept.set(key(word), mask);
    found.set(word, mask);
  }
  for (const word of words) {
    if (found.has(word)) continue;
    const mask = drawWord(word, size);
    found.set(word, mask);
    keep(key(word), mask);
  }
  return words.map((word) => found.get(word)!);
}

/** Lets go of every kept word: the next cards draw theirs again (for tests). */
export function forgetWords() {
  kept.clear();
  keptBytes = 0;
}
