/** src/dispatch/registries.ts: cities, categories and sources found by any spelling a journalist types, and honest suggestions. */
import { describe, expect, it } from 'vitest';
import { categoryRegistry, cityRegistry, sourceRegistry, unknownEntry } from '#src/dispatch/registries.ts';
import { problemMessage } from '#src/dispatch/problems.ts';

describe('find', () => {
  it('takes Latin names in any case and Arabic spelling variants', () => {
    for (const value of ['Tripoli', 'tripoli', 'TRIPOLI', ' طرابلس ', 'طرابـلس', 'طَرابُلس'])
      expect(cityRegistry.find(value)?.slug, value).toBe('tripoli');
    for (const value of ['إجدابيا', 'أجدابيا', 'اجدابيا', 'Ajdabiya']) expect(cityRegistry.find(value)?.slug, value).toBe('ajdabiya');
    expect(cityRegistry.find('مصراته')?.name).toBe('مصراتة');
    expect(cityRegistry.find('بنغازى')?.name).toBe('بنغازي');
    expect(cityRegistry.find('Bani Walid')?.slug).toBe('bani-walid');
    expect(categoryRegistry.find('Culture')?.name).toBe('ثقافة');
    expect(sourceRegistry.find('QNA')?.code).toBe('قنا');
  });
});

describe('suggest', () => {
  it('compares Latin with Latin and Arabic with Arabic, and says when nothing is near', () => {
    expect(cityRegistry.suggest('Gharian')).toBe('غريان');
    expect(cityRegistry.suggest('طرابلش')).toBe('طرابلس');
    expect(categoryRegistry.suggest('Cultur')).toBe('ثقافة');
    expect(cityRegistry.suggest('القطرون')).toBeUndefined();
    expect(categoryRegistry.suggest('Weather')).toBeUndefined();
  });

  it('words a city nothing is near as how to add it', () => {
    const unknown = unknownEntry(cityRegistry, 'القطرون', 'city', 'cities');
    expect(unknown.code).toBe('registry.noneClose');
    expect(problemMessage({ field: 'city', ...unknown }, 'en')).toBe(
      '«القطرون» is not a known city, and no city listed is close to it. If the name is right, add it to content/cities.json: {"slug":"…","name":"القطرون","country":"…"}',
    );
    expect(problemMessage({ field: 'city', ...unknown }, 'ar')).toBe(
      '«القطرون» ليست مدينة معروفة، ولا تشبهها مدينة في القائمة. إن كان الاسم صحيحًا فأضفه إلى content/cities.json: {"slug":"…","name":"القطرون","country":"…"}',
    );
  });
});
