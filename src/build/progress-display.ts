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
}

export function progressDisplay(progress: BuildProgress, out: Output, options: DisplayOptions = {}): ProgressDisplay {
  const terminal = options.terminal ?? out.isTTY === true;
  const everyMs = options.everyMs ?? (terminal ? 250 : 15_000);
  const stamp = options.stamp ?? ((line: string) => line);
  let shown = 0;
  const fit = (line: string) => (out.columns ? line.slice(0, out.columns - 1) : line);
  const clear = () => {
    if (shown > 0) out.write(`\x1b[${shown}A\x1b[J`);
    shown = 0;
  };
  const draw = () => {
    const lines = progress.active();
    out.write(lines.map((line) => `${fit(line)}\n`).join(''));
    shown = lines.length;
  };
  const print = (line: string) => {
    if (!terminal) return void out.write(`${line}\n`);
    clear();
    out.write(`${line}\n`);
    draw();
  };
  progress.onFinish = (line) => print(stamp(line));
  const timer = setInterval(() => {
    if (terminal) {
      clear();
      draw();
    } else for (const line of progress.active()) out.write(`${stamp(line)}\n`);
  }, everyMs);
  timer.unref();
  return {
    log: print,
    stop() {
      clearInterval(timer);
      if (terminal) clear();
      progress.onFinish = undefined;
    },
  };
}
