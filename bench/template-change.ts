/**
 * A change to a layout's markup, as a designer makes one: an attribute on
 * every page's <body> (src/layouts/Base.astro). The site's fingerprint
 * changes, so the next build is a full one, with every page rendered again
 * and the bodies, cards and search shards of the build state reused.
 * The layout is put back however the work ends.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const CHANGED_LAYOUT = 'src/layouts/Base.astro';
export const CHANGED_MARKUP = '<body data-layout="bench">';

export async function withLayoutChange<T>(projectRoot: string, work: () => Promise<T>): Promise<T> {
  const file = path.join(projectRoot, CHANGED_LAYOUT);
  const original = await readFile(file, 'utf8');
  if (!original.includes('<body>')) throw new Error(`${CHANGED_LAYOUT} has no <body> to change`);
  const restore = () => writeFile(file, original);
  const interrupted = async (signal: NodeJS.Signals) => {
    await restore();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  await writeFile(file, original.replace('<body>', CHANGED_MARKUP));
  try {
    return await work();
  } finally {
    await restore();
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
  }
}
