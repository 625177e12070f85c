/**
 * What a deploy of one build's changes needs to know (scripts/
 * deploy-changes.ts): the list the build wrote, the cache each file gets,
 * and the URLs a CDN must forget. The cache values are public/_headers's.
 */

/** `M path` and `D path` lines, as `npm run build -- --changes` writes them. */
export function parseChanges(text: string): { written: string[]; deleted: string[] } {
  const written: string[] = [];
  const deleted: string[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const match = /^([MD]) (.+)$/.exec(line);
    if (!match) throw new Error(`line ${index + 1} is not "M path" or "D path": ${line}`);
    (match[1] === 'M' ? written : deleted).push(match[2]);
  }
  return { written, deleted };
}

const HASHED = /^(_astro\/|pagefind\/[^/]+\/(index|fragment|filter)\/|pagefind\/[^/]+\/[^/]+\.pf_meta$)/;
const SEALED = /^((city|category|tag)\/[^/]+\/)?page\/\d+\/index\.html$/;

/** The Cache-Control a file of the site is served with. */
export function cachePolicy(file: string): { kind: 'immutable' | 'sealed' | 'short'; value: string } {
  if (HASHED.test(file)) return { kind: 'immutable', value: 'public, max-age=31536000, immutable' };
  if (SEALED.test(file)) return { kind: 'sealed', value: 'public, max-age=86400, s-maxage=604800' };
  return { kind: 'short', value: 'public, max-age=60, must-revalidate' };
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
