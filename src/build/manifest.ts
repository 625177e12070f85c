/**
 * The manifest: one record per dispatch, with everything a page, a feed or
 * the search index shows of it, and a digest of that. The build state keeps
 * it, so that a publish reads and parses only the files that changed and
 * renders only their bodies.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArchiveScan, PhotoFile, ScannedDispatch, ScannedPhoto } from '../archive/scan.ts';
import type { BodyStore } from './bodies.ts';
import { parseDispatch } from '../lib/dispatch-file.ts';
import { leadText, summarize } from '../lib/summary.ts';
import { dispatchPath } from '../lib/urls.ts';

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
}

const recordPhoto = ({ photo, alt, caption }: ScannedPhoto, credit?: string): RecordPhoto => ({
  photo,
  alt,
  ...(caption !== undefined && { caption }),
  ...(credit !== undefined && { credit }),
});

function digestOf(record: Omit<DispatchRecord, 'digest'>): string {
  return createHash('sha1').update(JSON.stringify(record)).digest('hex');
}

/**
 * The body's name in the store, rendering it only if no build stored it yet
 * (the store is named by file text, so a body survives a move or a rebuild);
 * its lead when the record needs one and the last build's cannot serve.
 */
async function bodyOf(
  scanned: ScannedDispatch,
  previous: DispatchRecord | undefined,
  store: BodyStore,
  root: string,
): Promise<{ body: string; lead?: string; rendered: boolean }> {
  const name = store.nameOf(scanned.textDigest);
  const { dispatch } = scanned;
  if (await store.has(name)) {
    if (previous?.body === name) return { body: name, rendered: false };
    return { body: name, lead: leadText(await store.read(name)), rendered: false };
  }
  let markdown = scanned.body;
  if (markdown === undefined) {
    // Its file is unchanged but its body is not stored (a state restored in part).
    const result = parseDispatch(dispatch.file, dispatch.id, await readFile(path.join(root, dispatch.file), 'utf8'));
    if (!result.ok) throw new Error(`${dispatch.file} no longer parses`);
    markdown = result.dispatch.body;
  }
  const html = await store.render(name, markdown, path.join(root, dispatch.file), scanned.photos);
  return { body: name, lead: leadText(html), rendered: true };
}

/**
 * Records of the scanned dispatches, by file. `previous` (the last build's)
 * supplies rendered bodies and leads of files that did not change.
 */
export async function buildManifest(
  scan: ArchiveScan,
  previous: ReadonlyMap<string, DispatchRecord>,
  store: BodyStore,
  root: string,
): Promise<{ records: DispatchRecord[]; rendered: number }> {
  const records: DispatchRecord[] = [];
  let rendered = 0;
  for (const scanned of scan.dispatches) {
    const { data, id, file } = scanned.dispatch;
    const before = previous.get(file);
    const { body, lead, rendered: renderedNow } = await bodyOf(scanned, before, store, root);
    if (renderedNow) rendered++;
    const summary = data.summary ?? (lead !== undefined ? summarize(lead) : before!.summary);
    const record: Omit<DispatchRecord, 'digest'> = {
      id,
      file,
      slug: data.slug,
      url: dispatchPath(data.date, data.slug),
      title: data.title,
      date: data.date,
      ...(data.updated && { updated: data.updated }),
      city: data.city,
      category: data.category,
      source: data.source,
      tags: data.tags,
      summary,
      corrections: [...data.corrections].sort((a, b) => a.date.getTime() - b.date.getTime()),
      draft: data.draft,
      ...(data.withdrawn && { withdrawn: data.withdrawn }),
      ...(scanned.lead && {
        image: recordPhoto({ ...scanned.lead, alt: data.imageAlt ?? '', caption: data.imageCaption }, data.imageCredit),
      }),
      photos: scanned.photos.map((photo) => recordPhoto(photo)),
      textDigest: scanned.textDigest,
      body,
    };
    records.push({ ...record, digest: digestOf(record) });
  }
  return { records, rendered };
}
