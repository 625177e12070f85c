/**
 * Builds the test archive once (under TZ=UTC) for every build and browser
 * test; they read the result through inject('site'). The projects that list
 * this setup share the one build: the first starts it, the others wait for it.
 */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { makeTestArchive } from '../helpers/archive.ts';
import { buildSite, removeTempDirs, tempDir } from '../helpers/build.ts';

interface TestSite {
  archiveDir: string;
  dist: string;
  /** What the build printed. */
  output: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    site: TestSite;
  }
}

// On globalThis: each project may load this module apart, in the one process.
const shared = globalThis as { testSite?: Promise<TestSite> };

async function buildTestSite(): Promise<TestSite> {
  const archiveDir = await makeTestArchive(path.join(await tempDir('archive'), 'dispatches'));
  const result = await buildSite({ archiveDir, env: { TZ: 'UTC' } });
  if (result.code !== 0) {
    throw new Error(`The test archive did not build:\n${result.output}`);
  }
  return { archiveDir, dist: result.outDir, output: result.output };
}

export default async function setup(project: TestProject) {
  const first = !shared.testSite;
  shared.testSite ??= buildTestSite();
  project.provide('site', await shared.testSite);
  // The folders go once, with the project that made them, after every project's tests.
  return first ? removeTempDirs : undefined;
}
