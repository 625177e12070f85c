import type { APIRoute } from 'astro';
import { getArchive } from '../data/archive.ts';
import { newsSitemapXml, newsWindow } from '../lib/sitemap.ts';

export const GET: APIRoute = async () => {
  const { dispatches } = await getArchive();
  return new Response(newsSitemapXml(newsWindow(dispatches)), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
