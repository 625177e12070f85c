/**
 * Draws the sample archive's photos (content/images/*.jpg and one beside
 * its dispatch). They are ours, dedicated to the public domain (CC0):
 * scenes drawn as SVG, rasterised with resvg and encoded by sharp. Run it
 * only to change them; the build reads the committed JPEGs.
 *
 *   node scripts/make-sample-photos.ts
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import { random } from '../bench/random.ts';

const WIDTH = 1600;
const HEIGHT = 1067;

const grain = `<filter id="grain"><feTurbulence type="fractalNoise" baseFrequency="0.9" numOctaves="2" seed="7"/>
<feColorMatrix values="0 0 0 0 0.5  0 0 0 0 0.5  0 0 0 0 0.5  0 0 0 0.06 0"/></filter>`;

function svg(defs: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
<defs>${grain}${defs}</defs>${body}<rect width="100%" height="100%" filter="url(#grain)"/></svg>`;
}

/** A harbour at dawn: cranes, ships and a breakwater. */
function harbour(): string {
  const r = random(1);
  let waves = '';
  for (let y = 640; y < HEIGHT; y += 14) {
    waves += `<path d="M0 ${y} Q ${400 + r() * 200} ${y - 6} 800 ${y} T ${WIDTH} ${y}" stroke="#f6c58f" stroke-opacity="${(0.35 * (y - 620)) / 450}" stroke-width="2" fill="none"/>`;
  }
  const crane = (x: number, h: number) =>
    `<g fill="#2b2f3a"><rect x="${x}" y="${640 - h}" width="16" height="${h}"/><rect x="${x - 120}" y="${640 - h}" width="260" height="12"/>` +
    `<rect x="${x + 60}" y="${652 - h}" width="4" height="${h * 0.45}"/><rect x="${x + 50}" y="${640 - h * 0.55}" width="24" height="18"/></g>`;
  return svg(
    `<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#5c7fa8"/><stop offset="0.55" stop-color="#f2b47e"/><stop offset="1" stop-color="#f7d9a8"/></linearGradient>
<linearGradient id="sea" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#4a6a8a"/><stop offset="1" stop-color="#1f3349"/></linearGradient>`,
    `<rect width="100%" height="640" fill="url(#sky)"/><circle cx="1180" cy="560" r="70" fill="#ffe3b0"/>
<rect y="640" width="100%" height="${HEIGHT - 640}" fill="url(#sea)"/>${waves}
${crane(260, 330)}${crane(560, 280)}
<path d="M820 640 L860 590 L1260 590 L1300 640 Z" fill="#33363f"/><rect x="900" y="540" width="120" height="50" fill="#3d414c"/>
<rect x="0" y="632" width="${WIDTH}" height="12" fill="#262a33"/>`,
  );
}

/** Dunes under a high sun. */
function dunes(): string {
  let ridges = '';
  const colours = ['#e7b77a', '#d9a066', '#c98a50', '#b9773f', '#a4652f'];
  colours.forEach((colour, i) => {
    const y = 560 + i * 110;
    ridges += `<path d="M0 ${y} C 300 ${y - 120 + i * 15}, 600 ${y + 60}, 900 ${y - 40} S 1400 ${y - 110}, ${WIDTH} ${y - 20} L ${WIDTH} ${HEIGHT} L 0 ${HEIGHT} Z" fill="${colour}"/>`;
  });
  return svg(
    `<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#3f86c7"/><stop offset="1" stop-color="#cfe6f5"/></linearGradient>
<radialGradient id="sun"><stop offset="0" stop-color="#fffbe8"/><stop offset="1" stop-color="#fffbe8" stop-opacity="0"/></radialGradient>`,
    `<rect width="100%" height="100%" fill="url(#sky)"/><circle cx="420" cy="220" r="160" fill="url(#sun)"/>${ridges}`,
  );
}

/** A city's blocks at dusk with lit windows. */
function skyline(): string {
  const r = random(3);
  let blocks = '';
  for (let x = -20; x < WIDTH; ) {
    const w = 70 + Math.floor(r() * 110);
    const h = 180 + Math.floor(r() * 420);
    const top = 860 - h;
    blocks += `<rect x="${x}" y="${top}" width="${w}" height="${h + 220}" fill="#1d2230"/>`;
    for (let wy = top + 20; wy < 840; wy += 34) {
      for (let wx = x + 12; wx < x + w - 20; wx += 26) {
        if (r() < 0.45) blocks += `<rect x="${wx}" y="${wy}" width="12" height="16" fill="#f3cf7a" fill-opacity="${0.5 + r() * 0.5}"/>`;
      }
    }
    x += w + 6;
  }
  return svg(
    `<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#1b2a4a"/><stop offset="0.7" stop-color="#7b5a8a"/><stop offset="1" stop-color="#e59a6b"/></linearGradient>`,
    `<rect width="100%" height="100%" fill="url(#sky)"/>${blocks}<rect y="860" width="100%" height="${HEIGHT - 860}" fill="#12151d"/>`,
  );
}

/** Rows of olive trees running to the hills. */
function grove(): string {
  const r = random(4);
  let trees = '';
  for (let row = 0; row < 9; row++) {
    const y = 560 + row * row * 7 + row * 22;
    const size = 10 + row * 9;
    for (let x = -40 + (row % 2) * size; x < WIDTH + 40; x += size * 3.2) {
      trees += `<ellipse cx="${x + r() * 8}" cy="${y}" rx="${size * 1.2}" ry="${size * 0.8}" fill="${r() < 0.5 ? '#5f7440' : '#6f8449'}"/>`;
      trees += `<rect x="${x - size * 0.1}" y="${y + size * 0.5}" width="${size * 0.2}" height="${size * 0.7}" fill="#4a3a28"/>`;
    }
  }
  return svg(
    `<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8fb8d8"/><stop offset="1" stop-color="#e9eef0"/></linearGradient>`,
    `<rect width="100%" height="100%" fill="url(#sky)"/>
<path d="M0 560 Q 300 440 640 520 T 1200 470 T ${WIDTH} 520 L ${WIDTH} 600 L 0 600 Z" fill="#8a9a7a"/>
<rect y="560" width="100%" height="${HEIGHT - 560}" fill="#b89c6c"/>${trees}`,
  );
}

/** A rostrum with microphones in front of a panelled wall. */
function pressRoom(): string {
  let panels = '';
  for (let x = 0; x < WIDTH; x += 160) panels += `<rect x="${x + 6}" y="0" width="148" height="700" fill="#6d4f3b"/>`;
  let mics = '';
  for (const [x, tilt] of [
    [700, -12],
    [760, -4],
    [820, 6],
    [880, 14],
  ] as const) {
    mics += `<g transform="rotate(${tilt} ${x} 640)"><rect x="${x - 3}" y="520" width="6" height="120" fill="#222"/><ellipse cx="${x}" cy="512" rx="16" ry="22" fill="#333"/></g>`;
  }
  return svg(
    `<linearGradient id="light" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#fff3d6" stop-opacity="0.35"/><stop offset="1" stop-color="#fff3d6" stop-opacity="0"/></linearGradient>`,
    `<rect width="100%" height="100%" fill="#5a3f2f"/>${panels}<rect width="100%" height="700" fill="url(#light)"/>
<rect y="700" width="100%" height="${HEIGHT - 700}" fill="#2c2320"/>
<path d="M600 640 L1000 640 L1060 ${HEIGHT} L540 ${HEIGHT} Z" fill="#3b2a22"/><rect x="600" y="630" width="400" height="20" fill="#4b372c"/>
<circle cx="800" cy="760" r="56" fill="#c9a75a"/><circle cx="800" cy="760" r="44" fill="#3b2a22"/>${mics}`,
  );
}

const root = path.resolve(import.meta.dirname, '..');
const photos: [string, () => string][] = [
  ['content/images/harbour-cranes.jpg', harbour],
  ['content/dispatches/2023/10/desert-dunes.jpg', dunes],
  ['content/images/city-at-dusk.jpg', skyline],
  ['content/images/olive-grove.jpg', grove],
  ['content/images/press-room.jpg', pressRoom],
];

for (const [file, draw] of photos) {
  const png = new Resvg(draw(), { fitTo: { mode: 'width', value: WIDTH } }).render().asPng();
  const jpeg = await sharp(png).jpeg({ quality: 78, mozjpeg: true }).toBuffer();
  await writeFile(path.join(root, file), jpeg);
  console.log(`${file}: ${(jpeg.length / 1024).toFixed(0)} KB`);
}
