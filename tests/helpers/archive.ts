/**
 * The test archive: the hand-written fixtures in tests/fixtures/site plus
 * generated dispatches (enough for several listing pages), a file whose
 * name is written in NFD, as macOS would, and the photos a fixture names.
 */
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { projectRoot } from './build.ts';

export const fillerCount = 45;
export const fillerCity = { name: 'زليتن', slug: 'zliten' };
export const fillerCategory = { name: 'رياضة', slug: 'sports' };
export const fillerTag = 'الدوري';
/** File name of the NFD fixture (NFC form). */
export const nfdName = 'أخبار-إسعاف-عاجلة';

/** The photos of tests/fixtures/site/2026/01/new-year-sebha.md. */
export const photoDispatch = {
  url: '/2026/01/01/new-year-sebha/',
  /** Beside the dispatch; its Arabic name is written NFD on disk. */
  lead: { name: 'ساحة-سبها.jpg', width: 1600, height: 1000 },
  /** In the shared images folder, narrower than the widest article size, with a transparent corner. */
  body: { name: 'fireworks.png', width: 900, height: 600 },
};

/**
 * A photo-sized test image: a diagonal gradient, so crops and sizes differ.
 * With `transparentCorner`, its top-left 40×40 pixels are transparent.
 */
export function testPhoto(width: number, height: number, transparentCorner = false): Sharp {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    '<defs><linearGradient id="g" x2="1" y2="1"><stop stop-color="#1d4e89"/><stop offset="1" stop-color="#f2b134"/></linearGradient></defs>' +
    (transparentCorner
      ? `<path d="M40 0H${width}V${height}H0V40H40Z" fill="url(#g)"/>`
      : '<rect width="100%" height="100%" fill="url(#g)"/>') +
    '</svg>';
  return sharp(Buffer.from(svg));
}

function fillerDispatch(n: number): string {
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
  const { lead, body } = photoDispatch;
  await testPhoto(lead.width, lead.height)
    .jpeg()
    .toFile(path.join(dir, '2026/01', lead.name.normalize('NFD')));
  const images = path.join(dir, '..', 'images');
  await mkdir(images, { recursive: true });
  await testPhoto(body.width, body.height, true).png().toFile(path.join(images, body.name));
  return dir;
}
