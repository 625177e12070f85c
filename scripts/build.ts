/**
 * npm run build [-- <astro build options>]
 *
 * Runs `astro build` (options passed through), then, once Astro's process
 * has exited, indexes the built pages for search in this one
 * (src/search-index/build.ts). Two processes one after the other rather than
 * one: the peak memory of the build is the larger of the two, not their sum.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from './cli.ts';

// Relative paths of the config (the cache folder) are from the project root, as for Astro.
process.chdir(projectRoot);
// Astro says where it wrote the site (src/integrations/built-dir.ts).
const recordDir = await mkdtemp(path.join(tmpdir(), 'wal-build-'));
const record = path.join(recordDir, 'dir');

const astro = spawn(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, BUILT_DIR_FILE: record },
});
// A terminal's Ctrl-C reaches both processes; a kill or a CI timeout reaches this one only.
const forward = (signal: NodeJS.Signals) => astro.kill(signal);
process.on('SIGINT', forward).on('SIGTERM', forward);
const code = await new Promise<number>((resolve) =>
  astro.on('close', (exit, signal) => resolve(exit ?? 128 + (signal ? constants.signals[signal] : 0))),
);
process.off('SIGINT', forward).off('SIGTERM', forward);
const outDir = await readFile(record, 'utf8').catch(() => undefined);
await rm(recordDir, { recursive: true, force: true });
if (code !== 0 || outDir === undefined) process.exit(code);

// Astro's own log lines open with the time: so does this one.
const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
try {
  // Imported only now, so that this process stays small while Astro runs.
  const { buildSearchIndex, describeSearchIndex } = await import('../src/search-index/build.ts');
  const result = await buildSearchIndex(outDir, projectRoot);
  console.log(`${clock.format(new Date())} [search] ${describeSearchIndex(result)}`);
} catch (error) {
  console.error(`${clock.format(new Date())} [search] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
