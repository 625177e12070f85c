/**
 * Prints the wall time of each group of test files (project and folder),
 * then one plain closing line, "N passed, N failed", that CI reads whatever
 * runner produced it.
 */
import path from 'node:path';
import type { Reporter, TestModule, TestSpecification } from 'vitest/node';

interface Span {
  start: number;
  end: number;
}

/** "site tests/e2e": the module's project and the two folders its path starts with. */
function groupOf(module: TestModule): string {
  const relative = path.relative(module.project.config.root, module.moduleId).split(path.sep);
  return `${module.project.name} ${relative.slice(0, 2).join('/')}`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export default class SummaryReporter implements Reporter {
  private runStart = 0;
  private spans = new Map<string, Span>();

  onTestRunStart(_specifications: ReadonlyArray<TestSpecification>) {
    this.runStart = performance.now();
    this.spans.clear();
  }

  // Queued: a worker has the file, before its imports and setup files.
  onTestModuleQueued(module: TestModule) {
    this.spans.set(module.id, { start: performance.now(), end: Number.NaN });
  }

  onTestModuleEnd(module: TestModule) {
    const span = this.spans.get(module.id);
    if (span) span.end = performance.now();
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    this.printTimes(modules);
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (module.state() === 'failed' && module.children.size === 0) failed++;
    }
    console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  }

  /**
   * Per group, the wall time from its first file's start to its last file's
   * end, and the files' own times added up (more than the wall time when
   * they ran side by side). The global setup is the wait before the first file.
   */
  private printTimes(modules: ReadonlyArray<TestModule>) {
    const groups = new Map<string, { files: number; first: number; last: number; own: number }>();
    let firstStart = Number.POSITIVE_INFINITY;
    for (const module of modules) {
      const span = this.spans.get(module.id);
      if (!span || Number.isNaN(span.end)) continue;
      firstStart = Math.min(firstStart, span.start);
      const key = groupOf(module);
      const group = groups.get(key) ?? { files: 0, first: span.start, last: span.end, own: 0 };
      group.files++;
      group.first = Math.min(group.first, span.start);
      group.last = Math.max(group.last, span.end);
      group.own += span.end - span.start;
      groups.set(key, group);
    }
    if (groups.size === 0) return;
    const rows: string[][] = [['global setup', seconds(firstStart - this.runStart), '', '']];
    for (const [key, group] of [...groups].sort(([, a], [, b]) => a.first - b.first)) {
      rows.push([key, seconds(group.last - group.first), seconds(group.own), `${group.files} file${group.files === 1 ? '' : 's'}`]);
    }
    rows.push(['whole run', seconds(performance.now() - this.runStart), '', '']);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i].length)));
    console.log('\nTime per group: wall (first file started to last ended), and the times of its files added up');
    for (const row of rows) {
      console.log(`  ${row[0].padEnd(widths[0])}  ${row[1].padStart(widths[1])}  ${row[2].padStart(widths[2])}  ${row[3]}`.trimEnd());
    }
  }
}
