/**
 * Index pages: the archive's calendar (years, months, days), the lists of
 * cities, categories and tags with their counts, and the search page's
 * filters. A year, month or day page links to the periods either side that
 * have dispatches; so a new period renders its neighbours again, and a new
 * dispatch in an existing one does not.
 */
import { t } from '#src/i18n/ar.ts';
import { daysOf, monthsOf, withNeighbours, type DayGroup, type DayOfMonth, type MonthOfYear } from '#src/site/calendar.ts';
import type { Dispatch } from '#src/dispatch/dispatch.ts';
import { formatDate, monthName } from '#src/dispatch/dates.ts';
import { termIndex } from '#src/site/term-groups.ts';
import { archiveDayPath, archiveMonthPath, archivePath, archiveYearPath, searchPath } from '#src/dispatch/urls.ts';
import type { Site } from '#src/site/model.ts';
import { taxonomies, type TaxonomyName } from './listings.ts';
import type { RouteEntry } from './types.ts';

export interface TermSummary {
  name: string;
  href: string;
  count: number;
}

/** A year, month or day page, as its neighbours link to it. */
export interface PeriodLink {
  /** «2024», «نوفمبر 2025», «30 نوفمبر 2025». */
  name: string;
  href: string;
}

/** The nearest periods of the same kind that have dispatches. */
interface PeriodNeighbours {
  older?: PeriodLink;
  newer?: PeriodLink;
}

export interface CalendarView extends PeriodNeighbours {
  heading: string;
  terms: TermSummary[];
  /** The year, on a year's page. */
  year?: string;
}

export interface MonthView extends PeriodNeighbours {
  year: string;
  month: string;
  count: number;
  /** Oldest first, each day's dispatches oldest first (as the calendar and the day pages read). */
  days: DayGroup[];
}

export interface DayView extends PeriodNeighbours {
  year: string;
  month: string;
  day: string;
  /** Oldest first. */
  dispatches: Dispatch[];
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

const monthLabel = (year: string, month: string) => `${monthName(Number(month))} ${year}`;

const yearLink = (year: { year: string } | undefined): PeriodLink | undefined =>
  year && { name: year.year, href: archiveYearPath(year.year) };
const monthLink = (m: MonthOfYear | undefined): PeriodLink | undefined =>
  m && { name: monthLabel(m.year, m.month.month), href: archiveMonthPath(m.year, m.month.month) };
// Every dispatch of a day is dated within it, in the newsroom's zone.
const dayLink = (d: DayOfMonth | undefined): PeriodLink | undefined =>
  d && { name: formatDate(d.day.dispatches[0].date), href: archiveDayPath(d.year, d.month, d.day.day) };

export const archiveYearEntries = (site: Site): RouteEntry<CalendarView>[] =>
  withNeighbours(site.calendar).map(({ item: year, older, newer }) => ({
    path: archiveYearPath(year.year),
    params: { year: year.year },
    view: {
      heading: t('archive.yearTitle', { year: year.year }),
      year: year.year,
      terms: year.months.map((m) => ({ name: monthLabel(year.year, m.month), href: archiveMonthPath(year.year, m.month), count: m.count })),
      older: yearLink(older),
      newer: yearLink(newer),
    },
  }));

export const archiveMonthEntries = (site: Site): RouteEntry<MonthView>[] =>
  withNeighbours(monthsOf(site.calendar)).map(({ item: { year, month }, older, newer }) => ({
    path: archiveMonthPath(year, month.month),
    params: { year, month: month.month },
    view: {
      year,
      month: month.month,
      count: month.count,
      days: month.days.toReversed().map((day) => ({ day: day.day, dispatches: day.dispatches.toReversed() })),
      older: monthLink(older),
      newer: monthLink(newer),
    },
  }));

export const archiveDayEntries = (site: Site): RouteEntry<DayView>[] =>
  withNeighbours(daysOf(site.calendar)).map(({ item: { year, month, day }, older, newer }) => ({
    path: archiveDayPath(year, month, day.day),
    params: { year, month, day: day.day },
    view: { year, month, day: day.day, dispatches: day.dispatches.toReversed(), older: dayLink(older), newer: dayLink(newer) },
  }));

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
