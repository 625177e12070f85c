/**
 * The one typed site configuration. Layouts, feeds, the loader, scripts and
 * astro.config.mjs read it; nothing else hard-codes these facts.
 */
export interface SiteConfig {
  /** Site name shown in the header and the <title>. */
  title: string;
  /** One line describing the site, for meta description on listing pages. */
  description: string;
  /**
   * Absolute origin the site is served from: canonical URLs, feeds, share
   * links and the sitemap start with it. SITE_URL sets it (siteOrigin).
   */
  origin: string;
  /** The agency that publishes the archive (JSON-LD publisher, feeds). */
  publisher: string;
  lang: 'ar';
  /** Open Graph locale. */
  ogLocale: string;
  dir: 'rtl';
  /** BCP 47 tag for every date and number the site prints (Western digits). */
  locale: string;
  /** IANA zone of the newsroom: dates without an offset mean this zone. */
  timeZone: string;
  /** The source code used when a dispatch names none. */
  defaultSource: string;
  /** Dispatches per listing page (home, city, category, tag). */
  pageSize: number;
  /** How many related dispatches a dispatch page shows. */
  relatedCount: number;
  /** How many of each category's newest dispatches the front page shows. */
  frontSectionSize: number;
  /**
   * A dispatch's social card is drawn again when the code that draws it
   * changes only while the dispatch is younger than this many days; an
   * older one's card is drawn once and kept, since drawing every card of a
   * large archive again would take most of a full build.
   */
  cardsRedrawnForDays: number;
  /**
   * The language of the newsroom commands (new, import, check, the
   * pre-commit hook) and of the build's messages about dispatches; each
   * command's --lang overrides it.
   */
  newsroomLang: 'ar' | 'en';
}

/** The address in the code until a newsroom sets its own: a build warns of it, and the deploy workflow refuses it. */
export const PLACEHOLDER_ORIGIN = 'https://archive.lana.example';

/**
 * The site's address: SITE_URL in the environment (the deploy workflow's
 * repository variable), else the one below. Only an origin, such as
 * https://archive.lana.ly: every page's path is absolute from it.
 */
export function siteOrigin(value = process.env.SITE_URL, fallback = PLACEHOLDER_ORIGIN): string {
  if (!value?.trim()) return fallback;
  let url: URL | undefined;
  try {
    url = new URL(value.trim());
  } catch {
    // Reported below.
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.href.replace(/\/$/, '') !== url.origin) {
    throw new Error(`SITE_URL must be the site's address alone, such as https://archive.lana.ly, not «${value}»`);
  }
  return url.origin;
}

export const siteConfig: SiteConfig = {
  title: 'أرشيف وكالة الأنباء الليبية',
  description: 'أرشيف أخبار وكالة الأنباء الليبية (وال): آخر الأخبار من ليبيا والعالم.',
  origin: siteOrigin(),
  publisher: 'وكالة الأنباء الليبية',
  lang: 'ar',
  ogLocale: 'ar_LY',
  dir: 'rtl',
  locale: 'ar-LY-u-nu-latn',
  timeZone: 'Africa/Tripoli',
  defaultSource: 'وال',
  pageSize: 20,
  relatedCount: 4,
  frontSectionSize: 4,
  cardsRedrawnForDays: 30,
  newsroomLang: 'ar',
};

/**
 * Where the dispatches live, relative to the project root. ARCHIVE_DIR points
 * the build and the scripts at another archive (the test fixtures use it).
 */
export const archiveDir = process.env.ARCHIVE_DIR ?? 'content/dispatches';

/**
 * Photos shared by several dispatches, beside the archive folder
 * (content/images). A dispatch names a photo by file name; one beside the
 * dispatch wins over one here.
 */
export const imagesDir =
  process.env.IMAGES_DIR ?? [archiveDir.replace(/\/+$/, '').replace(/\/?[^/]*$/, ''), 'images'].filter(Boolean).join('/');

/**
 * Astro's cache folder, kept between builds: its data store and optimised
 * images, and our social cards and dispatch bodies. ASTRO_CACHE_DIR gives
 * each test build its own. Relative paths are from the project root.
 */
export const cacheDir = process.env.ASTRO_CACHE_DIR ?? 'node_modules/.astro';

/**
 * What a build leaves for the next one (src/build/state.ts): the manifest
 * of every dispatch, route keys, the compiled pages, rendered bodies,
 * photo sizes, cards and search shards. A publish needs it; without it
 * `npm run build` makes a full build. BUILD_STATE_DIR puts it elsewhere, for
 * instance a folder synced with a bucket (see docs/deploy.md).
 */
export const stateDir = process.env.BUILD_STATE_DIR ?? `${cacheDir.replace(/\/+$/, '')}/build-state`;

/**
 * The instant a build treats as "now" (embargoes fall due against it).
 * ARCHIVE_NOW (ISO 8601) fixes it, for tests and the benchmark.
 */
export function buildNow(): Date {
  const fixed = process.env.ARCHIVE_NOW;
  const now = fixed ? new Date(fixed) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`ARCHIVE_NOW is not a date: ${fixed}`);
  return now;
}

/**
 * The Content-Security-Policy every page meets: only this origin, no inline
 * script or style, WebAssembly for Pagefind. public/_headers sends it (with
 * frame-ancestors, which works only as a header) where the host reads that
 * file; each built page also carries it in a <meta>, for hosts that send no
 * headers of ours (GitHub Pages).
 */
export const contentSecurityPolicy =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'self'";

/**
 * Preview shows drafts and embargoed dispatches, marked as such: always
 * under `astro dev`, and in a build when ARCHIVE_PREVIEW=1.
 */
export const previewEnv = process.env.ARCHIVE_PREVIEW === '1';

/**
 * How the search index is split into shards (src/search/shards.ts):
 * years are grouped, oldest first, until a shard holds `min` dispatches and
 * never past `max`; a year of more than `max` is split the same way into runs
 * of months, a month into runs of days. A first search loads the newest
 * shard whole, and a publish indexes a changed shard whole (a new dispatch:
 * the newest; a correction: its own), so `max` bounds both.
 * SEARCH_SHARD_MIN_PAGES lowers the minimum (the tests shard their small
 * archives by year).
 */
export const searchShardPages = { min: Number(process.env.SEARCH_SHARD_MIN_PAGES ?? 500), max: 1_000 };
