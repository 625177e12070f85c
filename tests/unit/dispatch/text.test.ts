import { describe, expect, it } from 'vitest';
import { cleanText, slugify } from '#src/dispatch/text.ts';

describe('cleanText', () => {
  it('composes NFD Arabic (as macOS writes it) into NFC', () => {
    const nfd = 'أخبار إسعاف'.normalize('NFD');
    expect(nfd).not.toBe('أخبار إسعاف');
    expect(cleanText(nfd)).toBe('أخبار إسعاف');
  });

  it.each([
    ['C0 controls', 'a\u0000b\u0007c\u001bd', 'abcd'],
    ['DEL and C1 controls', 'a\u007fb\u0085c', 'abc'],
    ['bidi overrides and embeddings', 'a\u202eb\u202dc\u202ad\u202c', 'abcd'],
    ['bidi isolates', 'a\u2066b\u2069', 'ab'],
  ])('removes %s', (_, input, output) => {
    expect(cleanText(input)).toBe(output);
  });

  it('keeps tab, new lines, RLM/LRM/ALM and ZWNJ', () => {
    const text = 'سطر\tأول\nسطر\r\nثان \u200f\u200e\u061c\u200c';
    expect(cleanText(text)).toBe(text);
  });
});

describe('slugify', () => {
  it.each([
    ['port-upgrade', 'port-upgrade'],
    ['Port Upgrade 2025', 'port-upgrade-2025'],
    ['مهرجان غدامس السياحي', 'مهرجان-غدامس-السياحي'],
    ['مهرجان-غدامس'.normalize('NFD'), 'مهرجان-غدامس'],
    ['أخبار'.normalize('NFD'), 'أخبار'],
    ['الاقتصاد الليبي', 'الاقتصاد-الليبي'],
    ['مـــرحبا', 'مرحبا'],
    ['مَرْحَبًا', 'مرحبا'],
    ['  «النفط»، والغاز!  ', 'النفط-والغاز'],
    ['???', ''],
  ])('%j → %j', (input, slug) => {
    expect(slugify(input)).toBe(slug);
  });
});
