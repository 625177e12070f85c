/**
 * Route keys: a digest of what a page is made from (its view, see
 * src/site/routes/index.ts for what each kind's view holds). A page whose
 * key is the one the last build recorded is left as it is. Within a view, a
 * dispatch stands for the fields a listing card, a link or a related list
 * shows of it (cardDigest); a view that shows more of one (its own page, a
 * feed item) names its record's digest too.
 */
import { hash } from 'node:crypto';
import type { Dispatch } from '#src/dispatch/dispatch.ts';

/** Route keys by site path, per route name. */
export type RouteKeys = Record<string, Record<string, string>>;

/**
 * What cards, links and related lists show of a dispatch: the manifest's
 * digest of those fields (src/build/manifest.ts), and its status at the
 * build's now, which a preview marks.
 */
export const cardDigest = (d: Dispatch): string => `${d.card}${d.draft ? ':draft' : ''}${d.embargoed ? ':embargoed' : ''}`;

/**
 * The key of one page: its route, and its view with every dispatch in it
 * replaced by `identify` (which returns undefined for other objects).
 */
export function routeKey(route: string, view: unknown, identify: (value: object) => string | undefined): string {
  const json = JSON.stringify(view, function (this: unknown, _key, value: unknown) {
    if (value && typeof value === 'object' && !Array.isArray(value)) return identify(value) ?? value;
    return value;
  });
  return hash('sha1', `${route}\0${json ?? 'undefined'}`, 'base64');
}
