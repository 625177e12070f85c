/**
 * The published archive, computed once per build from the content collection
 * and shared by every route. The only module that touches astro:content.
 */
import { createHash } from 'node:crypto';
import { getCollection, type CollectionEntry } from 'astro:content';
import { readBody } from '../loaders/bodies.ts';
import { previewEnv } from '../config.ts';
import { calendar, groupBy } from '../lib/archive.ts';
import {
  isPublished,
  newestFirst,
  toDispatch,
  type Dispatch,
  type StoredDispatchData,
} from '../lib/dispatch.ts';
import { relatedIndex } from '../lib/related.ts';
import { siteConfig } from '../config.ts';

/** Drafts and embargoed dispatches are shown (and marked) when previewing. */
export const preview = import.meta.env.MODE === 'development' || previewEnv;

async function load() {
  const now = new Date();
  const entries = await getCollection('dispatches');
  const entryById = new Map<string, CollectionEntry<'dispatches'>>();
  const dispatches: Dispatch[] = [];
  for (const entry of entries) {
    const d = toDispatch(
      { id: entry.id, filePath: entry.filePath, data: entry.data as StoredDispatchData },
      now,
    );
    if (!isPublished(d, preview)) continue;
    entryById.set(d.id, entry);
    dispatches.push(d);
  }
  dispatches.sort(newestFirst);
  const indexOf = new Map(dispatches.map((d, i) => [d, i]));
  const bodyFile = (d: Dispatch) => (entryById.get(d.id)!.data as StoredDispatchData).bodyFile;
  const digests = new Map<Dispatch, string>();
  return {
    dispatches,
    /** The sanitised body HTML, with photo markers. */
    body: (d: Dispatch) => readBody(bodyFile(d)),
    /**
     * A dispatch's digest (all its data, its body and its photos), standing
     * in for it in route keys (src/lib/route-keys.ts); undefined for anything else.
     */
    identify: (value: object): string | undefined => {
      const d = value as Dispatch;
      if (!indexOf.has(d)) return undefined;
      let digest = digests.get(d);
      if (!digest) {
        // The loader's digest covers the file, the registries and the parser,
        // not the photos' bytes: the images Astro made of them (hashed file
        // names, sizes) are hashed here. The rest of a dispatch is code (in
        // the build's fingerprint) and the clock. Hashing all of it cost 2 s
        // at 100,000 dispatches.
        const { digest: stored } = entryById.get(d.id)!;
        const hash = createHash('sha1').update(`${d.embargoed}\0${bodyFile(d)}\0${JSON.stringify([d.image, d.photos])}\0`);
        digest = (stored !== undefined ? hash.update(String(stored)) : hash.update(JSON.stringify(d))).digest('hex');
        digests.set(d, digest);
      }
      return digest;
    },
    /** The next newer and next older dispatch. */
    neighbours: (d: Dispatch) => {
      const i = indexOf.get(d)!;
      return { newer: dispatches[i - 1], older: dispatches[i + 1] };
    },
    related: relatedIndex(dispatches, siteConfig.relatedCount),
    byCity: groupBy(dispatches, (d) => [d.city]),
    byCategory: groupBy(dispatches, (d) => [d.category]),
    byTag: groupBy(dispatches, (d) => d.tags.map((t) => t.slug)),
    calendar: calendar(dispatches),
  };
}

export type Archive = Awaited<ReturnType<typeof load>>;

let archive: Promise<Archive> | undefined;

export function getArchive(): Promise<Archive> {
  // In dev the collection changes under us; rebuilding per request is cheap there.
  if (import.meta.env.MODE === 'development') return load();
  return (archive ??= load());
}
