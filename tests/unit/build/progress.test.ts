import { afterEach, describe, expect, it, vi } from 'vitest';
import { BuildProgress, duration, stageLine } from '#src/build/progress.ts';
import { progressDisplay } from '#src/build/progress-display.ts';

afterEach(() => vi.useRealTimers());

describe('stage lines', () => {
  it('says done of total, the share, the rate and the time left', () => {
    expect(stageLine('pages', { done: 12000, total: 44859, seconds: 100, finished: false })).toBe(
      'pages         12,000/44,859 26 %, 120/s, about 4 min 34 s left',
    );
  });

  it('waits a few seconds before it guesses the time left', () => {
    expect(stageLine('search', { done: 1, total: 50, seconds: 2, finished: false })).toBe('search shards 1/50 2 %, 0.5/s');
  });

  it('says what a finished stage did, with what else it counts', () => {
    expect(stageLine('cards', { done: 17000, total: 17000, seconds: 95, finished: true, detail: '16,000 drawn, 1,000 reused' })).toBe(
      'cards         17,000 in 1 min 35 s, 179/s (16,000 drawn, 1,000 reused)',
    );
  });

  it('writes durations a person reads at a glance', () => {
    expect([duration(4.4), duration(250), duration(3725)]).toEqual(['4 s', '4 min 10 s', '1 h 02 min']);
  });
});

describe('build progress', () => {
  it('keeps a line for each stage under way, and hands over the last line of one that finishes', () => {
    let now = 0;
    const progress = new BuildProgress(() => now);
    const finished: string[] = [];
    progress.onFinish = (line) => finished.push(line);
    let drawn = 0;
    progress.start('pages', 10);
    progress.start('cards', 4, { poll: () => drawn });
    now = 5000;
    progress.advance('pages', 5);
    drawn = 2;
    expect(progress.active()).toEqual(['pages         5/10 50 %, 1.0/s, about 5 s left', 'cards         2/4 50 %, 0.4/s, about 5 s left']);
    progress.finish('cards');
    progress.finish('cards');
    expect(finished).toEqual(['cards         2 in 5 s, 0.4/s']);
    expect(progress.active()).toEqual(['pages         5/10 50 %, 1.0/s, about 5 s left']);
  });

  it('ignores a stage it was never told of', () => {
    const progress = new BuildProgress(() => 0);
    progress.advance('sync');
    progress.finish('sync');
    expect(progress.active()).toEqual([]);
  });
});

describe('progress display', () => {
  const sink = (isTTY: boolean) => {
    const writes: string[] = [];
    return { writes, out: { isTTY, columns: 80, write: (text: string) => writes.push(text) } };
  };

  it('prints plain lines now and then where there is no terminal, and every log line', () => {
    vi.useFakeTimers();
    const progress = new BuildProgress(() => 0);
    const { writes, out } = sink(false);
    const display = progressDisplay(progress, out, { stamp: (line) => `[progress] ${line}` });
    progress.start('sync', 100);
    display.log('[archive] warning: a problem');
    vi.advanceTimersByTime(14_999);
    expect(writes).toEqual(['[archive] warning: a problem\n']);
    vi.advanceTimersByTime(1);
    expect(writes.at(-1)).toBe('[progress] sync          0/100 0 %, 0/s\n');
    progress.finish('sync');
    expect(writes.at(-1)).toBe('[progress] sync          0 in 0 s, 0/s\n');
    display.stop();
    vi.advanceTimersByTime(60_000);
    expect(writes).toHaveLength(3);
  });

  it('redraws the lines under way in place on a terminal, with log lines above them', () => {
    vi.useFakeTimers();
    const progress = new BuildProgress(() => 0);
    const { writes, out } = sink(true);
    const display = progressDisplay(progress, out);
    progress.start('pages', 10);
    vi.advanceTimersByTime(250);
    expect(writes).toEqual(['pages         0/10 0 %, 0/s\n']);
    display.log('error: a page failed');
    // Up one line and clear, the log line, then the stage again below it.
    expect(writes.slice(1)).toEqual(['\x1b[1A\x1b[J', 'error: a page failed\n', 'pages         0/10 0 %, 0/s\n']);
    display.stop();
    expect(writes.at(-1)).toBe('\x1b[1A\x1b[J');
  });

  it('keeps what others write to the terminal meanwhile above its lines, and lets go of the stream when stopped', () => {
    vi.useFakeTimers();
    const progress = new BuildProgress(() => 0);
    const { writes, out } = sink(true);
    const written: string[] = [];
    const stderr = { write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    const display = progressDisplay(progress, out, { capture: [stderr] });
    progress.start('pages', 10);
    vi.advanceTimersByTime(250);
    stderr.write('Error: a page failed\n');
    expect(written).toEqual(['Error: a page failed\n']);
    expect(writes.slice(1)).toEqual(['\x1b[1A\x1b[J', 'pages         0/10 0 %, 0/s\n']);
    display.stop();
    const before = writes.length;
    stderr.write('later\n');
    expect(writes).toHaveLength(before);
    expect(written.at(-1)).toBe('later\n');
  });
});
