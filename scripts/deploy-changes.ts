/**
 * npm run deploy:changes -- <changes file> <folder> <s3://bucket[/prefix]> [--cloudfront <distribution id>]
 *
 * Deploys what one build changed (npm run build -- --changes <file>, with
 * --changes-only for a folder of only those files) to an S3 bucket, or R2
 * with AWS_ENDPOINT_URL: uploads what it wrote, content-hashed files first
 * with a year's cache so that no page names a file not yet there, the rest
 * with the cache their paths get in public/_headers; deletes what it
 * deleted; then purges the changed pages, feeds and sitemaps from CloudFront
 * (--cloudfront) or Cloudflare (CLOUDFLARE_ZONE_ID and CLOUDFLARE_API_TOKEN).
 * Content-hashed files never need a purge. Uses the AWS CLI.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { siteConfig } from '../src/config.ts';
import { cachePolicy, invalidationPaths, parseChanges } from '../src/build/deploy.ts';

const usage = 'usage: npm run deploy:changes -- <changes file> <folder> <s3://bucket[/prefix]> [--cloudfront <distribution id>]';
let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({ allowPositionals: true, options: { cloudfront: { type: 'string' } } });
}
try {
  parsed = parse();
  if (parsed.positionals.length !== 3) throw new Error('three arguments are needed');
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const [changesFile, folder, bucket] = parsed.positionals;
const aws = (...args: string[]) => execFileSync('aws', args, { stdio: ['ignore', 'inherit', 'inherit'] });

const { written, deleted } = parseChanges(await readFile(changesFile, 'utf8'));
// Hashed files first: a page uploaded before them would name files not yet
// there. One upload a kind of cache, the CLI sending the files side by side.
for (const kind of ['immutable', 'sealed', 'short'] as const) {
  const files = written.filter((f) => cachePolicy(f).kind === kind);
  if (files.length === 0) continue;
  const only = ['--exclude', '*', ...files.flatMap((file) => ['--include', file])];
  aws('s3', 'cp', folder, bucket, '--recursive', ...only, '--cache-control', cachePolicy(files[0]).value, '--only-show-errors');
}
// Deleted by key, a thousand a request: no listing of the bucket.
const [, name, prefix = ''] = /^s3:\/\/([^/]+)\/?(.*)$/.exec(bucket) ?? [];
if (!name) throw new Error(`not an s3:// address: ${bucket}`);
for (let i = 0; i < deleted.length; i += 1000) {
  const objects = deleted.slice(i, i + 1000).map((file) => ({ Key: path.posix.join(prefix, file) }));
  aws('s3api', 'delete-objects', '--bucket', name, '--delete', JSON.stringify({ Objects: objects, Quiet: true }));
}

const paths = invalidationPaths([...written, ...deleted]);
if (paths.length > 0 && parsed.values.cloudfront) {
  aws('cloudfront', 'create-invalidation', '--distribution-id', parsed.values.cloudfront, '--paths', ...paths);
}
const zone = process.env.CLOUDFLARE_ZONE_ID;
if (paths.length > 0 && zone) {
  const api = process.env.CLOUDFLARE_API_BASE ?? 'https://api.cloudflare.com/client/v4';
  // Cloudflare purges at most 30 URLs a request.
  for (let i = 0; i < paths.length; i += 30) {
    const files = paths.slice(i, i + 30).map((p) => new URL(p, siteConfig.origin).href);
    const response = await fetch(`${api}/zones/${zone}/purge_cache`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${process.env.CLOUDFLARE_API_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ files }),
    });
    if (!response.ok) throw new Error(`Cloudflare did not purge (${response.status}): ${await response.text()}`);
  }
}
console.log(`Deployed ${written.length} files, deleted ${deleted.length}, purged ${paths.length} paths`);
