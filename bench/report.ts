/** Reading a build's log, and checking a built folder, for the benchmark. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dispatch, type CorpusOptions } from './corpus.ts';
import { dispatchPath } from '#src/dispatch/urls.ts';

export interface BuildLog {
  kind: 'full' | 'publish';
  reason?: string;
  rendered: number;
  total: number;
  /** Pages written by kind: «dispatch 2, home 1, …». */
  kinds: string;
  written: number;
  deleted: number;
  /** Time per step. */
  steps?: string;
  /** Cards drawn and reused. */
  cards?: string;
  search?: string;
}

/** What `npm run build` said it did (scripts/build.ts). */
export function buildLog(output: string): BuildLog {
  const full = /\[build\] Full build: (.+)/.exec(output);
  const rendered = /Rendered (\d+) of (\d+) pages and files \((.*)\)/.exec(output);
  const done = /(?:Published|Full build) in [\d.]+ s \((.*)\): (\d+) files written(?:, (\d+) deleted)?/.exec(output);
  return {
    kind: full ? 'full' : 'publish',
    reason: full?.[1],
    rendered: Number(rendered?.[1] ?? 0),
    total: Number(rendered?.[2] ?? 0),
    kinds: rendered?.[3] ?? '',
    written: Number(done?.[2] ?? 0),
    deleted: Number(done?.[3] ?? 0),
    steps: done?.[1],
    cards: /\[cards\] (.+)/.exec(output)?.[1],
    search: /\[search\] (.+)/.exec(output)?.[1],
  };
}

/** Every sampled dispatch of the corpus has its page, with its headline. */
export async function verifyPages(outDir: string, options: CorpusOptions): Promise<string[]> {
  const problems: string[] = [];
  const step = Math.max(1, Math.floor(options.n / 25));
  for (let i = 0; i < options.n; i += step) {
    const d = dispatch(i, options);
    const url = dispatchPath(d.date, path.basename(d.file, '.md'));
    const html = await readFile(path.join(outDir, decodeURI(url), 'index.html'), 'utf8').catch(() => '');
    if (!html) problems.push(`no page ${url} for ${d.file}`);
    else if (!html.includes(`>${d.title.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</h1>`))
      problems.push(`${d.file}: headline missing`);
  }
  return problems;
}
