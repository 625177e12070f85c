import type { APIRoute } from 'astro';
import { sitemapIndexXml } from '#src/render/sitemap.ts';
import { routeView } from '#src/site/load.ts';

export const GET: APIRoute = async () =>
  new Response(sitemapIndexXml((await routeView('sitemap-index')).sitemaps), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
