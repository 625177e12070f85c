/**
 * npm run deploy:changes, with a stand-in `aws` on the PATH that records how
 * it is called, and a local server in place of Cloudflare's API.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, tempDir } from '../helpers/build.ts';

/** Runs the deploy of `changes` into s3://bucket/site with CloudFront and Cloudflare: the calls it made and the purges it asked. */
async function deploy(changes: string) {
  const dir = await tempDir('deploy');
  const calls = path.join(dir, 'calls.jsonl');
  const bin = path.join(dir, 'bin');
  await mkdir(bin);
  await writeFile(
    path.join(bin, 'aws'),
    `#!/bin/sh\nnode -e 'require("fs").appendFileSync(process.argv[1], JSON.stringify(process.argv.slice(2)) + "\\n")' "${calls}" "$@"\n`,
  );
  await chmod(path.join(bin, 'aws'), 0o755);
  const changesFile = path.join(dir, 'changes.txt');
  await writeFile(changesFile, changes);
  const purged: { url?: string; auth?: string; body: unknown }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      purged.push({ url: req.url, auth: req.headers.authorization, body: JSON.parse(body) });
      res.end('{"success":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const result = { stdout: '', stderr: '', status: -1 };
  try {
    // Not spawnSync: this process answers for Cloudflare meanwhile.
    const child = spawn(
      process.execPath,
      [path.join(projectRoot, 'scripts/deploy-changes.ts'), changesFile, 'dist', 's3://bucket/site', '--cloudfront', 'E123'],
      {
        cwd: projectRoot,
        env: {
          ...process.env,
          PATH: `${bin}:${process.env.PATH}`,
          CLOUDFLARE_ZONE_ID: 'zone1',
          CLOUDFLARE_API_TOKEN: 'token',
          CLOUDFLARE_API_BASE: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        },
      },
    );
    child.stdout.on('data', (chunk) => (result.stdout += chunk));
    child.stderr.on('data', (chunk) => (result.stderr += chunk));
    result.status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  } finally {
    server.close();
  }
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const recorded = (await readFile(calls, 'utf8').catch(() => ''))
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as string[]);
  return { recorded, purged, stdout: result.stdout };
}

const include = (call: string[]) => call.flatMap((arg, i) => (call[i - 1] === '--include' ? [arg] : []));
const cache = (call: string[]) => call[call.indexOf('--cache-control') + 1];
const immutable = 'public, max-age=31536000, immutable';
const sealed = 'public, max-age=86400, s-maxage=604800';
const short = 'public, max-age=60, must-revalidate';

describe('npm run deploy:changes', () => {
  it('uploads hashed files first, each kind with its cache, deletes by key and purges the changed pages', { timeout: 30_000 }, async () => {
    const { recorded, purged, stdout } = await deploy(
      [
        'M 2026/01/02/x/index.html',
        'M _astro/x.Ab3dE_fG_480x300.avif',
        'M page/3/index.html',
        'M rss.xml',
        'D pagefind/2025/index/ar_1.pf_index',
        'D 2024/03/10/y/index.html',
        '',
      ].join('\n'),
    );
    expect(stdout).toContain('Deployed 4 files, deleted 2, purged 7 paths');
    expect(recorded.map((call) => call.slice(0, 2))).toEqual([
      ['s3', 'cp'],
      ['s3', 'cp'],
      ['s3', 'cp'],
      ['s3api', 'delete-objects'],
      ['cloudfront', 'create-invalidation'],
    ]);
    expect(recorded.slice(0, 3).map((call) => [include(call), cache(call)])).toEqual([
      [['_astro/x.Ab3dE_fG_480x300.avif'], immutable],
      [['page/3/index.html'], sealed],
      [['2026/01/02/x/index.html', 'rss.xml'], short],
    ]);
    expect(recorded[0].slice(2, 5)).toEqual(['dist', 's3://bucket/site', '--recursive']);
    expect(JSON.parse(recorded[3][recorded[3].indexOf('--delete') + 1])).toEqual({
      Objects: [{ Key: 'site/pagefind/2025/index/ar_1.pf_index' }, { Key: 'site/2024/03/10/y/index.html' }],
      Quiet: true,
    });
    const paths = recorded[4].slice(recorded[4].indexOf('--paths') + 1);
    expect(paths).toEqual([
      '/2024/03/10/y/',
      '/2024/03/10/y/index.html',
      '/2026/01/02/x/',
      '/2026/01/02/x/index.html',
      '/page/3/',
      '/page/3/index.html',
      '/rss.xml',
    ]);
    expect(purged).toEqual([
      { url: '/zones/zone1/purge_cache', auth: 'Bearer token', body: { files: paths.map((p) => `https://archive.lana.example${p}`) } },
    ]);
  });

  it('names a few hundred files a call, and purges everything when many pages changed', { timeout: 30_000 }, async () => {
    const pages = Array.from({ length: 1200 }, (_, n) => `M 2025/01/01/d${n}/index.html`);
    const { recorded, purged, stdout } = await deploy(`${pages.join('\n')}\n`);
    const uploads = recorded.filter((call) => call[1] === 'cp');
    expect(uploads.map((call) => include(call).length)).toEqual([500, 500, 200]);
    expect(uploads.flatMap(include)).toEqual(pages.map((line) => line.slice(2)));
    expect(recorded.at(-1)).toEqual(['cloudfront', 'create-invalidation', '--distribution-id', 'E123', '--paths', '/*']);
    expect(purged.map((p) => p.body)).toEqual([{ purge_everything: true }]);
    expect(stdout).toContain('Deployed 1200 files, deleted 0, purged everything');
  });

  it('after a full build uploads the whole folder, hashed files first, deletes what the bucket holds beyond it and purges everything', {
    timeout: 30_000,
  }, async () => {
    const { recorded, purged } = await deploy('F\nM index.html\nM _astro/x.Ab3dE_fG_480x300.avif\n');
    const summary = (call: string[]) => [
      call.slice(0, 4),
      call.includes('--delete'),
      call.includes('--cache-control') ? cache(call) : undefined,
    ];
    expect(recorded.map(summary)).toEqual([
      [['s3', 'cp', 'dist', 's3://bucket/site'], false, immutable],
      [['s3', 'cp', 'dist', 's3://bucket/site'], false, sealed],
      [['s3', 'cp', 'dist', 's3://bucket/site'], false, short],
      [['s3', 'sync', 'dist', 's3://bucket/site'], true, undefined],
      [['cloudfront', 'create-invalidation', '--distribution-id', 'E123'], false, undefined],
    ]);
    // Every file, whatever its time: cp, not sync, for the uploads.
    expect(recorded.slice(0, 3).every((call) => call.includes('--recursive'))).toBe(true);
    expect(include(recorded[0])).toContain('_astro/*');
    expect(recorded[2]).toEqual(expect.arrayContaining(['--exclude', '_astro/*']));
    expect(recorded.slice(0, 4).every((call) => call.includes('_headers'))).toBe(true);
    expect(purged.map((p) => p.body)).toEqual([{ purge_everything: true }]);
  });
});
