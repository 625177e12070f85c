import rss from '@astrojs/rss';
import { mainFeed } from '../data/feeds.ts';

export const GET = async () => rss(await mainFeed());
