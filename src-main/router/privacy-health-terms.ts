// Health details the named-person rules of privacy-person.ts read beside a name, as families rather than
// single words: the medicines most often prescribed, by generic name (metformin, lisinopril, atorvastatin,
// amlodipine, omeprazole, sertraline …), a dose of insulin or an inhaler, a reading (blood sugar, BP 150/95),
// and in Chinese a diagnosis or a medicine being taken (被诊断为…, 正在服用舍曲林, 血糖, 二甲双胍, …他汀).
// The English ones join the named-person health alternation (one scan of the text for all of them: a
// separate pattern over every prompt costs as much as the detail itself); the Chinese ones run only on
// Chinese text.

// Generic names of the medicines most prescribed for long-term conditions (diabetes, blood pressure, heart,
// cholesterol, thyroid, stomach, asthma, mood, pain, epilepsy, blood thinners), lower case as notes are typed.
const MEDICINES =
  'metformin|gliclazide|sitagliptin|empagliflozin|dapagliflozin|semaglutide|liraglutide|insulin|lisinopril|ramipril|enalapril|perindopril|losartan|candesartan|valsartan|irbesartan|amlodipine|nifedipine|felodipine|bisoprolol|atenolol|metoprolol|propranolol|carvedilol|atorvastatin|simvastatin|rosuvastatin|pravastatin|furosemide|bendroflumethiazide|indapamide|spironolactone|digoxin|warfarin|apixaban|rivaroxaban|edoxaban|dabigatran|clopidogrel|levothyroxine|omeprazole|lansoprazole|pantoprazole|esomeprazole|salbutamol|beclometasone|budesonide|fluticasone|montelukast|prednisolone|prednisone|methotrexate|hydroxychloroquine|allopurinol|colchicine|sertraline|citalopram|escitalopram|fluoxetine|paroxetine|mirtazapine|venlafaxine|duloxetine|amitriptyline|quetiapine|olanzapine|risperidone|aripiprazole|lithium carbonate|diazepam|lorazepam|zopiclone|gabapentin|pregabalin|tramadol|codeine|morphine|oxycodone|levetiracetam|lamotrigine|carbamazepine|sodium valproate|levodopa|donepezil|memantine|tamoxifen|letrozole';

// The named-person pattern had these before the list; they keep counting at the strict level.
const EARLIER = new Set(['insulin', 'sertraline', 'fluoxetine']);
const MEDICINE_SET = new Set(MEDICINES.split('|').filter((m) => !EARLIER.has(m)));
const READING_START = /^(?:blood |[Bb][Pp] |\d)/;

/** True for a medicine of the list, a dose or a reading: health beside its person only (textbooks are full of them), not at the strict level's "any name anywhere". */
export function medicineOrReading(detail: string): boolean {
  return MEDICINE_SET.has(detail) || (READING_START.test(detail) && !/mg|mcg/.test(detail));
}

/** The words as one alternation nested by shared prefixes (a trie): each position tests a letter once, not each word in turn. */
function trie(words: readonly string[]): string {
  const byFirst = new Map<string, string[]>();
  let end = false;
  for (const w of words) {
    if (w === '') end = true;
    else byFirst.set(w[0]!, [...(byFirst.get(w[0]!) ?? []), w.slice(1)]);
  }
  const alts = [...byFirst].map(([c, rest]) => (rest.length === 1 ? c + rest[0]! : c + trie(rest)));
  if (alts.length === 1 && !end) return alts[0]!.length === 1 ? alts[0]! : `(?:${alts[0]!})`;
  return `(?:${alts.join('|')})${end ? '?' : ''}`;
}

/** Medicines and readings, as an alternation source for the named-person health pattern (whose dose alternative takes insulin units and puffs). */
export const MEDICINE_OR_READING_EN = `\\b(?:${trie(MEDICINES.split('|'))}|blood (?:sugars?|glucose|pressure|tests?|results|count)|(?:BP|bp) (?:was |is |of |at )?\\d{2,3}\\/\\d{2,3})\\b`;

// Chinese: a diagnosis, an illness someone has, a medicine being taken (by its class ending: 双胍, 他汀, 洛尔,
// 普利, 沙坦, 地平, 西泮, 唑仑), a reading.
export const HEALTH_EVENT_ZH =
  /被?诊断[为出有]|确诊为?|患有|得了[^，。！？\n]{0,6}?(?:病|症|炎|癌)|(?:正在|一直|每天|按时|长期)?服用[^，。！？\n]{1,10}|(?:注射|打)胰岛素|血糖|血压[^，。！？\n]{0,4}(?:\d|偏?高|偏?低)|体检报告|化验单|躁郁症|强迫症|[\u4e00-\u9fff]{1,4}(?:双胍|他汀|洛尔|普利|沙坦|地平|西泮|唑仑)(?:片|胶囊|缓释片)?(?=[，。！？\s、]|$|\d)/g;
