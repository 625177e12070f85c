import type { APIRoute } from 'astro';
import { absoluteUrl, newsSitemapPath, sitemapIndexPath } from '#src/dispatch/urls.ts';

export const GET: APIRoute = () =>
  new Response(
    ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(sitemapIndexPath)}`, `Sitemap: ${absoluteUrl(newsSitemapPath)}`, ''].join(
      '\n',
    ),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
