/** Which files are dispatches (src/archive/files.ts): every Markdown file, through linked folders too. */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDispatchFiles } from '#src/archive/files.ts';
import { tempDir } from '../../helpers/build.ts';

async function archive(files: string[]) {
  const root = await tempDir('files');
  for (const file of files) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), '');
  }
  return root;
}

describe('listDispatchFiles', () => {
  it('lists Markdown files, sorted, skipping names that start with _ or .', async () => {
    const root = await archive([
      'dispatches/2025/12/b.md',
      'dispatches/2025/12/a.md',
      'dispatches/a.txt',
      'dispatches/_drafts/x.md',
      'dispatches/2025/.git/y.md',
    ]);
    expect(await listDispatchFiles(path.join(root, 'dispatches'))).toEqual(['2025/12/a.md', '2025/12/b.md']);
  });

  it('follows a linked folder and a linked file, as the archive reader always did', async () => {
    const root = await archive(['dispatches/2025/a.md', 'elsewhere/2024/b.md', 'elsewhere/c.md']);
    await symlink(path.join(root, 'elsewhere/2024'), path.join(root, 'dispatches/2024'), 'dir');
    await symlink(path.join(root, 'elsewhere/c.md'), path.join(root, 'dispatches/2025/c.md'));
    expect(await listDispatchFiles(path.join(root, 'dispatches'))).toEqual(['2024/b.md', '2025/a.md', '2025/c.md']);
  });

  it('gives none for a missing folder', async () => {
    expect(await listDispatchFiles(path.join(await tempDir('files'), 'none'))).toEqual([]);
  });
});
