import { describe, expect, it } from 'vitest';
import { inBatches } from '#src/archive/batches.ts';

describe('inBatches', () => {
  it('does every item, never more than `size` at once', async () => {
    const done: number[] = [];
    let running = 0;
    let most = 0;
    await inBatches(
      Array.from({ length: 10 }, (_, i) => i),
      async (i) => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 1));
        done.push(i);
        running--;
      },
      3,
    );
    expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBe(3);
  });

  it('stops at the first failure', async () => {
    await expect(inBatches([1, 2], async (i) => (i === 2 ? Promise.reject(new Error('two')) : undefined))).rejects.toThrow('two');
  });
});
