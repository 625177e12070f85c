/**
 * The archive's Astro integration.
 *
 * In `astro build`, Astro compiles the pages and endpoints and writes the
 * site's assets (styles, scripts, fonts, public/), but renders no page: the
 * prerenderer below keeps the compiled pages in the build state instead, and
 * the pipeline renders from them (src/build/render.ts), the same way for a
 * full build as for a publish. So `npm run build` is the command that makes
 * a site; `astro build` alone only compiles it.
 *
 * In `astro dev`, it reloads the pages when the archive changes, shows the
 * archive's problems to a page that connects, and makes photo sizes when a
 * browser asks for them.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { ViteDevServer } from 'vite';
import { archiveDir, imagesDir, stateDir } from '#src/config.ts';
import { devProblems } from '#src/site/dev-problems.ts';
import { PHOTO_EXTENSIONS } from '#src/dispatch/photos.ts';
import { photoHash } from '#src/dispatch/record.ts';
import { assetsPath, parseVariantName } from '#src/render/photo-variants.ts';
import { CACHE_INPUTS, fingerprint } from './fingerprint.ts';
import { encodeVariant } from '#src/render/photo-encoder.ts';
import { statePaths } from './state.ts';

/**
 * Copies the compiled pages (Astro's prerender output, deleted after the
 * build) into the state. They import Astro and the site's dependencies, so
 * the copy gets a link to the project's node_modules wherever it lives.
 */
async function keepBundle(from: string, to: string, root: string) {
  const partial = `${to}.${process.pid}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(path.dirname(partial), { recursive: true });
  await cp(from, partial, { recursive: true });
  await symlink(path.join(root, 'node_modules'), path.join(partial, 'node_modules'), 'dir');
  await rm(to, { recursive: true, force: true });
  await rename(partial, to);
}

/**
 * Where Astro writes the compiled pages of a static site: beside the output,
 * or, for an output folder outside the working directory, in .astro/ there
 * (astro/dist/core/build/common.js, getOutDirWithinCwd).
 */
function prerenderDir(outDir: URL): string {
  const out = fileURLToPath(outDir);
  const base = out.startsWith(process.cwd()) ? out : path.join(process.cwd(), '.astro');
  return path.join(base, '.prerender');
}

/** Originals under `dirs`, by the hash photo size names carry (src/render/photo-variants.ts). */
function originalsByHash(dirs: readonly string[], encoderVersion: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of dirs) {
    let names: string[] = [];
    try {
      names = readdirSync(dir, { recursive: true }) as string[];
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      if (!PHOTO_EXTENSIONS.includes(path.extname(name).slice(1).toLowerCase()) || !statSync(file).isFile()) continue;
      found.set(photoHash(createHash('sha256').update(readFileSync(file)).digest('hex'), encoderVersion), file);
    }
  }
  return found;
}

function devServer(server: ViteDevServer, root: string) {
  const dirs = [archiveDir, imagesDir].map((dir) => path.resolve(root, dir));
  server.watcher.add(dirs);
  let originals: Map<string, string> | undefined;
  const changed = (file: string) => {
    if (!dirs.some((dir) => file.startsWith(dir + path.sep))) return;
    originals = undefined;
    // What Astro's own content layer sends: pages' paths are asked for again.
    for (const name of ['ssr', 'prerender']) server.environments[name]?.hot.send('astro:content-changed', {});
    server.environments.client.hot.send({ type: 'full-reload', path: '*' });
  };
  for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, changed);
  // A page that connects while the archive has problems is shown them (src/site/dev-problems.ts).
  server.environments.client.hot.on('vite:client:connect', () => {
    const problems = devProblems();
    if (problems) server.environments.client.hot.send({ type: 'error', err: problems });
  });
  server.middlewares.use(assetsPath, (request, response, next) => {
    const parsed = parseVariantName(decodeURIComponent(request.url?.slice(1).split('?')[0] ?? ''));
    const original = parsed && (originals ??= originalsByHash(dirs, fingerprint(root, { files: CACHE_INPUTS.photos }))).get(parsed.hash);
    if (!parsed || !original) return next();
    encodeVariant(original, parsed.spec).then(
      (bytes) => {
        response.setHeader('Content-Type', `image/${parsed.spec.format}`);
        response.end(bytes);
      },
      (error: unknown) => next(error),
    );
  });
}

export default function archiveBuild(): AstroIntegration {
  let outDir: URL;
  let root: string;
  return {
    name: 'archive-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
        root = fileURLToPath(config.root);
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        setPrerenderer({
          name: 'archive-build',
          setup: () => keepBundle(prerenderDir(outDir), statePaths(stateDir).bundle, root),
          getStaticPaths: async () => {
            logger.info('Pages compiled; npm run build renders them (src/build/render.ts)');
            return [];
          },
          render: () => Promise.reject(new Error('The archive renders its pages outside astro build')),
        });
      },
      'astro:server:setup': ({ server }) => devServer(server, root),
    },
  };
}
