/** Each dispatch's page, and the headline card it is shared with when it has no lead photo. */
import { siteConfig } from '#src/config.ts';
import { dateSegments } from '#src/dispatch/dates.ts';
import { dateline, type Dispatch } from '#src/dispatch/dispatch.ts';
import type { SocialCard } from '#src/render/social-card.ts';
import { socialImagePath } from '#src/dispatch/urls.ts';
import type { Site } from '#src/site/model.ts';
import type { RouteEntry } from './types.ts';

export interface DispatchView {
  dispatch: Dispatch;
  /** Its own record's digest: the body and photos a listing card does not show. */
  digest: string;
  older?: Dispatch;
  newer?: Dispatch;
  related: Dispatch[];
  /** A draft or an embargoed dispatch in a preview stays out of search engines. */
  noindex: boolean;
}

const params = (d: Dispatch) => ({ ...dateSegments(d.date), slug: d.slug });

/** One at a time: a planner that keys each and lets it go never holds 100k of them. */
export function* dispatchEntries(site: Site): Generator<RouteEntry<DispatchView>> {
  for (const dispatch of site.dispatches) {
    const { older, newer } = site.neighbours(dispatch);
    yield {
      path: dispatch.url,
      params: params(dispatch),
      view: {
        dispatch,
        digest: dispatch.digest,
        older,
        newer,
        related: dispatch.withdrawn ? [] : site.related(dispatch),
        noindex: Boolean(dispatch.withdrawn) || (site.preview && (dispatch.draft || dispatch.embargoed)),
      },
    };
  }
}

/** A dispatch with a lead photo is shared with a crop of it; a withdrawn one with the site's card. */
const hasCard = (d: Dispatch) => !d.image && !d.withdrawn;

/** A card shows the headline and the dateline: its view is the dispatch, which stands for just those (its card digest). */
export function* cardEntries(site: Site): Generator<RouteEntry<{ dispatch: Dispatch }>> {
  for (const dispatch of site.dispatches) {
    if (hasCard(dispatch)) yield { path: socialImagePath(dispatch.url), params: params(dispatch), view: { dispatch } };
  }
}

/** What the card of a dispatch says. */
export const socialCard = (d: Dispatch): SocialCard => ({
  site: siteConfig.title,
  headline: d.title,
  footer: dateline(d).replace(/ -$/, ''),
});
