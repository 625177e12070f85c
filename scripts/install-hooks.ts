/**
 * npm run hooks: installs a git pre-commit hook that runs `check --staged`,
 * so a broken dispatch cannot be committed. Outside a git checkout it says so
 * and does nothing (never part of npm ci).
 */
import { execFileSync } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { siteConfig } from '#src/config.ts';
import { newsroomMessages } from '#src/i18n/newsroom.ts';
import { projectRoot } from './cli.ts';

const say = newsroomMessages(siteConfig.newsroomLang);

const hook = `#!/bin/sh
# Installed by \`npm run hooks\`: checks the dispatches this commit adds or changes.
cd "$(git rev-parse --show-toplevel)" || exit 1
exec ./node_modules/.bin/node scripts/check.ts --staged
`;

let hooksDir: string;
try {
  hooksDir = execFileSync('git', ['rev-parse', '--git-path', 'hooks'], { cwd: projectRoot, encoding: 'utf8' }).trim();
} catch {
  console.log(say.hook.notGit);
  process.exit(0);
}
const file = path.resolve(projectRoot, hooksDir, 'pre-commit');
await writeFile(file, hook);
await chmod(file, 0o755);
console.log(say.hook.installed(path.relative(projectRoot, file)));
