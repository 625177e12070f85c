/**
 * docs/newsroom.md, the journalists' guide, stays true: its commands run
 * here, in order, in a fresh copy of the project, and print what it says.
 * A ```markdown <path>``` or ```text <path>``` block is written to that file
 * (what the journalist saves); every line of a ```sh``` block runs, except
 * `git push` (no remote here); a ```text``` block right after it is what
 * the commands print, with the seconds check takes left out.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from '../helpers/build.ts';
import { projectCopy } from '../helpers/newsroom.ts';

interface Block {
  lang: string;
  path?: string;
  text: string;
}

const seconds = (text: string) => text.replace(/[\d.]+ (ثانية|s\b)/g, '… $1');

it('the guide’s commands print what it says', { timeout: 120_000 }, async () => {
  const guide = await readFile(path.join(projectRoot, 'docs/newsroom.md'), 'utf8');
  const blocks: Block[] = [...guide.matchAll(/^```(\w+)(?: (\S+))?\n([\s\S]*?)^```$/gm)].map(([, lang, file, text]) => ({
    lang,
    path: file,
    text,
  }));
  const repo = await projectCopy('guide');
  const { ARCHIVE_DIR, IMAGES_DIR, ...inherited } = process.env;
  const env = {
    ...inherited,
    // The guide's "now": 01 December 2025, 10:15 in Tripoli.
    ARCHIVE_NOW: '2025-12-01T08:15:00Z',
    NO_COLOR: '1',
    npm_config_loglevel: 'silent',
    GIT_AUTHOR_NAME: 'محرر',
    GIT_AUTHOR_EMAIL: 'editor@example.invalid',
    GIT_COMMITTER_NAME: 'محرر',
    GIT_COMMITTER_EMAIL: 'editor@example.invalid',
  };
  expect(spawnSync('git', ['init', '-q'], { cwd: repo }).status).toBe(0);
  let ran = 0;
  for (const [i, block] of blocks.entries()) {
    if (block.path) {
      await mkdir(path.dirname(path.join(repo, block.path)), { recursive: true });
      await writeFile(path.join(repo, block.path), block.text);
      continue;
    }
    if (block.lang !== 'sh') continue;
    const next = blocks[i + 1];
    const shown = next?.lang === 'text' && !next.path;
    let printed = '';
    for (const line of block.text.split('\n').filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('git push'))) {
      const result = spawnSync('sh', ['-c', line], { cwd: repo, env, encoding: 'utf8' });
      printed += result.stdout + result.stderr;
      // A command shown without its output is one that succeeds.
      if (!shown) expect(result.status, `${line}\n${result.stdout}${result.stderr}`).toBe(0);
      ran++;
    }
    if (shown) expect(seconds(printed), block.text).toBe(seconds(next.text));
  }
  expect(ran).toBeGreaterThan(5);
});
