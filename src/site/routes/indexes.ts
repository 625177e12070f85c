/**
 * Index pages: the archive's calendar (years, months), the lists of cities,
 * categories and tags with their counts, and the search page's filters.
 */
import { t } from '../../i18n/ar.ts';
import type { MonthGroup } from '../../lib/archive.ts';
import { monthName } from '../../lib/dates.ts';
import { termIndex } from '../../lib/terms.ts';
import { archiveMonthPath, archivePath, archiveYearPath, searchPath } from '../../lib/urls.ts';
import type { Site } from '../model.ts';
import { taxonomies, type TaxonomyName } from './listings.ts';
import type { RouteEntry } from './types.ts';

export interface TermSummary {
  name: string;
  href: string;
  count: number;
}

export interface CalendarView {
  heading: string;
  terms: TermSummary[];
  /** The year, on a year's page. */
  year?: string;
}

export interface MonthView {
  year: string;
  month: MonthGroup;
}

export interface TermIndexView {
  heading: string;
  terms: TermSummary[];
}

export interface SearchView {
  filters: { name: string; label: string; values: string[] }[];
}

export const archiveIndexEntries = (site: Site): RouteEntry<CalendarView>[] => [
  {
    path: archivePath,
    params: {},
    view: {
      heading: t('archive.title'),
      terms: site.calendar.map((y) => ({ name: y.year, href: archiveYearPath(y.year), count: y.count })),
    },
  },
];

export const archiveYearEntries = (site: Site): RouteEntry<CalendarView>[] =>
  site.calendar.map((year) => ({
    path: archiveYearPath(year.year),
    params: { year: year.year },
    view: {
      heading: t('archive.yearTitle', { year: year.year }),
      year: year.year,
      terms: year.months.map((m) => ({
        name: `${monthName(Number(m.month))} ${year.year}`,
        href: archiveMonthPath(year.year, m.month),
        count: m.count,
      })),
    },
  }));

export const archiveMonthEntries = (site: Site): RouteEntry<MonthView>[] =>
  site.calendar.flatMap((year) =>
    year.months.map((month) => ({
      path: archiveMonthPath(year.year, month.month),
      params: { year: year.year, month: month.month },
      view: { year: year.year, month },
    })),
  );

export const termIndexEntries = (name: TaxonomyName, site: Site): RouteEntry<TermIndexView>[] => [
  {
    path: taxonomies[name].indexPath,
    params: {},
    view: { heading: t(taxonomies[name].indexTitle), terms: termIndex(taxonomies[name].groups(site)) },
  },
];

const byName = (a: string, b: string) => a.localeCompare(b, 'ar');

export const searchEntries = (site: Site): RouteEntry<SearchView>[] => [
  {
    path: searchPath,
    params: {},
    view: {
      filters: [
        { name: 'city', label: t('search.city'), values: site.cities.map((g) => g.name).sort(byName) },
        { name: 'category', label: t('search.category'), values: site.categories.map((g) => g.name).sort(byName) },
        { name: 'year', label: t('search.year'), values: site.calendar.map((y) => y.year) },
      ],
    },
  },
];
