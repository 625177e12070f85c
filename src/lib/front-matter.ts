/**
 * A dispatch file split into its front-matter, read as YAML the way
 * journalists write it, and its Markdown body.
 *
 * A headline with a colon («وزير الخارجية: نسعى …»), the commonest form in
 * wire copy, is not valid YAML unquoted; its line is unambiguous, so a text
 * field's plain value is read whole. Every other fault is reported, all of
 * them at once, on the line where it is, with what to do about it.
 */
import { parseDocument, type YAMLError } from 'yaml';
import type { ProblemCode } from './problems.ts';

export interface FrontMatterFault {
  /** 1-based line in the file. */
  line: number;
  field: string;
  code: ProblemCode;
  params?: Record<string, string>;
}

export type FrontMatterResult =
  | {
      ok: true;
      data: Record<string, unknown>;
      /** 1-based line of each top-level field. */
      lines: Record<string, number>;
      body: string;
      /** 1-based line where the body starts. */
      bodyLine: number;
    }
  | { ok: false; faults: FrontMatterFault[] };

/** Fields whose value is one line of text, which a journalist never quotes. */
const TEXT_FIELDS = new Set(['title', 'summary', 'city', 'category', 'source', 'slug', 'image', 'imageAlt', 'imageCaption', 'imageCredit']);
const FIELD = /^([^\s:#'"[{\-][^:]*?)\s*:(?:[ \t]+(.*?))?\s*$/;
// A plain YAML value that is text as written: YAML would end it at «: » or « #».
const NEEDS_QUOTES = /:\s|:$|\s#/;
const STARTS_SYNTAX = /^["'[{|>&*!%@`]/;
const CLOSED_QUOTE = { '"': /^"(?:[^"\\]|\\.)*"/, "'": /^'(?:[^']|'')*'/ } as const;

const fieldOf = (line: string) => FIELD.exec(line)?.[1] ?? 'front-matter';

/**
 * Splits and reads a dispatch file (text after cleanText). `missing` when it
 * does not open with a --- line.
 */
export function readFrontMatter(text: string): FrontMatterResult | 'missing' {
  if (!/^\uFEFF?---[ \t]*\r?\n/.test(text)) return 'missing';
  const lines = text.split('\n');
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
  if (close < 0) return { ok: false, faults: [{ line: 1, field: 'front-matter', code: 'frontmatter.unclosed' }] };
  const { source, faults } = repaired(lines.slice(1, close));
  const doc = parseDocument(source, { schema: 'core', uniqueKeys: true });
  // The YAML source starts on the file's line 2.
  faults.push(...doc.errors.map((error) => yamlFault(error, lines)));
  if (faults.length > 0) return { ok: false, faults: dedupe(faults) };
  const fieldLines: Record<string, number> = {};
  lines.slice(1, close).forEach((line, i) => {
    const match = FIELD.exec(line);
    if (match && !(match[1] in fieldLines)) fieldLines[match[1]] = i + 2;
  });
  const data = doc.toJS() as unknown;
  const rest = lines.slice(close + 1).join('\n');
  const body = rest.replace(/^\s*\n/, '');
  return {
    ok: true,
    data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
    lines: fieldLines,
    body,
    bodyLine: text.slice(0, text.length - body.length).split('\n').length,
  };
}

/**
 * The front-matter lines as YAML can read them: a text field's plain value
 * quoted, and, to find the faults after them too, an unclosed quote closed
 * and a stray indent removed (both reported).
 */
function repaired(lines: string[]): { source: string; faults: FrontMatterFault[] } {
  const faults: FrontMatterFault[] = [];
  let parentHasValue = false;
  const out = lines.map((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const fileLine = i + 2;
    const indented = /^[ \t]+\S/.test(line) && !/^\s*(-|#)/.test(line);
    // An indented line under a field that already has a value on its own line is a stray indent.
    if (indented && parentHasValue && FIELD.test(line.trim())) {
      faults.push({ line: fileLine, field: fieldOf(line.trim()), code: 'frontmatter.indent' });
      return line.trim();
    }
    const match = /^\S/.test(line) ? FIELD.exec(line) : null;
    if (!match) return line;
    const [, key, value = ''] = match;
    parentHasValue = value !== '' && !value.startsWith('#');
    const quote = value[0];
    if ((quote === '"' || quote === "'") && !CLOSED_QUOTE[quote].test(value)) {
      faults.push({ line: fileLine, field: key, code: 'frontmatter.quote', params: { quote } });
      return `${key}: ${JSON.stringify(value.slice(1))}`;
    }
    if (TEXT_FIELDS.has(key) && !STARTS_SYNTAX.test(value) && NEEDS_QUOTES.test(value) && !continues(lines[i + 1])) {
      return `${key}: ${JSON.stringify(value)}`;
    }
    return line;
  });
  return { source: out.join('\n'), faults };
}

/** Whether a line continues a plain value over lines (indented, as YAML allows). */
const continues = (next: string | undefined) => next !== undefined && /^[ \t]+\S/.test(next) && !FIELD.test(next.trim());

/** What a YAML error means for a journalist, on its file line. */
function yamlFault(error: YAMLError, lines: readonly string[]): FrontMatterFault {
  let line = (error.linePos?.[0].line ?? 0) + 1;
  // YAML finds an unclosed [ or { where the front-matter ends: the fault is where it opened.
  const unclosedFlow = error.code === 'MISSING_CHAR' || /^Flow (sequence|mapping)/.test(error.message);
  if (unclosedFlow) {
    const opened = lines.slice(0, line).findLastIndex(opensFlow);
    if (opened > 0) line = opened + 1;
    return { line, field: fieldOf(lines[line - 1] ?? ''), code: 'frontmatter.bracket' };
  }
  const field = fieldOf(lines[line - 1] ?? '');
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return { line, field, code: 'frontmatter.duplicate' };
    case 'TAB_AS_INDENT':
      return { line, field, code: 'frontmatter.tab' };
    case 'BLOCK_AS_IMPLICIT_KEY':
      return { line, field, code: 'frontmatter.colon' };
    default:
      return {
        line,
        field,
        code: 'frontmatter.yaml',
        params: { reason: error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '') },
      };
  }
}

/** A field line whose value opens more [ or { than it closes. */
function opensFlow(text: string): boolean {
  const value = /^[^#]*?:\s*([[{].*)$/.exec(text)?.[1];
  if (!value) return false;
  const count = (pattern: RegExp) => value.match(pattern)?.length ?? 0;
  return count(/[[{]/g) > count(/[\]}]/g);
}

/** One fault per line, in line order: a fault often makes YAML report its line twice. */
function dedupe(faults: FrontMatterFault[]): FrontMatterFault[] {
  const byLine = new Map<number, FrontMatterFault>();
  for (const fault of faults) if (!byLine.has(fault.line)) byLine.set(fault.line, fault);
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}
