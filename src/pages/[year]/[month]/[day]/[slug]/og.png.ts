import type { APIRoute, GetStaticPaths } from 'astro';
import { buildNow } from '../../../../../config.ts';
import type { Dispatch } from '../../../../../lib/dispatch.ts';
import { cachedCard, keptAsDrawn } from '../../../../../render/social-card.ts';
import { routePaths } from '../../../../../site/load.ts';
import { socialCard } from '../../../../../site/routes/dispatches.ts';

// A dispatch with a lead photo is shared with a crop of it instead.
export const getStaticPaths = (() => routePaths('card')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { dispatch } = (props as { view: { dispatch: Dispatch } }).view;
  const png = await cachedCard(socialCard(dispatch), { kept: keptAsDrawn(dispatch.date, buildNow()) });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
