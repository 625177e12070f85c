/** The one helper every cache names its inputs with (src/build/fingerprint.ts). */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_INPUTS, fingerprint } from '#src/build/fingerprint.ts';
import { projectRoot, tempDir } from '../../helpers/build.ts';

describe('fingerprint', () => {
  it('changes with a file’s content, a file added to a folder, a setting; not with the order files are listed in', async () => {
    const root = await tempDir('fingerprint');
    await mkdir(path.join(root, 'src/lib'), { recursive: true });
    await writeFile(path.join(root, 'src/lib/a.ts'), 'a');
    await writeFile(path.join(root, 'config.ts'), 'c');
    const of = (settings?: unknown) => fingerprint(root, { files: ['src', 'config.ts'], settings });
    const first = of();
    expect(fingerprint(root, { files: ['config.ts', 'src'] })).toBe(first);
    await writeFile(path.join(root, 'src/lib/a.ts'), 'b');
    const edited = of();
    expect(edited).not.toBe(first);
    await writeFile(path.join(root, 'src/lib/new.ts'), '');
    expect(of()).not.toBe(edited);
    expect(of({ origin: 'https://a.example' })).not.toBe(of({ origin: 'https://b.example' }));
    // A missing input counts as missing, and stays so until it appears.
    expect(fingerprint(root, { files: ['gone.json'] })).toBe(fingerprint(root, { files: ['gone.json'] }));
    expect(fingerprint(root, { files: ['gone.json'] })).not.toBe(fingerprint(root, { files: [] }));
  });

  it('names inputs that exist in the project, each cache its own', () => {
    for (const [cache, files] of Object.entries(CACHE_INPUTS)) {
      expect(files.length, cache).toBeGreaterThan(0);
      for (const file of files) expect(existsSync(path.join(projectRoot, file)), `${cache}: ${file}`).toBe(true);
    }
    // What reads a dispatch file is part of the site too, so it can never change without a full build.
    for (const file of CACHE_INPUTS.archive.filter((f) => f.startsWith('src/'))) {
      expect(
        CACHE_INPUTS.site.some((input) => file === input || file.startsWith(`${input}/`)),
        file,
      ).toBe(true);
    }
  });
});
