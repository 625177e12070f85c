import type { APIRoute, GetStaticPaths } from 'astro';
import type { Dispatch } from '../../../../../lib/dispatch.ts';
import { cachedCard } from '../../../../../lib/social-image.ts';
import { routePaths } from '../../../../../site/load.ts';
import { socialCard } from '../../../../../site/routes/dispatches.ts';

// A dispatch with a lead photo is shared with a crop of it instead.
export const getStaticPaths = (() => routePaths('card')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await cachedCard(socialCard((props as { view: { dispatch: Dispatch } }).view.dispatch));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
