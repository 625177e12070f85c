/** How each taxonomy names and links its terms. */
import type { Archive } from './archive.ts';
import type { Term } from '../lib/archive.ts';
import type { Category, City } from '../lib/registries.ts';
import type { TermInfo } from '../lib/terms.ts';
import { categoryPath, cityPath, tagPath } from '../lib/urls.ts';

type Taxonomy = { groups: (a: Archive) => Term<any>[]; info: (group: Term<any>) => TermInfo };

export const taxonomies = {
  city: {
    groups: (a) => a.byCity,
    info: ({ key }: Term<City>) => ({ slug: key.slug, name: key.name, href: cityPath(key.slug) }),
  },
  category: {
    groups: (a) => a.byCategory,
    info: ({ key }: Term<Category>) => ({ slug: key.slug, name: key.name, href: categoryPath(key.slug) }),
  },
  tag: {
    groups: (a) => a.byTag,
    info: ({ key, dispatches }: Term<string>) => ({
      slug: key,
      name: dispatches[0].tags.find((tag) => tag.slug === key)!.name,
      href: tagPath(key),
    }),
  },
} satisfies Record<string, Taxonomy>;
