/**
 * PNG with an 8-bit palette (colour type 3), compressed by Node's zlib off
 * the main thread. Four chunks; written here because the JavaScript
 * encoders (fast-png, pngjs) deflate in JavaScript, several times slower
 * than zlib, and sharp cannot take a palette of our choosing.
 */
import { promisify } from 'node:util';
import { constants, crc32, deflate } from 'node:zlib';

const deflateAsync = promisify(deflate);
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export interface PaletteImage {
  width: number;
  height: number;
  /** One palette index per pixel, row by row. */
  indices: Uint8Array;
  /** [r, g, b] entries, at most 256. */
  palette: readonly (readonly [number, number, number])[];
}

/**
 * The image as PNG bytes. Rows are unfiltered and compressed as runs (Z_RLE):
 * an image of few colours is mostly runs, and other strategies cost more for
 * a few per cent of bytes.
 */
export async function encodePalettePng({ width, height, indices, palette }: PaletteImage): Promise<Buffer> {
  if (palette.length === 0 || palette.length > 256) throw new Error(`A PNG palette holds 1 to 256 colours, not ${palette.length}`);
  if (indices.length !== width * height) throw new Error(`${indices.length} pixels for a ${width}×${height} image`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits an index, palette, deflate, no filter method, not interlaced
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) rows.set(indices.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', Uint8Array.from(palette.flat())),
    chunk('IDAT', await deflateAsync(rows, { level: 4, strategy: constants.Z_RLE })),
    chunk('IEND', new Uint8Array()),
  ]);
}
