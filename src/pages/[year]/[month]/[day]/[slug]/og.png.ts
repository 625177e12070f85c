import type { APIRoute, GetStaticPaths } from 'astro';
import { cachedCard, type SocialCard } from '../../../../../lib/social-image.ts';
import { routePaths } from '../../../../../site/load.ts';

// A dispatch with a lead photo is shared with a crop of it instead.
export const getStaticPaths = (() => routePaths('card')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await cachedCard((props as { view: SocialCard }).view);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
