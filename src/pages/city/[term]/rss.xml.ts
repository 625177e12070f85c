import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import type { RSSOptions } from '@astrojs/rss';
import { termFeedPaths } from '../../../data/feeds.ts';

export const getStaticPaths = (() => termFeedPaths('city')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => rss((props as { options: RSSOptions }).options);
