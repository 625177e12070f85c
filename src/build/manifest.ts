/**
 * The manifest: one record per dispatch, with everything a page, a feed or
 * the search index shows of it, and a digest of that. The build state keeps
 * it, so that a publish reads and parses only the files that changed and
 * renders only their bodies.
 */
import { hash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArchiveScan, ParsedFile, ScannedDispatch, ScannedPhoto } from '#src/archive/scan.ts';
import type { DispatchRecord, RecordPhoto } from '#src/dispatch/record.ts';
import type { BodyStore } from './bodies.ts';
import { parseDispatch } from '#src/dispatch/parse.ts';
import { leadText, summarize } from '#src/dispatch/summary.ts';
import { dispatchPath } from '#src/dispatch/urls.ts';

const recordPhoto = ({ photo, alt, caption }: ScannedPhoto, credit?: string): RecordPhoto => ({
  photo,
  alt,
  ...(caption !== undefined && { caption }),
  ...(credit !== undefined && { credit }),
});

export type RecordFields = Omit<DispatchRecord, 'digest' | 'card'>;

/** The record with its digests: of all of it, and of what a card shows (worked out once, not on every build). */
export function withDigests(record: RecordFields): DispatchRecord {
  const { url, title, date, dateOnly, city, category, source, tags, summary, image, withdrawn } = record;
  // A photo's sizes are named by its file name and bytes (src/render/photo-variants.ts).
  const photo = image && [image.photo.name, image.photo.hash, image.photo.width, image.photo.height];
  const card = [url, title, date, dateOnly, city, category, source, tags, summary, photo, withdrawn];
  return { ...record, digest: hash('sha1', JSON.stringify(record)), card: hash('sha1', JSON.stringify(card), 'base64') };
}

/**
 * The body's name in the store, rendering it only if no build stored it yet
 * (the store is named by file text, so a body survives a move or a rebuild);
 * its lead when the record needs one and the last build's cannot serve.
 */
async function bodyOf(
  scanned: ScannedDispatch & { parsed: ParsedFile },
  previous: DispatchRecord | undefined,
  store: BodyStore,
  root: string,
): Promise<{ body: string; lead?: string; rendered: boolean }> {
  const name = store.nameOf(scanned.textDigest);
  const { parsed } = scanned;
  if (await store.has(name)) {
    if (previous?.body === name) return { body: name, rendered: false };
    return { body: name, lead: leadText(await store.read(name)), rendered: false };
  }
  const markdown = scanned.body ?? parseAgain(parsed, await readFile(path.join(root, parsed.file), 'utf8'));
  const html = await store.render(name, markdown, path.join(root, parsed.file), scanned.photos);
  return { body: name, lead: leadText(html), rendered: true };
}

function parseAgain(parsed: ParsedFile, text: string): string {
  const result = parseDispatch(parsed.file, parsed.id, text);
  if (!result.ok) throw new Error(`${parsed.file} no longer parses`);
  return result.dispatch.body;
}

const photosOf = (scanned: ScannedDispatch, credit?: string) => ({
  ...(scanned.lead && { image: recordPhoto(scanned.lead, credit) }),
  photos: scanned.photos.map((photo) => recordPhoto(photo)),
});

/** A record from a file parsed this time. */
async function newRecord(
  scanned: ScannedDispatch & { parsed: ParsedFile },
  before: DispatchRecord | undefined,
  store: BodyStore,
  root: string,
) {
  const { data, id, file } = scanned.parsed;
  const { body, lead, rendered } = await bodyOf(scanned, before, store, root);
  const record: RecordFields = {
    id,
    file,
    slug: data.slug,
    url: dispatchPath(data.date, data.slug),
    title: data.title,
    date: data.date,
    ...(data.dateOnly && { dateOnly: true as const }),
    ...(data.updated && { updated: data.updated }),
    city: data.city,
    category: data.category,
    source: data.source,
    tags: data.tags,
    summary: data.summary ?? (lead !== undefined ? summarize(lead) : before!.summary),
    corrections: [...data.corrections].sort((a, b) => a.date.getTime() - b.date.getTime()),
    draft: data.draft,
    ...(data.withdrawn && { withdrawn: data.withdrawn }),
    ...photosOf(scanned, data.imageCredit),
    textDigest: scanned.textDigest,
    body,
  };
  return { record: withDigests(record), rendered };
}

/**
 * Makes records read from the build state share one string per registry
 * slug and tag name: deserialised, each of 100k records holds copies of its
 * own.
 */
export function shareStrings(records: DispatchRecord[]): void {
  const strings = new Map<string, string>();
  const one = (value: string) => {
    const shared = strings.get(value);
    if (shared !== undefined) return shared;
    strings.set(value, value);
    return value;
  };
  for (const record of records) {
    record.city = one(record.city);
    record.category = one(record.category);
    record.source = one(record.source);
    for (const [i, tag] of record.tags.entries()) record.tags[i] = one(tag);
  }
}

/** The record of an unchanged file: the last build's, its photos found again. */
function keptRecord(scanned: ScannedDispatch, before: DispatchRecord): DispatchRecord {
  const photos = photosOf(scanned, before.image?.credit);
  if (JSON.stringify([photos.image, photos.photos]) === JSON.stringify([before.image, before.photos])) return before;
  const { digest: _, card: __, image: ___, ...rest } = before;
  return withDigests({ ...rest, ...photos });
}

const LANES = 8;

/**
 * Records of the scanned dispatches. `previous` (the last build's, by file)
 * stands for the files that did not change, and supplies the rendered
 * bodies and leads of those that did.
 */
export async function buildManifest(
  scan: ArchiveScan,
  previous: ReadonlyMap<string, DispatchRecord>,
  store: BodyStore,
  root: string,
  onRecord?: () => void,
): Promise<{ records: DispatchRecord[]; rendered: number }> {
  const records: DispatchRecord[] = new Array(scan.dispatches.length);
  let rendered = 0;
  let next = 0;
  // The first file in order that failed, once every file before it is done: the same error every run.
  let failed: { at: number; error: unknown } | undefined;
  // Several files at once: a body rendered in the store's worker does not hold up the next file.
  const lane = async () => {
    for (let i = next++; i < scan.dispatches.length && i < (failed?.at ?? Infinity); i = next++) {
      const scanned = scan.dispatches[i];
      const before = previous.get(scanned.file);
      try {
        if (!scanned.parsed) records[i] = keptRecord(scanned, before!);
        else {
          const made = await newRecord({ ...scanned, parsed: scanned.parsed }, before, store, root);
          if (made.rendered) rendered++;
          records[i] = made.record;
        }
      } catch (error) {
        if (i < (failed?.at ?? Infinity)) failed = { at: i, error };
        return;
      }
      onRecord?.();
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
  if (failed) throw failed.error;
  return { records, rendered };
}
