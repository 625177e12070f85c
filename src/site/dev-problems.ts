/**
 * The archive's problems as the last page asked for under `astro dev` met
 * them (src/site/dev.ts), for a page that connects to the dev server later
 * (src/build/integration.ts): Astro sends the error of a failed request
 * once, 200 ms after its response, to the pages connected then, and a page
 * that takes longer to load its script, or opens beside another, misses
 * it and stays blank. dev.ts runs in Vite's module runner and the
 * integration in Astro's own modules, two instances of this module in one
 * process: the problems are kept on globalThis.
 */

/** What Astro's error overlay shows (the fields of src/site/dev.ts's ArchiveError). */
export interface OverlayError {
  name: string;
  title: string;
  message: string;
  hint: string;
  /** The first problem's file, relative to the project root, and line; no column (0), no caret under it. */
  loc: { file: string; line: number; column: number };
  stack: string;
}

const key: unique symbol = Symbol.for('wal-archive.dev-problems');
const store = globalThis as { [key]?: OverlayError };

/** The problems met, or undefined once the archive has none. */
export function setDevProblems(error: OverlayError | undefined) {
  store[key] = error;
}

/** A copy of the problems the last page met, if it met any (Astro writes into what it is sent). */
export function devProblems(): OverlayError | undefined {
  const error = store[key];
  return error && { ...error, loc: { ...error.loc } };
}
