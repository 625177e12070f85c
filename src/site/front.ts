/**
 * The front page of the site: a lead story, the latest dispatches and a
 * section per category. Made from the newest dispatches alone, never from
 * the build's clock, so that building twice gives the same page and a
 * publish the same page as a full build.
 */
import { categoryRegistry } from '#src/dispatch/registries.ts';
import { dayKey, formatDate, formatTime, htmlDateTime } from '#src/dispatch/dates.ts';
import type { Dispatch, Photo } from '#src/dispatch/dispatch.ts';
import type { TermGroup } from './term-groups.ts';

/** How recent a photo must be to lead over the newest dispatch: the last day or two. */
const leadPhotoWindowHours = 48;

export interface FrontSection {
  name: string;
  href: string;
  /** Newest first. */
  dispatches: Dispatch[];
}

export interface FrontView {
  kind: 'front';
  lead: Dispatch;
  /** Its photo, alt text and all: a card's digest, which stands for the lead in the page's key, covers only the file. */
  leadPhoto?: Photo;
  /** The newest dispatches after the lead, newest first. */
  latest: Dispatch[];
  /** Items of this day («2025-12-01», newsroom time) show their time of day; the others their date. */
  today: string;
  /** That day as the page names it, once: «01 ديسمبر 2025». */
  todayLabel: string;
  sections: FrontSection[];
  /** The listing's newest page that the front page does not show whole. */
  olderUrl?: string;
}

/**
 * The lead story: the newest dispatch with a photo dated within the window
 * before the newest one; the newest one when none has a photo.
 */
export function leadStory(newestFirst: readonly Dispatch[], windowHours = leadPhotoWindowHours): Dispatch | undefined {
  const [newest] = newestFirst;
  if (!newest) return undefined;
  const since = newest.date.getTime() - windowHours * 3_600_000;
  for (const d of newestFirst) {
    if (d.date.getTime() < since) break;
    if (d.image) return d;
  }
  return newest;
}

/** Sections in the registry's order, each with its newest `size` dispatches besides the lead. */
export function categorySections(categories: readonly TermGroup[], lead: Dispatch, size: number): FrontSection[] {
  const order = new Map(categoryRegistry.entries.map((c, i) => [c.slug, i]));
  return [...categories]
    .sort((a, b) => (order.get(a.slug) ?? order.size) - (order.get(b.slug) ?? order.size))
    .map((group) => ({ name: group.name, href: group.href, dispatches: newestLive(group.dispatches, size, lead) }))
    .filter((section) => section.dispatches.length > 0);
}

/** The newest `size` of a list kept oldest first, leaving out withdrawn ones and `except`. */
function newestLive(oldestFirst: readonly Dispatch[], size: number, except?: Dispatch): Dispatch[] {
  const picked: Dispatch[] = [];
  for (let i = oldestFirst.length - 1; i >= 0 && picked.length < size; i--) {
    const d = oldestFirst[i];
    if (!d.withdrawn && d !== except) picked.push(d);
  }
  return picked;
}

export interface FrontInput {
  /** What the site offers readers, not withdrawn, newest first. */
  live: readonly Dispatch[];
  categories: readonly TermGroup[];
  latestCount: number;
  sectionSize: number;
  olderUrl?: string;
}

/** The front page, or nothing for an archive with no dispatch to show. */
export function frontView({ live, categories, latestCount, sectionSize, olderUrl }: FrontInput): FrontView | undefined {
  const lead = leadStory(live);
  if (!lead) return undefined;
  return {
    kind: 'front',
    lead,
    ...(lead.image && { leadPhoto: lead.image }),
    latest: live.slice(0, latestCount).filter((d) => d !== lead),
    today: dayKey(live[0].date),
    todayLabel: formatDate(live[0].date),
    sections: categorySections(categories, lead, sectionSize),
    ...(olderUrl && { olderUrl }),
  };
}

/** When an item happened, as the front page says it: the time of day for the newest day's, else the date. */
export function itemWhen(d: Pick<Dispatch, 'date' | 'dateOnly'>, today: string): { text: string; datetime: string } {
  const sameDay = !d.dateOnly && dayKey(d.date) === today;
  return { text: sameDay ? formatTime(d.date) : formatDate(d.date), datetime: htmlDateTime(d.date, d.dateOnly) };
}
