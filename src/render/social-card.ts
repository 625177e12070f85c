/**
 * Social cards (Open Graph, 1200×630): the site's name, the headline and
 * the dateline, right to left, composed of words drawn once and kept
 * (./word-masks.ts): most words of a headline were drawn for an earlier
 * card. The words of a line are placed in the order the Unicode bidi
 * algorithm gives them (bidi-js), which puts Latin names and numbers where
 * a browser puts them. A card has a background and two text colours, so
 * it is written as a palette PNG.
 */
import bidiFactory from 'bidi-js';
import { siteConfig } from '#src/config.ts';
import { cardsDir, drawingFingerprint, measure, wrap } from './social-image.ts';
import { socialImageSize } from './image-sizes.ts';
import { drawnImage } from './drawn-images.ts';
import { encodePalettePng } from './palette-png.ts';
import { LEVELS, wordMasks } from './word-masks.ts';

export interface SocialCard {
  /** Top line: the site's name. */
  site: string;
  headline: string;
  /** Bottom line, e.g. the dateline. */
  footer: string;
}

const MARGIN = 80;
const BACKGROUND = [0x0a, 0x5a, 0x45] as const;
const INKS = { headline: [0xff, 0xff, 0xff], muted: [0xd6, 0xef, 0xe6] } as const;
const RULE = [0x6f, 0xd3, 0xb3] as const;

type Ink = keyof typeof INKS;
type Rgb = readonly [number, number, number];

/** Background, then each ink at 1..LEVELS steps of coverage, then the rule under the site's name. */
const PALETTE: Rgb[] = [
  BACKGROUND,
  ...Object.values(INKS).flatMap((ink) =>
    Array.from(
      { length: LEVELS },
      (_, i) => ink.map((c, j) => Math.round(BACKGROUND[j] + ((c - BACKGROUND[j]) * (i + 1)) / LEVELS)) as unknown as Rgb,
    ),
  ),
  RULE,
];
const firstIndex = (ink: Ink) => 1 + Object.keys(INKS).indexOf(ink) * LEVELS;
const RULE_INDEX = PALETTE.length - 1;

export interface CardText {
  text: string;
  /** Where the line ends on the right, and its baseline, in px. */
  right: number;
  baseline: number;
  size: number;
  ink: Ink;
}

/** Where each line of the card goes: shorter headlines get larger type, longer ones up to four lines, cut with «…». */
export function layoutCard(card: SocialCard, widthOf = measure): CardText[] {
  const { width, height } = socialImageSize;
  const right = width - MARGIN;
  const textWidth = width - 2 * MARGIN;
  let size = 64;
  let lines = wrap(card.headline, textWidth, 3, (l) => widthOf(l, size));
  if (lines.at(-1)?.endsWith('…')) {
    size = 54;
    lines = wrap(card.headline, textWidth, 4, (l) => widthOf(l, size));
  }
  const lineHeight = Math.round(size * 1.55);
  const top = height / 2 - ((lines.length - 1) * lineHeight) / 2 + size * 0.35;
  return [
    { text: card.site, right, baseline: 88, size: 34, ink: 'muted' },
    ...lines.map((text, i): CardText => ({ text, right, baseline: Math.round(top + i * lineHeight), size, ink: 'headline' })),
    { text: card.footer, right, baseline: height - 64, size: 32, ink: 'muted' },
  ];
}

const bidi = bidiFactory();

/**
 * The words of a right-to-left line from left to right, as displayed: a
 * word takes the highest bidi level of its letters, a space its own, and
 * runs are reversed from the highest level down (rule L2).
 */
export function visualWords(line: string): string[] {
  const { levels } = bidi.getEmbeddingLevels(line, 'rtl');
  const tokens: { text: string; level: number; space: boolean }[] = [];
  for (const { 0: text, index } of line.matchAll(/\S+|\s+/g)) {
    const space = /^\s/.test(text);
    const own = levels.subarray(index, index + text.length);
    tokens.push({ text, space, level: space ? Math.min(...own) : Math.max(...own) });
  }
  const highest = Math.max(1, ...tokens.map((t) => t.level));
  for (let level = highest; level >= 1; level--) {
    for (let start = 0; start < tokens.length; start++) {
      if (tokens[start].level < level) continue;
      let end = start;
      while (end + 1 < tokens.length && tokens[end + 1].level >= level) end++;
      tokens.splice(start, end - start + 1, ...tokens.slice(start, end + 1).reverse());
      start = end;
    }
  }
  return tokens.filter((t) => !t.space).map((t) => t.text);
}

/** Lays a line's words into `indices`, each pixel taking the most coverage any word gives it. */
function placeLine(indices: Uint8Array, { text, right, baseline, size, ink }: CardText) {
  const { width, height } = socialImageSize;
  const space = measure(' ', size);
  const order = visualWords(text);
  const masks = wordMasks(order, size);
  let x = right - order.reduce((sum, word) => sum + measure(word, size), 0) - space * (order.length - 1);
  const first = firstIndex(ink);
  for (const [i, word] of order.entries()) {
    x += measure(word, size);
    const mask = masks[i];
    const left = Math.round(x) + mask.left;
    const top = baseline + mask.top;
    for (let y = Math.max(0, -top); y < mask.height && top + y < height; y++) {
      for (let dx = Math.max(0, -left); dx < mask.width && left + dx < width; dx++) {
        const level = mask.coverage[y * mask.width + dx];
        const at = (top + y) * width + left + dx;
        if (level > 0 && level > indices[at] - first + 1) indices[at] = first + level - 1;
      }
    }
    x += space;
  }
}

/** The card as PNG bytes. */
export function drawCard(card: SocialCard): Promise<Buffer> {
  const { width, height } = socialImageSize;
  const indices = new Uint8Array(width * height);
  for (let y = 112; y < 118; y++) indices.fill(RULE_INDEX, y * width + width - MARGIN - 120, y * width + width - MARGIN);
  for (const line of layoutCard(card)) placeLine(indices, line);
  return encodePalettePng({ width, height, indices, palette: PALETTE });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a card is old enough to be kept as first drawn (siteConfig.cardsRedrawnForDays). */
export const keptAsDrawn = (date: Date, now: Date) => now.getTime() - date.getTime() > siteConfig.cardsRedrawnForDays * DAY_MS;

/**
 * The PNG of a social card, drawn only when this card was never drawn
 * before by this code (drawingFingerprint); `kept`: by any code. Laying a headline out
 * costs more than reading a cached card, so cards are cached by what they
 * say, not by their drawing.
 */
export function cachedCard(card: SocialCard, { kept = false } = {}): Promise<Buffer> {
  const what = `card:${JSON.stringify({ card, size: socialImageSize })}`;
  return drawnImage(cardsDir, { what, how: drawingFingerprint(), kept }, () => drawCard(card));
}
