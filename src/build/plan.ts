/**
 * The route plan: every page and file of the site with its key, and which of
 * them a build must render (those whose key is not the one the last build
 * recorded) or delete (those no route has any more).
 */
import type { Dispatch } from '../lib/dispatch.ts';
import { cardDigest, removedPaths, routeKey, type RouteKeys } from '../lib/route-keys.ts';
import type { Site } from '../site/model.ts';
import { routes, type RouteEntry, type RouteName } from '../site/routes/index.ts';

export interface PlannedRoute {
  route: RouteName;
  path: string;
  key: string;
  /** The route's entry, view and all. */
  entry: RouteEntry;
}

export interface RoutePlan {
  routes: PlannedRoute[];
  keys: RouteKeys;
}

export function planRoutes(site: Site): RoutePlan {
  const cards = new Map<Dispatch, string>();
  const identify = (value: object): string | undefined => {
    const d = value as Dispatch;
    if (typeof d.id !== 'string' || site.byId.get(d.id) !== d) return undefined;
    let digest = cards.get(d);
    if (digest === undefined) cards.set(d, (digest = cardDigest(d)));
    return digest;
  };
  const planned: PlannedRoute[] = [];
  const keys: RouteKeys = {};
  for (const [name, kind] of Object.entries(routes) as [RouteName, (typeof routes)[RouteName]][]) {
    const byPath: Record<string, string> = (keys[name] = {});
    for (const entry of kind.entries(site)) {
      const key = routeKey(name, entry.view, identify);
      byPath[entry.path] = key;
      planned.push({ route: name, path: entry.path, key, entry });
    }
  }
  return { routes: planned, keys };
}

/** What to render and delete, given the keys the last build recorded (none: everything). */
export function changes(plan: RoutePlan, previous: RouteKeys | undefined) {
  const render = plan.routes.filter(({ route, path, key }) => previous?.[route]?.[path] !== key);
  const current = new Set(plan.routes.map((r) => r.path));
  // A path that moved from one route to another is rendered, not deleted.
  const remove = removedPaths(previous, plan.keys).filter((path) => !current.has(path));
  return { render, remove };
}
