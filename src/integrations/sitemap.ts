/**
 * @astrojs/sitemap set up for the archive: an index plus chunks of at most
 * 10,000 URLs, each dispatch with lastmod from `updated` or `date`.
 * Only built pages are listed, so drafts and embargoed dispatches never are.
 */
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import { archiveDir, imagesDir } from '../config.ts';
import { readArchive } from '../loaders/dispatches.ts';
import { lastModified } from '../lib/sitemap.ts';

export const sitemapEntryLimit = 10_000;

export default function archiveSitemap(root: URL) {
  let lastmods: Promise<Map<string, Date>> | undefined;
  return sitemap({
    entryLimit: sitemapEntryLimit,
    async serialize(item) {
      lastmods ??= readArchive(fileURLToPath(root), archiveDir, imagesDir).then(lastModified);
      const lastmod = (await lastmods).get(item.url);
      return lastmod ? { ...item, lastmod: lastmod.toISOString() } : item;
    },
  });
}
