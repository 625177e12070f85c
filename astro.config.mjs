// @ts-check
import { defineConfig } from 'astro/config';
import archiveBuild from '#src/build/integration.ts';
import { cacheDir, siteConfig } from '#src/config.ts';

// Astro compiles the pages; `npm run build` renders them from the dispatch
// archive (src/build/pipeline.ts), in full or only what changed.
export default defineConfig({
  site: siteConfig.origin,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // The Content-Security-Policy (public/_headers) allows no inline <style>.
    inlineStylesheets: 'never',
  },
  // Tests build fixture archives side by side; each needs its own cache.
  cacheDir,
  integrations: [archiveBuild()],
  devToolbar: { enabled: false },
  // One stylesheet for the whole site (13 KB), fetched once and cached for
  // every page, instead of four small ones a page.
  vite: { build: { cssCodeSplit: false } },
});
