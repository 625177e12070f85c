import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createRenderer } from '#src/render/social-image.ts';
import { escapeXml } from '#src/render/xml.ts';
import { drawCard, layoutCard, visualWords, type SocialCard } from '#src/render/social-card.ts';
import { forgetWords } from '#src/render/word-masks.ts';

const card: SocialCard = {
  site: 'أرشيف وكالة الأنباء الليبية',
  headline: 'وزير الخارجية: نسعى إلى تعزيز التعاون مع دول الجوار في مجال الطاقة والنقل والموانئ',
  footer: 'طرابلس 01 ديسمبر 2025',
};

const rgb = async (png: Buffer) => sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
const pixel = (raw: Buffer, x: number, y: number) => [...raw.subarray((y * 1200 + x) * 3, (y * 1200 + x) * 3 + 3)];

/** The same card drawn whole by resvg, line by line (right-to-left marks keep an Arabic line's punctuation in place). */
function drawnWhole(c: SocialCard): Buffer {
  const fills = { headline: '#ffffff', muted: '#d6efe6' };
  const texts = layoutCard(c).map(
    (l) =>
      `<text x="${l.right}" y="${l.baseline}" font-size="${l.size}" font-weight="700" fill="${fills[l.ink]}" text-anchor="end">${escapeXml(`\u200f${l.text}\u200f`)}</text>`,
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><rect width="1200" height="630" fill="#0a5a45"/><rect x="1000" y="112" width="120" height="6" fill="#6fd3b3"/>${texts.join('')}</svg>`;
  return createRenderer(svg).render().asPng();
}

describe('visual order of a line', () => {
  it('puts the first Arabic word on the right', () => {
    expect(visualWords('ميناء طرابلس يبدأ')).toEqual(['يبدأ', 'طرابلس', 'ميناء']);
  });

  it('places Latin names and numbers where a browser does', () => {
    expect(visualWords('المجلس (UN) 2007')).toEqual(['2007', '(UN)', 'المجلس']);
    expect(visualWords('قال UN Security Council اليوم')).toEqual(['اليوم', 'UN', 'Security', 'Council', 'قال']);
    expect(visualWords('ارتفع 5 في المئة')).toEqual(['المئة', 'في', '5', 'ارتفع']);
    expect(visualWords('كوفيد COVID 19 الآن')).toEqual(['الآن', 'COVID', '19', 'كوفيد']);
    expect(visualWords('بنسبة 2.5% عام 2025')).toEqual(['2025', 'عام', '2.5%', 'بنسبة']);
  });
});

describe('social card layout', () => {
  it('anchors every line at the right margin', () => {
    const lines = layoutCard(card);
    expect(lines.map((l) => l.right)).toEqual(lines.map(() => 1120));
    expect(lines[0]).toMatchObject({ text: card.site, ink: 'muted' });
    expect(lines.at(-1)).toMatchObject({ text: card.footer, ink: 'muted' });
  });

  it('wraps a long headline in smaller type, cut with «…» after four lines', () => {
    const short = layoutCard(card).filter((l) => l.ink === 'headline');
    expect(short.map((l) => l.size)).toEqual(short.map(() => 64));
    const long = layoutCard({ ...card, headline: 'عنوان طويل جدا '.repeat(20).trim() }).filter((l) => l.ink === 'headline');
    expect(long).toHaveLength(4);
    expect(long.map((l) => l.size)).toEqual([54, 54, 54, 54]);
    expect(long.at(-1)!.text).toMatch(/ …$/);
  });
});

describe('social card drawing', () => {
  it('draws a 1200×630 palette PNG in the card colours', async () => {
    const png = await drawCard(card);
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ width: 1200, height: 630, format: 'png', isPalette: true });
    const { data } = await rgb(png);
    expect(pixel(data, 10, 10)).toEqual([0x0a, 0x5a, 0x45]);
    expect(pixel(data, 1050, 114)).toEqual([0x6f, 0xd3, 0xb3]);
  });

  it('looks as the card drawn whole by resvg, word for word', async () => {
    const ours = (await rgb(await drawCard(card))).data;
    const whole = (await rgb(drawnWhole(card))).data;
    let off = 0;
    let sum = 0;
    for (let i = 0; i < ours.length; i++) {
      const d = Math.abs(ours[i] - whole[i]);
      sum += d;
      if (d > 48) off++;
    }
    // Words sit on whole pixels and coverage is kept in 64 steps: edges differ, letters not
    // (a word out of place differs by a few units on average, and on ~2 % of the pixels).
    expect(sum / ours.length).toBeLessThan(0.5);
    expect(off / ours.length).toBeLessThan(0.004);
  });

  it('gives the same bytes whether its words were drawn before, alone or with others', async () => {
    const fresh = { ...card, headline: 'حملة تطعيم جديدة في مدينة غريان الجبلية' };
    forgetWords();
    const together = await drawCard(fresh);
    expect(await drawCard(fresh)).toEqual(together);
    forgetWords();
    for (const word of fresh.headline.split(' ')) await drawCard({ ...fresh, headline: word });
    expect(await drawCard(fresh)).toEqual(together);
  });

  it('draws what a headline holds without breaking: markup characters, a word wider than the card', async () => {
    const odd = await drawCard({ ...card, headline: `شركة <A&B> "الوطنية" ${'ب'.repeat(400)}` });
    expect(await sharp(odd).metadata()).toMatchObject({ width: 1200, height: 630 });
    const { data } = await rgb(odd);
    const inked = (y: number) => Array.from({ length: 1200 }, (_, x) => pixel(data, x, y)).some(([r]) => r > 200);
    expect(Array.from({ length: 300 }, (_, i) => inked(170 + i)).some(Boolean)).toBe(true);
  });
});
