import { describe, expect, it } from 'vitest';
import { leadText, summarize } from '../../src/lib/summary.ts';

describe('leadText', () => {
  it.each([
    ['<h2>عنوان</h2>\n<p>نص <strong>مهم</strong> و<a href="/x/">رابط</a> هنا.</p><p>ثانية</p>', 'نص مهم ورابط هنا.'],
    ['<ul><li>بند</li></ul>', ''],
    ['', ''],
  ])('%j', (html, expected) => {
    expect(leadText(html)).toBe(expected);
  });
});

describe('summarize', () => {
  it.each([
    ['أكد الوزير أهمية الخطة. وأضاف أن التنفيذ يبدأ غدا. وختم بكلمة أخرى طويلة جدا جدا لا تدخل في الملخص لأن الطول كاف.', 'أكد الوزير أهمية الخطة. وأضاف أن التنفيذ يبدأ غدا. وختم بكلمة أخرى طويلة جدا جدا لا تدخل في الملخص لأن الطول كاف.'],
    ['جملة أولى طويلة بما يكفي لتكون ملخصا وحدها فهي تتجاوز تسعين حرفا بفضل هذه الكلمات الكثيرة هنا. جملة ثانية.', 'جملة أولى طويلة بما يكفي لتكون ملخصا وحدها فهي تتجاوز تسعين حرفا بفضل هذه الكلمات الكثيرة هنا.'],
    ['هل تبدأ الخطة غدا؟ نعم.', 'هل تبدأ الخطة غدا؟ نعم.'],
    ['', ''],
  ])('%j', (text, expected) => {
    expect(summarize(text)).toBe(expected);
  });

  it('cuts an over-long first sentence at a word, with an ellipsis', () => {
    const long = 'كلمة '.repeat(100).trim();
    const summary = summarize(long, 90, 50);
    expect(summary.endsWith('…')).toBe(true);
    expect(summary.length).toBeLessThanOrEqual(51);
    expect(summary).not.toMatch(/\s…$/);
  });
});
