/**
 * Fills in the length of every feed enclosure. RSS wants the file's size in
 * bytes, but Astro writes optimised images only after every page and feed
 * has been rendered, so feeds are written with length="0" and corrected
 * here, in astro:build:done, from the files themselves. An enclosure whose
 * file is not in the build fails it.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { siteConfig } from '../config.ts';

const ENCLOSURE = /<enclosure url="([^"]+)" length="0"/g;

/** `xml` with each local enclosure's length set by `size(pathname)`. */
export async function fillEnclosureLengths(xml: string, size: (pathname: string) => Promise<number>): Promise<string> {
  const lengths = new Map<string, number>();
  for (const [, url] of xml.matchAll(ENCLOSURE)) {
    const { origin, pathname } = new URL(url.replaceAll('&amp;', '&'));
    if (origin === siteConfig.origin && !lengths.has(url)) lengths.set(url, await size(decodeURIComponent(pathname)));
  }
  return xml.replace(ENCLOSURE, (whole, url: string) =>
    lengths.has(url) ? `<enclosure url="${url}" length="${lengths.get(url)}"` : whole,
  );
}

/**
 * The feeds under `outDir`: /rss.xml and /<taxonomy>/<slug>/rss.xml. The
 * walk stops two folders down; listing all of a 100,000-dispatch site's
 * 450,000 files took 12 s.
 */
async function feedFiles(outDir: string, depth = 2, under = ''): Promise<string[]> {
  const entries = await readdir(path.join(outDir, under), { withFileTypes: true });
  const feeds: string[] = [];
  for (const entry of entries) {
    const name = path.join(under, entry.name);
    if (entry.isFile() && entry.name === 'rss.xml') feeds.push(name);
    else if (entry.isDirectory() && depth > 0) feeds.push(...(await feedFiles(outDir, depth - 1, name)));
  }
  return feeds;
}

export default function feedEnclosures(): AstroIntegration {
  return {
    name: 'feed-enclosures',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const outDir = fileURLToPath(dir);
        const feeds = await feedFiles(outDir);
        const size = async (pathname: string) => {
          try {
            return (await stat(path.join(outDir, pathname))).size;
          } catch {
            throw new Error(`A feed enclosure points at ${pathname}, which the build did not write.`);
          }
        };
        for (const feed of feeds.sort()) {
          const file = path.join(outDir, feed);
          const xml = await readFile(file, 'utf8');
          const filled = await fillEnclosureLengths(xml, size);
          if (filled !== xml) await writeFile(file, filled);
        }
      },
    },
  };
}
