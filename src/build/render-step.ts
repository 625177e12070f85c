/**
 * The render of a build: every planned page and file with the compiled
 * pages (./render.ts), the cards drawn ahead in a worker meanwhile
 * (./cards-ahead.ts) and their pages rendered last, progress told as it
 * goes. A full build hands its site over to the pages, and afterwards
 * prunes the cards no page used.
 */
import { siteConfig } from '#src/config.ts';
import { drawnImagesUse, pruneDrawnImages, startTracking } from '#src/render/drawn-images.ts';
import { handOverSite } from '#src/site/handover.ts';
import type { Site } from '#src/site/model.ts';
import type { RouteName } from '#src/site/routes/index.ts';
import { drawCardsAhead, type CardsAhead } from './cards-ahead.ts';
import type { BuildOptions } from './pipeline.ts';
import type { PlannedRoute } from './plan.ts';
import { renderRoutes } from './render.ts';
import type { BuildState } from './state.ts';

/** The routes whose files are drawn and kept between builds (src/render/drawn-images.ts). */
const DRAWN_ROUTES = new Set<RouteName>(['card', 'default-card', 'logo']);

/** The cards' progress: those drawn ahead, else those the pages read or drew. */
function startCardsStage({ progress }: BuildOptions, planned: readonly PlannedRoute[], ahead: CardsAhead | undefined) {
  if (ahead) return progress?.start('cards', ahead.total, { poll: ahead.done });
  const drawn = planned.filter((r) => DRAWN_ROUTES.has(r.route)).length;
  const use = drawnImagesUse;
  if (drawn > 0)
    progress?.start('cards', drawn, {
      poll: () => use().used.size,
      detail: () => `${use().drawn.size} drawn, ${use().used.size - use().drawn.size} reused`,
    });
}

export async function renderStep(
  options: BuildOptions,
  state: BuildState,
  site: Site,
  planned: PlannedRoute[],
  full: boolean,
): Promise<string[]> {
  const { root, outDir, progress, log } = options;
  startTracking();
  const ahead = drawCardsAhead(site, planned);
  ahead?.finished.then(() => progress?.finish('cards')).catch(() => undefined);
  startCardsStage(options, planned, ahead);
  progress?.start('pages', planned.length);
  // Card pages last: their cards are being drawn meanwhile.
  const ordered = [...planned.filter((r) => r.route !== 'card'), ...planned.filter((r) => r.route === 'card')];
  if (full) handOverSite(site);
  let drawnAhead = 0;
  try {
    const written = await renderRoutes({
      root,
      state,
      outDir,
      planned: ordered,
      origin: siteConfig.origin,
      handOver: !full,
      beforeRoute: async (route) => {
        if (route !== 'card' || !ahead) return;
        drawnAhead = await ahead.finished;
      },
      onRendered: () => progress?.advance('pages'),
    });
    progress?.finish('cards');
    progress?.finish('pages');
    const { used, drawn } = drawnImagesUse();
    const pruned = full ? await pruneDrawnImages(state.paths.cards, used) : 0;
    const total = drawn.size + drawnAhead;
    log('cards', `${total} drawn, ${used.size - total} reused${full ? `, ${pruned} no longer used removed` : ''}`);
    return written;
  } finally {
    handOverSite(undefined);
    await ahead?.stop();
  }
}
