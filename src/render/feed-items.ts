/**
 * What a feed's items show besides their text: each body (from the build
 * state), its photos as one plain JPEG each, and the lead photo as the
 * enclosure, with its length read from the file the photo step made.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { RSSOptions } from '@astrojs/rss';
import { stateDir } from '#src/config.ts';
import { readBody, statePaths } from '#src/build/state.ts';
import type { Dispatch, Photo } from '#src/dispatch/dispatch.ts';
import { feedOptions, feedPhotoHtml, type FeedItemContent } from './feed.ts';
import type { FeedView } from '#src/site/routes/feeds.ts';
import { enclosurePhoto, feedPhoto } from './photo-variants.ts';

const photoHtml = (photo: Photo) => feedPhotoHtml(feedPhoto(photo.src), photo);

/** Bytes of a photo size, which RSS wants on an enclosure. */
function lengthOf(name: string): number {
  try {
    return statSync(path.join(statePaths(stateDir).photos, name)).size;
  } catch (error) {
    // astro dev makes sizes when a browser asks for them, not before.
    if (import.meta.env.DEV) return 0;
    throw new Error(`The feed enclosure ${name} was not made by the photo step`, { cause: error });
  }
}

async function itemContent(d: Dispatch): Promise<FeedItemContent> {
  const html = await readBody(stateDir, d.body);
  const photos = d.photos.map(photoHtml);
  if (!d.image) return { html, photos };
  const enclosure = enclosurePhoto(d.image.src);
  return { html, photos, leadHtml: photoHtml(d.image), enclosure: { ...enclosure, length: lengthOf(enclosure.name) } };
}

/** @astrojs/rss options of a feed's view. */
export async function feedFromView(view: FeedView): Promise<RSSOptions> {
  if (!view.full) return feedOptions(view.channel, view.items);
  const contents = new Map(await Promise.all(view.items.map(async (d) => [d, await itemContent(d)] as const)));
  return feedOptions(view.channel, view.items, (d) => contents.get(d)!);
}
