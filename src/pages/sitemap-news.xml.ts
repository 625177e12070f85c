import type { APIRoute } from 'astro';
import { newsSitemapXml } from '../lib/sitemap.ts';
import { routeView } from '../site/load.ts';

export const GET: APIRoute = async () =>
  new Response(newsSitemapXml((await routeView('news-sitemap')).items), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
