/**
 * The site a full build made, handed to the compiled pages that render in
 * the same process (src/build/render.ts): without it they would read the
 * build state and make the whole site again, a second copy beside the
 * pipeline's. A publish hands over its few entries instead (RenderSet).
 */
import type { Site } from './model.ts';

// The compiled pages bundle their own copy of this module.
const HANDED_OVER = Symbol.for('wal.site');
type Holder = { [HANDED_OVER]?: Site };

export function handOverSite(site: Site | undefined) {
  (globalThis as Holder)[HANDED_OVER] = site;
}

export const handedOverSite = (): Site | undefined => (globalThis as Holder)[HANDED_OVER];
