/**
 * How a photo size is made from its original. Its own module: the hash in
 * every size's name covers this file (CACHE_INPUTS.photos), so a change here
 * renames, and so remakes, every size, and nothing else does.
 */
import sharp from 'sharp';
import type { VariantSpec } from './photo-variants.ts';

/** What shows through a transparent photo in JPEG, which has no transparency: white, not black. */
const PHOTO_BACKGROUND = '#ffffff';

/**
 * The bytes of one size. Upright by the photo's EXIF orientation; no
 * metadata is kept. AVIF at effort 2: the default (4) takes about seven
 * times as long for files 11 % smaller.
 */
export function encodeVariant(original: string | Buffer, spec: VariantSpec): Promise<Buffer> {
  let image = sharp(original)
    .rotate()
    .resize(spec.width, spec.height, { fit: spec.fit === 'cover' ? 'cover' : 'fill', position: 'centre' });
  if (spec.format === 'jpeg') image = image.flatten({ background: PHOTO_BACKGROUND }).jpeg({ quality: 80 });
  else if (spec.format === 'webp') image = image.webp({ quality: 80 });
  else image = image.avif({ quality: 50, effort: 2 });
  return image.toBuffer();
}
