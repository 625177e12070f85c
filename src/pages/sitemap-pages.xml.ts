import type { APIRoute } from 'astro';
import { sitemapXml } from '#src/render/sitemap.ts';
import { routeView } from '#src/site/load.ts';

export const GET: APIRoute = async () =>
  new Response(sitemapXml((await routeView('sitemap-pages')).urls), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
