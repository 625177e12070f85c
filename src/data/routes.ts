/**
 * What the dynamic routes hand to the incremental build: each path with a
 * key of everything its page shows (dispatches stand for themselves by
 * digest). A page must be made from its key's inputs and the code alone:
 * what it reads besides them would not re-render it when it changes.
 */
import { getArchive, type Archive } from './archive.ts';
import { keepChanged } from '../integrations/incremental.ts';
import { dateSegments } from '../lib/dates.ts';
import type { Dispatch } from '../lib/dispatch.ts';
import type { Page } from '../lib/pagination.ts';
import { routeKey } from '../lib/route-keys.ts';

/** The items whose page changed since the last build into the same folder (all, outside a build). */
export async function changedOnly<T>(route: string, items: readonly T[], describe: (item: T) => { path: string; inputs: unknown }): Promise<T[]> {
  const archive = await getArchive();
  return keepChanged(route, items, (item) => {
    const { path, inputs } = describe(item);
    return { path, key: routeKey(inputs, archive.identify) };
  });
}

/** A listing page is made from its dispatches, its number and how many pages there are. */
export const listingInputs = (page: Page<Dispatch>, ...more: unknown[]) => ({
  path: page.url,
  inputs: [page.current, page.total, page.items, ...more],
});

interface DispatchRoute {
  /** Route name in the build's record. */
  name: string;
  /** What the route's file is called under the dispatch's folder (`og.png`); none for its page. */
  file?: string;
  /** The dispatches that have this route. */
  which?: (d: Dispatch) => boolean;
  /** What the page shows besides the dispatch itself. */
  inputs?: (d: Dispatch, archive: Archive) => unknown;
}

/** getStaticPaths of a route under /<yyyy>/<mm>/<dd>/<slug>/: the paths to render, with their dispatch. */
export async function dispatchPaths({ name, file = '', which = () => true, inputs = () => null }: DispatchRoute) {
  const archive = await getArchive();
  const dispatches = await changedOnly(name, archive.dispatches.filter(which), (dispatch) => ({
    path: `${dispatch.url}${file}`,
    inputs: [dispatch, inputs(dispatch, archive)],
  }));
  return dispatches.map((dispatch) => ({
    params: { ...dateSegments(dispatch.date), slug: dispatch.slug },
    props: { dispatch },
  }));
}
