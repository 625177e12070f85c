import type { APIRoute } from 'astro';
import { sitemapXml } from '../lib/sitemap.ts';
import { routeView } from '../site/load.ts';

export const GET: APIRoute = async () =>
  new Response(sitemapXml((await routeView('sitemap-pages')).urls), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
