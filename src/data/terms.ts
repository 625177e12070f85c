/**
 * The three taxonomies (cities, categories, tags): how each names and links
 * its terms, and the static paths of their listings. Their routes and index
 * pages are one-liners over this.
 */
import { getArchive, type Archive } from './archive.ts';
import { changedOnly, listingInputs } from './routes.ts';
import { siteConfig } from '../config.ts';
import { t, type UiKey } from '../i18n/ar.ts';
import { termPaths, type TermGroup } from '../lib/terms.ts';
import {
  categoryIndexPath,
  categoryPath,
  cityIndexPath,
  feedPath,
  cityPath,
  tagIndexPath,
  tagPath,
} from '../lib/urls.ts';

interface Taxonomy {
  indexPath: string;
  indexTitle: UiKey;
  /** Heading of one term's listing, with {{name}}. */
  title: UiKey;
  groups: (archive: Archive) => TermGroup[];
}

export const taxonomies = {
  city: {
    indexPath: cityIndexPath,
    indexTitle: 'city.indexTitle',
    title: 'city.title',
    groups: (a) =>
      a.byCity.map(({ key, dispatches }) => ({ slug: key.slug, name: key.name, href: cityPath(key.slug), dispatches })),
  },
  category: {
    indexPath: categoryIndexPath,
    indexTitle: 'category.indexTitle',
    title: 'category.title',
    groups: (a) =>
      a.byCategory.map(({ key, dispatches }) => ({
        slug: key.slug,
        name: key.name,
        href: categoryPath(key.slug),
        dispatches,
      })),
  },
  tag: {
    indexPath: tagIndexPath,
    indexTitle: 'tag.indexTitle',
    title: 'tag.title',
    groups: (a) =>
      a.byTag.map(({ key, dispatches }) => ({
        slug: key,
        // Tags that differ only in spelling share a slug; the newest spelling names it.
        name: dispatches[0].tags.find((tag) => tag.slug === key)!.name,
        href: tagPath(key),
        dispatches,
      })),
  },
} satisfies Record<string, Taxonomy>;

export type TaxonomyName = keyof typeof taxonomies;

/** Cities and categories have feeds of their own; tags do not. */
export function termFeed(name: TaxonomyName, term: { name: string; href: string }) {
  if (name === 'tag') return undefined;
  return {
    title: t('feed.termTitle', { site: siteConfig.title, name: t(taxonomies[name].title, { name: term.name }) }),
    href: feedPath(term.href),
  };
}

/** getStaticPaths of a taxonomy's paginated term listings. */
export async function taxonomyPaths(name: TaxonomyName) {
  const paths = termPaths(taxonomies[name].groups(await getArchive()), siteConfig.pageSize);
  return changedOnly(name, paths, ({ props }) => listingInputs(props.page, props.name));
}
