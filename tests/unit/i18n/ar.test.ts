import { describe, expect, it } from 'vitest';
import { countDispatches, t } from '#src/i18n/ar.ts';

describe('Arabic UI strings', () => {
  it('fills placeholders in Arabic word order', () => {
    expect(t('listing.pageTitle', { title: 'أخبار طرابلس', page: 5 })).toBe('أخبار طرابلس - الصفحة 5');
  });

  it.each([
    [1, 'خبر واحد'],
    [2, 'خبران'],
    [3, '3 أخبار'],
    [10, '10 أخبار'],
    [11, '11 خبرًا'],
    [99, '99 خبرًا'],
    [100, '100 خبر'],
    [102, '102 خبر'],
  ])('%i → %s', (n, label) => {
    expect(countDispatches(n)).toBe(label);
  });
});
