/** The build state's large files (src/build/state.ts): written and read in chunks, whole or not at all. */
import { stat, truncate, writeFile } from 'node:fs/promises';
import { serialize } from 'node:v8';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildState, type BuildState } from '#src/build/state.ts';
import { tempDir } from '../../helpers/build.ts';
import { makeRecord } from '../../helpers/dispatch.ts';

let state: BuildState;

beforeAll(async () => {
  state = buildState(await tempDir('state'));
});

// More records than one chunk holds, so that the file has several.
const records = Array.from({ length: 9000 }, (_, i) => makeRecord(`d-${i}`, '2025-12-01T10:00:00Z', { title: `خبر ${i}` }));

describe('the build state', () => {
  it('reads back the manifest, the source index and the route keys it wrote', async () => {
    await state.manifest.write({ version: 'v1', records });
    expect(await state.manifest.read()).toEqual({ version: 'v1', records });

    const files = new Map(
      records.map((r) => [r.file, { signature: '1:2:3', textDigest: r.textDigest, photoFields: {}, refs: [], slugLine: 3 }]),
    );
    const photos = new Map([
      [
        'images/a.jpg',
        { signature: 's', photo: { file: 'images/a.jpg', name: 'a.jpg', digest: 'd', width: 1, height: 1, format: 'jpeg' } },
      ],
    ]);
    const index = { version: 'v2', readFrom: 42, files, photos } as unknown as Parameters<BuildState['sources']['write']>[0];
    await state.sources.write(index);
    expect(await state.sources.read()).toEqual(index);

    const keys = { home: { '/': 'a', '/page/2/': 'b' }, dispatch: Object.fromEntries(records.map((r) => [r.url, r.card])) };
    await state.routes.write({ keys });
    expect(await state.routes.read()).toEqual({ keys });
  });

  it('takes a file cut short, or of the older single-buffer form, for none', async () => {
    await state.manifest.write({ version: 'v1', records });
    await truncate(state.paths.manifest, (await stat(state.paths.manifest)).size - 100);
    expect(await state.manifest.read()).toBeUndefined();

    await writeFile(state.paths.manifest, serialize({ version: 'v1', records }));
    expect(await state.manifest.read()).toBeUndefined();
  });
});
