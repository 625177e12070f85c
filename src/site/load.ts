/**
 * What the compiled pages read: the site the pipeline made (handed over in
 * its process by a full build, or made again from the build state it wrote,
 * src/build/state.ts), and the paths this render was asked for. Under `astro dev` there is no build state: the archive is read here,
 * again whenever it changes (src/site/dev.ts).
 */
import { stateDir } from '#src/config.ts';
import { readRenderSet, readSiteState, type RenderSet } from '#src/build/state.ts';
import { handedOverSite } from './handover.ts';
import { buildSite, type Site } from './model.ts';
import { routes, type RouteEntry, type RouteName, type ViewOf } from './routes/index.ts';

let site: Promise<Site> | undefined;

function getSite(): Promise<Site> {
  if (import.meta.env.DEV) return import('./dev.ts').then(({ devSite }) => devSite());
  const handed = handedOverSite();
  if (handed) return Promise.resolve(handed);
  return (site ??= readSiteState(stateDir).then(buildSite));
}

let renderSet: Promise<RenderSet | undefined> | undefined;

/** The entries of a route that this render was asked for (all of them in dev). */
async function entriesToRender<N extends RouteName>(name: N): Promise<RouteEntry<ViewOf<N>>[]> {
  if (import.meta.env.DEV) return [...routes[name].entries(await getSite())] as RouteEntry<ViewOf<N>>[];
  const asked = await (renderSet ??= readRenderSet(stateDir));
  // A publish hands over the few entries it renders, views and all.
  if (asked?.entries) return asked.entries.filter((entry) => entry.route === name) as RouteEntry<ViewOf<N>>[];
  const entries = [...routes[name].entries(await getSite())] as RouteEntry<ViewOf<N>>[];
  if (!asked) return entries;
  const paths = new Set(asked.paths);
  return entries.filter((entry) => paths.has(entry.path));
}

/** getStaticPaths of a route: its paths, each with its view as the `view` prop. */
export async function routePaths<N extends RouteName>(name: N) {
  return (await entriesToRender(name)).map(({ params, view }) => ({ params, props: { view } }));
}

/** The view of a route with a single path (an index page, a feed). */
export async function routeView<N extends RouteName>(name: N): Promise<ViewOf<N>> {
  const [entry] = await entriesToRender(name);
  if (!entry) throw new Error(`${name} was not asked for in this render`);
  return entry.view;
}
