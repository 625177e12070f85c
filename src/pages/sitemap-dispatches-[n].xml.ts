import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapXml } from '../lib/sitemap.ts';
import { routePaths } from '../site/load.ts';
import type { SitemapView } from '../site/routes/feeds.ts';

export const getStaticPaths = (() => routePaths('sitemap-dispatches')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(sitemapXml((props as { view: SitemapView }).view.urls), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
