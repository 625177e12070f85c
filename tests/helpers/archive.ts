/**
 * The test archive: the hand-written fixtures in tests/fixtures/site plus
 * generated dispatches (enough for several listing pages) and a file whose
 * name is written in NFD, as macOS would.
 */
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from './build.ts';

export const fillerCount = 45;
export const fillerCity = { name: 'زليتن', slug: 'zliten' };
export const fillerCategory = { name: 'رياضة', slug: 'sports' };
export const fillerTag = 'الدوري';
/** File name of the NFD fixture (NFC form). */
export const nfdName = 'أخبار-إسعاف-عاجلة';

export function fillerDispatch(n: number): string {
  const day = String((n % 28) + 1).padStart(2, '0');
  const hour = String(8 + (n % 10)).padStart(2, '0');
  return [
    '---',
    `title: "نتيجة المباراة رقم ${n} في دوري زليتن"`,
    `date: "2025-11-${day}T${hour}:00:00"`,
    `city: ${fillerCity.name}`,
    `category: ${fillerCategory.name}`,
    n % 2 === 0 ? `tags: ["${fillerTag}"]` : 'tags: []',
    '---',
    `انتهت المباراة رقم ${n} في ملعب زليتن البلدي بفوز الفريق المضيف. وحضر المباراة جمهور كبير.`,
    '',
  ].join('\n');
}

export async function makeTestArchive(dir: string): Promise<string> {
  await cp(path.join(projectRoot, 'tests/fixtures/site'), dir, { recursive: true });
  await mkdir(path.join(dir, 'generated'), { recursive: true });
  for (let n = 1; n <= fillerCount; n++) {
    await writeFile(path.join(dir, 'generated', `match-${String(n).padStart(2, '0')}.md`), fillerDispatch(n));
  }
  const nfd = [
    '---',
    'title: "إسعاف أهالي غريان بعد السيول"',
    'date: "2025-12-04T07:45:00"',
    'city: غريان',
    'category: محليات',
    'tags: ["السيول"]',
    '---',
    'أعلنت فرق الإسعاف في غريان إجلاء عدد من الأسر بعد السيول التي شهدتها المدينة أمس. ولم تفرض البلدية أي رسوم على الإيواء.',
    '',
  ]
    .join('\n')
    .normalize('NFD');
  await writeFile(path.join(dir, '2025/12', `${nfdName.normalize('NFD')}.md`), nfd);
  return dir;
}
