/** The site's RSS feeds: the main one and one per city and per category. */
import { getArchive } from './archive.ts';
import { taxonomies, termFeed } from './terms.ts';
import { siteConfig } from '../config.ts';
import { t } from '../i18n/ar.ts';
import { feedOptions } from '../lib/feed.ts';
import { homePath, mainFeedPath } from '../lib/urls.ts';

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
    (d) => archive.entry(d).rendered?.html ?? '',
  );
}

/** getStaticPaths of /city/<slug>/rss.xml or /category/<slug>/rss.xml. */
export async function termFeedPaths(taxonomy: 'city' | 'category') {
  const archive = await getArchive();
  const describe = taxonomy === 'city' ? 'feed.cityDescription' : 'feed.categoryDescription';
  return taxonomies[taxonomy].groups(archive).map((group) => {
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
          (d) => archive.entry(d).rendered?.html ?? '',
        ),
      },
    };
  });
}
