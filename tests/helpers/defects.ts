/** A small archive with one defect of each kind, written here so invisible characters stay visible in the source. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tempDir } from './build.ts';

export async function defectArchive() {
  const dir = await tempDir('check');
  await mkdir(path.join(dir, '2025/12'), { recursive: true });
  const file = (name: string, fields: string[], body: string) =>
    writeFile(path.join(dir, '2025/12', name), ['---', ...fields, '---', body, ''].join('\n'));
  const base = ['date: "2025-12-01T10:00:00"', 'city: طرابلس', 'category: اقتصاد'];
  await file(
    'good.md',
    ['title: "الميناء يستقبل سفينة حاويات كبيرة"', ...base],
    'نص سليم فيه [رابط صحيح](/2025/12/01/good/) و[قسم](/category/economy/).',
  );
  await file('near.md', ['title: "الميناء يستقبل سفينة حاويات كبيره"', ...base], 'نص.');
  await file('twin.md', ['title: "خبر آخر تماما"', ...base, 'slug: good'], 'نص.');
  await file(
    'links.md',
    ['title: "خبر فيه روابط"', ...base],
    'فقرة أولى.\n\nفقرة فيها [رابط مكسور](/2025/12/01/missing/) هنا.\n[مسودة](/2025/12/01/secret/) و[عنوان خطأ](https://lana.ly:8o8o/news).',
  );
  await file('secret.md', ['title: "مسودة لم تنشر"', ...base, 'draft: true'], 'نص.');
  await file('invisible.md', ['title: "عنوان فيه \u202eمحرف اتجاه"', ...base], 'سطر فيه\u200b مسافة خفية.\nسطر فيه\u0007 جرس.');
  await file('nfd.md', [`title: "${'إسعاف أهالي'.normalize('NFD')}"`, ...base], 'نص.');
  // A shadda typed before its vowel, as Arabic keyboards do: NFC only reorders it, silently.
  await file(
    'shadda.md',
    ['title: "مدرسة تُدرّس الفن"'.replace('رّ', 'ر\u0651\u064e'), ...base.slice(0, 1), 'city: سرت', 'category: ثقافة'],
    'نص.',
  );
  await file('city.md', ['title: "مدينة خطأ"', 'date: "2025-12-01T10:00:00"', 'city: طرابلش', 'category: اقتصاد'], 'نص.');
  await file(
    'typed.md',
    ['title: "خبر بسطر تاريخ مكتوب"', 'date: "2025-12-02T10:00:00"', 'city: طرابلس', 'category: اقتصاد'],
    'طرابلس 02 ديسمبر 2025 (وال) - نص الخبر.',
  );
  await file('future.md', ['title: "خبر محظور"', 'date: "2099-01-01T09:00:00"', 'city: طرابلس', 'category: اقتصاد'], 'نص.');
  return dir;
}
