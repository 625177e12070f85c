import type { APIRoute } from 'astro';
import { siteConfig } from '../config.ts';
import { t } from '../i18n/ar.ts';
import { cachedCard } from '../render/social-card.ts';

export const GET: APIRoute = async () => {
  const png = await cachedCard({ site: siteConfig.title, headline: t('home.title'), footer: siteConfig.origin.replace(/^https?:\/\//, '') });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
