// The site mark as a PNG, for the RSS channel image (at most 144 px wide)
// and the publisher logo in JSON-LD, drawn from the favicon.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRoute } from 'astro';
import { logoImage } from '../lib/brand.ts';
import { cachedPng } from '../lib/social-image.ts';

export const GET: APIRoute = () => {
  const svg = readFileSync(path.join(process.cwd(), 'public/favicon.svg'), 'utf8');
  return new Response(new Uint8Array(cachedPng(svg, logoImage.width)), { headers: { 'Content-Type': 'image/png' } });
};
