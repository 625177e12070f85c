/**
 * The files Astro's image pipeline makes of a lead photo for everything
 * outside the page itself: social cards, JSON-LD, feeds and search results.
 * Asking twice for the same options gives the same file, so these cost one
 * transform each per photo, whichever page asks.
 */
import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import { cropSize, SOCIAL_RATIO, STRUCTURED_DATA_RATIOS, thumbnail } from '../lib/photo-variants.ts';

/**
 * What shows through a transparent photo in formats that have no
 * transparency (JPEG): white, not sharp's default black.
 */
export const PHOTO_BACKGROUND = '#ffffff';

export interface PhotoFile {
  /** Site path of the file. */
  path: string;
  width: number;
  height: number;
  type: string;
}

async function jpegCrop(src: ImageMetadata, ratio: number): Promise<PhotoFile> {
  const { width, height } = cropSize(src, ratio);
  const image = await getImage({ src, width, height, fit: 'cover', position: 'center', format: 'jpg', background: PHOTO_BACKGROUND });
  return { path: image.src, width, height, type: 'image/jpeg' };
}

/** The Open Graph / Twitter image. */
export const socialPhoto = (src: ImageMetadata) => jpegCrop(src, SOCIAL_RATIO);

/** NewsArticle `image`: the 16:9, 4:3 and 1:1 crops. */
export const structuredDataPhotos = (src: ImageMetadata) =>
  Promise.all(STRUCTURED_DATA_RATIOS.map((ratio) => jpegCrop(src, ratio)));

/** The feed enclosure: the 16:9 crop, which every reader can show. */
export const enclosurePhoto = (src: ImageMetadata) => jpegCrop(src, STRUCTURED_DATA_RATIOS[0]);

/** The search result thumbnail: the larger of the listing cards' files, in WebP. */
export async function thumbnailPhoto(src: ImageMetadata): Promise<PhotoFile> {
  const { width, height } = cropSize(src, thumbnail.width / thumbnail.height, thumbnail.width);
  // The same options as the listing card's 240 px WebP, so it is the same file.
  const image = await getImage({ src, width, height, fit: 'cover', format: 'webp', background: PHOTO_BACKGROUND });
  return { path: image.src, width, height, type: 'image/webp' };
}
