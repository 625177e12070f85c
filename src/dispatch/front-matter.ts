/**
 * A dispatch file split into its front-matter, read as YAML the way
 * journalists write it, and its Markdown body.
 *
 * A headline with a colon («وزير الخارجية: نسعى …»), the commonest form in
 * wire copy, is not valid YAML unquoted; its line is unambiguous, so a text
 * field's plain value is read whole. Every other fault is reported, all of
 * them at once, on the line where it is, with what to do about it.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { parseDocument, type YAMLError } from 'yaml';
import type { ProblemCode } from './problems.ts';

interface FrontMatterFault {
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
const FIELD = /^([^\s:#'"[{-][^:]*?)\s*:(?:[ \t]+(.*?))?\s*$/;
// A plain value YAML would not read as the text it is: a colon and a space («وزير: نعم»), or a first character YAML reserves.
const NEEDS_QUOTES = /:\s|:$/;
const STARTS_SYNTAX = /^[[{&*!%@`]/;
const BLOCK_SCALAR = /^[|>][-+0-9]*\s*(#.*)?$/;
const CLOSED_QUOTE = { '"': /^"(?:[^"\\]|\\.)*"/, "'": /^'(?:[^']|'')*'/ } as const;

const fieldOf = (line: string) => FIELD.exec(line.trim())?.[1] ?? 'front-matter';

/**
 * Splits and reads a dispatch file (text after cleanText). `missing` when it
 * does not open with a --- line.
 */
export function readFrontMatter(text: string): FrontMatterResult | 'missing' {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) return 'missing';
  // Only the front-matter is split into lines: the body stays a slice of the text, as read.
  const fence = /^---[ \t]*\r?$/gm;
  fence.lastIndex = open[0].length;
  const closing = fence.exec(text);
  if (!closing) return { ok: false, faults: [{ line: 1, field: 'front-matter', code: 'frontmatter.unclosed' }] };
  // Lines as YAML sees them, without a Windows line end, from the opening fence (line 1) to the closing one.
  const lines = [
    '---',
    ...text
      .slice(open[0].length, closing.index)
      .split('\n')
      .slice(0, -1)
      .map((line) => line.replace(/\r$/, '')),
    '---',
  ];
  const close = lines.length - 1;
  const { source, faults } = repaired(lines.slice(1, close));
  const read = faults.length === 0 ? quickRead(source) : undefined;
  if (!read?.ok) {
    // The YAML source starts on the file's line 2.
    const errors = parseDocument(source, { schema: 'core', uniqueKeys: true }).errors.map((error) => yamlFault(error, lines));
    faults.push(...errors);
    // Rare: what js-yaml refuses and `yaml` takes. Its line counts from 0 at the file's line 2.
    if (faults.length === 0 && read) {
      faults.push({
        line: read.line + 2,
        field: fieldOf(lines[read.line + 1] ?? ''),
        code: 'frontmatter.yaml',
        params: { reason: read.reason },
      });
    }
    return { ok: false, faults: dedupe(faults) };
  }
  const fieldLines: Record<string, number> = {};
  lines.slice(1, close).forEach((line, i) => {
    const match = FIELD.exec(line);
    if (match && !(match[1] in fieldLines)) fieldLines[match[1]] = i + 2;
  });
  const { data } = read;
  const rest = text.slice(closing.index + closing[0].length + 1);
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
 * js-yaml reads a front-matter ten times faster than `yaml`, which is kept
 * for what js-yaml cannot do: list every fault of a file that has some.
 * Timestamps stay strings (the core schema), so that a date without an
 * offset is read as Tripoli time.
 */
function quickRead(source: string): { ok: true; data: unknown } | { ok: false; line: number; reason: string } {
  try {
    return { ok: true, data: load(source, { schema: CORE_SCHEMA }) };
  } catch (error) {
    const { mark, reason } = error as { mark?: { line: number }; reason?: string };
    return { ok: false, line: mark?.line ?? 0, reason: reason ?? String(error) };
  }
}

/**
 * The front-matter lines as YAML can read them: a text field's value read
 * as the text it is, and, to find the faults after them too, an unclosed
 * quote closed and a stray indent removed (both reported).
 */
function repaired(lines: readonly string[]): { source: string; faults: FrontMatterFault[] } {
  const faults: FrontMatterFault[] = [];
  // Whether the last top-level field opened a nested map or list (withdrawn:, corrections:).
  let nested = false;
  // The indent a block scalar's lines (|, >) are deeper than, while in one.
  let block: number | undefined;
  const out = lines.map((line, i) => {
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (block !== undefined && (line.trim() === '' || indent > block)) return line;
    block = undefined;
    if (line.trim() === '' || line.trim().startsWith('#')) return line;
    let text = line;
    if (indent > 0) {
      const field = FIELD.exec(line.trim());
      // Under a field that has its value, an indented field is a stray indent (an indented plain line continues the value).
      if (!field || nested || line.trim().startsWith('-')) return nestedLine(line, (at) => (block = at));
      faults.push({ line: i + 2, field: field[1], code: 'frontmatter.indent' });
      text = line.trim();
    }
    const match = FIELD.exec(text);
    if (!match) return text;
    const [, key, value = ''] = match;
    nested = value === '' || value.startsWith('#');
    if (BLOCK_SCALAR.test(value)) block = 0;
    const quote = value[0];
    if ((quote === '"' || quote === "'") && !CLOSED_QUOTE[quote].test(value)) {
      faults.push({ line: i + 2, field: key, code: 'frontmatter.quote', params: { quote } });
      return `${key}: ${JSON.stringify(value.slice(1))}`;
    }
    return TEXT_FIELDS.has(key) ? `${key}: ${asText(value)}` : text;
  });
  return { source: out.join('\n'), faults };
}

/** A line inside a nested map or list: its text fields (a withdrawal's reason, a correction's note) read as text too. */
function nestedLine(line: string, blockAt: (indent: number) => void): string {
  const match = /^(\s*(?:-\s+)?)(reason|note):\s+(.*?)\s*$/.exec(line);
  if (!match) return line;
  const [, prefix, key, value] = match;
  if (BLOCK_SCALAR.test(value)) blockAt(prefix.length);
  return `${prefix}${key}: ${asText(value)}`;
}

/**
 * A text field's value as YAML, written so that it reads as the text a
 * journalist typed: «وزير الخارجية: نسعى …» and «"الوطنية للنفط": الإنتاج
 * يرتفع» whole. A quoted value, a block scalar and a trailing « # comment» stay YAML.
 */
function asText(value: string): string {
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    const closed = CLOSED_QUOTE[quote].exec(value)?.[0];
    const rest = closed === undefined ? '' : value.slice(closed.length).trim();
    return rest === '' || rest.startsWith('#') ? value : JSON.stringify(value);
  }
  if (BLOCK_SCALAR.test(value)) return value;
  const comment = /\s#/.exec(value);
  const main = comment ? value.slice(0, comment.index) : value;
  const needsQuotes = STARTS_SYNTAX.test(main) || NEEDS_QUOTES.test(main);
  return needsQuotes ? `${JSON.stringify(main)}${comment ? value.slice(comment.index) : ''}` : value;
}

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
