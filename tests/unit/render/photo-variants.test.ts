import { describe, expect, it } from 'vitest';
import { photoHash, type PhotoFile } from '#src/dispatch/record.ts';
import { neededVariants } from '#src/build/photo-step.ts';
import {
  articlePicture,
  cropSize,
  enclosurePhoto,
  parseVariantName,
  photoVariants,
  photoWidths,
  thumbnailPicture,
  variant,
} from '#src/render/photo-variants.ts';
import { makeDispatch } from '../../helpers/dispatch.ts';

const photo = (name: string, width: number, height: number, digest = 'ab'.repeat(32)): PhotoFile => ({
  file: `content/images/${name}`,
  name,
  digest,
  hash: photoHash(digest, 'encoder-1'),
  width,
  height,
  format: 'jpeg',
});

describe('photo sizes', () => {
  it('never ask for more pixels than the original has, and use all it has up to 1200', () => {
    expect(photoWidths({ width: 4000 })).toEqual([480, 800, 1200]);
    expect(photoWidths({ width: 1000 })).toEqual([480, 800, 1000]);
    expect(photoWidths({ width: 799 })).toEqual([480, 799]);
    expect(photoWidths({ width: 300 })).toEqual([300]);
    expect(cropSize({ width: 4000, height: 3000 }, 16 / 9)).toEqual({ width: 1200, height: 675 });
    expect(cropSize({ width: 1600, height: 1000 }, 1)).toEqual({ width: 1000, height: 1000 });
    expect(cropSize({ width: 800, height: 300 }, 4 / 3)).toEqual({ width: 400, height: 300 });
  });

  it('make a <picture> of AVIF and WebP sources with a JPEG fallback at the widest size, in the photo’s proportions', () => {
    const set = articlePicture(photo('ساحة سبها.jpg', 1600, 1000));
    expect(set.sources.map((s) => s.type)).toEqual(['image/avif', 'image/webp']);
    expect(set.img).toMatchObject({ width: 1200, height: 750 });
    expect(set.img.srcset.split(', ').map((c) => c.split(' ')[1])).toEqual(['480w', '800w', '1200w']);
    expect(set.variants.map((v) => `${v.width}x${v.height}`)).toEqual(Array(3).fill(['480x300', '800x500', '1200x750']).flat());
  });

  it('cut listing thumbnails as 4:3 crops at 120 and 240 px', () => {
    const set = thumbnailPicture(photo('a.jpg', 1600, 1000));
    expect(set.img).toMatchObject({ width: 240, height: 180 });
    expect(set.sizes).toBe('120px');
    expect(set.variants.every((v) => v.fit === 'cover')).toBe(true);
  });
});

describe('photo size names', () => {
  it('carry a safe stem, the hash of the bytes and of the encoder, and the size; they read back', () => {
    const v = variant(photo('ساحة سبها.JPG', 1600, 1000), { width: 480, height: 300, fit: 'inside', format: 'avif' });
    expect(v.name).toMatch(/^ساحة-سبها\.[\w-]{8}_480x300\.avif$/);
    expect(v.path).toBe(`/_astro/${v.name}`);
    expect(parseVariantName(v.name)).toEqual({
      hash: v.name.split('.')[1].split('_')[0],
      spec: { width: 480, height: 300, fit: 'inside', format: 'avif' },
    });
    const crop = enclosurePhoto(photo('a.jpg', 1600, 1000));
    expect(crop.name).toMatch(/_1200x675c\.jpg$/);
    expect(parseVariantName(crop.name)?.spec).toEqual({ width: 1200, height: 675, fit: 'cover', format: 'jpeg' });
    expect(parseVariantName('style.Ab3dE_fG.css')).toBeUndefined();
  });

  it('change with the bytes and with the encoder, never with anything else', () => {
    const spec = { width: 480, height: 300, fit: 'inside', format: 'webp' } as const;
    const a = variant(photo('a.jpg', 1600, 1000), spec).name;
    expect(variant(photo('a.jpg', 1600, 1000, 'cd'.repeat(32)), spec).name).not.toBe(a);
    expect(variant({ ...photo('a.jpg', 1600, 1000), hash: photoHash('ab'.repeat(32), 'encoder-2') }, spec).name).not.toBe(a);
    expect(variant({ ...photo('a.jpg', 1600, 1000), file: 'elsewhere/a.jpg' }, spec).name).toBe(a);
  });
});

describe('the sizes a build makes', () => {
  it('are those of shown dispatches’ photos, lead and body, and none of a withdrawn one', () => {
    const lead = photo('lead.jpg', 1600, 1000, '11'.repeat(32));
    const body = photo('body.png', 900, 600, '22'.repeat(32));
    const shown = makeDispatch('a', '2025-12-01T08:00:00Z', {
      image: { photo: lead, alt: 'وصف' },
      photos: [{ photo: body, alt: 'وصف' }],
    });
    const withdrawn = makeDispatch('b', '2025-12-01T09:00:00Z', {
      image: { photo: photo('gone.jpg', 1600, 1000, '33'.repeat(32)), alt: 'وصف' },
      withdrawn: { date: new Date('2025-12-02T00:00:00Z'), reason: 'سبب' },
    });
    const needed = neededVariants([shown, withdrawn]);
    const names = new Set([...photoVariants(lead, true), ...photoVariants(body, false)].map((v) => v.name));
    expect(new Set(needed.keys())).toEqual(names);
    expect([...needed.values()].some(({ photo: p }) => p.name === 'gone.jpg')).toBe(false);
  });
});
