/**
 * Runs `work` over `items`, `size` at a time: the build reads and links
 * files by the hundred thousand, and all of them at once would run out of
 * file handles.
 */
export async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>, size = 64): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map(work));
  }
}
