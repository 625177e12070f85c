/**
 * A dispatch as pages see it: registry entries resolved, URL and dateline
 * derived. Pure functions over loader data, so tests reach them directly.
 */
import type { ImageMetadata } from 'astro';
import { formatDate } from './dates.ts';
import type { DispatchProblem } from './problems.ts';
import {
  categoryRegistry,
  cityRegistry,
  sourceRegistry,
  type Category,
  type City,
  type Source,
} from './registries.ts';
import type { DispatchData } from './schema.ts';
import { slugify } from './text.ts';
import { dispatchPath } from './urls.ts';

export interface Tag {
  name: string;
  slug: string;
}

export interface Photo {
  src: ImageMetadata;
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
  url: string;
  /** The lead photo. */
  image?: Photo;
  /** Photos of the body, in reading order (placed by its photo markers). */
  photos: Photo[];
}

/** Data as the loader stores it; Astro has turned photo paths into ImageMetadata. */
export type StoredDispatchData = Omit<DispatchData, 'image'> & {
  slug: string;
  summary: string;
  image?: ImageMetadata;
  photos?: { src: ImageMetadata; alt: string; caption?: string }[];
  /** Name of the rendered body's file (see src/loaders/bodies.ts). */
  bodyFile: string;
};

export function toDispatch(
  entry: { id: string; filePath?: string; data: StoredDispatchData },
  now: Date,
): Dispatch {
  const { data } = entry;
  const source = sourceRegistry.get(data.source);
  return {
    id: entry.id,
    file: entry.filePath ?? entry.id,
    slug: data.slug,
    title: data.title,
    date: data.date,
    updated: data.updated,
    city: cityRegistry.get(data.city),
    category: categoryRegistry.get(data.category),
    source,
    tags: data.tags.map((name) => ({ name, slug: slugify(name) })),
    summary: data.summary,
    corrections: [...(data.corrections ?? [])].sort((a, b) => a.date.getTime() - b.date.getTime()),
    draft: data.draft,
    embargoed: data.date.getTime() > now.getTime(),
    url: dispatchPath(data.date, data.slug),
    image: data.image && {
      src: data.image,
      alt: data.imageAlt ?? '',
      caption: data.imageCaption,
      credit: data.imageCredit ?? source.name,
    },
    // Body photos are credited to the agency; a caption can name someone else.
    photos: (data.photos ?? []).map((photo) => ({ ...photo, credit: source.name })),
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

/** Newest first; the id breaks ties so the order never depends on file order. */
export function newestFirst(a: Dispatch, b: Dispatch): number {
  return b.date.getTime() - a.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Two dispatches with one URL (same slug on the same Tripoli day) would
 * overwrite each other; report every such pair.
 */
export function findDuplicateUrls(
  entries: { file: string; line: number; date: Date; slug: string }[],
): DispatchProblem[] {
  const seen = new Map<string, string>();
  const problems: DispatchProblem[] = [];
  for (const entry of entries) {
    const url = dispatchPath(entry.date, entry.slug);
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
