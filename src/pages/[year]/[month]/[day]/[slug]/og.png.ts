import type { APIRoute, GetStaticPaths } from 'astro';
import { dispatchPaths } from '../../../../../data/archive.ts';
import { siteConfig } from '../../../../../config.ts';
import { dateline, type Dispatch } from '../../../../../lib/dispatch.ts';
import { cachedPng, socialSvg } from '../../../../../lib/social-image.ts';

export const getStaticPaths = (() => dispatchPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { dispatch } = props as { dispatch: Dispatch };
  const svg = socialSvg({
    site: siteConfig.title,
    headline: dispatch.title,
    footer: dateline(dispatch).replace(/ -$/, ''),
  });
  return new Response(new Uint8Array(await cachedPng(svg)), { headers: { 'Content-Type': 'image/png' } });
};
