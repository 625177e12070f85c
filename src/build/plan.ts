/**
 * The route plan: every page and file of the site with its key, and which of
 * them a build must render (those whose key is not the one the last build
 * recorded) or delete (those no route has any more). Of the routes not to
 * render, a large archive's hundreds of thousands, only the key is kept; of
 * those to render, their entry too, views and all, when asked (a publish
 * hands them to the compiled pages; a full build renders them all, and
 * keeping every view would hold the whole site twice).
 */
import type { Dispatch } from '#src/dispatch/dispatch.ts';
import { cardDigest, routeKey, type RouteKeys } from '#src/site/route-keys.ts';
import type { Site } from '#src/site/model.ts';
import { routes, type RouteEntry, type RouteName } from '#src/site/routes/index.ts';

export interface PlannedRoute {
  route: RouteName;
  path: string;
  key: string;
  /** The route's entry, view and all, when the plan was asked to keep it. */
  entry?: RouteEntry;
}

export interface RoutePlan {
  /** Every route's key, to record for the next build. */
  keys: RouteKeys;
  /** Pages and files whose key is not the last build's. */
  render: PlannedRoute[];
  /** Site paths the last build had and no route has any more. */
  remove: string[];
  /** How many pages and files the site has. */
  total: number;
}

/** `previous`: the keys the last build recorded; none to render everything. */
export function planRoutes(site: Site, previous?: RouteKeys, options: { keepEntries?: boolean } = {}): RoutePlan {
  const identify = (value: object): string | undefined => {
    const d = value as Dispatch;
    return typeof d.id === 'string' && site.byId.get(d.id) === d ? cardDigest(d) : undefined;
  };
  const keys: RouteKeys = {};
  const render: PlannedRoute[] = [];
  const current = new Set<string>();
  for (const [name, kind] of Object.entries(routes) as [RouteName, (typeof routes)[RouteName]][]) {
    const byPath: Record<string, string> = (keys[name] = {});
    for (const entry of kind.entries(site)) {
      const key = routeKey(name, entry.view, identify);
      byPath[entry.path] = key;
      current.add(entry.path);
      if (previous?.[name]?.[entry.path] !== key)
        render.push({ route: name, path: entry.path, key, ...(options.keepEntries && { entry }) });
    }
  }
  // A path that moved from one route to another is rendered, not deleted.
  const remove = Object.values(previous ?? {})
    .flatMap((paths) => Object.keys(paths))
    .filter((path) => !current.has(path));
  return { keys, render, remove: [...new Set(remove)].sort(), total: current.size };
}
