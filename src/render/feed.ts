/**
 * RSS 2.0 feeds as @astrojs/rss options: every date in Tripoli time, every
 * link absolute, the full body right-to-left in content:encoded.
 * lastBuildDate is the newest item's date, so a rebuild changes nothing.
 * No stylesheet: a feed is for feed readers; people find it through the
 * feeds page (src/pages/feeds.astro).
 */
import type { RSSOptions } from '@astrojs/rss';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { siteConfig } from '#src/config.ts';
import { correctionsHtml, datelineHtml, escapeHtml, withDateline } from './body-html.ts';
import { toRfc822 } from '#src/dispatch/dates.ts';
import { dateline, type Dispatch } from '#src/dispatch/dispatch.ts';
import { logoImage } from './image-sizes.ts';
import { fillPhotos } from '#src/dispatch/photo-markers.ts';
import { absoluteUrl } from '#src/dispatch/urls.ts';
import { escapeXml } from './xml.ts';

export const feedSize = 50;

const URL_PROPERTIES = ['href', 'src', 'poster', 'cite'];

/** `value` resolved against `base`, or left as it is when it is not a URL. */
function resolveUrl(value: string, base: string): string {
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

/** Rewrites relative href/src/srcset in an HTML fragment against `base`. */
export function absolutizeUrls(html: string, base: string): string {
  const tree = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node) => {
    for (const name of URL_PROPERTIES) {
      const value = node.properties[name];
      if (typeof value === 'string') node.properties[name] = resolveUrl(value, base);
    }
    const srcSet = node.properties.srcSet;
    if (srcSet !== undefined && srcSet !== null) {
      const candidates = Array.isArray(srcSet) ? srcSet.map(String) : String(srcSet).split(',');
      node.properties.srcSet = candidates
        .map((candidate) => {
          const [url, ...descriptor] = candidate.trim().split(/\s+/);
          return [resolveUrl(url, base), ...descriptor].join(' ');
        })
        .join(', ');
    }
  });
  return toHtml(tree);
}

export interface FeedChannel {
  title: string;
  description: string;
  /** Site path of the page the feed follows (its channel link). */
  pagePath: string;
  /** Site path of the feed itself. */
  feedPath: string;
}

export interface FeedPhotoFile {
  /** Site path of the file. */
  path: string;
  width: number;
  height: number;
  type: string;
}

/** An enclosure: the file, and its size in bytes. */
interface FeedEnclosure extends FeedPhotoFile {
  length: number;
}

/** What an item shows besides its text: the body as HTML and the lead photo. */
export interface FeedItemContent {
  /** Sanitised body HTML, with photo markers (see photo-markers.ts). */
  html: string;
  /** The figure of each body photo, by marker number. */
  photos: string[];
  /** The lead photo's figure, shown above the body. */
  leadHtml?: string;
  enclosure?: FeedEnclosure;
}

/** A photo as feed readers show it: one plain JPEG, no <picture>, with its caption and credit. */
export function feedPhotoHtml(file: FeedPhotoFile, photo: { alt: string; caption?: string; credit: string }): string {
  const caption = [photo.caption, `(${photo.credit})`].filter(Boolean).join(' ');
  return (
    `<figure><img src="${escapeHtml(file.path)}" alt="${escapeHtml(photo.alt)}" width="${file.width}" height="${file.height}">` +
    `<figcaption>${escapeHtml(caption)}</figcaption></figure>`
  );
}

// A dispatch appears in the main feed and in its city's, category's and tags':
// its content is put together (and its HTML parsed) once.
const contents = new WeakMap<Dispatch, string>();

function itemContent(d: Dispatch, { html, photos, leadHtml = '' }: FeedItemContent): string {
  let content = contents.get(d);
  if (content === undefined) {
    const text = fillPhotos(withDateline(html, datelineHtml(d)), (n) => photos[n]);
    const body = leadHtml + text + correctionsHtml(d.corrections);
    content = `<div dir="${siteConfig.dir}" lang="${siteConfig.lang}">${absolutizeUrls(body, absoluteUrl(d.url))}</div>`;
    contents.set(d, content);
  }
  return content;
}

/**
 * @param dispatches newest first; the first `feedSize` become items
 * @param content what each item shows besides its text; without it, items carry the summary alone
 */
export function feedOptions(channel: FeedChannel, dispatches: readonly Dispatch[], content?: (d: Dispatch) => FeedItemContent): RSSOptions {
  const items = dispatches.slice(0, feedSize);
  const newest = items[0]?.date;
  return {
    title: channel.title,
    description: channel.description,
    site: absoluteUrl(channel.pagePath),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      `<language>${siteConfig.lang}</language>`,
      `<atom:link href="${escapeXml(absoluteUrl(channel.feedPath))}" rel="self" type="application/rss+xml"/>`,
      newest ? `<lastBuildDate>${toRfc822(newest)}</lastBuildDate>` : '',
      `<image><url>${escapeXml(absoluteUrl(logoImage.path))}</url><title>${escapeXml(channel.title)}</title>` +
        `<link>${escapeXml(absoluteUrl(channel.pagePath))}</link></image>`,
    ].join(''),
    items: items.map((d) => {
      const url = absoluteUrl(d.url);
      const full = content?.(d);
      const enclosure = full?.enclosure;
      return {
        title: d.title,
        link: url,
        // RSS readers treat description as HTML: escape the text.
        // A flash with no sentence in its body has no summary: its headline follows the dateline.
        description: escapeHtml(`${dateline(d)} ${d.summary || d.title}`),
        ...(full && { content: itemContent(d, full) }),
        categories: [d.category.name, ...d.tags.map((tag) => tag.name)],
        customData: `<pubDate>${toRfc822(d.date)}</pubDate>`,
        ...(enclosure && { enclosure: { url: absoluteUrl(enclosure.path), length: enclosure.length, type: enclosure.type } }),
      };
    }),
  };
}
