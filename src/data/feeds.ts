/** The site's RSS feeds: the main one and one per city and per category. */
import { getImage } from 'astro:assets';
import { getArchive, type Archive } from './archive.ts';
import { enclosurePhoto, PHOTO_BACKGROUND } from './photos.ts';
import { taxonomies, termFeed } from './terms.ts';
import { changedOnly } from './routes.ts';
import { siteConfig } from '../config.ts';
import { t } from '../i18n/ar.ts';
import type { Dispatch, Photo } from '../lib/dispatch.ts';
import { feedOptions, feedPhotoHtml, feedSize, type FeedItemContent } from '../lib/feed.ts';
import { homePath, mainFeedPath } from '../lib/urls.ts';

/** Feed readers get one JPEG per photo, as wide as the article column allows. */
async function photoHtml(photo: Photo): Promise<string> {
  const image = await getImage({ src: photo.src, width: Math.min(800, photo.src.width), format: 'jpg', background: PHOTO_BACKGROUND });
  const { width, height } = image.attributes as { width: number; height: number };
  return feedPhotoHtml({ path: image.src, width, height, type: 'image/jpeg' }, photo);
}

const contents = new WeakMap<Dispatch, Promise<FeedItemContent>>();

/** An item's photos and body; the same dispatch in many feeds is worked out once. */
function itemContent(archive: Archive, d: Dispatch): Promise<FeedItemContent> {
  let content = contents.get(d);
  if (!content) {
    content = (async () => {
      const html = await archive.body(d);
      const photos = await Promise.all(d.photos.map(photoHtml));
      if (!d.image) return { html, photos };
      return { html, photos, leadHtml: await photoHtml(d.image), enclosure: await enclosurePhoto(d.image.src) };
    })();
    contents.set(d, content);
  }
  return content;
}

/** Item contents of the dispatches a feed shows, looked up synchronously. */
async function contentsOf(archive: Archive, dispatches: readonly Dispatch[]) {
  const shown = dispatches.slice(0, feedSize);
  const resolved = new Map(await Promise.all(shown.map(async (d) => [d, await itemContent(archive, d)] as const)));
  return (d: Dispatch) => resolved.get(d)!;
}

export async function mainFeed() {
  const archive = await getArchive();
  return feedOptions(
    {
      title: t('feed.mainTitle', { site: siteConfig.title }),
      description: siteConfig.description,
      pagePath: homePath,
      feedPath: mainFeedPath,
    },
    archive.dispatches,
    await contentsOf(archive, archive.dispatches),
  );
}

/** getStaticPaths of /city/<slug>/rss.xml or /category/<slug>/rss.xml. */
export async function termFeedPaths(taxonomy: 'city' | 'category') {
  const archive = await getArchive();
  const describe = taxonomy === 'city' ? 'feed.cityDescription' : 'feed.categoryDescription';
  const groups = await changedOnly(`${taxonomy}-feed`, taxonomies[taxonomy].groups(archive), (group) => ({
    path: termFeed(taxonomy, group)!.href,
    inputs: [group.slug, group.name, group.dispatches.slice(0, feedSize)],
  }));
  return Promise.all(
    groups.map(async (group) => {
      const feed = termFeed(taxonomy, group)!;
      return {
        params: { term: group.slug },
        props: {
          options: feedOptions(
            {
              title: feed.title,
              description: t(describe, { name: group.name, site: siteConfig.title }),
              pagePath: group.href,
              feedPath: feed.href,
            },
            group.dispatches,
            await contentsOf(archive, group.dispatches),
          ),
        },
      };
    }),
  );
}
