/**
 * The sizes a photo is published in. Pure numbers; src/data/photos.ts asks
 * Astro's image pipeline for the files. Every size stays within the
 * original: the pipeline does not enlarge, and a crop is cut from it.
 */
import type { ImageMetadata } from 'astro';

/** Widths of an article photo; --measure (42rem) is at most 672 CSS px wide. */
const ARTICLE_WIDTHS = [480, 800, 1200];

export const photoSizes = '(min-width: 44rem) 42rem, calc(100vw - 2rem)';

/** The article widths up to the original's, and the original's own when it falls between two. */
export function photoWidths(src: Pick<ImageMetadata, 'width'>): number[] {
  const widest = Math.min(src.width, ARTICLE_WIDTHS.at(-1)!);
  const widths = ARTICLE_WIDTHS.filter((width) => width < widest);
  return [...widths, widest];
}

/** Listing cards and search results: a small 4:3 crop. */
export const thumbnail = { width: 240, height: 180, widths: [120, 240], sizes: '120px' };

export interface Crop {
  width: number;
  height: number;
}

/**
 * The largest crop of `ratio` (width / height) at most `maxWidth` wide that
 * fits inside the original.
 */
export function cropSize(src: Pick<ImageMetadata, 'width' | 'height'>, ratio: number, maxWidth = 1200): Crop {
  let width = Math.min(maxWidth, src.width);
  let height = Math.round(width / ratio);
  if (height > src.height) {
    height = src.height;
    width = Math.round(height * ratio);
  }
  return { width, height };
}

/** Open Graph and Twitter cards: 1.91:1. */
export const SOCIAL_RATIO = 1200 / 630;

/** What Google asks of NewsArticle images: 16:9, 4:3 and 1:1, 1200 px wide. */
export const STRUCTURED_DATA_RATIOS = [16 / 9, 4 / 3, 1];
