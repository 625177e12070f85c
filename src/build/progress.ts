/**
 * What a long build tells the person waiting for it: for each stage (the
 * archive read into the manifest, pages, cards, search shards), how much is
 * done of how much, at what rate, and about how long is left. The pipeline
 * reports here; a display (./progress-display.ts) shows it.
 */

export type Stage = 'sync' | 'pages' | 'cards' | 'search';

const LABELS: Record<Stage, string> = { sync: 'sync', pages: 'pages', cards: 'cards', search: 'search shards' };
const count = new Intl.NumberFormat('en-US');

/** «35 s», «4 min 10 s», «1 h 02 min». */
export function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

export interface StageFigures {
  done: number;
  total: number;
  /** Since the stage started, or how long it took. */
  seconds: number;
  finished: boolean;
  /** What else the stage says: «1,200 drawn, 300 reused». */
  detail?: string;
}

/** One line: «pages  12,000/44,859  27 %  128/s  about 4 min 10 s left», or what a finished stage did. */
export function stageLine(stage: Stage, { done, total, seconds, finished, detail }: StageFigures): string {
  const label = LABELS[stage].padEnd(13);
  const rate = seconds > 0 ? done / seconds : 0;
  const rateText = rate >= 10 || rate === 0 ? `${count.format(Math.round(rate))}/s` : `${rate.toFixed(1)}/s`;
  const extra = detail ? ` (${detail})` : '';
  if (finished) return `${label} ${count.format(done)} in ${duration(seconds)}, ${rateText}${extra}`;
  const share = total > 0 ? ` ${Math.floor((100 * done) / total)} %` : '';
  // A rate needs a few seconds and a few items before it says anything.
  const left = rate > 0 && seconds >= 3 && done < total ? `, about ${duration((total - done) / rate)} left` : '';
  return `${label} ${count.format(done)}/${count.format(total)}${share}, ${rateText}${left}${extra}`;
}

interface StageState {
  total: number;
  done: number;
  started: number;
  finished?: number;
  /** Where `done` is read from when the work is counted elsewhere. */
  poll?: () => number;
  detail?: () => string | undefined;
}

export class BuildProgress {
  readonly #stages = new Map<Stage, StageState>();
  readonly #clock: () => number;
  /** Told when a stage finishes, with its last line. */
  onFinish?: (line: string) => void;

  constructor(clock = () => performance.now()) {
    this.#clock = clock;
  }

  start(stage: Stage, total: number, how: Pick<StageState, 'poll' | 'detail'> = {}) {
    this.#stages.set(stage, { total, done: 0, started: this.#clock(), ...how });
  }

  advance(stage: Stage, n = 1) {
    const state = this.#stages.get(stage);
    if (state) state.done += n;
  }

  finish(stage: Stage) {
    const state = this.#stages.get(stage);
    if (!state || state.finished !== undefined) return;
    state.finished = this.#clock();
    this.onFinish?.(stageLine(stage, this.#figures(state)));
  }

  /** The lines of the stages under way. */
  active(): string[] {
    return [...this.#stages]
      .filter(([, state]) => state.finished === undefined)
      .map(([stage, state]) => stageLine(stage, this.#figures(state)));
  }

  #figures(state: StageState): StageFigures {
    const end = state.finished ?? this.#clock();
    const done = state.poll ? state.poll() : state.done;
    return {
      done,
      total: state.total,
      seconds: (end - state.started) / 1000,
      finished: state.finished !== undefined,
      detail: state.detail?.(),
    };
  }
}
