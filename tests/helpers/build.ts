/**
 * Builds an archive with the project's real build, `npm run build`, into a
 * folder of the test's choosing.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFlags } from '../../scripts/cli.ts';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface BuildResult {
  code: number;
  /** stdout and stderr, interleaved as printed. */
  output: string;
  /** stderr alone. */
  errors: string;
  outDir: string;
}

/**
 * The environment of a child astro process: this one's, without what vitest
 * adds (MODE=test, DEV=1, VITEST…), which Astro would read as its own.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const vitestKeys = /^(VITEST.*|TEST|MODE|DEV|PROD|SSR|BASE_URL|NODE_ENV)$/;
  return {
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !vitestKeys.test(key))),
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...extra,
  };
}

const made: string[] = [];

/** A new empty folder under `parent` (the system's temporary folder), removed by removeTempDirs(). */
export async function tempDir(prefix: string, parent = tmpdir()): Promise<string> {
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, `wal-${prefix}-`));
  made.push(dir);
  return dir;
}

/**
 * Where builds of the project itself go: inside it. For an output folder
 * outside the project, Astro compiles the pages in the project's
 * .astro/.prerender and removes it when done, so two such builds side by
 * side (test files run in parallel) would break each other; inside, each
 * output folder gets its own, as `npm run build` into dist/ does.
 */
const projectBuilds = path.join(projectRoot, 'node_modules/.cache/wal-tests');

/**
 * Removes the folders tempDir() made in this module instance: after each
 * test file (tests/setup/temp-dirs.ts), and after the whole run for those of
 * the global setup. A run of the suite writes about 2 GB of builds.
 */
export async function removeTempDirs() {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/**
 * A copy of the project (its code, registries and configuration, with the
 * real node_modules linked in), for tests that change what a build's
 * fingerprint covers: a registry, a layout.
 */
export async function copyProject(): Promise<string> {
  const copy = await tempDir('project');
  for (const entry of ['src', 'public', 'scripts', 'content', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    await cp(path.join(projectRoot, entry), path.join(copy, entry), { recursive: true });
  }
  await symlink(path.join(projectRoot, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  return copy;
}

/** Runs `npm run build` (scripts/build.ts) over `archiveDir`; each build gets its own cache. */
export async function buildSite(options: {
  archiveDir: string;
  /** A new empty folder by default; for the project itself, one inside it (projectBuilds). */
  outDir?: string;
  env?: Record<string, string>;
  /** The build state and Astro's cache, to build again from it; a new empty one by default. */
  cacheDir?: string;
  /** Another copy of the project (copyProject) to build with. */
  project?: string;
  args?: string[];
}): Promise<BuildResult> {
  const project = options.project ?? projectRoot;
  const outDir = options.outDir ?? (await tempDir('dist', project === projectRoot ? projectBuilds : undefined));
  if (project === projectRoot && !outDir.startsWith(projectRoot)) {
    throw new Error(`${outDir}: a build of the project goes inside it (see projectBuilds); leave outDir out`);
  }
  const cacheDir = options.cacheDir ?? (await tempDir('cache'));
  return new Promise((resolve, reject) => {
    const args = [...buildFlags(project), path.join(project, 'scripts/build.ts'), '--outDir', outDir, ...(options.args ?? [])];
    const child = spawn(process.execPath, args, {
      cwd: project,
      // A shard of the search index per year, however few dispatches a year has.
      env: childEnv({
        ARCHIVE_DIR: options.archiveDir,
        ASTRO_CACHE_DIR: cacheDir,
        ARCHIVE_PREVIEW: '',
        SEARCH_SHARD_MIN_PAGES: '1',
        ...options.env,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => {
      output += chunk;
      errors += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output, errors, outDir }));
  });
}

/** Every file under `dir`, as paths relative to it with / separators. */
export async function listFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  return names
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** The HTML of every page, keyed by URL path (/a/b/ for a/b/index.html). */
export async function readPages(dist: string): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  for (const file of await listFiles(dist)) {
    if (!file.endsWith('.html')) continue;
    const url = `/${file.replace(/index\.html$/, '')}`;
    pages.set(url, await readFile(path.join(dist, file), 'utf8'));
  }
  return pages;
}
