import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/scripts/**/*.test.ts'],
          setupFiles: ['tests/setup/temp-dirs.ts'],
          // The newsroom tests run a command a few times each, a process each, beside the build tests.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/site.ts'],
          setupFiles: ['tests/setup/temp-dirs.ts'],
          // Build tests run astro build themselves; one at a time keeps the
          // two cores for Astro and the timings sane.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // A browser's first search compiles Pagefind's WebAssembly and
          // starts its worker: more than expect.poll's default second on a
          // loaded machine, and no failure of the site's.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
