/**
 * `astro build`, in a process of its own: Astro compiles the pages (kept in
 * the build state by src/build/integration.ts) and writes the site's assets
 * into an emptied output folder. Its memory is freed before pages render.
 * Of what it prints, its warnings and errors are passed on, and its last
 * lines when it fails.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const worthSaying = /\b(warn(ing)?|error)\b|\[(WARN|ERROR)\]|^\s*\(!\)/i;
/** Lines of its output kept to say why it failed. */
const LAST_LINES = 40;

/** Settles once Astro's process has exited: stopped by `signal`, it is gone before this rejects. */
export function compileSite(root: string, outDir: string, say: (line: string) => void, signal?: AbortSignal): Promise<void> {
  const astro = spawn(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  for (const stream of [astro.stdout, astro.stderr]) {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      output.push(line);
      if (output.length > LAST_LINES) output.shift();
      if (worthSaying.test(line)) say(line);
    });
  }
  // A kill or a CI timeout reaches the build's process; Astro's goes with it.
  const forward = (name: NodeJS.Signals) => astro.kill(name);
  const stop = () => astro.kill('SIGTERM');
  process.on('SIGINT', forward).on('SIGTERM', forward);
  signal?.addEventListener('abort', stop, { once: true });
  return new Promise<void>((resolve, reject) => {
    // Only a process that never started reports nothing more than this.
    astro.on('error', (error) => astro.pid === undefined && reject(error));
    astro.on('close', (code, killed) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      signal?.removeEventListener('abort', stop);
      if (code === 0) resolve();
      else reject(new Error(`astro build failed (${killed ?? `exit ${code}`}):\n${output.join('\n')}`));
    });
  });
}
