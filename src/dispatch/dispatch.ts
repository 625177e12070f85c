/**
 * A dispatch as pages see it: registry entries resolved, URL and dateline
 * derived. Pure functions over loader data, so tests reach them directly.
 */
import { formatDate } from './dates.ts';
import type { DispatchRecord, PhotoFile, RecordPhoto } from './record.ts';
import type { DispatchProblem } from './problems.ts';
import { categoryRegistry, cityRegistry, sourceRegistry, type Category, type City, type Source } from './registries.ts';
import { slugify } from './text.ts';
import { dispatchPath } from './urls.ts';

interface Tag {
  name: string;
  slug: string;
}

export interface Photo {
  src: PhotoFile;
  /** What the photo shows, for readers who cannot see it. */
  alt: string;
  caption?: string;
  /** Who took it: the front-matter's imageCredit, else the source agency. */
  credit: string;
}

export interface Dispatch {
  id: string;
  file: string;
  slug: string;
  title: string;
  date: Date;
  /** Dated without a time: pages show the day alone. */
  dateOnly: boolean;
  updated?: Date;
  city: City;
  category: Category;
  source: Source;
  tags: Tag[];
  summary: string;
  /** Dated notes of what was corrected, oldest first. */
  corrections: { date: Date; note: string }[];
  draft: boolean;
  /** Dated after the build's "now": withheld unless previewing. */
  embargoed: boolean;
  /** Taken back by the agency: it keeps its place as a notice. */
  withdrawn?: { date: Date; reason: string };
  url: string;
  /** The lead photo. */
  image?: Photo;
  /** Photos of the body, in reading order (placed by its photo markers). */
  photos: Photo[];
  /** Name of the rendered body in the body store. */
  body: string;
  /** Of the record: everything the dispatch's own page shows of it. */
  digest: string;
  /** Of what a listing card, a link or a related list shows of it (see src/site/route-keys.ts). */
  card: string;
}

const photoOf = ({ photo, alt, caption, credit }: RecordPhoto, agency: string): Photo => ({
  src: photo,
  alt,
  ...(caption !== undefined && { caption }),
  credit: credit ?? agency,
});

/** One Tag per name, shared: a large archive names a few thousand tags a few hundred thousand times. */
const tagsByName = new Map<string, Tag>();

function tagOf(name: string): Tag {
  let tag = tagsByName.get(name);
  if (!tag) tagsByName.set(name, (tag = Object.freeze({ name, slug: slugify(name) })));
  return tag;
}

/** A manifest record as pages see it, at the build's "now". */
export function toDispatch(record: DispatchRecord, now: Date): Dispatch {
  const source = sourceRegistry.get(record.source);
  return {
    id: record.id,
    file: record.file,
    slug: record.slug,
    title: record.title,
    date: record.date,
    dateOnly: record.dateOnly === true,
    updated: record.updated,
    city: cityRegistry.get(record.city),
    category: categoryRegistry.get(record.category),
    source,
    tags: record.tags.map(tagOf),
    summary: record.summary,
    corrections: record.corrections,
    draft: record.draft,
    embargoed: record.date.getTime() > now.getTime(),
    ...(record.withdrawn && { withdrawn: record.withdrawn }),
    url: record.url,
    image: record.image && photoOf(record.image, source.name),
    // Body photos are credited to the agency; a caption can name someone else.
    photos: record.photos.map((photo) => photoOf({ ...photo, credit: undefined }, source.name)),
    body: record.body,
    digest: record.digest,
    card: record.card,
  };
}

/** «طرابلس 01 ديسمبر 2025 (وال) -», built from data, never typed. */
export function dateline(d: Pick<Dispatch, 'city' | 'date' | 'source'>): string {
  return `${d.city.name} ${formatDate(d.date)} (${d.source.code}) -`;
}

/** Drafts and embargoed dispatches are built only when previewing. */
export function isPublished(d: Dispatch, preview: boolean): boolean {
  return preview || (!d.draft && !d.embargoed);
}

/** Oldest first, the order of listings and their numbered pages; the id breaks ties so the order never depends on file order. */
export function oldestFirst(a: Pick<Dispatch, 'date' | 'id'>, b: Pick<Dispatch, 'date' | 'id'>): number {
  return a.date.getTime() - b.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Newest first: the reverse of oldestFirst. */
export function newestFirst(a: Pick<Dispatch, 'date' | 'id'>, b: Pick<Dispatch, 'date' | 'id'>): number {
  return oldestFirst(b, a);
}

/**
 * Two dispatches with one URL (same slug on the same Tripoli day) would
 * overwrite each other; report every such pair.
 */
export function findDuplicateUrls(entries: { file: string; line: number; date: Date; slug: string; url?: string }[]): DispatchProblem[] {
  const seen = new Map<string, string>();
  const problems: DispatchProblem[] = [];
  for (const entry of entries) {
    const url = entry.url ?? dispatchPath(entry.date, entry.slug);
    const first = seen.get(url);
    if (first === undefined) {
      seen.set(url, entry.file);
      continue;
    }
    problems.push({
      file: entry.file,
      line: entry.line,
      field: 'slug',
      code: 'slug.duplicate',
      params: { slug: entry.slug, other: first, url },
      severity: 'error',
    });
  }
  return problems;
}
