/**
 * Shows a build's progress (./progress.ts) and its log. On a terminal the
 * lines of the stages under way stay at the bottom and are redrawn in place;
 * elsewhere (CI, a file) they are printed as plain lines now and then. Log
 * lines (warnings and errors among them) always print in full, above.
 */
import type { BuildProgress } from './progress.ts';

export interface ProgressDisplay {
  /** Prints a line of the log. */
  log(line: string): void;
  stop(): void;
}

interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

interface DisplayOptions {
  /** Redraw in place; by default when `out` is a terminal. */
  terminal?: boolean;
  /** How often the stages' lines are shown. */
  everyMs?: number;
  /** Prefixes a printed line (a clock). */
  stamp?: (line: string) => string;
  /**
   * Streams that others write to meanwhile (Astro reports a page that fails
   * on stderr): on a terminal, what they write goes above the lines too.
   */
  capture?: NodeJS.WriteStream[];
}

export function progressDisplay(progress: BuildProgress, out: Output, options: DisplayOptions = {}): ProgressDisplay {
  const terminal = options.terminal ?? out.isTTY === true;
  const everyMs = options.everyMs ?? (terminal ? 250 : 15_000);
  const stamp = options.stamp ?? ((line: string) => line);
  const write = out.write.bind(out);
  let shown = 0;
  let stopped = false;
  const fitToWidth = (line: string) => (out.columns ? line.slice(0, out.columns - 1) : line);
  const clear = () => {
    if (shown > 0) write(`\x1b[${shown}A\x1b[J`);
    shown = 0;
  };
  const draw = () => {
    if (stopped) return;
    const lines = progress.active();
    write(lines.map((line) => `${fitToWidth(line)}\n`).join(''));
    shown = lines.length;
  };
  const above = (text: () => void) => {
    if (!terminal) return text();
    clear();
    text();
    draw();
  };
  const print = (line: string) => above(() => write(`${line}\n`));
  const restore = terminal ? (options.capture ?? []).map((stream) => captureWrites(stream, above)) : [];
  progress.onFinish = (line) => print(stamp(line));
  const timer = setInterval(() => {
    if (terminal) above(() => undefined);
    else for (const line of progress.active()) write(`${stamp(line)}\n`);
  }, everyMs);
  timer.unref();
  return {
    log: print,
    stop() {
      clearInterval(timer);
      if (terminal) clear();
      stopped = true;
      for (const undo of restore) undo();
      progress.onFinish = undefined;
    },
  };
}

/** Sends what others write to `stream` through `around`; returns what undoes it. */
function captureWrites(stream: NodeJS.WriteStream, around: (text: () => void) => void): () => void {
  const original = stream.write;
  stream.write = function (this: NodeJS.WriteStream, ...args: Parameters<typeof original>) {
    let result = true;
    around(() => (result = original.apply(this, args)));
    return result;
  } as typeof original;
  return () => {
    stream.write = original;
  };
}
