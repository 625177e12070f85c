/**
 * Every problem a dispatch file can have, with its message in English and
 * Arabic. The build, `npm run check` and the pre-commit hook all print
 * problems through formatProblem, as `file:line: field: message`.
 */

export type Lang = 'en' | 'ar';
export type Severity = 'error' | 'warning' | 'notice';

const messages = {
  'frontmatter.missing': {
    en: 'missing: the file must start with a --- line, then fields such as title, date and city, then ---',
    ar: 'بيانات رأس الملف غير موجودة: يجب أن يبدأ الملف بسطر --- ثم الحقول مثل title وdate وcity ثم ---',
  },
  'frontmatter.unclosed': {
    en: 'the front-matter has no closing --- line: add one after the last field',
    ar: 'لا يوجد سطر --- يغلق البيانات في رأس الملف: أضفه بعد آخر حقل',
  },
  'frontmatter.quote': {
    en: 'the quote {quote} opened on this line is not closed: add {quote} at the end of the value',
    ar: 'علامة التنصيص {quote} المفتوحة في هذا السطر لم تُغلق: أضف {quote} في آخر القيمة',
  },
  'frontmatter.colon': {
    en: 'a colon followed by a space in the value starts a new field: put the whole value in double quotes "…"',
    ar: 'النقطتان وبعدهما مسافة داخل القيمة تبدآن حقلًا جديدًا: ضع القيمة كلها بين علامتي تنصيص "…"',
  },
  'frontmatter.indent': {
    en: 'the line starts with spaces, so it is read as part of the line above: delete the spaces before the field name',
    ar: 'يبدأ السطر بمسافات فيُقرأ جزءًا من السطر الذي قبله: احذف المسافات قبل اسم الحقل',
  },
  'frontmatter.tab': {
    en: 'the line starts with a tab: indent with spaces, or not at all for a field',
    ar: 'يبدأ السطر بمسافة جدولة (Tab): أزِح بالمسافات، ولا تُزِح سطر الحقل أصلًا',
  },
  'frontmatter.duplicate': { en: 'the field is written twice: keep one of the two lines', ar: 'الحقل مكتوب مرتين: أبقِ أحد السطرين' },
  'frontmatter.bracket': {
    en: 'a [ or { opened here is not closed: close it at the end of the value',
    ar: 'قوس [ أو { فُتح هنا ولم يُغلق: أغلقه في آخر القيمة',
  },
  'frontmatter.yaml': {
    en: 'cannot be read ({reason}): write each field on its own line as name: value, with quotes and brackets closed',
    ar: 'لا تُقرأ البيانات في هذا السطر: اكتب كل حقل في سطر وحده بصيغة الاسم: القيمة، وأغلق علامات التنصيص والأقواس',
  },
  required: {
    en: 'is required: add a line `{field}: …` to the front-matter',
    ar: 'حقل مطلوب: أضف سطرًا `{field}: …` إلى البيانات في رأس الملف',
  },
  'field.unknown': {
    en: 'unknown field. Did you mean «{suggestion}»? Fields: {fields}',
    ar: 'حقل غير معروف. هل تقصد «{suggestion}»؟ الحقول المتاحة: {fields}',
  },
  // A field no field is near.
  'field.unknownNone': { en: 'unknown field. Fields: {fields}', ar: 'حقل غير معروف. الحقول المتاحة: {fields}' },
  'text.type': { en: 'must be text ({what})', ar: 'يجب أن يكون نصًا ({what})' },
  'text.empty': { en: 'must not be empty ({what})', ar: 'يجب ألا يكون فارغًا ({what})' },
  'date.type': {
    en: 'must be a date and time such as {example} (Tripoli time) or 2025-12-01T10:30:00+02:00, or a day alone such as 2025-12-01',
    ar: 'يجب أن يكون تاريخًا وساعة مثل {example} (بتوقيت طرابلس) أو 2025-12-01T10:30:00+02:00، أو يومًا وحده مثل 2025-12-01',
  },
  'date.invalid': {
    en: '«{value}» is not a valid date; write the year, month and day, then the time if known, e.g. {example} or 2025-12-01',
    ar: '«{value}» ليس تاريخًا صحيحًا؛ اكتب السنة ثم الشهر ثم اليوم، ثم الساعة إن عُرفت، مثل {example} أو 2025-12-01',
  },
  'registry.type': { en: 'must name a {noun} listed in {file}', ar: 'يجب أن يكون {nounAr} من القائمة في {file}' },
  'registry.unknown': {
    en: '«{value}» is not a known {noun}. Did you mean «{suggestion}»? ({plural} are listed in {file})',
    ar: '«{value}» {unknownAr}. هل تقصد «{suggestion}»؟ (القائمة في {file})',
  },
  // A value no entry is near.
  'registry.noneClose': {
    en: '«{value}» is not a known {noun}, and no {noun} listed is close to it. If the name is right, add it to {file}: {example}',
    ar: '«{value}» {unknownAr}، {noneCloseAr}. إن كان {nameAr} صحيحًا فأضفه إلى {file}: {example}',
  },
  'slug.invalid': {
    en: '«{value}» is not a URL slug; did you mean «{suggestion}»?',
    ar: '«{value}» لا يصلح جزءًا من الرابط؛ هل تقصد «{suggestion}»؟',
  },
  'slug.empty': { en: 'must contain letters or digits', ar: 'يجب أن يحتوي على حروف أو أرقام' },
  'slug.fileName': {
    en: 'the file name has no letters or digits; rename the file or add a slug field',
    ar: 'اسم الملف بلا حروف أو أرقام؛ غيّر اسم الملف أو أضف الحقل slug',
  },
  'slug.duplicate': {
    en: '«{slug}» is already used on the same day by {other} (both would be {url}); rename this file or set a different slug',
    ar: '«{slug}» مستخدم في اليوم نفسه في {other} (فيكون لهما الرابط نفسه {url})؛ غيّر اسم الملف أو اختر slug آخر',
  },
  'tags.type': { en: 'must be a list of tags, e.g. ["النفط", "الموانئ"]', ar: 'يجب أن يكون قائمة وسوم، مثل ["النفط", "الموانئ"]' },
  'draft.type': { en: 'must be true or false', ar: 'يجب أن يكون true أو false' },
  'updated.beforeDate': {
    en: 'is earlier than date; a correction comes after publication',
    ar: 'أقدم من تاريخ النشر؛ التصحيح يأتي بعد النشر',
  },
  'corrections.type': {
    en: 'must be a list of corrections, each with a date and a note',
    ar: 'يجب أن يكون قائمة تصحيحات، لكل منها date وnote',
  },
  'withdrawn.type': {
    en: 'must give the date and the reason, e.g. withdrawn: { date: "2025-12-02T09:00", reason: "نشر قبل التحقق من مصدره" }',
    ar: 'يجب أن يذكر التاريخ والسبب، مثل withdrawn: { date: "2025-12-02T09:00", reason: "نشر قبل التحقق من مصدره" }',
  },
  'withdrawn.beforeDate': {
    en: 'is earlier than date; a dispatch is withdrawn after it was published',
    ar: 'أقدم من تاريخ النشر؛ يُسحب الخبر بعد نشره',
  },
  'withdrawn.deleted': {
    en: 'was published and its file has been deleted: every later listing page would shift. Restore the file and add withdrawn: { date, reason } instead',
    ar: 'نُشر هذا الخبر ثم حُذف ملفه، فتتغير كل صفحات القوائم بعده. أعد الملف وأضف إليه withdrawn: { date, reason } بدلًا من حذفه',
  },
  'title.nearDuplicate': {
    en: 'looks like a duplicate of «{other}» ({file}) on the same day',
    ar: 'يشبه خبر «{other}» ({file}) في اليوم نفسه',
  },
  'text.bidi': {
    en: 'contains an invisible bidi control character ({chars}); delete it',
    ar: 'يحتوي على محرف تحكم خفي في الاتجاه ({chars})؛ احذفه',
  },
  'text.zeroWidth': {
    en: 'contains an invisible zero-width character ({chars}); delete it',
    ar: 'يحتوي على محرف خفي بلا عرض ({chars})؛ احذفه',
  },
  'text.control': { en: 'contains a control character ({chars}); delete it', ar: 'يحتوي على محرف تحكم ({chars})؛ احذفه' },
  'text.nfc': {
    en: 'has letters written in decomposed form in «{value}» (a letter followed by its hamza or accent as a separate character, as some programs save text); the build composes them, but fix the file: retype those letters, or save it normalised to Unicode NFC',
    ar: 'يحتوي على حروف مكتوبة مفككةً في «{value}» (حرف تليه همزته أو علامته محرفًا مستقلًا، كما تحفظ النصَّ بعضُ البرامج)؛ يركّبها البناء، لكن أصلح الملف: أعد كتابة هذه الحروف، أو احفظه بتطبيع يونيكود NFC',
  },
  'body.placeholder': {
    en: 'still holds the text npm run new put there («{value}»): write the dispatch in its place',
    ar: 'ما زال فيه النص الذي وضعه npm run new («{value}»): اكتب نص الخبر مكانه',
  },
  'body.dateline': {
    en: 'opens with a dateline («{value}»); delete it: the site writes the dateline from city, date and source',
    ar: 'يبدأ بسطر التاريخ («{value}»)؛ احذفه: الموقع يكتبه من المدينة والتاريخ والمصدر',
  },
  'image.missing': {
    en: 'no photo «{value}» beside this dispatch or in the images folder; add the file or fix the name',
    ar: 'لا توجد صورة «{value}» بجانب هذا الخبر ولا في مجلد الصور؛ أضف الملف أو صحّح الاسم',
  },
  'image.format': {
    en: '«{value}» is not a photo file; use one of: {formats}',
    ar: '«{value}» ليس ملف صورة؛ استعمل إحدى الصيغ: {formats}',
  },
  'image.remote': {
    en: '«{value}» is on another site; save the photo beside the dispatch or in the images folder and name the file',
    ar: '«{value}» على موقع آخر؛ احفظ الصورة بجانب الخبر أو في مجلد الصور واكتب اسم الملف',
  },
  'image.outside': {
    en: '«{value}» is outside the archive; put the photo beside the dispatch or in the images folder and give its file name',
    ar: '«{value}» خارج الأرشيف؛ ضع الصورة بجانب الخبر أو في مجلد الصور واكتب اسم ملفها',
  },
  'image.percent': {
    en: '«{value}» has a % that is not a URL escape; rename the file without %',
    ar: 'في «{value}» علامة % لا تصلح في رابط؛ أعد تسمية الملف بلا %',
  },
  'image.altMissing': {
    en: 'is required with image: describe the photo for readers who cannot see it, e.g. imageAlt: "رافعات في ميناء طرابلس عند الفجر"',
    ar: 'حقل مطلوب مع image: صف الصورة لمن لا يراها، مثل imageAlt: "رافعات في ميناء طرابلس عند الفجر"',
  },
  'image.withoutImage': {
    en: 'describes a photo, but the dispatch has no image field; add image: <file> or delete this line',
    ar: 'يصف صورة، لكن الخبر بلا حقل image؛ أضف image: <اسم الملف> أو احذف هذا السطر',
  },
  'image.bodyAlt': {
    en: 'the photo «{value}» has no description: write ![what the photo shows]({value} "caption")',
    ar: 'الصورة «{value}» بلا وصف: اكتب ![ما تظهره الصورة]({value} "التعليق")',
  },
  'image.html': {
    en: 'a photo written as an HTML <img> gets no sizes, caption or credit, and a file name is not found; write ![description](file.jpg "caption")',
    ar: 'الصورة المكتوبة بوسم <img> تُنشر بلا أحجام ولا تعليق ولا حقوق، ولا يُعثر على اسم الملف؛ اكتب ![الوصف](file.jpg "التعليق")',
  },
  'link.invalid': {
    en: '«{value}» is not a valid URL; a reader following it gets an error',
    ar: '«{value}» ليس رابطًا صحيحًا؛ سيصل القارئ إلى خطأ',
  },
  'link.broken': { en: 'links to {value}, which is not a page of the site', ar: 'يشير إلى {value}، وهذه ليست صفحة في الموقع' },
  'date.embargoed': {
    en: 'is in the future ({value}): embargoed until then, not published before',
    ar: 'في المستقبل ({value}): محظور النشر حتى ذلك الموعد',
  },
  'wire.empty': { en: 'no headline found: the file has no text', ar: 'لا يوجد عنوان: الملف بلا نص' },
  'wire.dateline': {
    en: "no dateline found: the first paragraph must open with «city day month year (source) -», e.g. «طرابلس 01 ديسمبر 2025 (وال) -», or with another Arab agency's dateline as it writes it, e.g. «الكويت - 11 - 8 (كونا) --» or «أبوظبي في 11 أغسطس / وام /»",
    ar: 'لا يوجد سطر التاريخ: يجب أن تبدأ الفقرة الأولى بـ«المدينة اليوم الشهر السنة (المصدر) -»، مثل «طرابلس 01 ديسمبر 2025 (وال) -»، أو بسطر تاريخ وكالة عربية أخرى كما تكتبه، مثل «الكويت - 11 - 8 (كونا) --» أو «أبوظبي في 11 أغسطس / وام /»',
  },
  'wire.month': { en: '«{value}» is not a month name', ar: '«{value}» ليس اسم شهر' },
  'wire.date': { en: '«{value}» is not a date', ar: '«{value}» ليس تاريخًا صحيحًا' },
  'wire.hijri': {
    en: '«{value}» is not a Hijri date that can be converted (Umm al-Qura calendar): check the day and the year, or add the Gregorian date after «الموافق», e.g. «الموافق 11 أغسطس 2015 م»',
    ar: '«{value}» ليس تاريخًا هجريًا يمكن تحويله (تقويم أم القرى): تحقق من اليوم والسنة، أو أضف التاريخ الميلادي بعد «الموافق»، مثل «الموافق 11 أغسطس 2015 م»',
  },
  'wire.undated': {
    en: 'the dateline «{value}» has no date: add the day and the month after the city, e.g. «{example}»',
    ar: '«{value}» بلا تاريخ: أضف اليوم والشهر بعد المدينة، مثل «{example}»',
  },
  'file.encoding': {
    en: 'the file is not UTF-8: it looks like {encoding} text («{value}»). Convert it with npm run check -- --fix, or save it as UTF-8 in your editor',
    ar: 'الملف ليس بترميز UTF-8، ويبدو نصًا بترميز {encoding} («{value}»). حوّله بالأمر npm run check -- --fix، أو احفظه بترميز UTF-8 من المحرر',
  },
  'file.damaged': {
    en: 'this line has bytes that are not UTF-8 text (an editor shows them as �): retype the damaged words',
    ar: 'في هذا السطر بايتات ليست نصًا بترميز UTF-8 (يعرضها المحرر هكذا �): أعد كتابة الكلمات التالفة',
  },
  'file.notText': {
    en: 'the file is not UTF-8 text, nor text in an encoding we know; open it in an editor and save it as UTF-8',
    ar: 'الملف ليس نصًا بترميز UTF-8 ولا بترميز نعرفه؛ افتحه في المحرر واحفظه بترميز UTF-8',
  },
  'file.missing': { en: 'no such file', ar: 'لا يوجد ملف بهذا الاسم' },
  'file.exists': {
    en: '{value} already exists; not overwritten (rename the headline or use --slug)',
    ar: '{value} موجود من قبل ولم يُستبدل (غيّر العنوان أو استعمل ‎--slug)',
  },
} as const;

export type ProblemCode = keyof typeof messages;

/** Every problem code, for the tests of their wording. */
export const problemCodes = Object.keys(messages) as ProblemCode[];

export interface DispatchProblem {
  file: string;
  line: number;
  field: string;
  code: ProblemCode;
  params?: Record<string, string>;
  severity?: Severity;
}

// Arabic needs the noun's gender in the sentence, so each has its phrases.
const nounsAr: Record<string, { name: string; unknown: string; noneClose: string; typed: string }> = {
  city: { name: 'اسم مدينة', unknown: 'ليست مدينة معروفة', noneClose: 'ولا تشبهها مدينة في القائمة', typed: 'الاسم' },
  category: { name: 'اسم قسم', unknown: 'ليس قسمًا معروفًا', noneClose: 'ولا يشبهه قسم في القائمة', typed: 'الاسم' },
  source: { name: 'رمز مصدر', unknown: 'ليس مصدرًا معروفًا', noneClose: 'ولا يشبهه مصدر في القائمة', typed: 'الرمز' },
};

// What a problem is about when it is not a front-matter field a journalist types.
const placesAr: Record<string, string> = { body: 'النص', file: 'الملف', 'front-matter': 'رأس الملف', dateline: 'سطر التاريخ' };

// What a text field is, as schema.ts names it, in Arabic.
const whatAr: Record<string, string> = {
  'the headline': 'العنوان',
  'the lead': 'الموجز',
  'a tag': 'الوسم',
  'the correction': 'نص التصحيح',
  'the reason for the withdrawal': 'سبب السحب',
  'the photo file name': 'اسم ملف الصورة',
  'the photo description': 'وصف الصورة',
  'the caption': 'التعليق على الصورة',
  'the photo credit': 'مصدر الصورة',
};

/** The problem's message in one language. */
export function problemMessage(p: Pick<DispatchProblem, 'code' | 'params' | 'field'>, lang: Lang = 'en'): string {
  const params: Record<string, string> = { field: p.field, ...p.params };
  if (lang === 'ar' && params.what) params.what = whatAr[params.what] ?? params.what;
  const noun = params.noun ? nounsAr[params.noun] : undefined;
  if (noun) Object.assign(params, { nounAr: noun.name, unknownAr: noun.unknown, noneCloseAr: noun.noneClose, nameAr: noun.typed });
  return messages[p.code][lang].replace(/\{(\w+)\}/g, (match, name: string) => params[name] ?? match);
}

/** `file:line: field: message`, as compilers print. */
export function formatProblem(p: DispatchProblem, lang: Lang = 'en'): string {
  const field = lang === 'ar' ? (placesAr[p.field] ?? p.field) : p.field;
  return `${p.file}:${p.line}: ${field}: ${problemMessage(p, lang)}`;
}
