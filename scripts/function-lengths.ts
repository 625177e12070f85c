/**
 * node scripts/function-lengths.ts [--all]: the style's "a function past ~60
 * lines wants a named step", checked. Reads src/, scripts/ and bench/ with
 * TypeScript's parser and counts each function's lines, from its first line
 * to its closing brace: declarations, methods, accessors, constructors,
 * function expressions and arrow functions (named by the variable, property
 * or call they are given to).
 *
 * A function over 60 lines is printed; one over 80 lines fails (exit 1).
 * When a function is best long, say why in a comment just above it, or in
 * its JSDoc, starting with "long:", e.g.
 *
 *   // long: one pass over the dispatch's fields in their order on the page.
 *
 * That comment silences both. --all also lists the functions it silenced.
 */
import { globSync, readFileSync } from 'node:fs';
import ts from 'typescript';

const WARN_OVER = 60;
const FAIL_OVER = 80;
const REASON = /\blong:/i;

interface LongFunction {
  where: string;
  name: string;
  lines: number;
  reason: boolean;
}

const files = globSync(['src/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts']).filter((file) => !file.endsWith('.d.ts'));
const found = files.flatMap((file) => longFunctions(file, readFileSync(file, 'utf8')));
const failing = found.filter((fn) => fn.lines > FAIL_OVER && !fn.reason);
const shown = process.argv.includes('--all') ? found : found.filter((fn) => !fn.reason);

for (const fn of shown.sort((a, b) => b.lines - a.lines)) {
  const mark = fn.reason ? 'long, with a reason' : fn.lines > FAIL_OVER ? `over ${FAIL_OVER}` : `over ${WARN_OVER}`;
  console.log(`${fn.where} ${fn.name}: ${fn.lines} lines (${mark})`);
}
if (failing.length > 0) {
  console.error(
    `function-lengths: ${failing.length} function(s) over ${FAIL_OVER} lines. Cut out a named step, or say why ` +
      'in a comment starting with "long:" just above the function.',
  );
  process.exit(1);
}
console.log(`function-lengths: ${files.length} files, no function over ${FAIL_OVER} lines without a reason.`);

/** The functions in one file longer than WARN_OVER lines. */
function longFunctions(file: string, text: string): LongFunction[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
  const result: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = lineOf(node.getStart(source));
      const lines = lineOf(node.getEnd()) - first + 1;
      if (lines > WARN_OVER) {
        result.push({ where: `${file}:${first + 1}`, name: nameOf(node), lines, reason: hasReason(node, source) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return result;
}

/** What a reader would call the function: its own name, or what it is assigned or given to. */
function nameOf(node: ts.SignatureDeclaration): string {
  if (ts.isConstructorDeclaration(node)) return `${className(node)}constructor`;
  if (node.name && !ts.isComputedPropertyName(node.name)) {
    const own = node.name.getText();
    return ts.isClassElement(node) ? `${className(node)}${own}` : own;
  }
  const parent = node.parent;
  if (
    (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) &&
    !ts.isComputedPropertyName(parent.name)
  ) {
    return parent.name.getText();
  }
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
    return `(callback to ${parent.expression.getText().slice(0, 40)})`;
  }
  return ts.isFunctionDeclaration(node) ? 'default' : '(anonymous)';
}

function className(node: ts.Node): string {
  return ts.isClassLike(node.parent) && node.parent.name ? `${node.parent.name.text}.` : '';
}

/**
 * Whether a comment starting "long:" stands just above the function: in the
 * leading comments of the outermost node that starts on its line (so the
 * `export const` of an arrow function, the statement a callback is given in).
 */
function hasReason(node: ts.Node, source: ts.SourceFile): boolean {
  const line = (n: ts.Node) => source.getLineAndCharacterOfPosition(n.getStart(source)).line;
  let anchor = node;
  while (anchor.parent && !ts.isSourceFile(anchor.parent) && line(anchor.parent) === line(node)) anchor = anchor.parent;
  const comments = ts.getLeadingCommentRanges(source.text, anchor.getFullStart()) ?? [];
  return comments.some((range) => REASON.test(source.text.slice(range.pos, range.end)));
}
