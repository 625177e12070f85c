/**
 * The controlled vocabularies: cities, categories and source agencies. Each
 * lives in one JSON file under content/ so editors change them without code.
 */
import { distance } from 'fastest-levenshtein';
import citiesJson from '../../content/cities.json' with { type: 'json' };
import categoriesJson from '../../content/categories.json' with { type: 'json' };
import sourcesJson from '../../content/sources.json' with { type: 'json' };
import { fold } from './arabic.ts';
import type { ProblemCode } from './problems.ts';
import { cleanText } from './text.ts';

export interface City {
  slug: string;
  name: string;
  country: string;
  /** Other spellings of the name that find the city («أبو ظبي»). */
  aliases?: readonly string[];
}
export interface Category {
  slug: string;
  name: string;
}
export interface Source {
  code: string;
  slug: string;
  name: string;
  /** Other markers the agency is known by («لاماب» besides «ومع»). */
  aliases?: readonly string[];
}

const cities: readonly City[] = citiesJson;
const categories: readonly Category[] = categoriesJson;
const sources: readonly Source[] = sourcesJson;

export interface Registry<T> {
  /** Which file to edit to add an entry; shown in error messages. */
  file: string;
  entries: readonly T[];
  /**
   * Finds an entry by any of its keys (Arabic name, code or Latin slug), in
   * any case and Arabic spelling variant: «إجدابيا» is «اجدابيا», TRIPOLI is tripoli.
   */
  find(value: string): T | undefined;
  /** The name of the entry nearest to a wrong value, when one is near enough to be meant. */
  suggest(value: string): string | undefined;
  get(slug: string): T;
}

/** A value as registries compare it: search's Arabic folding, lower case, spaces and hyphens alike. */
function registryKey(value: string): string {
  return fold(cleanText(value).trim()).replace(/[\s_-]+/g, ' ');
}

const ARABIC = /\p{Script=Arabic}/u;

function registry<T extends { slug: string }>(file: string, entries: readonly T[], keys: (entry: T) => string[]): Registry<T> {
  const byKey = new Map<string, T>();
  const bySlug = new Map<string, T>();
  for (const entry of entries) {
    bySlug.set(entry.slug, entry);
    for (const key of keys(entry).map(registryKey)) {
      const other = byKey.get(key);
      if (other && other !== entry) throw new Error(`${file}: «${other.slug}» and «${entry.slug}» have the same name «${key}»`);
      byKey.set(key, entry);
    }
  }
  return {
    file,
    entries,
    find: (value) => byKey.get(registryKey(value)),
    suggest(value) {
      // A Latin spelling is compared with Latin keys, an Arabic one with Arabic keys.
      const wanted = registryKey(value);
      const script = ARABIC.test(wanted);
      let best: T | undefined;
      let nearest = Infinity;
      for (const [key, entry] of byKey) {
        if (ARABIC.test(key) !== script) continue;
        const d = distance(wanted, key);
        if (d < nearest) [best, nearest] = [entry, d];
      }
      // Suggest the form journalists write: the first key (the Arabic one).
      return best && nearest <= Math.max(1, Math.floor(wanted.length / 3)) ? keys(best)[0] : undefined;
    },
    get(slug) {
      const entry = bySlug.get(slug);
      if (!entry) throw new Error(`${file}: no entry with slug "${slug}"`);
      return entry;
    },
  };
}

export const cityRegistry = registry('content/cities.json', cities, (c) => [c.name, c.slug, ...(c.aliases ?? [])]);
export const categoryRegistry = registry('content/categories.json', categories, (c) => [c.name, c.slug]);
export const sourceRegistry = registry('content/sources.json', sources, (s) => [s.code, s.slug, ...(s.aliases ?? [])]);

/**
 * The problem of a value no entry has: 'registry.unknown' with the nearest
 * entry, or 'registry.noneClose' with the line that would add it.
 */
export function unknownEntry<T extends object>(
  registry: Registry<T>,
  value: string,
  noun: string,
  plural: string,
): { code: ProblemCode; params: Record<string, string> } {
  const named = cleanText(value).trim();
  // The field a journalist types (a source's code, else the name) holds the value; the others are to fill in.
  const fields = Object.keys(registry.entries[0] ?? { slug: '', name: '' }).filter((field) => field !== 'aliases');
  const typed = fields.includes('code') ? 'code' : 'name';
  const example = Object.fromEntries(fields.map((field) => [field, field === typed ? named : '…']));
  const suggestion = registry.suggest(value);
  const params = { value: named, noun, plural, suggestion: suggestion ?? '', file: registry.file, example: JSON.stringify(example) };
  return { code: suggestion ? 'registry.unknown' : 'registry.noneClose', params };
}
