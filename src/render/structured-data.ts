/**
 * schema.org JSON-LD for search engines: NewsArticle and BreadcrumbList.
 */
import { siteConfig } from '#src/config.ts';
import { toIsoWithOffset } from '#src/dispatch/dates.ts';
import type { Dispatch } from '#src/dispatch/dispatch.ts';
import { absoluteUrl } from '#src/dispatch/urls.ts';

export interface ImageRef {
  path: string;
  width: number;
  height: number;
}

/** @param images the lead photo's crops, or the generated headline card */
export function newsArticle(d: Dispatch, images: readonly ImageRef[], logo: ImageRef) {
  const url = absoluteUrl(d.url);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: d.title,
    // A flash with no sentence in its body has no summary: its headline describes it.
    description: d.summary || d.title,
    datePublished: toIsoWithOffset(d.date),
    dateModified: toIsoWithOffset(d.updated ?? d.date),
    inLanguage: siteConfig.lang,
    isAccessibleForFree: true,
    articleSection: d.category.name,
    ...(d.tags.length > 0 && { keywords: d.tags.map((t) => t.name) }),
    ...(d.corrections.length > 0 && {
      correction: d.corrections.map((c) => ({
        '@type': 'CorrectionComment',
        text: c.note,
        datePublished: toIsoWithOffset(c.date),
      })),
    }),
    image: images.map((image) => ({
      '@type': 'ImageObject',
      url: absoluteUrl(image.path),
      width: image.width,
      height: image.height,
      ...(d.image && { caption: d.image.caption ?? d.image.alt, creditText: d.image.credit }),
    })),
    locationCreated: {
      '@type': 'Place',
      name: d.city.name,
      address: { '@type': 'PostalAddress', addressLocality: d.city.name, addressCountry: d.city.country },
    },
    author: { '@type': 'Organization', name: d.source.name },
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: siteConfig.publisher,
      url: absoluteUrl('/'),
      logo: { '@type': 'ImageObject', url: absoluteUrl(logo.path), width: logo.width, height: logo.height },
    },
  };
}

export function breadcrumbList(crumbs: { label: string; href: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.label,
      item: absoluteUrl(crumb.href),
    })),
  };
}

/**
 * JSON for a <script type="application/ld+json">: `<`, `>` and `&` escaped
 * so no text (a headline with "</script>") can end the element early.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
