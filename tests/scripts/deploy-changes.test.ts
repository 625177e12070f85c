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

describe('npm run deploy:changes', () => {
  it('uploads hashed files first, each kind with its cache, deletes by key and purges the changed pages', { timeout: 30_000 }, async () => {
    const dir = await tempDir('deploy');
    const calls = path.join(dir, 'calls.jsonl');
    const bin = path.join(dir, 'bin');
    await mkdir(bin);
    await writeFile(
      path.join(bin, 'aws'),
      `#!/bin/sh\nnode -e 'require("fs").appendFileSync(process.argv[1], JSON.stringify(process.argv.slice(2)) + "\\n")' "${calls}" "$@"\n`,
    );
    await chmod(path.join(bin, 'aws'), 0o755);
    const changes = path.join(dir, 'changes.txt');
    await writeFile(
      changes,
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
    const purged: unknown[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        purged.push({ url: req.url, auth: req.headers.authorization, body: JSON.parse(body) });
        res.end('{"success":true}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      // Not spawnSync: this process answers for Cloudflare meanwhile.
      const child = spawn(
        process.execPath,
        [path.join(projectRoot, 'scripts/deploy-changes.ts'), changes, 'dist', 's3://bucket/site', '--cloudfront', 'E123'],
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
      const result = { stdout: '', stderr: '', status: -1 };
      child.stdout.on('data', (chunk) => (result.stdout += chunk));
      child.stderr.on('data', (chunk) => (result.stderr += chunk));
      result.status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('Deployed 4 files, deleted 2, purged 7 paths');
    } finally {
      server.close();
    }
    const recorded = (await readFile(calls, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as string[]);
    const include = (call: string[]) => call.flatMap((arg, i) => (call[i - 1] === '--include' ? [arg] : []));
    const cache = (call: string[]) => call[call.indexOf('--cache-control') + 1];
    expect(recorded.map((call) => call.slice(0, 2))).toEqual([
      ['s3', 'cp'],
      ['s3', 'cp'],
      ['s3', 'cp'],
      ['s3api', 'delete-objects'],
      ['cloudfront', 'create-invalidation'],
    ]);
    expect(recorded.slice(0, 3).map((call) => [include(call), cache(call)])).toEqual([
      [['_astro/x.Ab3dE_fG_480x300.avif'], 'public, max-age=31536000, immutable'],
      [['page/3/index.html'], 'public, max-age=86400, s-maxage=604800'],
      [['2026/01/02/x/index.html', 'rss.xml'], 'public, max-age=60, must-revalidate'],
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
      {
        url: '/zones/zone1/purge_cache',
        auth: 'Bearer token',
        body: { files: paths.map((p) => `https://archive.lana.example${p}`) },
      },
    ]);
  });
});
