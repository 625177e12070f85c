/** The pre-commit hook (`npm run hooks`): check --staged before every commit, in the newsroom's language. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BODY_PLACEHOLDER } from '#src/dispatch/placeholder.ts';
import { projectRoot, tempDir } from '../helpers/build.ts';
import { projectCopy, run, seconds } from '../helpers/newsroom.ts';

describe('the pre-commit hook', () => {
  it('blocks a bad staged dispatch, an unedited one and a published one deleted, and lets a good one through', {
    timeout: 60_000,
  }, async () => {
    const repo = await projectCopy('hook');
    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    const install = run('install-hooks.ts', [], { cwd: repo });
    expect(install.stdout).toBe(`ثُبّت ${path.join('.git', 'hooks', 'pre-commit')}\n`);
    await mkdir(path.join(repo, 'content/dispatches/2025/12'), { recursive: true });
    const file = 'content/dispatches/2025/12/test.md';
    const dispatch = (city: string, body = 'نص الخبر.') =>
      ['---', 'title: "خبر للتجربة"', 'date: "2025-12-01T10:00:00"', `city: ${city}`, 'category: محليات', '---', body, ''].join('\n');

    await writeFile(path.join(repo, file), dispatch('طرابلش'));
    git('add', '.');
    const blocked = git('commit', '-q', '-m', 'bad');
    expect(blocked.status).not.toBe(0);
    expect(blocked.stderr).toContain(`${file}:4: city: «طرابلش» ليست مدينة معروفة. هل تقصد «طرابلس»؟`);
    expect(git('log').status).not.toBe(0); // nothing was committed

    await writeFile(path.join(repo, file), dispatch('طرابلس', BODY_PLACEHOLDER));
    git('add', '.');
    const unedited = git('commit', '-q', '-m', 'unedited');
    expect(unedited.status).not.toBe(0);
    expect(unedited.stderr).toContain(`${file}:7: النص: ما زال فيه النص الذي وضعه npm run new`);

    await writeFile(path.join(repo, file), dispatch('طرابلس'));
    git('add', '.');
    const passed = git('commit', '-q', '-m', 'good');
    expect(passed.stderr).toBe(`فُحص ملف واحد في ${seconds(passed.stderr)} ثانية: لا أخطاء، لا تنبيهات.\n`);
    expect(passed.status).toBe(0);

    // A published dispatch is withdrawn, not deleted: every later listing page would shift.
    git('rm', '-q', file);
    const deleted = git('commit', '-q', '-m', 'delete');
    expect(deleted.status).not.toBe(0);
    expect(deleted.stderr).toContain(`${file}:1: الملف: نُشر هذا الخبر ثم حُذف ملفه`);
    expect(deleted.stderr).toContain('وأضف إليه withdrawn: { date, reason } بدلًا من حذفه');
    // A draft was never on the site: deleting it is fine.
    git('reset', '-q', '--hard');
    await writeFile(path.join(repo, 'content/dispatches/2025/12/draft.md'), dispatch('طرابلس').replace('---\nنص', 'draft: true\n---\nنص'));
    git('add', '.');
    expect(git('commit', '-q', '-m', 'draft').status).toBe(0);
    git('rm', '-q', 'content/dispatches/2025/12/draft.md');
    expect(git('commit', '-q', '-m', 'drop the draft').status).toBe(0);
  });

  it('is not installed by npm ci, and says so outside a git checkout', async () => {
    const pkg = JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.scripts)).not.toContain('prepare');
    expect(Object.keys(pkg.scripts)).not.toContain('postinstall');
    const outside = await tempDir('no-git');
    await cp(path.join(projectRoot, 'scripts'), path.join(outside, 'scripts'), { recursive: true });
    await cp(path.join(projectRoot, 'src'), path.join(outside, 'src'), { recursive: true });
    await cp(path.join(projectRoot, 'content'), path.join(outside, 'content'), { recursive: true });
    // Its imports name src/ through package.json's "imports".
    await cp(path.join(projectRoot, 'package.json'), path.join(outside, 'package.json'));
    await symlink(path.join(projectRoot, 'node_modules'), path.join(outside, 'node_modules'));
    const result = run('install-hooks.ts', [], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: path.dirname(outside) } });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('هذا المجلد ليس مستودع git: لم يُثبَّت الخطاف.\n');
    expect(execFileSync('ls', ['-a', outside], { encoding: 'utf8' })).not.toContain('.git');
  });
});
