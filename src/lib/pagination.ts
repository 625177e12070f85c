/**
 * Splits a listing into pages with their URLs; routes turn the result into
 * getStaticPaths entries and the Pagination component renders its links.
 */
import { pageParam, pagePath } from './urls.ts';

export interface Page<T> {
  items: T[];
  /** 1-based. */
  current: number;
  total: number;
  url: string;
  previousUrl?: string;
  nextUrl?: string;
  /** Every page's URL, first to last, for numbered links. */
  urls: string[];
}

export function paginate<T>(items: readonly T[], size: number, base: string): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  const urls = Array.from({ length: total }, (_, i) => pagePath(base, i + 1));
  return urls.map((url, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    current: i + 1,
    total,
    url,
    previousUrl: urls[i - 1],
    nextUrl: urls[i + 1],
    urls,
  }));
}

/**
 * Page numbers to show: first, last and a window around the current one;
 * null marks a gap. Keeps the bar short on archives with hundreds of pages.
 */
export function pageWindow(current: number, total: number, radius = 2): (number | null)[] {
  const shown: (number | null)[] = [];
  for (let n = 1; n <= total; n++) {
    if (n === 1 || n === total || Math.abs(n - current) <= radius) shown.push(n);
    else if (shown.at(-1) !== null) shown.push(null);
  }
  return shown;
}

/** getStaticPaths entries of one paginated listing at `base`. */
export function listingPaths<T>(items: readonly T[], size: number, base: string) {
  return paginate(items, size, base).map((page) => ({
    params: { page: pageParam(page.current) },
    props: { page },
  }));
}
