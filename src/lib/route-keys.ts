/**
 * Which routes a build must render. Every route's page is a function of the
 * code and of the data handed to it; a route's key is a digest of that data.
 * A route whose key is the one recorded by the last build into the same
 * folder, and whose file is still there, is left as it is. Pure: the
 * integration (src/integrations/incremental.ts) does the reading and writing.
 */
import { createHash } from 'node:crypto';

/** Route keys by site path (`/2025/12/01/slug/`, `/city/x/rss.xml`), per route pattern. */
export type RouteKeys = Record<string, Record<string, string>>;

/**
 * Digest of what a page is made from. `identify` may stand in for an object
 * (a dispatch by its own digest), which keeps keys cheap to compute.
 */
export function routeKey(inputs: unknown, identify: (value: object) => string | undefined = () => undefined): string {
  const json = JSON.stringify(inputs, function (this: unknown, _key, value: unknown) {
    if (value && typeof value === 'object' && !Array.isArray(value)) return identify(value) ?? value;
    return value;
  });
  return createHash('sha1')
    .update(json ?? 'undefined')
    .digest('hex');
}

/** The file a site path is written to, relative to the output folder. */
export function outputFile(sitePath: string): string {
  const relative = decodeURI(sitePath).replace(/^\/+/, '');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

/**
 * The paths to render: those with no recorded key, another key, or no file.
 * Without a record (first build, or code changed) that is all of them.
 */
export function pathsToRender(
  previous: Readonly<Record<string, string>> | undefined,
  current: ReadonlyMap<string, string>,
  exists: (sitePath: string) => boolean,
): Set<string> {
  const render = new Set<string>();
  for (const [sitePath, key] of current) {
    if (previous?.[sitePath] !== key || !exists(sitePath)) render.add(sitePath);
  }
  return render;
}

/** Paths the last build wrote that no route has any more (a dispatch deleted or withdrawn). */
export function removedPaths(previous: RouteKeys | undefined, current: RouteKeys): string[] {
  const removed: string[] = [];
  for (const [route, keys] of Object.entries(previous ?? {})) {
    for (const sitePath of Object.keys(keys)) {
      if (!current[route]?.[sitePath]) removed.push(sitePath);
    }
  }
  return removed.sort();
}

/**
 * Image files in the asset folder made from photos no dispatch shows any
 * more. Astro names a photo `stem.ext` and its sizes `stem_xyz.ext`, where
 * the stem ends with the file's hash (which may itself hold `_`); `gone`
 * holds the stems of the photos the last build showed and this one does not.
 */
export function staleImages(files: readonly string[], gone: ReadonlySet<string>): string[] {
  if (gone.size === 0) return [];
  return files.filter((file) => {
    if (!/\.(jpe?g|png|webp|avif|gif)$/i.test(file)) return false;
    const stem = file.replace(/\.[^.]+$/, '');
    if (gone.has(stem)) return true;
    for (let at = stem.indexOf('_'); at >= 0; at = stem.indexOf('_', at + 1)) {
      if (gone.has(stem.slice(0, at))) return true;
    }
    return false;
  });
}

/** The stem of a photo Astro has bundled (`/_astro/name.hash.jpg` → `name.hash`). */
export const photoStem = (src: string) => src.slice(src.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
