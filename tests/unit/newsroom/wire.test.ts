import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '#src/dispatch/problems.ts';
import { datelineAt, parseWire } from '#src/newsroom/wire.ts';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../../fixtures/wire', name), 'utf8');
/** A Sunday in March 2026, midday in Tripoli: datelines without a year are read against it. */
const today = new Date('2026-03-15T10:00:00Z');
const day = (iso: string) => {
  const [year, month, d] = iso.split('-').map(Number);
  return { year, month, day: d };
};

describe('parseWire on the variants real wires use', () => {
  it.each([
    // file, city, source, day, paragraphs, first words of the lead
    ['standard.txt', 'tripoli', 'lana', '2025-12-01', 3, 'افتتحت بلدية طرابلس'],
    ['comma-endash.txt', 'benghazi', 'lana', '2024-03-14', 2, 'انطلق في بنغازي'],
    ['indic-colon.txt', 'sebha', 'lana', '2025-06-03', 2, 'أعلنت جامعة سبها'],
    ['levant-month.txt', 'zawiya', 'lana', '2026-01-07', 2, 'استأنفت مصفاة الزاوية'],
    ['maghreb-month.txt', 'tunis', 'tap', '2024-01-12', 2, 'عقدت اللجنة التونسية'],
    ['latin.txt', 'tripoli', 'lana', '2016-11-10', 2, 'وصلت إلى مستشفى'],
  ])('%s', (file, city, source, iso, count, lead) => {
    const result = parseWire(fixture(file), file);
    expect(result.ok, JSON.stringify(!result.ok && result.problems)).toBe(true);
    if (!result.ok) return;
    const { dispatch } = result;
    expect(dispatch).toMatchObject({ city, source, day: day(iso) });
    expect(dispatch.paragraphs).toHaveLength(count);
    expect(dispatch.paragraphs[0].startsWith(lead)).toBe(true);
    for (const p of dispatch.paragraphs) {
      expect(p).not.toMatch(/\(\s*(وال|وات)\s*\)|Lana|آخر الأخبار|نشر بتاريخ/);
    }
  });

  it('removes only a source marker at the end, not other brackets', () => {
    const wire = (end: string) => parseWire(`عنوان\nطرابلس 01 ديسمبر 2025 (وال) - نص.\nوقالت منظمة الطفولة ${end}`, 'x.txt');
    const last = (end: string) => {
      const result = wire(end);
      return result.ok ? result.dispatch.paragraphs.at(-1) : undefined;
    };
    expect(last('(يونيسف)')).toBe('وقالت منظمة الطفولة (يونيسف)');
    expect(last('كلاما (وال)')).toBe('وقالت منظمة الطفولة كلاما');
    expect(last('كلاما ...( وات ) ...')).toBe('وقالت منظمة الطفولة كلاما');
    expect(last('كلاما / وام /')).toBe('وقالت منظمة الطفولة كلاما');
    expect(last('كلاما (النهاية) ع ب ع / م ف')).toBe('وقالت منظمة الطفولة كلاما');
    expect(last('كلاما (النهاية) نص')).toBe('وقالت منظمة الطفولة كلاما (النهاية) نص');
  });

  it('keeps the headline without site chrome or a final full stop', () => {
    const result = parseWire(fixture('standard.txt'), 'standard.txt');
    expect(result.ok && result.dispatch.title).toBe('بلدية طرابلس تفتتح ثلاث حدائق عامة جديدة في أحياء المدينة');
  });

  it.each([
    [
      'no-dateline.txt',
      "no-dateline.txt:3: dateline: no dateline found: the first paragraph must open with «city day month year (source) -», e.g. «طرابلس 01 ديسمبر 2025 (وال) -», or with another Arab agency's dateline as it writes it, e.g. «الكويت - 11 - 8 (كونا) --» or «أبوظبي في 11 أغسطس / وام /»",
    ],
    ['bad-month.txt', 'bad-month.txt:5: date: «برومير» is not a month name'],
    [
      'unknown-city.txt',
      'unknown-city.txt:3: city: «طرابلش» is not a known city. Did you mean «طرابلس»? (cities are listed in content/cities.json)',
    ],
    ['chrome-only.txt', 'chrome-only.txt:1: title: no headline found: the file has no text'],
  ])('reports %s with its line', (file, message) => {
    const result = parseWire(fixture(file), file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => formatProblem(p))).toEqual([message]);
  });
});

describe('parseWire on the datelines of the Arab agencies', () => {
  it.each([
    // file, the dateline as written, what closes the wire, city, source, day (today is 15 March 2026)
    ['spa-hijri.txt', 'جدة 14 رمضان 1446 هـ الموافق 14 مارس 2025 م واس', '//انتهى//', 'jeddah', 'spa', '2025-03-14'],
    ['spa-hijri-only.txt', 'الرياض 10 جمادى الآخرة 1447 هـ واس ', '', 'riyadh', 'spa', '2025-12-01'],
    ['wam-slash.txt', 'أبوظبي في 11 أغسطس / وام / ', '', 'abu-dhabi', 'wam', '2025-08-11'],
    ['qna-bracket.txt', 'الدوحة في 3 فبراير (قنا) - ', '', 'doha', 'qna', '2026-02-03'],
    ['kuna-numeric.txt', 'الكويت - 11 - 8 (كونا) -- ', '(النهاية) ع ب ع / م ف', 'kuwait', 'kuna', '2025-08-11'],
    ['petra.txt', 'عمان 9 تشرين الثاني (بترا)- ', '', 'amman', 'petra', '2025-11-09'],
    ['mena.txt', 'القاهرة في 20 يناير /أ ش أ/ ', '', 'cairo', 'mena', '2026-01-20'],
    ['tap.txt', 'تونس 3 جوان 2025 (وات) - ', ' ...( وات ) ...', 'tunis', 'tap', '2025-06-03'],
    ['map.txt', 'الرباط - 22 يوليوز 2025 (ومع) - ', '', 'rabat', 'map', '2025-07-22'],
    ['bna.txt', 'المنامة في 4 يونيو / بنا / ', '', 'manama', 'bna', '2025-06-04'],
    ['ona.txt', 'مسقط في 12 أبريل /العُمانية/ ', '', 'muscat', 'ona', '2025-04-12'],
    ['ina.txt', 'بغداد 18 أيار (واع) - ', '', 'baghdad', 'ina', '2025-05-18'],
    ['saba.txt', 'صنعاء 7 سبتمبر (سبأ) - ', '', 'sanaa', 'saba', '2025-09-07'],
    ['aps.txt', 'وهران - 15 ديسمبر 2025 (واج) - ', '', 'oran', 'aps', '2025-12-15'],
  ])('%s', (file, dateline, closing, city, source, iso) => {
    const text = fixture(file);
    const result = parseWire(text, file, { today });
    expect(result.ok, JSON.stringify(!result.ok && result.problems)).toBe(true);
    if (!result.ok) return;
    expect(result.dispatch).toMatchObject({ city, source, day: day(iso) });
    // Every paragraph as written, the lead without its dateline, the last without the closing marker.
    const [, lead, ...rest] = text.split('\n').filter((line) => line.trim() !== '');
    expect(lead.startsWith(dateline)).toBe(true);
    const paragraphs = [lead.slice(dateline.length), ...rest].filter(Boolean);
    if (closing) paragraphs[paragraphs.length - 1] = paragraphs.at(-1)!.replace(closing, '');
    expect(result.dispatch.paragraphs).toEqual(paragraphs.filter(Boolean));
    expect(result.dispatch.paragraphs.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['الدوحة في 3 فبراير /قنا/ نص.', 'doha', 'qna'],
    ['الرباط 22 يوليوز 2025 (لاماب) - نص.', 'rabat', 'map'],
    ['أبو ظبي 11 أغسطس / وام / نص.', 'abu-dhabi', 'wam'],
    ['عمّان 11 آب (بترا) - نص.', 'amman', 'petra'],
    ['الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس نص.', 'riyadh', 'spa'],
    ['القاهرة في 20 يناير (أ.ش.أ) - نص.', 'cairo', 'mena'],
  ])('reads «%s»: the other marker forms, alias and spellings', (lead, city, source) => {
    const result = parseWire(`عنوان\n${lead}\nفقرة ثانية.`, 'x.txt', { today });
    expect(result.ok && result.dispatch).toMatchObject({ city, source, paragraphs: ['نص.', 'فقرة ثانية.'] });
  });

  it('takes a dateline without a year as the latest such day not after today, in Tripoli time', () => {
    const dayOf = (date: string, now: string) => {
      const result = parseWire(`عنوان\nالكويت ${date} (كونا) -- نص.`, 'x.txt', { today: new Date(now) });
      return result.ok ? result.dispatch.day : result.problems[0].code;
    };
    expect(dayOf('15 مارس', '2026-03-15T10:00:00Z')).toEqual(day('2026-03-15'));
    expect(dayOf('16 مارس', '2026-03-15T10:00:00Z')).toEqual(day('2025-03-16'));
    // 23:30 UTC is already 16 March in Tripoli (UTC+2).
    expect(dayOf('16 مارس', '2026-03-15T23:30:00Z')).toEqual(day('2026-03-16'));
    expect(dayOf('31 - 12', '2026-01-02T10:00:00Z')).toEqual(day('2025-12-31'));
    expect(dayOf('29 فبراير', '2026-03-15T10:00:00Z')).toEqual(day('2024-02-29'));
    expect(dayOf('30 فبراير', '2026-03-15T10:00:00Z')).toBe('wire.date');
  });

  it('converts a Hijri date without a Gregorian one with the Umm al-Qura calendar', () => {
    const dayOf = (hijri: string) => {
      const result = parseWire(`عنوان\nالرياض ${hijri} واس نص.`, 'x.txt', { today });
      return result.ok ? result.dispatch.day : result.problems[0].code;
    };
    expect(dayOf('26 شوال 1436 هـ')).toEqual(day('2015-08-11'));
    expect(dayOf('1 محرم 1447 هـ')).toEqual(day('2025-06-26'));
    expect(dayOf('10 ذي الحجة 1445 هـ')).toEqual(day('2024-06-16'));
    expect(dayOf('29 صفر 1447 هـ')).toEqual(day('2025-08-23'));
    expect(dayOf('30 صفر 1447 هـ')).toBe('wire.hijri');
  });

  it.each([
    [
      'unknown-agency.txt',
      'unknown-agency.txt:3: source: «كونة» is not a known source. Did you mean «كونا»? (sources are listed in content/sources.json)',
      'unknown-agency.txt:3: source: «كونة» ليس مصدرًا معروفًا. هل تقصد «كونا»؟ (القائمة في content/sources.json)',
    ],
    [
      'impossible-date.txt',
      'impossible-date.txt:3: date: «30 - 2» is not a date',
      'impossible-date.txt:3: date: «30 - 2» ليس تاريخًا صحيحًا',
    ],
    [
      'hijri-impossible.txt',
      'hijri-impossible.txt:3: date: «30 صفر 1447 هـ» is not a Hijri date that can be converted (Umm al-Qura calendar): check the day and the year, or add the Gregorian date after «الموافق», e.g. «الموافق 11 أغسطس 2015 م»',
      'hijri-impossible.txt:3: date: «30 صفر 1447 هـ» ليس تاريخًا هجريًا يمكن تحويله (تقويم أم القرى): تحقق من اليوم والسنة، أو أضف التاريخ الميلادي بعد «الموافق»، مثل «الموافق 11 أغسطس 2015 م»',
    ],
    [
      'sana-undated.txt',
      'sana-undated.txt:3: dateline: the dateline «دمشق-سانا» has no date: add the day and the month after the city, e.g. «دمشق 15 مارس (سانا) -»',
      'sana-undated.txt:3: سطر التاريخ: «دمشق-سانا» بلا تاريخ: أضف اليوم والشهر بعد المدينة، مثل «دمشق 15 مارس (سانا) -»',
    ],
  ])('reports %s in English and Arabic', (file, en, ar) => {
    const result = parseWire(fixture(file), file, { today });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => formatProblem(p))).toEqual([en]);
    expect(result.problems.map((p) => formatProblem(p, 'ar'))).toEqual([ar]);
  });

  it('does not take a sentence that opens with a number for a dateline', () => {
    const result = parseWire('عنوان\nأصيب 3 أشخاص (بينهم طفلان) في حادث سير.', 'x.txt', { today });
    expect(!result.ok && result.problems[0].code).toBe('wire.dateline');
  });
});

describe('datelineAt', () => {
  it.each([
    ['طرابلس 02 ديسمبر 2025 (وال) - نص', 'طرابلس 02 ديسمبر 2025 (وال) - '],
    ['الكويت - 11 - 8 (كونا) -- نص', 'الكويت - 11 - 8 (كونا) -- '],
    ['أبوظبي في 11 أغسطس / وام / نص', 'أبوظبي في 11 أغسطس / وام / '],
    ['الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس\n\nنص', 'الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس'],
  ])('finds the dateline «%s» opens with', (text, dateline) => {
    expect(datelineAt(text)).toBe(dateline.length);
  });

  it.each(['افتتح المعرض اليوم.', 'أصيب 3 أشخاص (بينهم طفلان) في حادث.', 'طرابلس 5 أشخاص'])('finds none in «%s»', (text) => {
    expect(datelineAt(text)).toBeUndefined();
  });
});
