/** Runs a newsroom command as a journalist does: a process of its own, over an archive of the test's. */
import { spawnSync } from 'node:child_process';
import { cp, symlink } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot, tempDir } from './build.ts';

export interface RunOptions {
  env?: Record<string, string>;
  input?: string | Buffer;
  cwd?: string;
}

export function run(script: string, args: string[], options: RunOptions = {}) {
  const result = spawnSync(process.execPath, [path.join(options.cwd ?? projectRoot, 'scripts', script), ...args], {
    cwd: options.cwd ?? projectRoot,
    // "Now" is now, unless a test says otherwise.
    env: { ...process.env, NO_COLOR: '1', ARCHIVE_NOW: '', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A wire fixture's path. */
export const wire = (name: string) => path.join(projectRoot, 'tests/fixtures/wire', name);

/** The seconds `check` took, as its last line says (they vary from run to run). */
export const seconds = (stderr: string) => /(?:in|في) ([\d.]+) (?:s|ثانية)/.exec(stderr)?.[1] ?? '?';

/** A copy of what the newsroom commands need, to run them in a repository of the test's own (the hook, the guide). */
export async function projectCopy(prefix: string): Promise<string> {
  const repo = await tempDir(prefix);
  for (const part of [
    'scripts',
    'src',
    'content/cities.json',
    'content/categories.json',
    'content/sources.json',
    'package.json',
    'tsconfig.json',
  ]) {
    await cp(path.join(projectRoot, part), path.join(repo, part), { recursive: true });
  }
  await symlink(path.join(projectRoot, 'node_modules'), path.join(repo, 'node_modules'));
  return repo;
}
