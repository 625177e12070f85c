import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapXml } from '#src/render/sitemap.ts';
import { routePaths } from '#src/site/load.ts';
import type { SitemapView } from '#src/site/routes/feeds.ts';

export const getStaticPaths = (() => routePaths('sitemap-dispatches')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(sitemapXml((props as { view: SitemapView }).view.urls), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
