/**
 * npm run build [-- <astro build options>]
 *
 * Runs `astro build` (options passed through, --outDir among them), then,
 * once Astro's process has exited, indexes the built pages for search in
 * this one (src/search-index/build.ts). Two processes one after the other
 * rather than one: the peak memory of the build is the larger of the two,
 * not their sum.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from './cli.ts';

const args = process.argv.slice(2);
const { values } = parseArgs({ args, options: { outDir: { type: 'string' } }, strict: false });
const outDir = path.resolve(projectRoot, typeof values.outDir === 'string' ? values.outDir : 'dist');

const astro = spawn(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', ...args], {
  cwd: projectRoot,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => astro.kill(signal));
const code = await new Promise<number>((resolve) => astro.on('close', (exit, signal) => resolve(exit ?? (signal ? 1 : 0))));
if (code !== 0) process.exit(code);

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
