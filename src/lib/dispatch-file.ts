/**
 * Reads one dispatch file into validated data, or into messages that say
 * which file, line and field is wrong and how to fix it. The build's loader
 * and the newsroom scripts share it so they never disagree.
 */
import path from 'node:path';
import matter from 'gray-matter';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { closest } from 'fastest-levenshtein';
import { dispatchFields, dispatchSchema, type DispatchData } from './schema.ts';
import { cleanText, slugify } from './text.ts';

export interface ParsedDispatch {
  /** Stable entry id: the path under the archive folder, NFC, without .md. */
  id: string;
  /** Path as given (relative to the project), for messages. */
  file: string;
  data: DispatchData & { slug: string };
  /** Markdown body, cleaned. */
  body: string;
  /** Line of the slug field (or 1), for messages about the URL. */
  slugLine: number;
}

export interface DispatchProblem {
  file: string;
  line: number;
  field: string;
  message: string;
}

export type ParseResult =
  | { ok: true; dispatch: ParsedDispatch }
  | { ok: false; problems: DispatchProblem[] };

export function formatProblem(p: DispatchProblem): string {
  return `${p.file}:${p.line}: ${p.field}: ${p.message}`;
}

// Timestamps stay strings so that a date without an offset can be read as
// Tripoli time; YAML's default schema would silently take it as UTC.
const frontMatterOptions = {
  engines: {
    yaml: (source: string) => loadYaml(source, { schema: CORE_SCHEMA }) as object,
  },
};

/** 1-based line of a front-matter field, or of the opening fence. */
function fieldLine(frontMatter: string, field: string): number {
  // gray-matter keeps the newline after the opening fence: drop it.
  const lines = frontMatter.replace(/^\r?\n/, '').split(/\r?\n/);
  const index = lines.findIndex((line) => line.startsWith(`${field}:`) || line.startsWith(`${field} :`));
  // Line 1 is the opening ---; front-matter lines start on line 2.
  return index < 0 ? 1 : index + 2;
}

/**
 * @param file path shown in messages (relative to the project root)
 * @param id the entry id (path under the archive folder without .md)
 */
export function parseDispatch(file: string, id: string, source: string): ParseResult {
  const text = cleanText(source);
  const problem = (field: string, message: string, line = 1): ParseResult => ({
    ok: false,
    problems: [{ file, line, field, message }],
  });
  if (!/^\uFEFF?---\r?\n/.test(text)) {
    return problem('front-matter', 'missing: the file must start with a --- line, then fields such as title, date and city, then ---');
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, frontMatterOptions);
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    // js-yaml counts from 0 at the newline after the opening fence (line 1).
    return problem('front-matter', `is not valid YAML: ${reason}`, mark ? mark.line + 1 : 1);
  }
  const raw = (parsed.data ?? {}) as Record<string, unknown>;
  const result = dispatchSchema.safeParse(raw);
  if (!result.success) {
    const problems: DispatchProblem[] = [];
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          problems.push({
            file,
            line: fieldLine(parsed.matter, key),
            field: key,
            message: `unknown field. Did you mean «${closest(key, dispatchFields)}»? Fields: ${dispatchFields.join(', ')}`,
          });
        }
        continue;
      }
      const field = String(issue.path[0] ?? 'front-matter');
      const missing = issue.code === 'invalid_type' && raw[field] === undefined;
      problems.push({
        file,
        line: fieldLine(parsed.matter, field),
        field,
        message: missing ? `is required: add a line \`${field}: …\` to the front-matter` : issue.message,
      });
    }
    problems.sort((a, b) => a.line - b.line);
    return { ok: false, problems };
  }
  const body = parsed.content.replace(/^\s*\n/, '');
  const slug = result.data.slug ?? slugify(path.basename(id));
  if (!slug) {
    return problem('slug', 'the file name has no letters or digits; rename the file or add a slug field');
  }
  return {
    ok: true,
    dispatch: {
      id,
      file,
      body,
      slugLine: fieldLine(parsed.matter, 'slug'),
      data: { ...result.data, slug },
    },
  };
}
