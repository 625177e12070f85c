/**
 * Builds the test archive once (under TZ=UTC) for every build and browser
 * test; they read the result through inject('site').
 */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { makeTestArchive } from '../helpers/archive.ts';
import { buildSite, removeTempDirs, tempDir } from '../helpers/build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    site: { archiveDir: string; dist: string; output: string };
  }
}

export default async function setup(project: TestProject) {
  const archiveDir = await makeTestArchive(path.join(await tempDir('archive'), 'dispatches'));
  const result = await buildSite({ archiveDir, env: { TZ: 'UTC' } });
  if (result.code !== 0) {
    throw new Error(`The test archive did not build:\n${result.output}`);
  }
  project.provide('site', { archiveDir, dist: result.outDir, output: result.output });
  return removeTempDirs;
}
