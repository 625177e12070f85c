/**
 * What the newsroom commands say in Arabic, the default (newsroomLang in
 * src/config.ts). A left-to-right mark (U+200E) before a --flag keeps its
 * dashes in front of it inside a right-to-left line.
 */
import { arabicCount } from './ar.ts';
import type { NewsroomMessages } from './newsroom-en.ts';

const LRM = '\u200e';

const errors = (n: number) =>
  arabicCount(n, { zero: 'لا أخطاء', one: 'خطأ واحد', two: 'خطآن', few: '{{count}} أخطاء', many: '{{count}} خطأً', other: '{{count}} خطأ' });
const warnings = (n: number) =>
  arabicCount(n, {
    zero: 'لا تنبيهات',
    one: 'تنبيه واحد',
    two: 'تنبيهان',
    few: '{{count}} تنبيهات',
    many: '{{count}} تنبيهًا',
    other: '{{count}} تنبيه',
  });
const files = (n: number) =>
  arabicCount(n, {
    zero: 'لا ملفات',
    one: 'ملف واحد',
    two: 'ملفان',
    few: '{{count}} ملفات',
    many: '{{count}} ملفًا',
    other: '{{count}} ملف',
  });
const problems = (n: number) =>
  arabicCount(n, {
    zero: 'لا مشكلات',
    one: 'مشكلة واحدة',
    two: 'مشكلتان',
    few: '{{count}} مشكلات',
    many: '{{count}} مشكلةً',
    other: '{{count}} مشكلة',
  });

export const ar: NewsroomMessages = {
  severity: { error: 'خطأ', warning: 'تنبيه', notice: 'ملاحظة' },
  usage: {
    new: 'npm run new -- --city <المدينة> --category <القسم> [--source <رمز المصدر>] [--tag <وسم>]… [--slug <اسم الملف>] "<العنوان>"',
    import: 'npm run import -- [--category <القسم>] [--time <الساعة:الدقيقة>] [--slug <اسم الملف>] [--dry-run] <ملف البرقية>…',
    check: 'npm run check -- [--staged] [--fix] [--json] [--lang en]',
  },
  help: {
    new: [
      'يبدأ خبرًا جديدًا بتاريخ الآن وساعته بتوقيت طرابلس في مجلد الأرشيف، تحت <السنة>/<الشهر>/، ويطبع مسار ملفه. لا يكتب فوق ملف موجود.',
      '  --city <المدينة>       مدينة الخبر كما في content/cities.json (بالعربية أو بالاسم اللاتيني)',
      '  --category <القسم>     قسم الخبر كما في content/categories.json',
      '  --source <الرمز>       رمز الوكالة المصدر كما في content/sources.json (الافتراضي: وال)',
      '  --tag <الوسم>          وسم للخبر؛ كرّره لأكثر من وسم',
      '  --slug <الاسم>         اسم الملف والرابط بدل أولى كلمات العنوان',
    ],
    import: [
      'يحوّل نص البرقية (من ملف أو من الإدخال القياسي) إلى ملفات أخبار، ويقرأ سطر التاريخ لوكالات الأنباء العربية.',
      'البرقية التي لا تُقرأ يُذكر سطرها ولا تُكتب، وتُكتب البرقيات الأخرى.',
      '  --category <القسم>     قسم الأخبار (الافتراضي: محليات)',
      '  --time <14:30>         ساعة النشر بتوقيت طرابلس؛ ومن دونها يحمل الخبر التاريخ وحده',
      '  --slug <الاسم>         اسم الملف والرابط (لبرقية واحدة فقط)',
      '  --dry-run              يطبع الأخبار بدل كتابتها',
    ],
    check: [
      'يفحص كل أخبار الأرشيف دون بناء الموقع، ويطبع كل مشكلة بصيغة الملف:السطر: الحقل: الرسالة.',
      'ينتهي برمز 1 إن وُجد خطأ.',
      '  --staged               يفحص ما أُضيف للإيداع فقط (خطاف ما قبل الإيداع)',
      '  --fix                  يحوّل الملفات المحفوظة بترميز آخر إلى UTF-8، والحروف إلى صيغة يونيكود NFC',
      '  --json                 يطبع المشكلات بصيغة JSON',
    ],
    common: ['  --lang ar|en           لغة الرسائل (الافتراضي: newsroomLang في src/config.ts)', '  --help                 هذه المساعدة'],
  },
  flags: {
    unknown: (flag, suggestion) => `الخيار ${LRM}${flag} غير معروف${suggestion ? `؛ هل تقصد ${LRM}${suggestion}؟` : ''}`,
    needsValue: (flag) => `الخيار ${LRM}${flag} يحتاج إلى قيمة بعده`,
    missing: (flag) => `الخيار ${LRM}${flag} مطلوب`,
    takesNoValue: (flag) => `الخيار ${LRM}${flag} لا يأخذ قيمة`,
    unexpected: (value) => `مُدخل غير متوقع: «${value}»`,
    lang: (value) => `قيمة ${LRM}--lang إما ar وإما en، وليست «${value}»`,
    time: (value) => `قيمة ${LRM}--time ساعةٌ مثل 14:30، وليست «${value}»`,
    slugWithMany: `${LRM}--slug اسم لخبر واحد: استعمله مع برقية واحدة فقط`,
    fixStaged: `${LRM}--fix يحوّل ملفات المجلد و${LRM}--staged يفحص ما أُضيف للإيداع: استعمل أحدهما في كل مرة`,
    headline: 'العنوان غير موجود: اكتبه بعد الخيارات في آخر الأمر، بين علامتي تنصيص',
    seeHelp: (command) => `(للمساعدة: npm run ${command} -- --help)`,
  },
  new: { noSlug: `العنوان لا يعطي اسمًا للملف: أضف ${LRM}--slug <اسم>` },
  import: { converted: (file, encoding) => `${file}: قُرئ بترميز ${encoding} (الملف ليس بترميز UTF-8)` },
  check: {
    summary: (n, seconds, e, w) =>
      n === 0 ? 'لا توجد أخبار لفحصها.' : `فُحص ${files(n)} في ${seconds} ثانية: ${errors(e)}، ${warnings(w)}.`,
    fixed: (file, what) => `${file}: ${what}`,
    convertedFrom: (encoding) => `حُوّل من ${encoding} إلى UTF-8`,
    normalized: 'كُتبت حروفه بصيغة يونيكود NFC',
  },
  build: { problems: (n) => `${problems(n)} في أرشيف الأخبار:` },
  hook: { installed: (file) => `ثُبّت ${file}`, notGit: 'هذا المجلد ليس مستودع git: لم يُثبَّت الخطاف.' },
};
