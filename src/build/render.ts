/**
 * Renders pages and files with the pages `astro build` compiled (kept in the
 * build state by src/build/integration.ts), through Astro's own App: the
 * same rendering, head and all, as Astro's static build, outside it. Each
 * page reads its view from the site the pipeline left in the state
 * (src/site/load.ts), told which paths to expect by the render set.
 */
import { readdirSync } from 'node:fs';
import { mkdir, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { App } from 'astro/app';
import type { RouteData } from 'astro';
import { outputFile, routes, type RouteName } from '#src/site/routes/index.ts';
import type { PlannedRoute } from './plan.ts';
import type { BuildState, RenderSet, StatePaths } from './state.ts';

/** Pages in flight at once: cards and bodies are read and drawn off the main thread meanwhile. */
const CONCURRENCY = 8;

/** Whether the state holds compiled pages to render with. */
export function bundleEntry(paths: StatePaths): string | undefined {
  try {
    const entry = readdirSync(paths.bundle).find((name) => /^prerender-entry.*\.mjs$/.test(name));
    return entry && path.join(paths.bundle, entry);
  } catch {
    return undefined;
  }
}

/**
 * The compiled pages import the site's dependencies through a link to the
 * project's node_modules: a state synced from a bucket may have lost it, or
 * come from a checkout elsewhere.
 */
async function linkModules(paths: StatePaths, root: string) {
  const link = path.join(paths.bundle, 'node_modules');
  const target = path.join(root, 'node_modules');
  if ((await readlink(link).catch(() => undefined)) === target) return;
  await rm(link, { recursive: true, force: true });
  await symlink(target, link, 'dir');
}

async function openApp(paths: StatePaths, root: string) {
  const entry = bundleEntry(paths);
  if (!entry) throw new Error(`No compiled pages in ${paths.bundle}: a full build is needed`);
  await linkModules(paths, root);
  const { app } = (await import(pathToFileURL(entry).href)) as { app: { manifest: ConstructorParameters<typeof App>[0] } };
  const rendered = new App(app.manifest);
  const byComponent = new Map<string, RouteData>(rendered.manifest.routes.map(({ routeData }) => [routeData.component, routeData]));
  return { app: rendered, byComponent };
}

/**
 * Renders `planned` into `outDir`; returns the files written, relative to
 * it. Fails with every path that could not be rendered. `handOver`: give
 * the compiled pages the planned entries themselves (a publish's few),
 * instead of letting them work the site out again (a full build's all).
 */
export async function renderRoutes(options: {
  root: string;
  state: BuildState;
  outDir: string;
  planned: readonly PlannedRoute[];
  origin: string;
  handOver: boolean;
  /** Awaited before the pages of each route are rendered. */
  beforeRoute?: (route: RouteName) => Promise<void>;
  /** Told of each page rendered. */
  onRendered?: () => void;
}): Promise<string[]> {
  const { state, outDir, planned, origin } = options;
  if (planned.length === 0) return [];
  await state.renderSet.write({
    paths: planned.map((r) => r.path),
    ...(options.handOver && {
      entries: planned.map(({ route, path: sitePath, entry }) => {
        if (!entry) throw new Error(`No entry planned for ${sitePath} to hand over`);
        return { route, ...entry };
      }),
    }),
  } satisfies RenderSet);
  const { app, byComponent } = await openApp(state.paths, options.root);
  const written: string[] = [];
  const failed: string[] = [];
  const renderOne = async ({ route, path: sitePath }: PlannedRoute) => {
    const routeData = byComponent.get(routes[route].component);
    if (!routeData) throw new Error(`No compiled route for ${routes[route].component}`);
    const response = await app.render(new Request(new URL(sitePath, origin)), { routeData });
    // The not-found page answers 404, as it should when a host serves it.
    if (response.status !== (route === 'not-found' ? 404 : 200)) {
      failed.push(`${sitePath} (${response.status})`);
      return;
    }
    const file = outputFile(sitePath);
    await mkdir(path.dirname(path.join(outDir, file)), { recursive: true });
    await writeFile(path.join(outDir, file), Buffer.from(await response.arrayBuffer()));
    written.push(file);
    options.onRendered?.();
  };
  // A route's first page asks it for its paths (Astro keeps them): the rest follow side by side.
  for (const [route, group] of Map.groupBy(planned, (r) => r.route)) {
    await options.beforeRoute?.(route);
    await renderOne(group[0]);
    let next = 1;
    const worker = async () => {
      for (let i = next++; i < group.length; i = next++) await renderOne(group[i]);
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, group.length - 1) }, worker));
  }
  if (failed.length > 0) throw new Error(`${failed.length} pages could not be rendered: ${failed.slice(0, 20).join(', ')}`);
  return written.sort();
}
