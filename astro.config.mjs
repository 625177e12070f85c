// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeCleanText from './src/lib/rehype-clean-text.ts';
import archiveSitemap from './src/integrations/sitemap.ts';
import feedEnclosures from './src/integrations/enclosures.ts';
import photoOriginals from './src/integrations/originals.ts';
import builtDir from './src/integrations/built-dir.ts';
import incremental, { unchangedPages } from './src/integrations/incremental.ts';
import { cacheDir, siteConfig } from './src/config.ts';

export default defineConfig({
  site: siteConfig.origin,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Pages wait on work done off the main thread (social cards are drawn
    // and encoded in libuv's pool): eight in flight keep both cores busy.
    // Output does not depend on it.
    concurrency: 8,
    // The Content-Security-Policy (public/_headers) allows no inline <style>.
    inlineStylesheets: 'never',
  },
  // Tests build fixture archives side by side; each needs its own cache.
  cacheDir,
  markdown: {
    processor: unified({
      // Straight quotes: smart quotes are wrong for Arabic text.
      smartypants: false,
      // Raw HTML in a dispatch is parsed, then sanitised: no script, event
      // handler, iframe or javascript: URL from content reaches a page; nor
      // do control or bidi override characters written as references.
      rehypePlugins: [rehypeRaw, rehypeSanitize, rehypeCleanText],
    }),
  },
  image: {
    service: {
      entrypoint: 'astro/assets/services/sharp',
      // AVIF at sharp's default effort (4) takes about 1.5 s per photo size
      // on one core; effort 2 takes a seventh of that for files 11 % larger.
      config: { avif: { effort: 2 } },
    },
  },
  // The search index is built after Astro exits: see scripts/build.ts.
  // incremental first: its build:done deletes what no route has any more (a
  // withdrawn term's feed) before the others read the folder.
  integrations: [
    incremental(),
    archiveSitemap(new URL('.', import.meta.url), unchangedPages),
    feedEnclosures(),
    photoOriginals(),
    builtDir(),
  ],
  devToolbar: { enabled: false },
  // One stylesheet for the whole site (13 KB), fetched once and cached for
  // every page, instead of four small ones a page.
  vite: { build: { cssCodeSplit: false } },
});
