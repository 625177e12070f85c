/**
 * @astrojs/sitemap set up for the archive: an index plus chunks of at most
 * 10,000 URLs, each dispatch with lastmod from `updated` or `date`.
 * Only built pages are listed, so drafts and embargoed dispatches never are.
 */
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import { archiveDir, imagesDir } from '../config.ts';
import { readArchive } from '../loaders/dispatches.ts';
import { readLastModified } from '../loaders/lastmods.ts';
import { lastModified } from '../lib/sitemap.ts';

export const sitemapEntryLimit = 10_000;

/** What the loader wrote at this build's content sync, or the archive read again without it. */
async function lastmodsOf(root: URL): Promise<Map<string, string>> {
  const written = await readLastModified();
  if (written) return written;
  const dates = lastModified(await readArchive(fileURLToPath(root), archiveDir, imagesDir));
  return new Map([...dates].map(([url, date]) => [url, date.toISOString()]));
}

/** `unchanged`: pages an incremental build left as they were (read when the build is done). */
export default function archiveSitemap(root: URL, unchanged: string[]) {
  let lastmods: Promise<Map<string, string>> | undefined;
  return sitemap({
    entryLimit: sitemapEntryLimit,
    customPages: unchanged,
    async serialize(item) {
      lastmods ??= lastmodsOf(root);
      const lastmod = (await lastmods).get(item.url);
      return lastmod ? { ...item, lastmod } : item;
    },
  });
}
