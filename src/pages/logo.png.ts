// The site mark as a PNG, for the RSS channel image (at most 144 px wide)
// and the publisher logo in JSON-LD, drawn from the favicon.
import type { APIRoute } from 'astro';
import favicon from '../../public/favicon.svg?raw';
import { logoImage } from '#src/render/image-sizes.ts';
import { cachedPng } from '#src/render/social-image.ts';

export const GET: APIRoute = async () =>
  new Response(new Uint8Array(await cachedPng(favicon, logoImage.width)), { headers: { 'Content-Type': 'image/png' } });
