/** One page or file of the site, as the planner and the compiled route see it. */
export interface RouteEntry<V = unknown> {
  /** Site path: `/city/tripoli/`, `/rss.xml`, `/2025/12/01/slug/og.png`. */
  path: string;
  /** The Astro route's parameters for this path (none for a route without any). */
  params: Record<string, string | undefined>;
  /** Everything the page shows besides its code: its props, and what its key is made from. */
  view: V;
}
