import type { APIRoute, GetStaticPaths } from 'astro';
import { buildNow } from '#src/config.ts';
import type { Dispatch } from '#src/dispatch/dispatch.ts';
import { cachedCard, keptAsDrawn } from '#src/render/social-card.ts';
import { routePaths } from '#src/site/load.ts';
import { socialCard } from '#src/site/routes/dispatches.ts';

// A dispatch with a lead photo is shared with a crop of it instead.
export const getStaticPaths = (() => routePaths('card')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { dispatch } = (props as { view: { dispatch: Dispatch } }).view;
  const png = await cachedCard(socialCard(dispatch), { kept: keptAsDrawn(dispatch.date, buildNow()) });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
