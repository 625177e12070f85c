import type { APIRoute } from 'astro';
import { newsSitemapXml } from '#src/render/sitemap.ts';
import { routeView } from '#src/site/load.ts';

export const GET: APIRoute = async () =>
  new Response(newsSitemapXml((await routeView('news-sitemap')).items), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
