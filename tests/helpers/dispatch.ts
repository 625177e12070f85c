/** Manifest records and Dispatches for unit tests, built through the real toDispatch. */
import { withDigests } from '#src/build/manifest.ts';
import type { DispatchRecord } from '#src/dispatch/record.ts';
import { toDispatch, type Dispatch } from '#src/dispatch/dispatch.ts';
import { dispatchPath } from '#src/dispatch/urls.ts';

/** A record as the manifest holds it; `url` and the digests follow from the rest unless given. */
export function makeRecord(id: string, iso: string, data: Partial<DispatchRecord> = {}): DispatchRecord {
  const record: Omit<DispatchRecord, 'digest' | 'card' | 'url'> & Partial<DispatchRecord> = {
    id,
    file: `archive/${id}.md`,
    slug: id,
    title: id,
    date: new Date(iso),
    city: 'tripoli',
    category: 'economy',
    source: 'lana',
    tags: [],
    summary: '',
    corrections: [],
    draft: false,
    photos: [],
    textDigest: id,
    body: `${id}.html`,
    ...data,
  };
  const { digest, card, ...fields } = { ...record, url: data.url ?? dispatchPath(record.date, record.slug) };
  const sealed = withDigests(fields);
  return { ...sealed, ...(digest !== undefined && { digest }), ...(card !== undefined && { card }) };
}

export function makeDispatch(
  id: string,
  iso: string,
  data: Partial<DispatchRecord> = {},
  now = new Date('2030-01-01T00:00:00Z'),
): Dispatch {
  return toDispatch(makeRecord(id, iso, data), now);
}
