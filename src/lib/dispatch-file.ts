/**
 * Reads one dispatch file into validated data, or into problems that say
 * which file, line and field is wrong and how to fix it. The build's loader
 * and the newsroom scripts share it so they never disagree.
 */
import path from 'node:path';
import matter from 'gray-matter';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { closest } from 'fastest-levenshtein';
import type { DispatchProblem, ProblemCode } from './problems.ts';
import { dispatchFields, dispatchSchema, type DispatchData } from './schema.ts';
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
}

export type ParseResult = { ok: true; dispatch: ParsedDispatch } | { ok: false; problems: DispatchProblem[] };

// Timestamps stay strings so that a date without an offset can be read as
// Tripoli time; YAML's default schema would silently take it as UTC.
const frontMatterOptions = {
  engines: {
    yaml: (source: string) => loadYaml(source, { schema: CORE_SCHEMA }) as object,
  },
};

/** 1-based line of each top-level front-matter field. */
function fieldLines(frontMatter: string): Record<string, number> {
  const lines: Record<string, number> = {};
  // gray-matter keeps the newline after the opening fence: drop it.
  frontMatter
    .replace(/^\r?\n/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      const match = /^([^\s:#][^:]*?)\s*:/.exec(line);
      // Line 1 is the opening ---; fields start on line 2.
      if (match && !(match[1] in lines)) lines[match[1]] = index + 2;
    });
  return lines;
}

interface IssueRef {
  code: ProblemCode;
  params: Record<string, string>;
}

function decode(message: string): IssueRef | undefined {
  try {
    const ref = JSON.parse(message) as IssueRef;
    return typeof ref.code === 'string' ? ref : undefined;
  } catch {
    return undefined;
  }
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
  if (!/^\uFEFF?---\r?\n/.test(text)) return problem('front-matter', 'frontmatter.missing');
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, frontMatterOptions);
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    // js-yaml counts from 0 at the newline after the opening fence (line 1).
    return problem('front-matter', 'frontmatter.yaml', { reason }, mark ? mark.line + 1 : 1);
  }
  const lines = fieldLines(parsed.matter);
  const lineOf = (field: string) => lines[field] ?? 1;
  const raw = (parsed.data ?? {}) as Record<string, unknown>;
  const result = dispatchSchema.safeParse(raw);
  if (!result.success) {
    const problems: DispatchProblem[] = [];
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          problems.push({
            file,
            line: lineOf(key),
            field: key,
            code: 'field.unknown',
            params: { suggestion: closest(key, dispatchFields), fields: dispatchFields.join(', ') },
            severity: 'error',
          });
        }
        continue;
      }
      const field = String(issue.path[0] ?? 'front-matter');
      const value = issue.path.reduce<unknown>((at, key) => (at as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey], raw);
      const missing = issue.code === 'invalid_type' && value === undefined;
      const ref = missing
        ? { code: 'required' as const, params: { field: String(issue.path.at(-1) ?? field) } }
        : decode(issue.message);
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
    problems.sort((a, b) => a.line - b.line);
    return { ok: false, problems };
  }
  const body = parsed.content.replace(/^\s*\n/, '');
  const slug = result.data.slug ?? slugify(path.basename(id));
  if (!slug) return problem('slug', 'slug.fileName');
  return {
    ok: true,
    dispatch: {
      id,
      file,
      body,
      // The body is the end of the file: count the lines before it.
      bodyLine: text.slice(0, text.length - body.length).split('\n').length,
      lines,
      data: { ...result.data, slug },
    },
  };
}
