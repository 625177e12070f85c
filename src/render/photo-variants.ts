/**
 * The sizes a photo is published in, and their file names. Pure: the pages
 * name the files, the build's photo step (src/build/photo-step.ts) makes
 * them, and `astro dev` makes them on request, all from these functions.
 *
 * A size's name carries a hash of the original's bytes (and of the encoder) and the size itself
 * (`ساحة-سبها.Ab3dE_fG_1200x750.webp`, `…_240x180c.webp` for a crop), so a
 * name always means the same bytes: a replaced photo gets new names, and a
 * name can be cached for good. Every size stays within the original: the
 * pipeline does not enlarge, and a crop is cut from it.
 */
import type { PhotoFile } from '#src/dispatch/record.ts';
import { slugify } from '#src/dispatch/text.ts';

type PhotoFormat = 'avif' | 'webp' | 'jpeg';

export interface VariantSpec {
  width: number;
  height: number;
  /** `cover`: cut to these proportions from the centre; `inside`: the whole photo. */
  fit: 'inside' | 'cover';
  format: PhotoFormat;
}

export interface Variant extends VariantSpec {
  /** File name in the asset folder. */
  name: string;
  /** Site path. */
  path: string;
  type: string;
}

/** Where photo sizes are published; Vite's own assets live there too, and both are cached for good. */
export const assetsPath = '/_astro/';

const EXTENSIONS: Record<PhotoFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };
const TYPES: Record<PhotoFormat, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' };

/** A photo size's file name: `<stem>.<hash>_<w>x<h>[c].<ext>`. */
const VARIANT_NAME = /^(.+)\.([\w-]{8})_(\d+)x(\d+)(c?)\.(avif|webp|jpg)$/;

export function variant(photo: PhotoFile, spec: VariantSpec): Variant {
  const stem = slugify(photo.name.replace(/\.[^.]+$/, '')) || 'photo';
  const name = `${stem}.${photo.hash}_${spec.width}x${spec.height}${spec.fit === 'cover' ? 'c' : ''}.${EXTENSIONS[spec.format]}`;
  return { ...spec, name, path: `${assetsPath}${name}`, type: TYPES[spec.format] };
}

/** What a variant's name says, to make it from its original (dev serves sizes this way). */
export function parseVariantName(name: string): { hash: string; spec: VariantSpec } | undefined {
  const match = VARIANT_NAME.exec(name);
  if (!match) return undefined;
  const format = (Object.entries(EXTENSIONS).find(([, ext]) => ext === match[6])?.[0] ?? 'jpeg') as PhotoFormat;
  return { hash: match[2], spec: { width: Number(match[3]), height: Number(match[4]), fit: match[5] ? 'cover' : 'inside', format } };
}

/** Widths of an article photo; --measure (42rem) is at most 672 CSS px wide. */
const ARTICLE_WIDTHS = [480, 800, 1200];

const photoSizes = '(min-width: 44rem) 42rem, calc(100vw - 2rem)';

/** The article widths up to the original's, and the original's own when it falls between two. */
export function photoWidths(src: Pick<PhotoFile, 'width'>): number[] {
  const widest = Math.min(src.width, ARTICLE_WIDTHS.at(-1)!);
  const widths = ARTICLE_WIDTHS.filter((width) => width < widest);
  return [...widths, widest];
}

/** Listing cards and search results: a small 4:3 crop. */
const thumbnail = { width: 240, height: 180, widths: [120, 240], sizes: '120px' };

export interface Crop {
  width: number;
  height: number;
}

/**
 * The largest crop of `ratio` (width / height) at most `maxWidth` wide that
 * fits inside the original.
 */
export function cropSize(src: Pick<PhotoFile, 'width' | 'height'>, ratio: number, maxWidth = 1200): Crop {
  let width = Math.min(maxWidth, src.width);
  let height = Math.round(width / ratio);
  if (height > src.height) {
    height = src.height;
    width = Math.round(height * ratio);
  }
  return { width, height };
}

/** Open Graph and Twitter cards: 1.91:1. */
const SOCIAL_RATIO = 1200 / 630;

/** What Google asks of NewsArticle images: 16:9, 4:3 and 1:1, 1200 px wide. */
const STRUCTURED_DATA_RATIOS = [16 / 9, 4 / 3, 1];

const scaled = (src: PhotoFile, width: number) => Math.max(1, Math.round((width * src.height) / src.width));

/** A <picture>: AVIF and WebP sources, and a JPEG <img> (the widest size) for the rest. */
export interface PictureSet {
  sources: { type: string; srcset: string }[];
  img: { src: string; srcset: string; width: number; height: number };
  sizes: string;
  variants: Variant[];
}

function pictureSet(src: PhotoFile, sizes: { width: number; height: number }[], fit: VariantSpec['fit'], sizesAttr: string): PictureSet {
  const set = (format: PhotoFormat) => sizes.map((size) => variant(src, { ...size, fit, format }));
  const [avif, webp, jpeg] = (['avif', 'webp', 'jpeg'] as const).map(set);
  const srcset = (list: Variant[]) => list.map((v) => `${v.path} ${v.width}w`).join(', ');
  const widest = jpeg.at(-1)!;
  return {
    sources: [avif, webp].map((list) => ({ type: list[0].type, srcset: srcset(list) })),
    img: { src: widest.path, srcset: srcset(jpeg), width: widest.width, height: widest.height },
    sizes: sizesAttr,
    variants: [...avif, ...webp, ...jpeg],
  };
}

/** A photo in an article, as wide as the column allows. */
export const articlePicture = (src: PhotoFile) =>
  pictureSet(
    src,
    photoWidths(src).map((width) => ({ width, height: scaled(src, width) })),
    'inside',
    photoSizes,
  );

/** The front page's lead photo: the article sizes, shown across the front page's wider column. */
export const leadStoryPicture = (src: PhotoFile): PictureSet => ({
  ...articlePicture(src),
  sizes: '(min-width: 64rem) 45rem, calc(100vw - 2rem)',
});

/** A listing card's thumbnail: a 4:3 crop at 120 and 240 px. */
export function thumbnailPicture(src: PhotoFile): PictureSet {
  const { width, height } = cropSize(src, thumbnail.width / thumbnail.height, thumbnail.width);
  const sizes = thumbnail.widths.filter((w) => w <= width).map((w) => ({ width: w, height: Math.round((w * height) / width) }));
  return pictureSet(src, sizes.length > 0 ? sizes : [{ width, height }], 'cover', thumbnail.sizes);
}

const jpegCrop = (src: PhotoFile, ratio: number) => variant(src, { ...cropSize(src, ratio), fit: 'cover', format: 'jpeg' });

/** The Open Graph / Twitter image. */
export const socialPhoto = (src: PhotoFile) => jpegCrop(src, SOCIAL_RATIO);

/** NewsArticle `image`: the 16:9, 4:3 and 1:1 crops. */
export const structuredDataPhotos = (src: PhotoFile) => STRUCTURED_DATA_RATIOS.map((ratio) => jpegCrop(src, ratio));

/** The feed enclosure: the 16:9 crop, which every reader can show. */
export const enclosurePhoto = (src: PhotoFile) => jpegCrop(src, STRUCTURED_DATA_RATIOS[0]);

/** A photo in a feed item: one JPEG, as wide as the article column allows. */
export function feedPhoto(src: PhotoFile): Variant {
  const width = Math.min(800, src.width);
  return variant(src, { width, height: scaled(src, width), fit: 'inside', format: 'jpeg' });
}

/** The search result thumbnail: the larger of the listing card's files, in WebP. */
export const searchThumbnail = (src: PhotoFile) =>
  thumbnailPicture(src)
    .variants.filter((v) => v.format === 'webp')
    .at(-1)!;

/** Every size published of a lead photo (`lead`) or a body photo. */
export function photoVariants(src: PhotoFile, lead: boolean): Variant[] {
  const all = [...articlePicture(src).variants, feedPhoto(src)];
  if (lead) all.push(...thumbnailPicture(src).variants, socialPhoto(src), ...structuredDataPhotos(src));
  return all;
}
