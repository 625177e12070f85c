/**
 * Serves a built site as a CDN would: the response headers of its
 * `_headers` file (Cloudflare Pages rules: every matching rule applies, a
 * header set twice is joined with a comma, "! Name" drops what broader rules
 * set), gzip for text, and 404.html for a missing path.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface HeaderRule {
  pattern: string;
  matches: (pathname: string) => boolean;
  set: [name: string, value: string][];
  detach: string[];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), matches: patternMatcher(line.trim()), set: [], detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers:${index + 1}: a header before any path`);
    const detach = /^\s+!\s*(\S+)\s*$/.exec(line);
    if (detach) {
      rule.detach.push(detach[1].toLowerCase());
      continue;
    }
    const header = /^\s+([A-Za-z0-9-]+):\s*(.+?)\s*$/.exec(line);
    if (!header) throw new Error(`_headers:${index + 1}: not "Name: value": ${line.trim()}`);
    rule.set.push([header[1], header[2]]);
  }
  return rules;
}

/** `*` matches anything (slashes too), `:name` one path segment. */
function patternMatcher(pattern: string): (pathname: string) => boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const regex = new RegExp(`^${source}$`);
  return (pathname) => regex.test(pathname);
}

/** The headers the rules give a path, names in lower case. */
export function headersFor(rules: HeaderRule[], pathname: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules) {
    if (!rule.matches(pathname)) continue;
    for (const name of rule.detach) headers.delete(name);
    for (const [name, value] of rule.set) {
      const key = name.toLowerCase();
      const before = headers.get(key);
      headers.set(key, before === undefined ? value : `${before}, ${value}`);
    }
  }
  return headers;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.xsl': 'application/xslt+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
};
const compressible = /^(text\/|application\/(json|xml|xslt)|image\/svg)/;

export interface StaticHost {
  origin: string;
  close: () => Promise<void>;
}

/** Serves `dir` on a free loopback port with the headers of `dir/_headers`. */
export async function serveLikeCdn(dir: string): Promise<StaticHost> {
  const rules = parseHeadersFile(await readFile(path.join(dir, '_headers'), 'utf8'));

  async function respond(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://host');
    const pathname = decodeURIComponent(url.pathname);
    let file = path.join(dir, pathname);
    const inside = path.relative(dir, file);
    if (inside.startsWith('..') || path.isAbsolute(inside) || inside === '_headers') file = '';
    const found = file ? await stat(file).catch(() => undefined) : undefined;
    if (found?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    const body = await readFile(file).catch(() => undefined);
    const status = body ? 200 : 404;
    const content = body ?? (await readFile(path.join(dir, '404.html')));
    const type = types[path.extname(body ? file : '404.html')] ?? 'application/octet-stream';

    for (const [name, value] of headersFor(rules, pathname)) res.setHeader(name, value);
    res.setHeader('content-type', type);
    let sent = content;
    if (compressible.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      sent = gzipSync(content);
      res.setHeader('content-encoding', 'gzip');
      res.setHeader('vary', 'Accept-Encoding');
    }
    res.setHeader('content-length', sent.length);
    res.writeHead(status).end(req.method === 'HEAD' ? undefined : sent);
  }

  const server = createServer((req, res) => {
    respond(req, res).catch((error) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
