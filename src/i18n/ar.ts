/**
 * Every string the interface shows, in Arabic. Components call `t(key, vars)`;
 * templates use {{name}} placeholders because Arabic word order differs from
 * the order a caller would concatenate pieces in.
 */
const strings = {
  'site.skipToContent': 'انتقل إلى المحتوى',
  'nav.label': 'التنقل الرئيسي',
  'nav.home': 'الرئيسية',
  'nav.archive': 'الأرشيف',
  'nav.cities': 'المدن',
  'nav.categories': 'الأقسام',
  'nav.tags': 'الوسوم',
  'nav.search': 'بحث',
  'search.title': 'البحث في الأرشيف',
  'search.label': 'ابحث في الأرشيف',
  /** The header's search form, a landmark named apart from the search page's own. */
  'search.quick': 'بحث سريع',
  'search.placeholder': 'اكتب كلمة أو أكثر',
  'search.submit': 'ابحث',
  'search.filters': 'تصفية النتائج',
  'search.city': 'المدينة',
  'search.category': 'القسم',
  'search.year': 'السنة',
  'search.sort': 'الترتيب',
  'search.newest': 'الأحدث أولًا',
  'search.relevance': 'الأكثر صلة',
  'search.more': 'المزيد من النتائج',
  'search.noScript': 'يحتاج البحث إلى تفعيل JavaScript في المتصفح. تصفح الأرشيف حسب التاريخ أو المدينة أو القسم بدلًا من ذلك.',
  'search.unavailable': 'فهرس البحث غير متاح في وضع المعاينة؛ يُبنى مع npm run build.',
  'search.results': '{{count}} للبحث عن «{{query}}»',
  'search.resultsSince': '{{count}} للبحث عن «{{query}}» في أخبار {{period}} وما بعدها؛ تعرض «المزيد» ما قبلها',
  'search.resultsAtLeast': '{{count}} أو أكثر للبحث عن «{{query}}»؛ تعرض «المزيد» ما يليها',
  'search.all': 'الكل',
  'search.failed': 'تعذّر البحث. أعد المحاولة بعد قليل.',
  'search.none': 'لا توجد نتائج للبحث عن «{{query}}».',
  'home.title': 'آخر الأخبار',
  'front.lead': 'الخبر الرئيسي:',
  'front.latest': 'آخر الأخبار',
  'front.more': 'المزيد من قسم {{name}}',
  'listing.pageTitle': '{{title}} - الصفحة {{page}}',
  'listing.empty': 'لا توجد أخبار منشورة بعد.',
  'pagination.label': 'التنقل بين الصفحات',
  'pagination.newer': 'أخبار أحدث',
  'pagination.older': 'أخبار أقدم',
  'pagination.latest': 'آخر الأخبار',
  'pagination.page': 'الصفحة {{page}}',
  'breadcrumbs.label': 'مسار التنقل',
  'dispatch.published': 'نشر بتاريخ',
  'dispatch.updated': 'آخر تحديث',
  'dispatch.publishedAt': '{{date}} الساعة {{time}}',
  'dispatch.hijri': 'الموافق {{date}}',
  'dispatch.category': 'القسم',
  'dispatch.tags': 'الوسوم',
  'dispatch.source': 'المصدر',
  'dispatch.prevNext': 'أخبار متتالية',
  'dispatch.previous': 'الخبر السابق',
  'dispatch.next': 'الخبر التالي',
  'dispatch.related': 'أخبار ذات صلة',
  'dispatch.corrections': 'تصحيحات',
  'photo.credit': 'الصورة: {{credit}}',
  'dispatch.draft': 'مسودة: لن تنشر',
  'withdrawn.title': 'خبر مسحوب',
  'withdrawn.notice': 'سحبت الوكالة هذا الخبر في {{date}}.',
  'withdrawn.reason': 'السبب: {{reason}}',
  'dispatch.embargoed': 'محظور النشر حتى {{date}} الساعة {{time}}',
  'dispatch.embargoedDay': 'محظور النشر حتى {{date}}',
  'share.label': 'شارك الخبر',
  'share.email': 'البريد الإلكتروني',
  'share.whatsapp': 'واتساب',
  'share.telegram': 'تيليجرام',
  'share.x': 'إكس',
  'share.facebook': 'فيسبوك',
  'archive.title': 'الأرشيف',
  'archive.yearTitle': 'أرشيف {{year}}',
  'archive.monthTitle': 'أرشيف {{month}}',
  'archive.dayTitle': 'أرشيف {{date}}',
  'archive.yearNav': 'التنقل بين السنوات',
  'archive.previousYear': 'السنة السابقة: {{name}}',
  'archive.nextYear': 'السنة التالية: {{name}}',
  'archive.monthNav': 'التنقل بين الأشهر',
  'archive.previousMonth': 'الشهر السابق: {{name}}',
  'archive.nextMonth': 'الشهر التالي: {{name}}',
  'archive.dayNav': 'التنقل بين الأيام',
  'archive.previousDay': 'اليوم السابق: {{name}}',
  'archive.nextDay': 'اليوم التالي: {{name}}',
  'archive.calendar': 'تقويم {{month}}',
  /** A calendar day's link: «1 ديسمبر 2025، خبران». */
  'archive.dayLink': '{{date}}، {{count}}',
  /** The calendar's column headings, from Saturday (the week's first day in Libya), space-separated. */
  'archive.weekdays': 'السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة',
  /** The same as a narrow calendar shows them. */
  'archive.weekdayInitials': 'س ح ن ث ر خ ج',
  'city.indexTitle': 'المدن',
  'city.title': 'أخبار {{name}}',
  'category.indexTitle': 'الأقسام',
  'category.title': 'قسم {{name}}',
  'tag.indexTitle': 'الوسوم',
  'tag.title': 'وسم: {{name}}',
  'notFound.title': 'الصفحة غير موجودة',
  'notFound.body': 'لم نعثر على الصفحة التي طلبتها. ربما نقلت أو حذفت.',
  'notFound.home': 'العودة إلى آخر الأخبار',
  'footer.rights': '© {{name}}',
  'footer.feeds': 'خلاصات RSS',
  'feed.mainTitle': '{{site}}: آخر الأخبار',
  'feed.termTitle': '{{site}}: {{name}}',
  'feed.cityDescription': 'آخر أخبار {{name}} من {{site}}.',
  'feed.categoryDescription': 'آخر أخبار قسم {{name}} من {{site}}.',
  'feed.tagName': 'وسم «{{name}}»',
  'feed.tagDescription': 'آخر الأخبار الموسومة بـ«{{name}}» من {{site}}.',
  'feed.followCity': 'تابع أخبار {{name}} عبر RSS',
  'feed.followCategory': 'تابع أخبار قسم {{name}} عبر RSS',
  'feed.followTag': 'تابع أخبار وسم «{{name}}» عبر RSS',
  'feed.help': 'كيف أشترك؟',
  'feeds.title': 'خلاصات RSS',
  'feeds.intro':
    'خلاصة RSS عنوان يتابعه برنامج يسمى «قارئ الخلاصات»، فيجمع لك الأخبار الجديدة فور نشرها دون أن تزور الموقع، ودون بريد إلكتروني أو حساب.',
  'feeds.howTitle': 'كيف تشترك؟',
  'feeds.step1': 'ثبّت قارئ خلاصات على هاتفك أو حاسوبك، أو استعمل خدمة خلاصات على الويب؛ كثير منها مجاني.',
  'feeds.step2': 'اختر من القوائم أدناه الخلاصة التي تريدها، وانسخ عنوانها كاملًا.',
  'feeds.step3': 'الصق العنوان في قارئ الخلاصات حيث يطلب «إضافة خلاصة» أو «اشتراك»، فتصلك أخبارها الجديدة أولًا بأول.',
  'feeds.contents': 'تحمل الخلاصة الرئيسية وخلاصة كل قسم وكل مدينة آخر {{count}} بنصوصها كاملة، وخلاصة كل وسم آخر {{tagCount}} بملخصاتها.',
  'feeds.tagsNote': 'عنوان خلاصة الوسم هو عنوان صفحته يليه rss.xml، مثل:',
  'feeds.browser': 'الخلاصة مكتوبة لقارئ الخلاصات لا للمتصفح: إن فتحتها في المتصفح فسترى رموزًا لا صفحة مقروءة.',
  'feeds.main': 'الخلاصة الرئيسية',
} as const;

export type UiKey = keyof typeof strings;

/** Looks up a UI string and fills its {{placeholders}}. */
export function t(key: UiKey, vars: Record<string, string | number> = {}): string {
  return strings[key].replace(/\{\{(\w+)\}\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

const pluralRules = new Intl.PluralRules('ar');

/**
 * A number with its noun in the form Arabic grammar gives it: `forms` per
 * plural category, with {{count}} where the digits go.
 */
export function arabicCount(count: number, forms: Readonly<Record<Intl.LDMLPluralRule, string>>): string {
  return forms[pluralRules.select(count)].replace('{{count}}', String(count));
}

/** «خبر واحد», «خبران», «3 أخبار», «11 خبرًا», «100 خبر»: Arabic number agreement. */
export function countDispatches(count: number): string {
  return arabicCount(count, {
    zero: 'لا أخبار',
    one: 'خبر واحد',
    two: 'خبران',
    few: '{{count}} أخبار',
    many: '{{count}} خبرًا',
    other: '{{count}} خبر',
  });
}

/** «نتيجة واحدة», «نتيجتان», «3 نتائج», «11 نتيجة». */
export function countResults(count: number): string {
  return arabicCount(count, {
    zero: 'لا نتائج',
    one: 'نتيجة واحدة',
    two: 'نتيجتان',
    few: '{{count}} نتائج',
    many: '{{count}} نتيجة',
    other: '{{count}} نتيجة',
  });
}
