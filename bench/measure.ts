/**
 * Runs a command and measures it: wall time, and the peak resident memory of
 * its whole process tree (Astro and the Pagefind binary it starts), sampled
 * from /proc every 100 ms. Off Linux the memory is not measured.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export interface Run {
  code: number;
  seconds: number;
  /** Peak resident set of the process tree in bytes, or undefined when unknown. */
  peakRss?: number;
  output: string;
}

const PAGE_SIZE = 4096;

/** Resident bytes of `root` and all its descendants. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name, which may itself hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * PAGE_SIZE);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Run> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  let peak: number | undefined;
  const linux = process.platform === 'linux';
  const sample = () => {
    if (linux && child.pid) peak = Math.max(peak ?? 0, treeRss(child.pid));
  };
  const timer = setInterval(sample, 100);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code: code ?? 1, seconds: (performance.now() - started) / 1000, peakRss: peak, output });
    });
  });
}

/** Total bytes and number of files under `dir` (recursively), filtered by `keep`. */
export async function du(dir: string, keep: (file: string) => boolean = () => true): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (!keep(file)) continue;
    bytes += (await stat(file)).size;
    files++;
  }
  return { bytes, files };
}

/** Files that differ between two folders, or are in one only. */
export async function differingFiles(a: string, b: string): Promise<string[]> {
  const list = async (dir: string) =>
    (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
  const [filesA, filesB] = await Promise.all([list(a), list(b)]);
  const [inA, inB] = [new Set(filesA), new Set(filesB)];
  const differing = [...filesA.filter((f) => !inB.has(f)), ...filesB.filter((f) => !inA.has(f))];
  for (const file of filesA.filter((f) => inB.has(f))) {
    const [x, y] = await Promise.all([readFile(path.join(a, file)), readFile(path.join(b, file))]);
    if (!x.equals(y)) differing.push(file);
  }
  return differing.sort();
}

export const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1e6).toFixed(1)} MB`);
export const kb = (bytes: number) => `${(bytes / 1e3).toFixed(1)} KB`;
export const seconds = (s: number) => `${s.toFixed(1)} s`;
