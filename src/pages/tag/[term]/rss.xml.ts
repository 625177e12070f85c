import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedFromView } from '#src/render/feed-items.ts';
import { routePaths } from '#src/site/load.ts';
import type { FeedView } from '#src/site/routes/feeds.ts';

export const getStaticPaths = (() => routePaths('tag-feed')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => rss(await feedFromView((props as { view: FeedView }).view));
