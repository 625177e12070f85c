/**
 * Reads one dispatch file into validated data, or into problems that say
 * which file, line and field is wrong and how to fix it. The build's loader
 * and the newsroom scripts share it so they never disagree.
 */
import path from 'node:path';
import type { z } from 'astro/zod';
import { closest, distance } from 'fastest-levenshtein';
import type { LegacyText } from './encoding.ts';
import { readFrontMatter } from './front-matter.ts';
import { placeholderLeft } from './placeholder.ts';
import type { DispatchProblem, ProblemCode } from './problems.ts';
import { dispatchFields, dispatchSchema, problemOf, type DispatchData } from './schema.ts';
import { cleanText, slugify } from './text.ts';

export { formatProblem, type DispatchProblem } from './problems.ts';

export interface ParsedDispatch {
  /** Stable entry id: the path under the archive folder, NFC, without .md. */
  id: string;
  /** Path as given (relative to the project), for messages. */
  file: string;
  data: DispatchData & { slug: string };
  /** Markdown body, cleaned. */
  body: string;
  /** 1-based line where the body starts, for problems found in it. */
  bodyLine: number;
  /** Line of each front-matter field (1 when absent), for messages. */
  lines: Record<string, number>;
}

/** A dispatch file as read from disk, before parsing. */
export interface SourceFile {
  /** Path shown in messages (relative to the project root). */
  file: string;
  /** Entry id: the path under the archive folder, NFC, without .md. */
  id: string;
  text: string;
  /** Set when the file is not UTF-8 (`text` is then empty): what it looks like. */
  notUtf8?: LegacyText;
}

export type ParseResult = { ok: true; dispatch: ParsedDispatch } | { ok: false; problems: DispatchProblem[] };

/** The field a mistyped one was meant to be («titel», «subtitle» → title), or '' when none is near («author»). */
function nearField(key: string): string {
  const near = closest(key, dispatchFields);
  const [a, b] = [key.toLowerCase(), near.toLowerCase()];
  return a.includes(b) || distance(a, b) <= Math.max(2, Math.floor(a.length / 3)) ? near : '';
}

/** What is left in the body of the placeholder `npm run new` puts there, as a problem. */
function placeholderProblems(file: string, body: string, bodyLine: number): DispatchProblem[] {
  const placeholder = placeholderLeft(body);
  return placeholder
    ? [
        {
          file,
          line: bodyLine + placeholder.line,
          field: 'body',
          code: 'body.placeholder',
          params: { value: placeholder.text },
          severity: 'error',
        },
      ]
    : [];
}

/** The schema's issues as problems, each at its field's line. */
function schemaProblems(file: string, issues: z.ZodError['issues'], lines: Record<string, number>): DispatchProblem[] {
  const lineOf = (field: string) => lines[field] ?? 1;
  const problems: DispatchProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const suggestion = nearField(key);
        problems.push({
          file,
          line: lineOf(key),
          field: key,
          code: suggestion ? 'field.unknown' : 'field.unknownNone',
          params: { suggestion, fields: dispatchFields.join(', ') },
          severity: 'error',
        });
      }
      continue;
    }
    const field = String(issue.path[0] ?? 'front-matter');
    const found = problemOf(issue);
    // A field left out: its name is the last step of the path (`reason` of `withdrawn`).
    const ref = found?.code === 'required' ? { code: found.code, params: { field: String(issue.path.at(-1) ?? field) } } : found;
    problems.push({
      file,
      // A field that is missing has no line: point at the photo it belongs to.
      line: lines[field] ?? (field.startsWith('image') ? lines.image : undefined) ?? 1,
      field: issue.path.join('.') || field,
      code: ref?.code ?? 'text.type',
      params: ref?.params ?? { what: issue.message },
      severity: 'error',
    });
  }
  return problems;
}

/**
 * @param file path shown in messages (relative to the project root)
 * @param id the entry id (path under the archive folder without .md)
 */
export function parseDispatch(file: string, id: string, source: string): ParseResult {
  const text = cleanText(source);
  const problem = (field: string, code: ProblemCode, params: Record<string, string> = {}, line = 1): ParseResult => ({
    ok: false,
    problems: [{ file, line, field, code, params, severity: 'error' }],
  });
  const read = readFrontMatter(text);
  if (read === 'missing') return problem('front-matter', 'frontmatter.missing');
  if (!read.ok) return { ok: false, problems: read.faults.map((fault) => ({ file, ...fault, severity: 'error' as const })) };
  const { lines, body, bodyLine } = read;
  const raw = read.data;
  const result = dispatchSchema.safeParse(raw);
  const leftover = placeholderProblems(file, body, bodyLine);
  if (!result.success) {
    const problems = [...leftover, ...schemaProblems(file, result.error.issues, lines)];
    problems.sort((a, b) => a.line - b.line);
    return { ok: false, problems };
  }
  const slug = result.data.slug ?? slugify(path.basename(id));
  if (!slug) return problem('slug', 'slug.fileName');
  if (leftover.length > 0) return { ok: false, problems: leftover };
  return { ok: true, dispatch: { id, file, body, bodyLine, lines, data: { ...result.data, slug } } };
}
