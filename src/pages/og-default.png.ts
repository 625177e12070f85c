import type { APIRoute } from 'astro';
import { siteConfig } from '#src/config.ts';
import { t } from '#src/i18n/ar.ts';
import { cachedCard } from '#src/render/social-card.ts';

export const GET: APIRoute = async () => {
  const png = await cachedCard({
    site: siteConfig.title,
    headline: t('home.title'),
    footer: siteConfig.origin.replace(/^https?:\/\//, ''),
  });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
