/**
 * Which shards have a word in a title: a relevance search reads it to skip
 * older shards that cannot outrank what it shows (see sharded-search.ts).
 * Each word is kept as folded, with its sure readings (so «الحكومة» in a
 * title answers «حكومة»), in one of BUCKETS small JSON files chosen by a
 * hash of the word: a query fetches one file a word, whatever the size of
 * the archive.
 */
import { foldWord, readings, words } from '#src/dispatch/arabic.ts';

export const titleIndexDir = 'titles';
const BUCKETS = 256;

/** FNV-1a of the word's UTF-16 units: the same in Node and the browser. */
export function bucketOf(word: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return ((hash >>> 0) % BUCKETS).toString(16).padStart(2, '0');
}

export const bucketFile = (bucket: string) => `${titleIndexDir}/${bucket}.json`;

/** Every bucket's file name, written even when empty so none is left from an earlier build. */
export const bucketFiles = (): string[] => Array.from({ length: BUCKETS }, (_, i) => bucketFile(i.toString(16).padStart(2, '0')));

/** The words of a shard's headlines as the title index keeps them: folded, with their sure readings, sorted. */
export function titleWords(titles: Iterable<string>): string[] {
  const found = new Set<string>();
  for (const title of titles) {
    for (const word of words(title)) {
      const folded = foldWord(word);
      if (!folded) continue;
      found.add(folded);
      for (const reading of readings(folded).sure) found.add(reading);
    }
  }
  return [...found].sort();
}

/** The title index's files, by name: word → keys of the shards with it in a title, sorted. */
export function titleIndexFiles(shards: Iterable<{ key: string; words: Iterable<string> }>): Map<string, string> {
  const byWord = new Map<string, string[]>();
  for (const { key, words } of shards) {
    for (const word of words) {
      const keys = byWord.get(word);
      if (keys) keys.push(key);
      else byWord.set(word, [key]);
    }
  }
  const buckets = new Map<string, [string, string[]][]>(bucketFiles().map((file) => [file, []]));
  for (const [word, keys] of [...byWord].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    buckets.get(bucketFile(bucketOf(word)))!.push([word, [...new Set(keys)].sort()]);
  }
  return new Map([...buckets].map(([file, entries]) => [file, JSON.stringify(Object.fromEntries(entries))]));
}
