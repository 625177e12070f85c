/**
 * The controlled vocabularies: cities, categories and source agencies. Each
 * lives in one JSON file under content/ so editors change them without code.
 */
import { closest } from 'fastest-levenshtein';
import citiesJson from '../../content/cities.json' with { type: 'json' };
import categoriesJson from '../../content/categories.json' with { type: 'json' };
import sourcesJson from '../../content/sources.json' with { type: 'json' };
import { cleanText } from './text.ts';

export interface City {
  slug: string;
  name: string;
  country: string;
}
export interface Category {
  slug: string;
  name: string;
}
export interface Source {
  code: string;
  slug: string;
  name: string;
}

export const cities: readonly City[] = citiesJson;
export const categories: readonly Category[] = categoriesJson;
export const sources: readonly Source[] = sourcesJson;

export interface Registry<T> {
  /** Which file to edit to add an entry; shown in error messages. */
  file: string;
  entries: readonly T[];
  /** Finds an entry by any of its keys (Arabic name, code or Latin slug). */
  find(value: string): T | undefined;
  /** The valid key nearest to a wrong value, for "did you mean". */
  suggest(value: string): string;
  get(slug: string): T;
}

function registry<T extends { slug: string }>(
  file: string,
  entries: readonly T[],
  keys: (entry: T) => string[],
): Registry<T> {
  const byKey = new Map<string, T>();
  const bySlug = new Map<string, T>();
  for (const entry of entries) {
    bySlug.set(entry.slug, entry);
    for (const key of keys(entry)) byKey.set(cleanText(key).trim(), entry);
  }
  // Suggest the form journalists write: the first key (the Arabic one).
  const primaryKeys = entries.map((entry) => keys(entry)[0]);
  return {
    file,
    entries,
    find: (value) => byKey.get(cleanText(value).trim()),
    suggest: (value) => closest(cleanText(value).trim(), primaryKeys),
    get(slug) {
      const entry = bySlug.get(slug);
      if (!entry) throw new Error(`${file}: no entry with slug "${slug}"`);
      return entry;
    },
  };
}

export const cityRegistry = registry('content/cities.json', cities, (c) => [c.name, c.slug]);
export const categoryRegistry = registry('content/categories.json', categories, (c) => [
  c.name,
  c.slug,
]);
export const sourceRegistry = registry('content/sources.json', sources, (s) => [s.code, s.slug]);

/** Parameters of a 'registry.unknown' problem: the value and its nearest valid key. */
export function unknownEntry<T>(registry: Registry<T>, value: string, noun: string, plural: string): Record<string, string> {
  return { value: value.trim(), noun, plural, suggestion: registry.suggest(value), file: registry.file };
}
