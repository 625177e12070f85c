/**
 * What a social card costs to draw and encode: CPU time of this process
 * (libuv's pool included) per card, drawn one after another. Two cases:
 * headlines whose every word is new (nothing to reuse: the most a card
 * costs), and the corpus's own headlines in order (words reused as they
 * recur; the synthetic corpus repeats words more than real copy does).
 */
import { drawCard, type SocialCard } from '#src/render/social-card.ts';
import { random } from './random.ts';
import { dispatch, type CorpusOptions } from './corpus.ts';

export interface CardCost {
  label: string;
  cards: number;
  /** CPU milliseconds per card. */
  cpuMs: number;
  /** Bytes per card. */
  bytes: number;
}

const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';

/** A headline of `words` words that no other headline has. */
function newWords(r: () => number, words: number): string {
  const word = () => Array.from({ length: 3 + Math.floor(r() * 6) }, () => LETTERS[Math.floor(r() * LETTERS.length)]).join('');
  return Array.from({ length: words }, word).join(' ');
}

async function cost(label: string, cards: SocialCard[]): Promise<CardCost> {
  const started = process.cpuUsage();
  let bytes = 0;
  for (const card of cards) bytes += (await drawCard(card)).length;
  const { user, system } = process.cpuUsage(started);
  return { label, cards: cards.length, cpuMs: (user + system) / 1000 / cards.length, bytes: bytes / cards.length };
}

export async function cardCosts(options: CorpusOptions, count = 400): Promise<CardCost[]> {
  const r = random(18);
  const site = 'أرشيف وكالة الأنباء الليبية';
  const footer = (i: number) => `طرابلس ${String(1 + (i % 28)).padStart(2, '0')} ديسمبر ${2000 + (i % 26)} (وال)`;
  // The site's name and the dates' words are drawn once, as in a build.
  await drawCard({ site, headline: 'عنوان', footer: footer(0) });
  const fresh = Array.from({ length: count }, (_, i) => ({ site, headline: newWords(r, 12), footer: footer(i) }));
  const step = Math.max(1, Math.floor(options.n / count));
  const corpus = Array.from({ length: Math.min(count, options.n) }, (_, i) => {
    const d = dispatch(i * step, options);
    return { site, headline: d.title, footer: `${d.city} ${footer(i).split(' ').slice(1).join(' ')}` };
  });
  return [await cost('every word new', fresh), await cost("the corpus's headlines", corpus)];
}
