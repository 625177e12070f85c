import type { APIRoute, GetStaticPaths } from 'astro';
import { dispatchPaths } from '../../../../../data/routes.ts';
import { siteConfig } from '../../../../../config.ts';
import { dateline, type Dispatch } from '../../../../../lib/dispatch.ts';
import { cachedCard } from '../../../../../lib/social-image.ts';

// A dispatch with a lead photo is shared with a crop of it instead.
export const getStaticPaths = (() =>
  dispatchPaths({ name: 'social-card', file: 'og.png', which: (d) => !d.image })) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { dispatch } = props as { dispatch: Dispatch };
  const png = await cachedCard({
    site: siteConfig.title,
    headline: dispatch.title,
    footer: dateline(dispatch).replace(/ -$/, ''),
  });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
