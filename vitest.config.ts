import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

// Files side by side, one per core and at least two: a browser test or a
// build waits part of the time, and the other file uses that core. Three on
// two cores was slower: the builds then take turns at the processor.
const sideBySide = { maxWorkers: Math.max(2, availableParallelism()) };

// Build and browser tests over the test archive that tests/setup/site.ts builds once.
const siteTests = {
  ...sideBySide,
  globalSetup: ['tests/setup/site.ts'],
  setupFiles: ['tests/setup/temp-dirs.ts'],
  testTimeout: 120_000,
  hookTimeout: 300_000,
  // A browser's first search compiles Pagefind's WebAssembly and starts its
  // worker: more than expect.poll's default second on a loaded machine, and
  // no failure of the site's.
  expect: { poll: { timeout: 10_000 } },
};

// Tests that run builds (or `astro dev`) of their own: the longest files.
const ownBuilds = [
  'tests/build/publish.test.ts',
  'tests/build/modes.test.ts',
  'tests/build/sample.test.ts',
  'tests/build/cards.test.ts',
  'tests/build/bad-input.test.ts',
  'tests/e2e/search-recall.test.ts',
];

export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    // The projects share the workers. Their files are queued by project
    // name, so the long builds start first, then longest (on a first run,
    // largest) file first.
    projects: [
      { test: { ...siteTests, name: 'builds', include: ownBuilds } },
      {
        test: {
          ...siteTests,
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...ownBuilds],
        },
      },
      {
        test: {
          ...sideBySide,
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/scripts/**/*.test.ts'],
          setupFiles: ['tests/setup/temp-dirs.ts'],
          // The newsroom tests run a command a few times each, a process each, beside the build tests.
          testTimeout: 30_000,
        },
      },
    ],
  },
});
