import rss from '@astrojs/rss';
import { feedFromView } from '../render/feed-items.ts';
import { routeView } from '../site/load.ts';

export const GET = async () => rss(await feedFromView(await routeView('feed')));
