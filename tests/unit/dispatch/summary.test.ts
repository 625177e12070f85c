import { describe, expect, it } from 'vitest';
import { hasSentence, leadText, summarize } from '#src/dispatch/summary.ts';

describe('leadText', () => {
  it.each([
    ['<h2>عنوان</h2>\n<p>نص <strong>مهم</strong> و<a href="/x/">رابط</a> هنا.</p><p>ثانية</p>', 'نص مهم ورابط هنا.'],
    ['<ul><li>بند</li></ul>', ''],
    ['', ''],
  ])('%j', (html, expected) => {
    expect(leadText(html)).toBe(expected);
  });
});

describe('leadText skips a paragraph with no sentence', () => {
  const sentence = 'أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد.';

  it.each([
    'أبها 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس',
    'الرياض 12 محرم 1447 هـ الموافق 07 يوليو 2025 م واس',
    'القاهرة، الأحد 5 ربيع الأول 1447هـ',
    'مكة المكرمة 3 ذو الحجة 1446 هـ',
    'بقلم: أحمد محمد',
    'بقلم أحمد محمد',
    'كتب - محمد علي',
    'كتبت/ سعاد الفيتوري',
    'متابعة: قسم الأخبار',
    'إعداد: وحدة الرصد.',
    'طرابلس 01 ديسمبر 2025 (وال)',
    'طرابلس ١ ديسمبر ٢٠٢٥ (وال) -',
    'طرابلس (وال) -',
    'أبوظبي في 11 أغسطس / وام /',
    'الكويت - 11 - 8 (كونا) --',
    'Tripoli, 01.12.2025 - LANA -',
    'عاجل',
  ])('«%s»', (paragraph) => {
    expect(hasSentence(paragraph)).toBe(false);
    expect(leadText(`<p>${paragraph}</p>\n<p>${sentence}</p>`)).toBe(sentence);
  });

  it('skips every such paragraph before the first sentence, and the empty ones', () => {
    const html = '<p></p><p>بقلم: أحمد محمد</p><p>طرابلس 01 ديسمبر 2025 (وال)</p><p>أول جملة.</p><p>الثانية.</p>';
    expect(leadText(html)).toBe('أول جملة.');
  });

  it.each([
    sentence,
    'أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد',
    'هطلت أمطار غزيرة.',
    'طرابلس 5 ديسمبر 2025 - افتتح الوزير المعرض الدولي',
    'كتب الوزير رسالة إلى نظيره التونسي',
    'متابعة: ارتفاع أسعار الوقود في طرابلس منذ الصباح',
    'يبدأ شهر رمضان 1447 في 18 فبراير 2026.',
    'ليبيا 3 - 1 تونس',
  ])('takes a sentence: «%s»', (paragraph) => {
    expect(hasSentence(paragraph)).toBe(true);
    expect(leadText(`<p>${paragraph}</p><p>ثانية.</p>`)).toBe(paragraph);
  });

  it('gives no lead when no paragraph has a sentence: a dateline is not a summary', () => {
    expect(leadText('<p>طرابلس 01 ديسمبر 2025 (وال)</p>')).toBe('');
    expect(leadText('<p>بقلم: أحمد محمد</p><ul><li>بند</li></ul>')).toBe('');
  });
});

describe('summarize', () => {
  it.each([
    [
      'أكد الوزير أهمية الخطة. وأضاف أن التنفيذ يبدأ غدا. وختم بكلمة أخرى طويلة جدا جدا لا تدخل في الملخص لأن الطول كاف.',
      'أكد الوزير أهمية الخطة. وأضاف أن التنفيذ يبدأ غدا. وختم بكلمة أخرى طويلة جدا جدا لا تدخل في الملخص لأن الطول كاف.',
    ],
    [
      'جملة أولى طويلة بما يكفي لتكون ملخصا وحدها فهي تتجاوز تسعين حرفا بفضل هذه الكلمات الكثيرة هنا. جملة ثانية.',
      'جملة أولى طويلة بما يكفي لتكون ملخصا وحدها فهي تتجاوز تسعين حرفا بفضل هذه الكلمات الكثيرة هنا.',
    ],
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

describe('short paragraphs that are sentences', () => {
  it.each([
    'الأحد 7 ديسمبر: إضراب عام',
    'مايو 2025: موعد الانتخابات',
    'رمضان 1446 هـ: الأسعار ترتفع',
    'سعر الدينار 4.8 (رسمي)',
    'بنغازي (وال) - انقطاع الكهرباء',
    'متابعة - الأزمة السياسية في البلاد',
  ])('%s', (text) => {
    expect(hasSentence(text)).toBe(true);
  });
});
