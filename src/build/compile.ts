/**
 * `astro build`, in a process of its own: Astro compiles the pages (kept in
 * the build state by src/build/integration.ts) and writes the site's assets
 * into an emptied output folder. Its memory is freed before pages render.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export function compileSite(root: string, outDir: string, signal?: AbortSignal): Promise<void> {
  const astro = spawn(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: root,
    stdio: 'inherit',
    signal,
  });
  // A kill or a CI timeout reaches the build's process; Astro's goes with it.
  const forward = (name: NodeJS.Signals) => astro.kill(name);
  process.on('SIGINT', forward).on('SIGTERM', forward);
  return new Promise<void>((resolve, reject) => {
    astro.on('error', reject);
    astro.on('close', (code, killed) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      if (code === 0) resolve();
      else reject(new Error(`astro build failed (${killed ?? `exit ${code}`})`));
    });
  });
}
