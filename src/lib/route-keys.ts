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

/** The route of dispatch pages, whose keys the search index step reads too. */
export const dispatchRoute = 'dispatch';

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

/** The asset folder's files a page or feed refers to (`/_astro/…`), decoded. */
export function assetRefs(text: string): string[] {
  const refs = new Set<string>();
  for (const [, name] of text.matchAll(/\/_astro\/([^"'\s<>)?#,]+)/g)) {
    try {
      refs.add(decodeURIComponent(name));
    } catch {
      refs.add(name);
    }
  }
  return [...refs].sort();
}

/**
 * Sizes the image pipeline made (`name.hash_variant.ext`; Vite's hash has
 * 8 characters, which may include _), as opposed to the original photos
 * (`name.hash.ext`), scripts, styles and fonts.
 */
export const isImageSize = (file: string) => /\.[\w-]{8}_[^.]+\.(?:avif|webp|jpe?g|png|gif)$/i.test(file);
