/** The site's generated images: their paths and sizes, for markup and feeds. */

/** Site mark, for the RSS channel image (at most 144 px wide) and JSON-LD. */
export const logoImage = { path: '/logo.png', width: 144, height: 144 };

/** Open Graph size; a dispatch without a lead photo has one at …/og.png. */
export const socialImageSize = { width: 1200, height: 630 };

/** Social image of pages other than dispatches. */
export const defaultSocialImage = { path: '/og-default.png', ...socialImageSize };
