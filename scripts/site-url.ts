/**
 * npm run site-url: fails when the site's address is the placeholder, so
 * that no site is published whose feeds, canonical URLs and share links
 * point at archive.lana.example. The deploy workflow runs it before the
 * build; locally the build only warns.
 */
export {};

const { PLACEHOLDER_ORIGIN, siteConfig } = await import('#src/config.ts').catch((error: Error) => {
  // A SITE_URL that is not an address.
  console.error(error.message);
  process.exit(1);
});

if (siteConfig.origin === PLACEHOLDER_ORIGIN) {
  console.error(
    `The site's address is still the placeholder ${PLACEHOLDER_ORIGIN}. Set SITE_URL to the address readers use, e.g. https://archive.lana.ly: ` +
      'on GitHub, a repository variable (Settings › Secrets and variables › Actions › Variables › New repository variable, name SITE_URL).',
  );
  process.exit(1);
}
console.log(`The site's address: ${siteConfig.origin}`);
