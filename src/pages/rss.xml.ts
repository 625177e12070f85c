import rss from '@astrojs/rss';
import { feedFromView } from '#src/render/feed-items.ts';
import { routeView } from '#src/site/load.ts';

export const GET = async () => rss(await feedFromView(await routeView('feed')));
