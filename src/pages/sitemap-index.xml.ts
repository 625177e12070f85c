import type { APIRoute } from 'astro';
import { sitemapIndexXml } from '../lib/sitemap.ts';
import { routeView } from '../site/load.ts';

export const GET: APIRoute = async () =>
  new Response(sitemapIndexXml((await routeView('sitemap-index')).sitemaps), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
