/**
 * What a deploy of one build's changes needs to know (scripts/
 * deploy-changes.ts): the list the build wrote, the cache each file gets,
 * and the URLs a CDN must forget. The cache values are public/_headers's.
 */

/** What one build changed in its output folder. */
export interface Changes {
  /** A full build: the folder is the whole site, and the host must hold nothing else. */
  full: boolean;
  written: string[];
  deleted: string[];
}

/**
 * `M path` and `D path` lines, as `npm run build -- --changes` writes them,
 * after an `F` line when the build was a full one.
 */
export function parseChanges(text: string): Changes {
  const written: string[] = [];
  const deleted: string[] = [];
  let full = false;
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    if (line === 'F' && index === 0) {
      full = true;
      continue;
    }
    const match = /^([MD]) (.+)$/.exec(line);
    if (!match) throw new Error(`line ${index + 1} is not "M path" or "D path": ${line}`);
    (match[1] === 'M' ? written : deleted).push(match[2]);
  }
  return { full, written, deleted };
}

/** The changes file's text. */
export const formatChanges = ({ full, written, deleted }: Changes): string =>
  [...(full ? ['F'] : []), ...written.map((file) => `M ${file}`), ...deleted.map((file) => `D ${file}`)]
    .map((line) => `${line}\n`)
    .join('');

const HASHED = /^(_astro\/|pagefind\/[^/]+\/(index|fragment|filter)\/|pagefind\/[^/]+\/[^/]+\.pf_meta$)/;
const SEALED = /^((city|category|tag)\/[^/]+\/)?page\/\d+\/index\.html$/;

/**
 * The same kinds as AWS CLI filters (where `*` matches across folders), to
 * upload a whole folder a kind at a time; the short kind is the rest.
 */
export const cacheFilters = {
  immutable: ['_astro/*', 'pagefind/*/index/*', 'pagefind/*/fragment/*', 'pagefind/*/filter/*', 'pagefind/*.pf_meta'],
  sealed: ['page/*/index.html', 'city/*/page/*/index.html', 'category/*/page/*/index.html', 'tag/*/page/*/index.html'],
};

/** Above this many paths to purge, a CDN is told to forget everything: cheaper, and within its limits. */
export const PURGE_ALL_ABOVE = 300;

/** Cache-Control of each kind of file: public/_headers's values. */
export const cacheControl = {
  immutable: 'public, max-age=31536000, immutable',
  sealed: 'public, max-age=86400, s-maxage=604800',
  short: 'public, max-age=60, must-revalidate',
} as const;

export type CacheKind = keyof typeof cacheControl;

/** The Cache-Control a file of the site is served with. */
export function cachePolicy(file: string): { kind: CacheKind; value: string } {
  const kind: CacheKind = HASHED.test(file) ? 'immutable' : SEALED.test(file) ? 'sealed' : 'short';
  return { kind, value: cacheControl[kind] };
}

/**
 * The paths a CDN must purge after these files changed: every one whose name
 * is not content-hashed, a page by its folder as readers ask for it and by
 * its file, percent-encoded.
 */
export function invalidationPaths(files: readonly string[]): string[] {
  const paths = new Set<string>();
  for (const file of files) {
    if (cachePolicy(file).kind === 'immutable') continue;
    paths.add(encodeURI(`/${file}`));
    if (file === 'index.html' || file.endsWith('/index.html')) paths.add(encodeURI(`/${file.slice(0, -'index.html'.length)}`));
  }
  return [...paths].sort();
}
