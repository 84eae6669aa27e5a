// A named person next to a personal detail: a diagnosis or hospital stay, salary or HR matters, a
// date of birth, where they live or their car's number plate. Neither half is private alone ("what
// is chemotherapy?", "the salary range for nurses", "Tom Bradley" in a list of speakers); together
// they are. There is no list of names: a name is what the text shapes as one. In English a title
// and a capitalised word (Mr Okafor, Dr. Hassan), a relation and a capitalised word (my colleague
// Priya, my neighbour Rob's), or two capitalised words side by side that are not a common
// capitalised phrase (Sarah Jenkins, Kevin O'Brien; three when one has accents, Nguyễn Thị Lan), a single
// capitalised word as a clause's subject or after a verb that takes a person (Lily won't…, put Steve
// on…; closer still), a form's person field (Passenger 1: Moreau, Camille), an honorific (Tanaka-san,
// 김민준 씨) or a run of Devanagari or Arabic words, and a he/she that refers back to any of those.
// In Chinese a common surname and one or two characters after a relation (同事王伟), before a title
// (张女士, 李经理), after 小/老 (小赵), after 姓名, opening a clause before a verb-like word (李明患有…,
// 王芳的月薪…) or after a verb that takes a person (把李娜的…, 给张丽写…). A detail counts when a name
// is in the same sentence (a table row runs on to the next; a date of birth may be in another field of
// the form), at most MAX_GAP characters away. Exam questions and arithmetic word problems are about
// invented people and are left to the strict level.

import { fictionalName } from './privacy-public.js';
import { findReferences, findRelatives } from './privacy-references.js';
import { factored } from './privacy-factor.js';
import { HEALTH_EVENT_ZH, MEDICINE_OR_READING_EN, medicineOrReading } from './privacy-health-terms.js';
import { findMoreNames } from './privacy-names-more.js';
import { findAddressed } from './privacy-addressed.js';
import { publishedPay } from './privacy-published.js';
import { hasHan } from './privacy-text.js';

export type PersonDetailKind = 'health' | 'employment' | 'birth-date' | 'location' | 'personal';
export type PersonFound = (kind: PersonDetailKind, start: number, end: number) => void;

const MAX_GAP = 160;
// Two capitalised words are the weakest sign of a name (word problems and articles are full of
// them): the detail must be closer.
const MAX_GAP_PAIR = 60;

// ---------------------------------------------------------------- details

const HEALTH_DETAIL_EN = factored(
  new RegExp(
    `${/\b(?:diagnos(?:is|es|ed)|cancers?|tumou?rs?|leuka?emia|lymphoma|melanoma|chemo(?:therapy)?|radiotherapy|biops(?:y|ies)|depression|antidepressants?|bipolar|schizophreni(?:a|c)|psychosis|psychiatrist|dementia|alzheimer'?s|parkinson'?s|epilepsy|seizures?|diabet(?:es|ic)|insulin|hepatitis|pneumonia|stroke|heart (?:attack|surgery|failure|condition)|surgery|pregnan(?:t|cy)|miscarriage|abortion|sertraline|fluoxetine|antiretroviral|rehab|addiction|overdosed?|suicidal|self[- ]harm|admitted|hospitali[sz]ed|in hospital|(?:in|on|to) the (?:\w+ )?(?:ICU|ward|hospice|A&E|ER)|due date|expecting (?:a baby|twins)|having (?:a baby|twins)|(?:knee|hip|joint|valve) replacement|discharged|sick note|miscarr(?:y|ied|iage)|(?:off|signed off|home) sick|signed off|burn-?out|(?:nervous )?breakdown|recovering from|hernia|fractured?|concussion|asthma|migraine|allerg(?:y|ies|ic)|disabled|wheelchair|psychiatric|fibrillation|arrhythmia|transplant|dialysis|appendicitis|arthritis|bronchitis|meningitis|tuberculosis|sclerosis|cirrhosis|mastectomy|hysterectomy|gout|angina|lupus|shingles|sepsis|coma|cataracts?|glaucoma|IBS|crohn'?s|colitis)\b|\b(?:HIV|AIDS|ICU|PTSD|ADHD|OCD|HbA1c|Dx|Rx)\b|\b\d+(?:\.\d+)? ?(?:mg|mcg|units? of insulin|puffs? of)\b(?!\/)|\b(?:[Mm]eds|[Mm]edications?|[Aa]llergies|[Cc]ondition|[Dd]iagnosis|[Tt]reatment) ?:/g.source}|${MEDICINE_OR_READING_EN}`,
    'g',
  ),
);
const HEALTH_DETAIL_ZH =
  /病历|诊断|确诊|抑郁|焦虑症|艾滋|癌|肿瘤|化疗|放疗|处方|怀孕|流产|不孕|糖尿病|高血压|心脏病|精神病|精神分裂|双相|自闭症|痴呆|癫痫|乙肝|肝炎|梅毒|病情|住院|出院|手术|医院|肺炎|吃药|服药|患有|得了|心衰|重症|病危|康复|复诊|药物|过敏|骨折|中风|抑郁症|阿尔茨海默|帕金森|脑梗|心梗|痛风|透析|病了|生病|症(?!状)|진단|당뇨|입원|수술|우울증|암 /g;

const EMPLOYMENT_DETAIL_EN = factored(
  /\b(?:salary|salaries|earns|earning|pay (?:rise|cut)|raise to|bonus|payslip|performance (?:review|improvement plan)|appraisal|(?:written|final) warning|disciplinary|dismiss(?:ed|al)|fired|sacked|laid off|letting (?:\w+ )?go|made redundant|redundant|redundancy|terminat(?:ed|ion)|gross misconduct|grievance|lay(?:ing)? (?:\w+ )?off|sick leave|maternity leave|paternity leave|resign(?:ed|ation)|probation|pay (?:raise|band|grade)|a raise|compensation package|base pay|equity|stock options|RSUs|(?:job )?offer (?:came in|letter|of)|performance rating|below expectations|let go|laid-off|promoted|(?:a|the|his|her|their) promotion|no raise|(?:pay|salary|new|his|her|their) band (?:is|of)|base (?:goes|pay|salary|is)|rating (?:of )?\d)\b|\bPIP\b|\b(?:start(?:s|ing)? on|paid|earn(?:s|ing)?|on a salary of|offered|package of|base of) (?:about |around )?[£$€¥₹] ?\d[\d,.]{0,12}k?\b/gi,
);
// Rarer shapes, each behind a cheap test (SPARSE_DETAILS): a disease by its ending (endometriosis,
// colitis, neuropathy, appendectomy) and pay in thousands ("on 41k", "from 62k to 70k", "20 grand more",
// a band "(95-105k)").
const HEALTH_SUFFIX_EN = /\b[a-z]{3,20}(?<=[a-z]{3}(?:osis|itis|pathy|ectomy|algia|otomy))(?![a-z])/g;
const HEALTH_SUFFIX_HINT = /osis|itis|pathy|ectomy|algia|otomy/;
const PAY_AMOUNT_EN =
  /\b(?:on|earns?|earning|makes|paid|base|band|salary|package|from|to) (?:about |around |like )?[£$€]?\d{1,3}(?:[.,]\d{1,3})?(?:k|K| ?grand)\b|\b\d{1,3} grand (?:more|less|a year|per year)\b|\(\d{2,3}(?:k|K)?[-–]\d{2,3}(?:k|K)\)/g;
const PAY_AMOUNT_HINT = /\d ?(?:k|K|grand)\b/;

const EMPLOYMENT_DETAIL_ZH =
  /月薪|年薪|工资|薪水|薪资|奖金|年终奖|试用期|转正|晋升|升职|降职|调岗|辞职|赔偿金|补偿金|绩效|考核|辞退|开除|解雇|裁员|处分|降薪|加薪|涨薪|离职|警告|劝退|记过|记大过|旷工|调薪|薪酬|待遇|劳动合同/g;

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DATE_EN = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:19|20)\\d{2}|(?:19|20)\\d{2}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH},? (?:19|20)\\d{2}|${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\\d{2})`;
// The label in the languages of the forms people paste (fecha de nacimiento, date de naissance, Geburtsdatum).
const BIRTH_DETAIL_EN = new RegExp(
  `\\b(?:born|d\\.?o\\.?b|date of birth|birthday|birth ?date|fecha de nacimiento|date de naissance|geburtsdatum|geboren|data di nascita)(?![A-Za-z])[^\\n?!]{0,40}?${DATE_EN}`,
  'gi',
);
const DATE_ZH =
  '(?:(?:19|20)\\d{2}年\\d{1,2}月\\d{1,2}[日号]|(?:19|20)\\d{2}年[正腊冬一二三四五六七八九十]{1,2}月(?:初|廿|二十|三十)?[一二三四五六七八九十]{1,2}|(?:19|20)\\d{2}[-/.]\\d{1,2}[-/.]\\d{1,2})';
const BIRTH_YEAR_HINT = /(?:19|20)\d{2}/;
// A date of birth for a horoscope (八字) is given with its calendar (公历/农历) and hour (辰时, 8点).
const BIRTH_DETAIL_ZH = new RegExp(
  `(?:出生|生日|生于|八字|生辰|公历|农历|阳历|阴历)[^\\n。！？]{0,8}?${DATE_ZH}|${DATE_ZH}\\s?(?:[子丑寅卯辰巳午未申酉戌亥]时|\\d{1,2}\\s?[点时:：](?:\\d{1,2}分?)?)?\\s?(?:出生|生)`,
  'g',
);

const LOCATION_DETAIL_EN =
  /\blives (?:\w+ )?(?:at|in|near)\b|\b(?:lives|living) on (?=[A-Z0-9])|\b(?:home|house|flat|address) is\b|\b[Ww]here \w+(?: \w+)? lives\b|\b[Ww]here (?:does|do) [^.?!\n]{1,40}? live\b/g;
const LOCATION_DETAIL_ZH = /住在|家住|家在|住址|住处|的家|搬到|搬去|搬进|住进|暂住|借住|租住/g;
// A home described by its surroundings rather than an address: "lives on the third floor above the
// bakery", "moved into the flats behind the library", "staying at his mum's in …", "her new place is the
// yellow house at the end of …". The verb, then a landmark word within the same sentence.
const HOME_LANDMARK_EN =
  /\b(?:lives|living|moved (?:in(?:to)?|to|over to)|moving (?:in(?:to)?|to)|staying (?:at|with|in)|(?:new )?(?:place|house|flat|home|apartment) is)\b[^.?!\n]{0,60}?(?:\b(?:above|below|behind|opposite|next door to|across from|beside|round the corner from|at the end of|on the corner of|floor|flats|bungalow|cottage|estate|street|road|lane)\b|['’]s\b)/g;
// A Chinese home given down to its district, street or estate: 住在杭州西湖区…, 搬到…高新区.
// The span is the verb, as LOCATION_DETAIL_ZH's; the place is looked at ahead of it.
const HOME_FINE_ZH = /(?:住在|家住|家在|搬到|搬去|搬进|住进|暂住|借住|租住)(?=[^\n。！？，,]{0,20}?(?:区|街道|路|街|镇|村|小区|弄|巷|号))/g;

// ---------------------------------------------------------------- names

// Scripts with capitals: Latin with accents (Mateo García, Nguyễn Thị Lan), Greek, Cyrillic. Ranges
// rather than Unicode properties (\p{Lu}): the "u" flag makes these patterns many times slower.
// Latin Extended-A and Additional mix cases letter by letter, so they sit in both classes.
const UPPER = 'A-ZÀ-ÖØ-Þ\\u0100-\\u017f\\u1e00-\\u1eff\\u0391-\\u03a9\\u0410-\\u042f';
const LOWER = 'a-zß-öø-ÿ\\u0100-\\u017f\\u01a0-\\u01b0\\u1e00-\\u1eff\\u03ac-\\u03ce\\u0430-\\u045f';
const LETTER = `${UPPER}${LOWER}`;
const NAME_REST = `(?:[${LOWER}]{1,20}|'[${UPPER}][${LOWER}]{1,20})(?:-[${UPPER}][${LOWER}]{1,20})?`;
const NAME = `[${UPPER}]${NAME_REST}`;
// A capital not preceded by a letter. The look-behind comes after the capital, so it is tried only
// where a capital is, not at every character.
const NAME_START = `[${UPPER}](?<![${LETTER}'’-].)`;
const TITLE_NAME = new RegExp(`\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame)\\.? ${NAME}`, 'g');
const RELATION_NAME = new RegExp(
  `\\b(?:my|our|his|her|their|your|the|a|an)(?: \\w+)? (?:new hire|hire|candidate|applicant|contractor|colleague|co-?worker|friend|boss|manager|neighbou?r|wife|husband|partner|son|daughter|brother|sister|mother|mum|mom|father|dad|grandfather|grandmother|grandma|grandpa|grandson|granddaughter|uncle|aunt|cousin|nephew|niece|ex|flatmate|roommate|housemate|tenant|landlord|student|pupil|patient|client|employee|intern|trainee|apprentice|teammate|assistant|nanny|carer|girlfriend|boyfriend|fianc[ée]e?|mate|bestie|buddy|grandad|granddad|granny|nan|nana|stepdad|stepmum|stepmom|supervisor|team lead)s?,? ${NAME}`,
  'gi',
);
// A run of capitalised words. Once the common ones at its ends are set aside (Summarise, Dear),
// exactly two must remain: a third makes a title or an institution (Post-Traumatic Stress
// Disorder, Emotional Intelligence Appraisal), not a person.
const CAPITAL_RUN = new RegExp(`${NAME_START}${NAME_REST}(?: ${NAME}){1,5}(?![${LETTER}-])(?!['’](?!s\\b|\\s|[,;:)}\\]]))`, 'g');
// One capitalised word as the subject of a clause or a possessive (Lily won't, Mark's been, Aisha has).
// Weaker than two words, so the detail must be closer; common capitalised words are set aside below.
const SINGLE_NAME = new RegExp(
  `${NAME_START}[${LOWER}]{1,20}(?:-[${LOWER}]{2,10})?(?=['’]s\\b| (?:has|had|is|was|won['’]t|will|got|can['’]t|couldn['’]t|didn['’]t|doesn['’]t|isn['’]t|wasn['’]t|needs|asked|told|said|says|wants|came|went|started|starts|just|also|recently|still|finally|may|might|earns|earned|makes)\\b)`,
  'g',
);
const MAX_GAP_SINGLE = 40;
// A capitalised word after a verb that takes a person (put Steve on, told Maria, cover for Aisha): as
// weak as a single name, so held to the same short reach.
// The verb is checked behind each capital, so the pattern does no work between capitals.
const OBJECT_NAME = new RegExp(
  `[${UPPER}](?<=\\b(?:put|tell|told|ask|asked|fire|fired|promote|promoted|hire|hired|thank|invite|invited|remind|reminded|cover for|go of|congratulate|warn|warned|dismiss|dismissed|suspend|suspended|sack|sacked) .)[${LOWER}]{1,20}(?![${LETTER}-])`,
  'g',
);
const PRONOUN_EN = /\b(?:he|she|him|his|her|hers)\b/gi;
const PRONOUN_ZH = /[他她](?!们)/g;
// How far back a he/she may look for its name, and how close it must stand to the detail.
const MAX_ANTECEDENT = 240;
const MAX_GAP_PRONOUN = 40;
// Names in scripts without capitals, in a Latin text: honorifics (Tanaka-san, 김민준 씨) and runs of
// two or three Devanagari, Arabic or Hebrew words (राहुल शर्मा, فاطمة السيد).
const HONORIFIC_NAME = /[A-Z][a-z]{1,20}-(?:san|sama|kun|chan|sensei)\b|[\uac00-\ud7a3]{2,4} ?(?:씨|님)/g;
const CASELESS_RUN = /[\u0900-\u097f\u0600-\u06ff\u0590-\u05ff]{2,20}(?: [\u0900-\u097f\u0600-\u06ff\u0590-\u05ff]{2,20}){1,2}/g;
const HAS_CASELESS = /[\u0900-\u097f\u0600-\u06ff\u0590-\u05ff\uac00-\ud7a3]/;
// A form's person field: "Passenger 1: Moreau, Camille", "Patient: Rahul Mehta", "Ship to: Aiko Suzuki".
// The label is checked behind each colon, so the pattern does no work elsewhere.
const LABELLED_NAME = new RegExp(
  `[:：](?<=\\b(?:[Nn]ame|[Pp]atient|[Pp]assenger(?: \\d{1,2})?|[Ee]mployee|[Aa]pplicant|[Cc]andidate|[Ss]tudent|[Cc]hild|[Pp]upil|[Gg]uest|[Cc]ustomer|[Mm]ember|[Hh]older|[Rr]ecipient|[Aa]ttn|[Ss]hip to|[Dd]eliver to|[Pp]arent|[Ss]pouse|[Ss]urname|[Gg]iven names?)\\.? ?[:：]) ?["']?${NAME}(?:,? ${NAME}){0,2}`,
  'g',
);
// An initial and a surname, as in lists and rotas: "A. Okafor", "B. Lindqvist".
// Not a unit's letter ("at 37°C. Before adding …").
const INITIAL_NAME = new RegExp(`\\b[A-Z](?<![\\d°]\\w)\\. [${UPPER}][${LOWER}]{2,20}(?![${LETTER}-])`, 'g');
// A family by its surname: "the Novaks live on …".
const FAMILY_NAME = /\bthe [A-Z][a-z]{2,20}s(?= (?:live|lived|are|were|have|had|moved)\b)/g;
// A name given to a character, a pet or a toy is not a person's.
const MAYBE_NOT_A_PERSON = /called|named|dog|cat|pupp|kitten|pet|horse|pony|rabbit|hamster|parrot|tortoise|goldfish/i;
const NOT_A_PERSON_BEFORE =
  /(?:\b(?:character|hero|heroine|protagonist|villain|robot|dragon|doll|bot) (?:called|named) |\b(?:dog|cat|puppy|kitten|pet|horse|pony|rabbit|hamster|parrot|tortoise|goldfish)s?,? (?:(?:called|named) )?)$/i;
// Word endings of abstract nouns and adjectives, which names almost never have.
const NOT_A_NAME_ENDING = /(?:tion|sion|ence|ance|ment|ness|ity|ism|ical|ous|ogy|ics|ful|less|able|ible)$/;
// Capitalised words that start sentences, name places, institutions, days and months.
const NOT_A_NAME = new Set(
  (
    'The A An In On At Of For To And Or But If When Where What Why How Which Who Whom Whose Is Are Was Were Be Can Could Should Would Will Do Does Did Has Have Had ' +
    'Please Add Remove Invite Email Call Schedule Put Include Move Copy Print Sign Update Set Show Note Write Draft Send Summarise Summarize Explain Tell Book Register Pick Ship Deliver Forward Reply Contact Use Charge Refund Transfer Raise Plan Find List Generate Validate Check Fill Help Make Give Let Ask Rewrite Translate Compare Create ' +
    'I My Our His Her Their Your This That These Those It We You They He She Name Patient Dear Hi Hello Thanks Re Fw Subject ' +
    'Each Every Both All Some Most Many Few Everyone Someone Somebody Nobody Everybody Anyone Anybody None Neither Either ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December ' +
    'St Saint Street Road Avenue Lane Hospital Clinic Bank University College School Court Supreme High Disease Syndrome Health Service Services National Council Office Department Ministry Company Group Ltd Inc Corp ' +
    'New North South East West Great United States Kingdom Republic Prime Minister President Queen King Prince Princess Lord Lady Pope General Captain Apple Google Microsoft Amazon Pay ' +
    'Type Stage Act Part Chapter Section Level Annual Report HR IT UK US EU Mount River Lake Bridge Centre War Amendment Act Law Theory Test Study Center Station Airport City Town County Royal Old Little Big'
  ).split(' '),
);

/** Common Chinese surnames, one character each (and 欧阳). */
export const SURNAMES_ZH =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧阳';
const SURNAME = `[${SURNAMES_ZH}]`;
const HAN = '[\\u4e00-\\u9fff]';
const RELATION_ZH =
  '同事|朋友|老板|经理|领导|上司|下属|邻居|同学|妻子|丈夫|老公|老婆|儿子|女儿|哥哥|姐姐|弟弟|妹妹|爸爸|妈妈|父亲|母亲|爷爷|奶奶|外公|外婆|病人|患者|员工|客户|室友|男朋友|女朋友|前任|租客|房东|学生|前男友|前女友|男友|女友|闺蜜|婆婆|公公|岳父|岳母|舅舅|姑姑|表哥|表姐|表弟|表妹|堂哥|姥姥|姥爷|组长|主管|上级|搭档|发小';
const NAME_ZH_RELATION = new RegExp(`(?:${RELATION_ZH})[，, ]?(?:${SURNAME}${HAN}{1,2}|[小老阿]${HAN})`, 'g');
// 同志 and 同学 as titles too: a letter's addressee (赵磊同志，), a pupil (张子涵同学).
const NAME_ZH_TITLE = new RegExp(`${SURNAME}${HAN}{0,2}?(?:先生|女士|小姐|太太|医生|大夫|老师|经理|主任|总监|阿姨|叔叔|师傅|同志|同学|老人|大爷)`, 'g');
// 小王, 老李; not 小王子 (The Little Prince), 小龙虾, 小高层, 老黄历.
const NAME_ZH_NICK = new RegExp(`(?<![\\u4e00-\\u9fff])[小老]${SURNAME}(?!子|兔|虾|头|块|层|库|湖|历|车|鱼|菜)`, 'g');
const NAME_ZH_LABEL = new RegExp(`(?:姓名|名字)\\s?[：:]?\\s?${SURNAME}${HAN}{1,2}`, 'g');
const NAME_ZH_SUBJECT = new RegExp(
  `(?:^|(?<=[，。！？；、：:\\s,（(]))${SURNAME}${HAN}{1,2}?(?=\\s?(?:的|，|,|患|确诊|因|被|这次|上周|上个月|下个月|下周|明天|昨天|今天|最近|已经|要|又|也|刚|去年|今年|出生|住|家|做完|在医院|年薪|月薪))`,
  'g',
);

// A Chinese name after a verb or preposition that takes a person, before its possession or an action:
// 把李娜的月薪, 给张丽写. The detail must still be in the same sentence.
const NAME_ZH_AFTER_VERB = new RegExp(`(?:给|和|跟|对|向|替|找|叫|问|把|让|帮|请|通知|陪|说|告诉)${SURNAME}${HAN}{1,2}?(?=的|写|说|发|讲|打|办|调|是|在)`, 'g');

// Common words that open with a surname character and stand where a name would: 高血压的…,
// 江苏的工资, 程序员被辞退, 石家庄住院. A list of words, not of names.
const NOT_A_NAME_ZH =
  /^(?:高血|高中|高校|高考|高管|高层|高温|黄疸|黄金|黄色|江苏|江西|江南|石家|石油|程序|金融|金额|马上|周末|周围|方便|方法|方面|白血|白天|孙子|叶子|孔子|武汉|龙头|雷达|余额|万元|史上|钟点|韩国|毛病|夏天|秦朝|唐朝|宋朝|汤药|任何|任务|许多|曾经|于是|林业|严重|沈阳|郑州|贵州|常州|徐州)/;

interface Span {
  start: number;
  end: number;
  /** How far from a detail this name may be. */
  gap?: number;
  /** A relative without a name ("my mum"): counts only next to a closely described home. */
  relative?: boolean;
  /** A patient by their room or bed ("room 4", 3床): counts next to a health detail only (and is marked `relative`). */
  healthOnly?: boolean;
}

function spans(re: RegExp, text: string, out: Span[], accept?: (m: RegExpExecArray) => boolean): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (accept === undefined || accept(m)) out.push({ start: m.index, end: m.index + m[0].length });
  }
}

const NON_ASCII = /[^ -~]/;

/** The offsets of the two- (or accented three-) word name in a run of capitalised words, or undefined when there is none. */
function namePair(run: string): { start: number; end: number } | undefined {
  const words = run.split(' ');
  let first = 0;
  let last = words.length - 1;
  while (first <= last && NOT_A_NAME.has(words[first]!)) first++;
  while (last >= first && NOT_A_NAME.has(words[last]!)) last--;
  // Three words are a name when one is written with letters English titles do not use (Nguyễn Thị Lan, María José Pérez).
  if (last - first === 2 && !words.slice(first, last + 1).some((w) => NON_ASCII.test(w))) return undefined;
  if (last - first !== 1 && last - first !== 2) return undefined;
  const kept = words.slice(first, last + 1);
  if (kept.some((w) => NOT_A_NAME_ENDING.test(w))) return undefined;
  const start = words.slice(0, first).join(' ').length + (first > 0 ? 1 : 0);
  return { start, end: start + kept.join(' ').length };
}

const HAN_OR_HANGUL = /[\u4e00-\u9fff\uac00-\ud7a3]/;
const HAS_CAPITAL = new RegExp(`[${UPPER}]`);

// Two-letter capitalised words that open sentences; other two-letter ones (Mo, Al, Jo, Ed) may be names.
const TWO_LETTER_WORDS = new Set(
  'So No Go Up Oh Ok OK Hi Me Us We Or As By If In On At Of To An Am My Ex Id It He Be Do Is Vs Mr Ms Dr St Yo Ah Eh Uh Um Hm Ha Lo Ye'.split(' '),
);

/** A single capitalised word that is a common word rather than a name (This, Type, Summarise, Patient). */
function commonCapital(word: string, twoLetters = false): boolean {
  if (word.length === 2 && twoLetters) return TWO_LETTER_WORDS.has(word);
  return NOT_A_NAME.has(word) || NOT_A_NAME_ENDING.test(word) || word.length < 3;
}

/** He/she spans with a name before them, standing in for that name. */
function pronounNames(text: string, names: readonly Span[], latin: boolean, chinese: boolean): Span[] {
  if (names.length === 0) return [];
  const antecedents = names.map((n) => n.end);
  const out: Span[] = [];
  for (const re of latin && chinese ? [PRONOUN_EN, PRONOUN_ZH] : latin ? [PRONOUN_EN] : [PRONOUN_ZH]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const at = m.index;
      // A blank line between the name and the pronoun starts another paragraph, likely about someone else.
      const paragraph = (end: number): boolean => {
        const blank = text.indexOf('\n\n', end);
        return blank < 0 || blank >= at;
      };
      if (antecedents.some((end) => end <= at && at - end <= MAX_ANTECEDENT && paragraph(end))) {
        out.push({ start: at, end: at + m[0].length, gap: MAX_GAP_PRONOUN });
      }
    }
  }
  return out;
}

/** Where the text shapes a person's name (English and Chinese patterns, no list of names). */
export function findNames(text: string): Span[] {
  let names: Span[] = [];
  const fiction: Span[] = [];
  if (HAS_CAPITAL.test(text)) {
    // The slice is only taken where such a word is in the text at all.
    const maybeNot = MAYBE_NOT_A_PERSON.test(text);
    const person = (m: RegExpExecArray): boolean => !maybeNot || !NOT_A_PERSON_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index));
    spans(TITLE_NAME, text, names, person);
    spans(RELATION_NAME, text, names, (m) => HAS_CAPITAL.test(m[0][m[0].search(/\S+$/)] ?? ''));
    spans(LABELLED_NAME, text, names);
    spans(FAMILY_NAME, text, names, (m) => !commonCapital(m[0].slice(4, -1)));
    spans(INITIAL_NAME, text, names, (m) => !commonCapital(m[0].slice(3)));
    CAPITAL_RUN.lastIndex = 0;
    for (let m = CAPITAL_RUN.exec(text); m !== null; m = CAPITAL_RUN.exec(text)) {
      const pair = namePair(m[0]);
      if (pair === undefined || !person(m)) continue;
      // A character from fiction: neither the pair nor either word alone is a person here.
      if (fictionalName(m[0].slice(pair.start, pair.end))) fiction.push({ start: m.index + pair.start, end: m.index + pair.end });
      else names.push({ start: m.index + pair.start, end: m.index + pair.end, gap: MAX_GAP_PAIR });
    }
    for (const re of [SINGLE_NAME, OBJECT_NAME]) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (!commonCapital(m[0], re === SINGLE_NAME) && person(m)) names.push({ start: m.index, end: m.index + m[0].length, gap: MAX_GAP_SINGLE });
      }
    }
    spans(HONORIFIC_NAME, text, names);
  }
  if (HAS_CASELESS.test(text)) {
    spans(HONORIFIC_NAME, text, names);
    CASELESS_RUN.lastIndex = 0;
    for (let m = CASELESS_RUN.exec(text); m !== null; m = CASELESS_RUN.exec(text)) names.push({ start: m.index, end: m.index + m[0].length, gap: MAX_GAP_PAIR });
  }
  findReferences(text, names);
  const more: Span[] = [];
  findMoreNames(text, hasHan(text), more);
  names.push(...more.filter((n) => n.relative !== true));
  if (fiction.length > 0) names = names.filter((n) => !fiction.some((f) => n.start < f.end && f.start < n.end));
  const chinese = hasHan(text);
  if (chinese) {
    for (const re of [NAME_ZH_RELATION, NAME_ZH_NICK, NAME_ZH_LABEL]) spans(re, text, names);
    // 高中同学, 高中老师: a word, not a surname and a name.
    spans(NAME_ZH_TITLE, text, names, (m) => !NOT_A_NAME_ZH.test(m[0]));
    spans(NAME_ZH_SUBJECT, text, names, (m) => !NOT_A_NAME_ZH.test(m[0]));
    spans(NAME_ZH_AFTER_VERB, text, names, (m) => !NOT_A_NAME_ZH.test(m[0].slice(1)));
  }
  names.push(...pronounNames(text, names, HAS_CAPITAL.test(text), chinese));
  // After the pronouns: "my mum" is no antecedent a he/she could stand for a named person by.
  findRelatives(text, chinese, names);
  names.push(...more.filter((n) => n.relative === true));
  return names;
}

// A full stop after a title (Dr. Feldman) or between digits (9.1) does not end the sentence.
const SENTENCE_END = /[!?。！？\n]/;

const QUESTION_END = /[?!？！]/;

// A form's next field: "Reason for leave: …", "DOB: …" at the start of a line.
const FIELD_LINE = /^[ \t]*[A-Za-z][\w ./()-]{0,30}[:：]/;
const MAX_ROW = 200;

/** How many times `c` occurs in text[from, to). */
function countOf(text: string, c: string, from: number, to: number): number {
  let n = 0;
  for (let k = text.indexOf(c, from); k >= 0 && k < to; k = text.indexOf(c, k + 1)) n++;
  return n;
}

/**
 * True when the line break at i runs between two rows of one record: table rows with the same number
 * of "|", "," or tab separators (Name | Base | Bonus, a CSV), or a form whose next line is another field.
 */
function recordBreak(text: string, i: number): boolean {
  const lineStart = text.lastIndexOf('\n', i - 1) + 1;
  const next = text.indexOf('\n', i + 1);
  const lineEnd = next < 0 ? text.length : next;
  if (i - lineStart > MAX_ROW || lineEnd - i > MAX_ROW) return false;
  if (FIELD_LINE.test(text.slice(i + 1, Math.min(lineEnd, i + 40))) && text.slice(lineStart, i).includes(':')) return true;
  for (const sep of ['|', ',', '\t']) {
    const before = countOf(text, sep, lineStart, i);
    if (before > 0 && before === countOf(text, sep, i + 1, lineEnd)) return true;
  }
  return false;
}

function sentenceBreak(text: string, i: number): boolean {
  const c = text[i]!;
  if (c === '\n' && recordBreak(text, i)) return false;
  if (SENTENCE_END.test(c)) return true;
  if (c !== '.') return false;
  if (/\d/.test(text[i + 1] ?? '') && /\d/.test(text[i - 1] ?? '')) return false;
  return !/(?:^|[^A-Za-z])(?:Mr|Mrs|Ms|Dr|Prof|St|Mx|[A-Z])$/.test(text.slice(Math.max(0, i - 5), i));
}

/**
 * True when a name lies in the same sentence as [start, end), at most MAX_GAP characters away.
 * `anySentence`: a form's fields (Name: … DOB: …) are often separate lines or sentences.
 */
function nameNear(text: string, names: readonly Span[], start: number, end: number, anySentence = false, fine = false, health = false): boolean {
  for (const n of names) {
    // A patient by their room is marked a relative too, so that the other readers of findNames pass over them.
    if (n.healthOnly === true ? !health : n.relative === true && !fine) continue;
    const from = Math.min(n.start, start);
    const to = Math.max(n.end, end);
    const gap = n.gap ?? MAX_GAP;
    if (n.end <= start ? start - n.end > gap : n.start - end > gap) continue;
    let broken = false;
    // Only the stretch between the name and the detail is looked at: both are bounded.
    const gapFrom = n.end <= start ? n.end : end;
    const gapTo = n.end <= start ? start : n.start;
    // A form's fields may sit on separate lines, but a question mark still ends a question about someone else.
    for (let i = gapFrom; i < gapTo && !broken; i++) broken = anySentence ? QUESTION_END.test(text[i]!) : sentenceBreak(text, i);
    if (!broken && to - from <= MAX_GAP * 2) return true;
  }
  return false;
}

// Room for the name itself beyond MAX_GAP, so a window does not cut one in half.
const WINDOW_MARGIN = MAX_GAP + 48;

/** Names within reach of the details only: in a long text, most of it is never looked at. */
function namesAround(text: string, details: readonly Span[]): Span[] {
  const sorted = [...details].sort((a, b) => a.start - b.start);
  const names: Span[] = [];
  let from = -1;
  let to = -1;
  const scan = (): void => {
    if (from < 0) return;
    for (const n of findNames(text.slice(from, to))) names.push({ ...n, start: n.start + from, end: n.end + from });
  };
  for (const d of sorted) {
    const start = Math.max(0, d.start - WINDOW_MARGIN);
    const end = Math.min(text.length, d.end + WINDOW_MARGIN);
    if (start <= to) {
      to = Math.max(to, end);
      continue;
    }
    scan();
    from = start;
    to = end;
  }
  scan();
  return names;
}

// The last flag: a detail specific enough that a relative without a name counts (a home described closely, a
// full date of birth).
const DETAILS: ReadonlyArray<readonly [PersonDetailKind, RegExp, boolean, boolean?]> = [
  ['health', HEALTH_DETAIL_EN, false],
  ['health', HEALTH_DETAIL_ZH, true],
  ['employment', EMPLOYMENT_DETAIL_EN, false],
  ['health', HEALTH_SUFFIX_EN, false],
  ['health', HEALTH_EVENT_ZH, true],
  ['employment', PAY_AMOUNT_EN, false],
  ['employment', EMPLOYMENT_DETAIL_ZH, true],
  // A full date of birth (with its year) is as private for "my wife" as for a name.
  ['birth-date', BIRTH_DETAIL_EN, false, true],
  ['birth-date', BIRTH_DETAIL_ZH, true, true],
  ['location', LOCATION_DETAIL_EN, false],
  ['location', LOCATION_DETAIL_ZH, true],
  ['location', HOME_LANDMARK_EN, false, true],
  ['location', HOME_FINE_ZH, true, true],
];

// Details run only when their cheap test passes: most prompts have neither a medical ending nor "41k".
const SPARSE_DETAILS = new Map<RegExp, RegExp>([
  [HEALTH_SUFFIX_EN, HEALTH_SUFFIX_HINT],
  [PAY_AMOUNT_EN, PAY_AMOUNT_HINT],
  // Every date form of theirs holds a four-digit year.
  [BIRTH_DETAIL_EN, BIRTH_YEAR_HINT],
  [BIRTH_DETAIL_ZH, BIRTH_YEAR_HINT],
]);

// The strict level's wider net: an age, a family member, a workplace, with any name anywhere in the message.
// An age: "41 years old", "aged 41", "turns 41", "is 58", "Marco Rossi, 67,", a "30th birthday", any birthday.
const AGE_EN =
  /\b\d{1,3}[- ](?:years?[- ]old|yrs? old|y\/o)\b|\b(?:aged?|turns|turned|turning|is) \d{1,3}\b(?![.,]\d|%| ?(?:percent|per cent|kg|km|cm|m|mph|points?|minutes?|hours?|dollars?|pounds?|euros?)\b)|(?<=[a-z]), \d{1,3},|\b\d{1,3}(?:st|nd|rd|th) birthday\b|\bbirthday\b/gi;
const AGE_ZH = /\d{1,3}岁|生日/g;
// A family member, anywhere in the message (the name may be the relative's or the person's).
const FAMILY_EN =
  /\b(?:wife|husband|partner|fianc[ée]{1,2}|son|daughter|children|kids|baby|babies|mother|mum|mom|father|dad|parents|brother|sister|grandchildren|grandson|granddaughter|stepson|stepdaughter)s?\b/gi;
const FAMILY_ZH = /(?:的|他|她)(?:妻子|老婆|丈夫|老公|儿子|女儿|孩子|父母|母亲|父亲|妈妈|爸爸|哥哥|姐姐|弟弟|妹妹|爷爷|奶奶|外公|外婆)/g;
// A workplace or a role in one: "works at", "joined Brightwave", "from the Norwich office", "in the finance team".
const WORKPLACE_EN = /\bworks?\s(?:at|for|in)\s|\bjoined\s(?=[A-Z])|\b(?:office|team|department|employer|company)\b|\b(?:GmbH|Inc|Ltd|LLC|PLC|AG|S\.?A)\b/g;
const WORKPLACE_ZH = /在[\u4e00-\u9fff]{2,16}(?:上班|工作|任职|实习)|(?:公司|部门|单位|团队)/g;
// At the strict level only: a Chinese name after a verb or preposition that takes a person (给王建国写信,
// 和李娜说). Too loose for the standard level, where a name must stand next to its detail anyway.
const NAME_ZH_OBJECT = new RegExp(`(?:给|和|跟|对|向|替|找|叫|问)${SURNAME}${HAN}{1,2}(?=写|说|打|发|讲|的|，|,|。|是|在|$)`, 'g');
// And one opening a clause before 在/是/今年/的 (李娜在银行工作, 刘洋的女儿), which the standard level leaves to its detail words.
const NAME_ZH_CLAUSE = new RegExp(`(?:^|(?<=[，。！？；、：:\\s,（(]))${SURNAME}${HAN}{1,2}?(?=在|是|今年|说|的)`, 'g');

// A maths word problem: a "how many/how much" question over four or more numbers (Mark earns $10 per day…).
const WORD_PROBLEM_QUESTION = /\b(?:how (?:many|much|long|far)|what(?:['’]s| is| was| will be) the (?:total|sum|average|number))\b/i;
const NUMBER = /\d+(?:[.,]\d+)*/g;

// A rate or a multiple, as exercises give them: "$10 per hour", "twice what Lorie earns".
const WORD_PROBLEM_RATE = /\b(?:per|an hour|a day|a week|a month|each|every|twice|thrice|times|half)\b/i;

/** True when the text reads as an arithmetic exercise about invented people. */
function wordProblem(text: string): boolean {
  if (!WORD_PROBLEM_QUESTION.test(text)) return false;
  NUMBER.lastIndex = 0;
  let n = 0;
  while (NUMBER.exec(text) !== null && n < 4) n++;
  return n >= 4 || (n >= 1 && WORD_PROBLEM_RATE.test(text));
}

// An exam: options A. and B. on lines one after the other, a text that ends in "Answer:" or starts with "Q: ". The
// options are the only shape that needs a pattern over the whole text; the two ends are read where they are.
const EXAM_OPTIONS = /(?:^|\n)[ \t]*\(?[Aa][.)][ \t][^\n]*\n[ \t]*\(?[Bb][.)][ \t]/;
const ANSWER_LAST = /\bAnswer:$/;

/** True for an exam question: options A. and B., or a text that starts with "Q: " or ends in "Answer:" (spaces after it aside). */
function examQuestion(text: string): boolean {
  if (text.startsWith('Q: ')) return true;
  // trimEnd drops exactly what \s matches.
  const end = text.trimEnd();
  if (end.endsWith('Answer:') && ANSWER_LAST.test(end.slice(-8))) return true;
  return EXAM_OPTIONS.test(text);
}

let lastInventedText: string | undefined;
let lastInvented = false;

/** True for an exam question or an arithmetic word problem: its people are invented. The last answer is kept: every detector asks of the same text. */
export function inventedPeople(text: string): boolean {
  if (text !== lastInventedText) {
    lastInvented = examQuestion(text) || wordProblem(text);
    lastInventedText = text;
  }
  return lastInvented;
}

const STRICT_DETAILS: ReadonlyArray<readonly [PersonDetailKind, RegExp, boolean]> = [
  ['personal', AGE_EN, false],
  ['personal', AGE_ZH, true],
  ['personal', FAMILY_EN, false],
  ['personal', FAMILY_ZH, true],
  ['personal', WORKPLACE_EN, false],
  ['personal', WORKPLACE_ZH, true],
];

/**
 * Personal details (health, employment, birth date, home) with a person's name in the same sentence, at
 * most `limit`. `strict` (the user's "Strict" privacy level): any of those or an age, a family member or a
 * workplace, with a name anywhere in the message.
 */
export function findNamedPersonDetails(text: string, limit: number, found: PersonFound, strict = false): void {
  // The standard level reports nothing in an exam question or a word problem (reportNearNames): most of
  // the longest prompts are exam questions, so their detail patterns are not run at all.
  if (!strict && inventedPeople(text)) return;
  findAddressed(text, found);
  const details = detailsIn(text, limit, strict);
  if (details.all.length === 0) return;
  // The strict level adds to the standard one, never replaces it: its name search skips relatives
  // ("my sister"), whom the standard level counts next to a home described closely.
  reportNearNames(text, details.all.slice(0, details.standard), limit, found);
  if (strict) reportWithAnyName(text, details.all, limit, found);
}

type Detail = { kind: PersonDetailKind; fine: boolean; nearOnly: boolean } & Span;

// A medicine being taken or a reading is health only beside its person: textbooks are full of them and of names,
// so the strict level's "any name anywhere" does not read the Chinese ones.
const NEAR_ONLY = new Set<RegExp>([HEALTH_EVENT_ZH]);

/**
 * The personal details in the text, DETAILS' first (at most limit × 4 in all), then at the strict level
 * STRICT_DETAILS'; `standard` is how many of them the standard level reads, the same list either way.
 */
function detailsIn(text: string, limit: number, strict: boolean): { all: Detail[]; standard: number } {
  const hasHan = HAN_OR_HANGUL.test(text);
  const all: Detail[] = [];
  const read = (rows: typeof DETAILS): void => {
    for (const [kind, re, chinese, fine] of rows) {
      // The Chinese lists carry a few Korean words too (진단, 입원): one gate for both scripts.
      if (chinese && !hasHan) continue;
      const hint = SPARSE_DETAILS.get(re);
      if (hint !== undefined && !hint.test(text)) continue;
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null && all.length < limit * 4; m = re.exec(text)) {
        all.push({
          kind,
          start: m.index,
          end: m.index + m[0].length,
          fine: fine === true,
          nearOnly: NEAR_ONLY.has(re) || (re === HEALTH_DETAIL_EN && medicineOrReading(m[0])),
        });
      }
    }
  };
  read(DETAILS);
  const standard = all.length;
  if (strict) read(STRICT_DETAILS);
  return { all, standard };
}

/** The standard level: each detail with a person's name in its sentence, at most `limit`. */
function reportNearNames(text: string, details: readonly Detail[], limit: number, found: PersonFound): void {
  if (details.length === 0) return;
  // An exam question (options A. B. …, "Answer:") is about invented people: Patricia's salary in a
  // maths problem, a named patient in a board-exam vignette. The strict level keeps them anyway.
  if (inventedPeople(text)) return;
  // A medicine's name is no person's ("… and omeprazole was").
  const names = namesAround(text, details).filter((n) => !details.some((d) => d.kind === 'health' && n.start < d.end && d.start < n.end));
  if (names.length === 0) return;
  let count = 0;
  for (const d of details) {
    if (count >= limit) return;
    if (d.kind === 'employment' && publishedPay(text, d.start, d.end)) continue;
    if (nameNear(text, names, d.start, d.end, d.kind === 'birth-date', d.fine, d.kind === 'health')) {
      found(d.kind, d.start, d.end);
      count++;
    }
  }
}

/** The strict level: every detail, at most `limit`, when a name is anywhere in the message. */
function reportWithAnyName(text: string, details: readonly Detail[], limit: number, found: PersonFound): void {
  if (strictNames(text).every((n) => n.relative === true)) return;
  for (const d of details.filter((x) => !x.nearOnly).slice(0, limit)) found(d.kind, d.start, d.end);
}

/** The strict level's names: every name shape in the whole text, and a Chinese name after a verb. */
function strictNames(text: string): Span[] {
  const names = findNames(text);
  if (hasHan(text)) {
    spans(NAME_ZH_OBJECT, text, names, (m) => !NOT_A_NAME_ZH.test(m[0].slice(1)));
    spans(NAME_ZH_CLAUSE, text, names, (m) => !NOT_A_NAME_ZH.test(m[0]));
  }
  return names;
}

// ---------------------------------------------------------------- number plates

// UK (AB12 CDE) with a vehicle word in the text; any plate-looking token after "plate"/"reg";
// Chinese plates (京A12345, 粤B8K2Q7) stand alone: a province character and a letter are specific.
const VEHICLE_WORD = /\b(?:car|van|lorry|truck|vehicle|motorbike|plate|reg(?:istration)?|parked|drives?|driving)\b/i;
const UK_PLATE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2} ?[A-Z]{3}(?![A-Za-z0-9])/g;
const NAMED_PLATE =
  /\b(?:licen[cs]e plate|number plate|plate|reg(?:istration)?(?: number)?|车牌号?)[:\s#]{0,3}(?:is |number |no\.? )?([A-Z0-9]{2,4}[ -]?[A-Z0-9]{2,5})(?![A-Za-z0-9])/gi;
const CN_PLATE = /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·• ]?[A-HJ-NP-Z0-9]{5,6}(?![A-Za-z0-9])/g;

/** Vehicle number plates: UK shapes near a vehicle word, a plate after its name, Chinese plates. */
export function findNumberPlates(text: string, found: (start: number, end: number) => void): void {
  if (VEHICLE_WORD.test(text)) {
    UK_PLATE.lastIndex = 0;
    for (let m = UK_PLATE.exec(text); m !== null; m = UK_PLATE.exec(text)) found(m.index, m.index + m[0].length);
    NAMED_PLATE.lastIndex = 0;
    for (let m = NAMED_PLATE.exec(text); m !== null; m = NAMED_PLATE.exec(text)) {
      const v = m[1]!;
      if (/\d/.test(v) && /[A-Z]/.test(v) && !/[a-z]/.test(v) && v.replace(/[ -]/g, '').length >= 5) found(m.index + m[0].length - v.length, m.index + m[0].length);
    }
  }
  if (hasHan(text)) {
    CN_PLATE.lastIndex = 0;
    for (let m = CN_PLATE.exec(text); m !== null; m = CN_PLATE.exec(text)) if (/\d/.test(m[0])) found(m.index, m.index + m[0].length);
  }
}
