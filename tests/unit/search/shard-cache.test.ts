import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shardCache, type ShardCache } from '#src/search/shard-cache.ts';
import { tempDir } from '../../helpers/build.ts';

let cache: ShardCache;
let root: string;
let folder: string;

beforeAll(async () => {
  root = await tempDir('shard-cache');
  folder = path.join(root, 'cache', 'search-shards');
  cache = shardCache(folder);
});

const write = async (dir: string) => {
  await mkdir(path.join(dir, 'index'), { recursive: true });
  await writeFile(path.join(dir, 'pagefind-entry.json'), '{}');
  await writeFile(path.join(dir, 'index', 'a.pf_index'), 'chunk');
  await writeFile(path.join(dir, 'pagefind-ui.js'), 'not kept');
};
const keep = (file: string) => file !== 'pagefind-ui.js';

describe('the search shard cache', () => {
  it('stores an entry read-only, keeps only wanted files, and places it again', async () => {
    expect(await cache.placeCached('2025-aaa', path.join(root, 'dist0'))).toBeUndefined();
    await cache.storeEntry('2025-aaa', write, keep);
    const dist = path.join(root, 'dist1');
    expect(await cache.placeCached('2025-aaa', dist)).toEqual({ written: ['index/a.pf_index', 'pagefind-entry.json'], deleted: [] });
    expect((await readdir(dist, { recursive: true })).sort()).toEqual(['index', 'index/a.pf_index', 'pagefind-entry.json']);
    expect(await readFile(path.join(dist, 'index', 'a.pf_index'), 'utf8')).toBe('chunk');
    // Read-only (for all but root): a write through dist/ fails instead of changing the cached copy.
    expect((await stat(path.join(dist, 'pagefind-entry.json'))).mode & 0o222).toBe(0);
  });

  it('places over an earlier entry only what changed, and deletes what the new one lacks', async () => {
    const dist = path.join(root, 'dist-sync');
    await cache.storeEntry('2022-one', write, keep);
    await cache.placeCached('2022-one', dist);
    await cache.storeEntry(
      '2022-two',
      async (dir) => {
        await write(dir);
        await rm(path.join(dir, 'index', 'a.pf_index'));
        await writeFile(path.join(dir, 'index', 'b.pf_index'), 'another chunk');
        await writeFile(path.join(dir, 'pagefind-entry.json'), '{"changed":true}');
      },
      keep,
    );
    expect(await cache.placeCached('2022-two', dist)).toEqual({
      written: ['index/b.pf_index', 'pagefind-entry.json'],
      deleted: ['index/a.pf_index'],
    });
    expect(await readFile(path.join(dist, 'pagefind-entry.json'), 'utf8')).toBe('{"changed":true}');
    expect(await cache.placeCached('2022-two', dist)).toEqual({ written: [], deleted: [] });

    // Against the entry placed before, into a folder that holds only changes (npm run build -- --changes-only).
    const changes = path.join(root, 'dist-changes');
    expect(await cache.placeCached('2022-two', changes, { previous: '2022-one' })).toEqual({
      written: ['index/b.pf_index', 'pagefind-entry.json'],
      deleted: ['index/a.pf_index'],
    });
    expect((await readdir(changes, { recursive: true })).sort()).toEqual(['index', 'index/b.pf_index', 'pagefind-entry.json']);
  });

  it('does not reuse an entry restored in part, nor one without its completion mark', async () => {
    await cache.storeEntry('2024-bbb', write, keep);
    const entry = path.join(folder, '2024-bbb');
    await rm(path.join(entry, 'index', 'a.pf_index'), { force: true });
    const dist = path.join(root, 'dist2');
    expect(await cache.placeCached('2024-bbb', dist)).toBeUndefined();
    // Nothing half-placed is left, and the broken entry is gone.
    expect(await readdir(dist).catch(() => [])).toEqual([]);
    expect(await readdir(path.dirname(entry))).not.toContain('2024-bbb');

    await cache.storeEntry('2023-ccc', write, keep);
    await rm(`${path.join(path.dirname(entry), '2023-ccc')}.complete`);
    expect(await cache.placeCached('2023-ccc', path.join(root, 'dist3'))).toBeUndefined();
    // Stored again, over the unmarked folder.
    await cache.storeEntry('2023-ccc', write, keep);
    expect(await cache.placeCached('2023-ccc', path.join(root, 'dist4'))).toBeDefined();
  });

  it('prunes the entries a build did not use', async () => {
    await cache.pruneEntries(new Set(['2025-aaa']));
    expect((await readdir(folder)).sort()).toEqual(['2025-aaa', '2025-aaa.complete']);
  });
});
