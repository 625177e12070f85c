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
 * Content-hashed files never need a purge. After a full build (the list's
 * `F` line) the bucket is synced with the whole folder and purged whole.
 * Uses the AWS CLI.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { siteConfig } from '#src/config.ts';
import {
  cacheControl,
  cacheFilters,
  cachePolicy,
  type CacheKind,
  invalidationPaths,
  parseChanges,
  PURGE_ALL_ABOVE,
} from '#src/build/deploy.ts';

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
/** Files named in one `aws s3 cp`. */
const INCLUDES_A_CALL = 500;
const aws = (...args: string[]) => execFileSync('aws', args, { stdio: ['ignore', 'inherit', 'inherit'] });

const { full, written, deleted } = parseChanges(await readFile(changesFile, 'utf8'));
const kinds = Object.keys(cacheControl) as CacheKind[];
const filters = (flag: '--include' | '--exclude', patterns: readonly string[]) => patterns.flatMap((p) => [flag, p]);

if (full) {
  // A full build: the whole folder, a kind at a time (hashed files first),
  // then whatever the bucket holds that the folder does not goes.
  const { immutable, sealed } = cacheFilters;
  const only = {
    immutable: ['--exclude', '*', ...filters('--include', immutable)],
    sealed: ['--exclude', '*', ...filters('--include', sealed)],
    short: filters('--exclude', [...immutable, ...sealed]),
  };
  // cp, not sync: sync skips a file of the same size whose copy in the
  // bucket is newer, and hard-linked search files keep their old times.
  for (const kind of kinds) {
    aws(
      's3',
      'cp',
      folder,
      bucket,
      '--recursive',
      ...only[kind],
      '--exclude',
      '_headers',
      '--cache-control',
      cacheControl[kind],
      '--only-show-errors',
    );
  }
  aws('s3', 'sync', folder, bucket, '--exclude', '_headers', '--delete', '--only-show-errors');
} else {
  // One upload a kind of cache and a few hundred files (an argument list
  // has its limits), the CLI sending the files side by side.
  for (const kind of kinds) {
    const files = written.filter((f) => cachePolicy(f).kind === kind);
    for (let i = 0; i < files.length; i += INCLUDES_A_CALL) {
      const only = ['--exclude', '*', ...filters('--include', files.slice(i, i + INCLUDES_A_CALL))];
      aws('s3', 'cp', folder, bucket, '--recursive', ...only, '--cache-control', cacheControl[kind], '--only-show-errors');
    }
  }
  // Deleted by key, a thousand a request: no listing of the bucket.
  const [, name, prefix = ''] = /^s3:\/\/([^/]+)\/?(.*)$/.exec(bucket) ?? [];
  if (!name) throw new Error(`not an s3:// address: ${bucket}`);
  for (let i = 0; i < deleted.length; i += 1000) {
    const objects = deleted.slice(i, i + 1000).map((file) => ({ Key: path.posix.join(prefix, file) }));
    aws('s3api', 'delete-objects', '--bucket', name, '--delete', JSON.stringify({ Objects: objects, Quiet: true }));
  }
}

const changed = invalidationPaths([...written, ...deleted]);
// A full build, or a change to many pages, is purged whole.
const everything = full || changed.length > PURGE_ALL_ABOVE;
const purged = everything ? 'everything' : `${changed.length} paths`;
if ((everything || changed.length > 0) && parsed.values.cloudfront) {
  aws('cloudfront', 'create-invalidation', '--distribution-id', parsed.values.cloudfront, '--paths', ...(everything ? ['/*'] : changed));
}
const zone = process.env.CLOUDFLARE_ZONE_ID;
if ((everything || changed.length > 0) && zone) {
  const api = process.env.CLOUDFLARE_API_BASE ?? 'https://api.cloudflare.com/client/v4';
  const purge = async (body: object) => {
    const response = await fetch(`${api}/zones/${zone}/purge_cache`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${process.env.CLOUDFLARE_API_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`Cloudflare did not purge (${response.status}): ${await response.text()}`);
  };
  // Cloudflare purges at most 30 URLs a request.
  const batches = everything ? [] : Array.from({ length: Math.ceil(changed.length / 30) }, (_, i) => changed.slice(i * 30, i * 30 + 30));
  if (everything) await purge({ purge_everything: true });
  for (const batch of batches) await purge({ files: batch.map((p) => new URL(p, siteConfig.origin).href) });
}
console.log(
  full
    ? 'Deployed the whole folder (a full build), purged everything'
    : `Deployed ${written.length} files, deleted ${deleted.length}, purged ${purged}`,
);
