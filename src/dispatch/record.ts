/**
 * A dispatch as the build state keeps it (the manifest's record), and a
 * photo file as the pipeline knows it: the shapes every stage shares.
 */
import { createHash } from 'node:crypto';

/** A photo file as the pipeline needs it: which bytes, and how large. */
export interface PhotoFile {
  /** Path relative to the project root, / separators. */
  file: string;
  /** NFC file name. */
  name: string;
  /** SHA-256 of its bytes, hex. */
  digest: string;
  /** What its sizes' names carry: a hash of its bytes and of how sizes are made (see photoHash). */
  hash: string;
  width: number;
  height: number;
  format: string;
}

/**
 * The hash a photo's sizes carry in their names: of the original's bytes
 * (its SHA-256) and of the code that makes sizes, so that new bytes, or
 * bytes made another way, never hide behind a name a browser has cached.
 */
export const photoHash = (digest: string, encoderVersion: string) =>
  createHash('sha256').update(`${digest}\0${encoderVersion}`).digest('base64url').slice(0, 8);

export interface RecordPhoto {
  photo: PhotoFile;
  alt: string;
  caption?: string;
  /** Who took it, when the front-matter says. */
  credit?: string;
}

export interface DispatchRecord {
  id: string;
  /** Path relative to the project root, for messages. */
  file: string;
  slug: string;
  url: string;
  title: string;
  date: Date;
  /** Dated without a time: pages show the day alone. */
  dateOnly?: true;
  updated?: Date;
  /** Registry slugs. */
  city: string;
  category: string;
  source: string;
  tags: string[];
  summary: string;
  corrections: { date: Date; note: string }[];
  draft: boolean;
  withdrawn?: { date: Date; reason: string };
  image?: RecordPhoto;
  photos: RecordPhoto[];
  /** SHA-1 of the file's text. */
  textDigest: string;
  /** Name of the rendered body in the body store. */
  body: string;
  /** Of everything above. */
  digest: string;
  /** Of what a listing card, a link or a related list shows of it (src/site/route-keys.ts). */
  card: string;
}
