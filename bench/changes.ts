/**
 * What the benchmark publishes after its cold build: each kind of change a
 * newsroom makes to a large archive, in order, with the time each build
 * takes as now. Deterministic: the same corpus always gets the same edits.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { dispatch, writeCorpus, type CorpusOptions } from './corpus.ts';

/** The benchmark's clock: after every dispatch of the corpus (which ends in November 2026). */
export const NOW = '2026-12-07T09:00:00Z';
/** Two hours later: an embargo set for 13:00 Tripoli time has fallen due. */
const LATER = '2026-12-07T11:30:00Z';

export interface Scenario {
  label: string;
  /** The build's now (ARCHIVE_NOW). */
  now: string;
  /** Printed in the summary. */
  measured: boolean;
  change: () => Promise<unknown>;
}

/** The corpus dispatch nearest to `iso` (dates are spread evenly in order). */
function nearest(options: CorpusOptions, iso: string): number {
  let low = 0;
  let high = options.n - 1;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (dispatch(mid, options).date.toISOString() < iso) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Adds lines to a dispatch's front-matter and changes its body with `edit`. */
async function editDispatch(root: string, options: CorpusOptions, i: number, fields: string[], edit = (body: string) => body) {
  const file = path.join(root, 'dispatches', dispatch(i, options).file);
  const text = await readFile(file, 'utf8');
  const end = text.indexOf('\n---\n', 4);
  await writeFile(file, `${text.slice(0, end)}\n${fields.join('\n')}${edit(text.slice(end))}`);
}

export function publishScenarios(root: string, options: CorpusOptions): Scenario[] {
  const fiveYearsAgo = nearest(options, '2021-12-07');
  const twoYearsAgo = nearest(options, '2024-12-07');
  return [
    { label: 'Nothing changed: publish', now: NOW, measured: false, change: async () => undefined },
    {
      label: 'One new dispatch: publish (time to live)',
      now: NOW,
      measured: true,
      change: () => writeCorpus(root, options, { from: options.n, to: options.n + 1 }),
    },
    {
      label: 'A correction to a five-year-old dispatch: publish',
      now: NOW,
      measured: true,
      change: () =>
        editDispatch(
          root,
          options,
          fiveYearsAgo,
          ['corrections:', '  - date: "2026-12-07T10:30"', '    note: "صححت قيمة المخصصات المالية للمشروع."'],
          (body) => body.replace(/مليون دينار/, 'مليار دينار'),
        ),
    },
    {
      label: 'A withdrawal of a two-year-old dispatch: publish',
      now: NOW,
      measured: true,
      change: () =>
        editDispatch(root, options, twoYearsAgo, ['withdrawn:', '  date: "2026-12-07T10:40"', '  reason: "نشر قبل التحقق من مصدره."']),
    },
    {
      label: 'An embargoed dispatch committed: publish',
      now: NOW,
      measured: false,
      change: async () => {
        await mkdir(path.join(root, 'dispatches/2026/12'), { recursive: true });
        await writeFile(
          path.join(root, 'dispatches/2026/12/embargoed-briefing.md'),
          [
            '---',
            'title: "مؤتمر صحفي عن الميزانية العامة"',
            'date: "2026-12-07T13:00"',
            'city: طرابلس',
            'category: اقتصاد',
            '---',
            'يعقد وزير المالية اليوم مؤتمرا صحفيا يعرض فيه الميزانية العامة.',
            '',
          ].join('\n'),
        );
      },
    },
    { label: 'The embargo falls due: publish', now: LATER, measured: true, change: async () => undefined },
  ];
}
