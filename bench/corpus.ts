/**
 * A synthetic archive for the benchmark: N dispatches of about 2,500
 * characters of Arabic news prose, over 25 cities, the 8 categories and
 * 2010–2026, some with a lead photo. Deterministic: the same N (and photo
 * share) always gives the same files. The prose is assembled from phrases
 * written for this project.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { random } from './random.ts';

type Random = () => number;
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)];

export const cities = [
  'طرابلس',
  'بنغازي',
  'مصراتة',
  'الزاوية',
  'سبها',
  'البيضاء',
  'طبرق',
  'درنة',
  'سرت',
  'غريان',
  'زليتن',
  'الخمس',
  'صبراتة',
  'زوارة',
  'ترهونة',
  'نالوت',
  'غدامس',
  'أوباري',
  'الكفرة',
  'المرج',
  'مرزق',
  'بني وليد',
  'هون',
  'تونس',
  'اجدابيا',
];

export const categories = ['سياسة', 'اقتصاد', 'محليات', 'رياضة', 'ثقافة', 'صحة', 'دولي', 'تعليم'];

const tags = [
  'النفط',
  'الموانئ',
  'الكهرباء',
  'المياه',
  'التعليم العالي',
  'الصحة العامة',
  'الانتخابات',
  'البلديات',
  'الزراعة',
  'الثروة البحرية',
  'السياحة',
  'الآثار',
  'الطرق',
  'الإسكان',
  'الشباب',
  'كرة القدم',
  'ألعاب القوى',
  'المرأة',
  'الطفولة',
  'الاتصالات',
  'النقل',
  'الطيران',
  'التجارة',
  'الاستثمار',
  'المصارف',
  'الميزانية',
  'التطعيم',
  'الأدوية',
  'الامتحانات',
  'الجامعات',
  'المهرجانات',
  'الكتاب',
  'التراث',
  'البيئة',
  'الطاقة الشمسية',
  'الهجرة',
  'الحدود',
  'الشؤون الاجتماعية',
  'العمل',
  'التدريب',
];

const bodies = [
  'وزارة الصحة',
  'وزارة التعليم',
  'وزارة الاقتصاد والتجارة',
  'وزارة المواصلات',
  'وزارة الزراعة والثروة الحيوانية',
  'وزارة الشباب',
  'وزارة الثقافة',
  'وزارة الحكم المحلي',
  'المؤسسة الوطنية للنفط',
  'الشركة العامة للكهرباء',
  'مصلحة الموانئ والنقل البحري',
  'جهاز تنفيذ مشروعات الإسكان',
  'الهيئة العامة للسياحة',
  'مصلحة الآثار',
  'المركز الوطني لمكافحة الأمراض',
  'الاتحاد الليبي لكرة القدم',
  'اللجنة الأولمبية الليبية',
  'جامعة طرابلس',
  'جامعة بنغازي',
  'جامعة سبها',
  'المفوضية الوطنية العليا للانتخابات',
  'مصرف ليبيا المركزي',
  'الشركة العامة للمياه والصرف الصحي',
  'الهيئة العامة للمعلومات',
  'جهاز الإسعاف والطوارئ',
  'مصلحة الأحوال المدنية',
  'الهيئة العامة للبيئة',
  'صندوق الضمان الاجتماعي',
  'المجلس البلدي',
];

const projects = [
  'صيانة شبكة الطرق الداخلية',
  'توسعة رصيف الحاويات',
  'تأهيل محطة تحلية المياه',
  'إنشاء مدرسة جديدة',
  'تطوير قسم الطوارئ',
  'تركيب محطة للطاقة الشمسية',
  'ربط محطة تحويل بالشبكة العامة',
  'حملة التطعيم الموسمية',
  'ترميم المدينة القديمة',
  'إطلاق منظومة إلكترونية للخدمات',
  'تنظيم معرض للكتاب',
  'تجهيز الملعب البلدي',
  'زراعة آلاف الشتلات',
  'تحديث سجل الناخبين',
  'تأهيل شبكة الصرف الصحي',
  'صرف منح الطلاب الدارسين في الخارج',
  'توزيع الأدوية على المراكز الصحية',
  'تدريب المعلمين على المناهج الجديدة',
  'إنشاء سوق شعبي',
  'رصف الطريق الساحلي',
  'تطوير مطار المدينة',
  'توسيع شبكة الاتصالات',
  'حصاد القمح في المشروعات الزراعية',
];

const officials = [
  'مدير المكتب الإعلامي',
  'عميد البلدية',
  'رئيس اللجنة التسييرية',
  'مدير إدارة المشروعات',
  'الناطق الرسمي',
  'وكيل الوزارة',
  'مدير المركز',
  'رئيس مجلس الإدارة',
  'مدير الإدارة الفنية',
  'رئيس قسم المتابعة',
];

const times = ['اليوم', 'أمس', 'صباح اليوم', 'مساء أمس', 'خلال الأسبوع الجاري', 'مطلع الشهر الجاري'];
const periods = ['ستة أشهر', 'عام', 'عامين', 'ثلاثة أشهر', 'ثمانية عشر شهرا', 'ثلاثين شهرا'];
const aims = [
  'تحسين مستوى الخدمات المقدمة للمواطنين',
  'تخفيف الأعباء عن الأسر',
  'دعم الاقتصاد المحلي',
  'رفع كفاءة العاملين',
  'توفير فرص عمل للشباب',
  'الحد من الاختناقات المرورية',
  'ضمان استمرار التزويد',
  'تعزيز السلامة العامة',
  'الحفاظ على الموروث الثقافي',
  'تقليص فترات الانتظار',
];

type Slots = {
  city: string;
  body: string;
  project: string;
  official: string;
  time: string;
  period: string;
  aim: string;
  n: number;
  m: number;
};

const sentences: ((s: Slots) => string)[] = [
  (s) => `أعلنت ${s.body} ${s.time} في ${s.city} انطلاق أعمال ${s.project}، في إطار خطتها الرامية إلى ${s.aim}.`,
  (s) => `وأوضح ${s.official} أن الأعمال ستنفذ على مراحل خلال ${s.period}، وأن المرحلة الأولى تشمل ${s.project}.`,
  (s) => `وأضاف أن ${s.body} خصصت ${s.n} مليون دينار لتنفيذ المشروع، بمشاركة ${s.m} من الشركات الوطنية.`,
  (s) => `وأشار إلى أن الفرق الفنية باشرت عملها في عدد من أحياء ${s.city}، وسط متابعة من الجهات المختصة.`,
  (s) => `من جهته، أكد ${s.official} حرص ${s.body} على ${s.aim}، داعيا المواطنين إلى التعاون مع الفرق الميدانية.`,
  (s) => `ويستفيد من المشروع نحو ${s.n} ألف نسمة من سكان ${s.city} والمناطق المجاورة لها.`,
  (s) => `وكانت ${s.body} قد عقدت اجتماعا تنسيقيا مع المجلس البلدي في ${s.city} لبحث الترتيبات اللازمة.`,
  (s) => `وتناول الاجتماع سبل تذليل الصعوبات التي تواجه ${s.project}، والجدول الزمني المقترح لإنجازه.`,
  (s) => `وبين ${s.official} أن نسبة الإنجاز بلغت ${s.m} في المئة حتى الآن، متوقعا استكمال الأعمال في موعدها.`,
  (s) => `ولفت إلى أن ${s.body} ستعلن تفاصيل المرحلة الثانية بعد تقييم نتائج المرحلة الأولى.`,
  (s) => `وشهدت ${s.city} خلال الفترة الماضية إطلاق عدد من المشروعات المماثلة، ضمن برنامج وطني يشمل ${s.n} بلدية.`,
  (s) => `وقال ${s.official} إن ${s.project} يمثل أولوية لدى ${s.body}، نظرا لأثره المباشر في حياة المواطنين.`,
  (s) => `وحضر اللقاء ممثلون عن الجهات ذات العلاقة وعدد من المختصين ومؤسسات المجتمع المدني في ${s.city}.`,
  (s) => `واستعرض المشاركون التقارير الفنية المتعلقة بسير العمل، والملاحظات التي رصدتها لجان المتابعة خلال ${s.period}.`,
  (s) => `وأوصى المجتمعون بضرورة الالتزام بالمواصفات الفنية المعتمدة، وتكثيف الزيارات الميدانية إلى مواقع العمل في ${s.city}.`,
  (s) => `كما دعت ${s.body} الشركات المنفذة إلى مضاعفة الجهود لإنجاز ما تبقى من الأعمال خلال ${s.period}.`,
  (s) => `وأكدت ${s.body} في بيان نشرته على صفحتها الرسمية أن العمل يسير وفق الخطة المعتمدة.`,
  (s) => `وتسعى ${s.body} إلى تعميم التجربة على بقية البلديات خلال العام المقبل، بعد تقييم نتائجها في ${s.city}.`,
  (s) => `وتشير البيانات الرسمية إلى أن عدد المستفيدين تجاوز ${s.n} ألفا، بزيادة قدرها ${s.m} في المئة عن العام الماضي.`,
  (s) => `وفي سياق متصل، تابع ${s.official} سير العمل في ${s.project}، واطلع على الصعوبات التي تواجه الفرق الفنية.`,
  (s) => `وشدد على أهمية التنسيق بين القطاعات المختلفة لضمان ${s.aim}.`,
  (s) => `ومن المنتظر أن تنظم ${s.body} ورشة عمل في ${s.city} الشهر المقبل لعرض ما تحقق من نتائج.`,
];

const headlines: ((s: Slots) => string)[] = [
  (s) => `${s.body} تطلق ${s.project} في ${s.city}`,
  (s) => `انطلاق ${s.project} في ${s.city} بتكلفة ${s.n} مليون دينار`,
  (s) => `${s.city}: ${s.official} يتابع سير ${s.project}`,
  (s) => `${s.body} تعلن استكمال ${s.m} في المئة من ${s.project}`,
  (s) => `اجتماع في ${s.city} لبحث ${s.project}`,
  (s) => `${s.n} ألف مستفيد من ${s.project} في ${s.city}`,
];

export interface CorpusOptions {
  /** Number of dispatches. */
  n: number;
  /** Share of dispatches with a lead photo, 0 to 1. */
  photos: number;
  /** First and last day of the archive (Tripoli dates). */
  from?: string;
  to?: string;
}

export interface GeneratedDispatch {
  /** Path under the archive folder. */
  file: string;
  /** The Markdown file. */
  text: string;
  title: string;
  date: Date;
  city: string;
  category: string;
  tags: string[];
  body: string;
  /** File name of its photo in the images folder, if it has one. */
  photo?: string;
}

function slots(r: Random): Slots {
  return {
    city: pick(r, cities),
    body: pick(r, bodies),
    project: pick(r, projects),
    official: pick(r, officials),
    time: pick(r, times),
    period: pick(r, periods),
    aim: pick(r, aims),
    n: 2 + Math.floor(r() * 480),
    m: 3 + Math.floor(r() * 95),
  };
}

/** Dispatch number `i` of the corpus (0-based). Independent of the others, so N+1 extends N. */
export function dispatch(i: number, options: CorpusOptions): GeneratedDispatch {
  const r = random(i + 1);
  const from = Date.parse(`${options.from ?? '2010-01-01'}T06:00:00Z`);
  const to = Date.parse(`${options.to ?? '2026-10-31'}T18:00:00Z`);
  // Spread over the years in order, with a random minute within the slot.
  const slot = (to - from) / Math.max(options.n, 1);
  const date = new Date(from + slot * i + Math.floor(r() * slot));
  const main = slots(r);
  const paragraphs: string[] = [];
  let length = 0;
  while (length < 2400) {
    const sentence = pick(r, sentences)({ ...slots(r), city: main.city, body: main.body, project: main.project });
    if (paragraphs.length === 0 || r() < 0.35) paragraphs.push(sentence);
    else paragraphs[paragraphs.length - 1] += ` ${sentence}`;
    length += sentence.length + 1;
  }
  const year = date.getUTCFullYear();
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const photo = r() < options.photos ? `photo-${String(i).padStart(6, '0')}.jpg` : undefined;
  const dispatchTags = [...new Set(Array.from({ length: Math.floor(r() * 4) }, () => pick(r, tags)))];
  const title = pick(r, headlines)(main);
  const category = pick(r, categories);
  const body = paragraphs.join('\n\n');
  const text = [
    '---',
    `title: "${title}"`,
    `date: "${date.toISOString().slice(0, 19)}Z"`,
    `city: ${main.city}`,
    `category: ${category}`,
    `tags: [${dispatchTags.map((t) => `"${t}"`).join(', ')}]`,
    ...(photo ? [`image: ${photo}`, `imageAlt: "صورة من موقع ${main.project} في ${main.city}"`] : []),
    '---',
    body,
    '',
  ].join('\n');
  const file = `${year}/${month}/dispatch-${String(i).padStart(6, '0')}.md`;
  return { file, text, title, date, city: main.city, category, tags: dispatchTags, body, photo };
}

/** The same dispatch for the Hugo site: taxonomy terms as lists. */
export function hugoText(d: GeneratedDispatch): string {
  const list = (values: string[]) => `[${values.map((v) => `"${v}"`).join(', ')}]`;
  return [
    '---',
    `title: "${d.title}"`,
    `date: "${d.date.toISOString().slice(0, 19)}Z"`,
    `city: ${list([d.city])}`,
    `category: ${list([d.category])}`,
    `tags: ${list(d.tags)}`,
    '---',
    d.body,
    '',
  ].join('\n');
}

/** A photo-like JPEG: a gradient with a few shapes and grain, so it costs what a photo costs to encode. */
export async function photo(i: number): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const r = random(1_000_000 + i);
  const hue = () => `hsl(${Math.floor(r() * 360)}, ${30 + Math.floor(r() * 40)}%, ${30 + Math.floor(r() * 40)}%)`;
  const shapes = Array.from(
    { length: 12 },
    () =>
      `<circle cx="${Math.floor(r() * 1600)}" cy="${Math.floor(r() * 1067)}" r="${20 + Math.floor(r() * 200)}" fill="${hue()}" fill-opacity="0.6"/>`,
  ).join('');
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1067">' +
    `<defs><linearGradient id="g" x2="0" y2="1"><stop stop-color="${hue()}"/><stop offset="1" stop-color="${hue()}"/></linearGradient></defs>` +
    `<rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`;
  const noise = await sharp({
    create: { width: 1600, height: 1067, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 12 } },
  })
    .png()
    .toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: noise, blend: 'overlay' }])
    .jpeg({ quality: 82 })
    .toBuffer();
}

const folders = new Set<string>();

async function write(file: string, text: string | Buffer) {
  const folder = path.dirname(file);
  if (!folders.has(folder)) {
    await mkdir(folder, { recursive: true });
    folders.add(folder);
  }
  await writeFile(file, text);
}

/**
 * Writes dispatches `from` to `to` (exclusive) of the corpus:
 * `<root>/dispatches/…` and `<root>/images/…`, and with `hugoContent` the
 * same dispatches for the Hugo site under that folder.
 */
export async function writeCorpus(
  root: string,
  options: CorpusOptions,
  range: { from?: number; to?: number; hugoContent?: string } = {},
): Promise<{ dispatches: number; photos: number }> {
  let photos = 0;
  const from = range.from ?? 0;
  const to = range.to ?? options.n;
  for (let i = from; i < to; i++) {
    const d = dispatch(i, options);
    await write(path.join(root, 'dispatches', d.file), d.text);
    if (range.hugoContent) await write(path.join(range.hugoContent, d.file), hugoText(d));
    if (d.photo) {
      await write(path.join(root, 'images', d.photo), await photo(i));
      photos++;
    }
  }
  return { dispatches: to - from, photos };
}
