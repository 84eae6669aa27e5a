// A named or identified person's health where no first person speaks, as families:
// - a health-check or lab report under a person's field (体检报告 受检人：谭某某, 健康檢查報告 姓名：陳某某,
//   Patient: …) with results that say something of them (↑/↓, 偏高, 陽性, H/L flags, 超重, 结节);
// - English lab results headed by a name ("Lab results for Nguyen Thi Hoa" then HbA1c 8.9 % H);
// - in Chinese, Traditional and Cantonese, a person (a relative, 小雨/阿May/老陈, or a full name with a
//   finished event: 张伟确诊了) and a health event in the same clause: 怀孕, 保胎, 流产, 确诊, 住院, 中咗風,
//   入咗院, 睇醫生, 病假.
// Why not the term lists alone: a report's person is a field, not "I", and a chat quotes someone else's news.
// Near-misses stay clean: a value with no person ("what does 8.9% mean"), a blank template (姓名＿＿, whose
// fields privacy-takeback.ts reads as blanks), a general question (怀孕8周要做哪些检查?).
import { SURNAME_ANY } from './privacy-person-names.js';
import { firstMatches } from './privacy-match.js';
import { hasHan } from './privacy-text.js';

type HealthFound = (start: number, end: number) => void;

const LIMIT = 8;

// ---------------------------------------------------------------- a report under a person's field

// The report's kind, or its results written as results (a value with a flag, 阳性).
const REPORT_WORD = /体检|體檢|健康检查|健康檢查|检验|檢驗|化验|化驗|检查报告|檢查報告|报告单|報告單|病历|病歷|出院小结|出院小結|诊断|診斷/;
const ABNORMAL =
  /[↑↓]|（[+＋]）|\([+＋]\)|偏高|偏低|阳性|陽性|异常|異常|超重|肥胖|结节|結節|脂肪肝|升高|降低|\d\s?(?:mmol\/L|mg\/dL|U\/L|g\/L|%|mmHg)\s{1,12}[HL](?![A-Za-z])/;
const SENSITIVE_TESTS_ZH = /人类免疫缺陷病毒|艾滋病?(?:抗体|检测)|HIV|梅毒|乙肝|丙肝|淋病|衣原体|人乳头瘤病毒|HPV|孕酮|绒毛膜促性腺激素|HCG|β-?hCG/;
// The person's field and a name filled in: 2-4 Han characters (not ＿＿, folded to __), or a name in Latin letters.
const PERSON_FIELD = new RegExp(
  `(?:受检人|受檢人|受检者|受檢者|体检人|體檢人|就诊人|就診人|检查者|檢查者|患者姓名|病人姓名|患者|病人|姓名|Patient(?: name)?|Name)\\s?[：:]\\s?(?:${SURNAME_ANY}[\\u4e00-\\u9fff]{1,2}|[\\u4e00-\\u9fff]{2,4}(?=\\s|[，,（(]|$)|[A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+){1,3})`,
  'g',
);

// Results by name, in Chinese: blood sugar, blood pressure, cholesterol, liver enzymes, haemoglobin, hepatitis B antigen.
const LAB_ZH = /血糖|血壓|血压|胆固醇|膽固醇|转氨酶|轉氨酶|血红蛋白|血紅蛋白|表面抗原|尿酸|肌酐|甘油三酯|白细胞|白血球/;

/** A health report's person field, when the text is a report or its results with a result out of range, or lists sensitive tests (`sensitiveTests`, Chinese only). */
function findReportPerson(text: string, han: boolean, found: HealthFound, sensitiveTests = false): void {
  // A bill or a form that lists tests for an infection or a pregnancy under a patient's name says what was tested for,
  // whatever the results: 门诊缴费单 患者姓名：周雨桐 … 人类免疫缺陷病毒抗体检测, 梅毒螺旋体特异抗体测定.
  if (!sensitiveTests && (!(han ? REPORT_WORD.test(text) || LAB_ZH.test(text) : LAB_VALUE.test(text)) || !ABNORMAL.test(text))) return;
  firstMatches(PERSON_FIELD, text, LIMIT, (m) => found(m.index, m.index + m[0].length));
}

// ---------------------------------------------------------------- English lab results for a name

const RESULTS_FOR =
  /\b(?:[Ll]ab(?:oratory)? [Rr]esults?|[Bb]lood (?:test|work) [Rr]esults?|[Bb]loods|[Tt]est [Rr]esults?|[Pp]athology(?: [Rr]eport)?|[Rr]esults?|[Ll]abs|LAB(?:ORATORY)? RESULTS?|RESULTS?)\s+(?:for|of|FOR|OF)\s*:?\s+(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3})/g;
// Words that make the "name" a group or a topic ("results for Type 2 Diabetes Patients").
const NOT_A_NAME =
  /\b(?:Type|Patients?|Diabetes|Adults?|Children|Men|Women|The|Your|All|Our|Stage|Group|Cohort|Study|Trial|Clinic|Ward|Hospital|Department|Test|Lab|Results?|Sample|Example|Demo)\b/;
// A result line: an analyte and its value.
const LAB_VALUE =
  /\b(?:HbA1c|A1c|glucose|gluc|eGFR|creatinine|cholesterol|LDL|HDL|triglycerides|ALT|AST|GGT|TSH|T4|haemoglobin|hemoglobin|Hb|WBC|RBC|platelets|ferritin|vitamin D|PSA|INR|potassium|sodium|urea|bilirubin|CRP|ESR|neutrophils|lymphocytes)\b[^\n]{0,30}?\d/i;

/** "Lab results for <name>" with at least one result line after it. */
function findNamedLabResults(text: string, found: HealthFound): void {
  firstMatches(RESULTS_FOR, text, LIMIT, (m) => {
    if (NOT_A_NAME.test(m[1]!)) return;
    const end = m.index + m[0].length;
    if (LAB_VALUE.test(text.slice(end, end + 400))) found(m.index, end);
  });
}

// ---------------------------------------------------------------- Chinese: a person and a health event

// Relatives by a kinship word, Simplified, Traditional and Cantonese (阿婆, 老豆, 家姐, 細佬, 囡囡).
const KIN =
  '老公|老婆|我妈|我爸|妈妈|爸爸|媽媽|爸爸|阿媽|阿爸|老豆|老竇|老母|媽咪|爹哋|外婆|外公|奶奶|爷爷|爺爺|嫲嫲|阿嫲|阿爺|阿婆|阿公|姥姥|姥爷|姥爺|婆婆|公公|岳父|岳母|太太|先生|丈夫|妻子|儿子|兒子|女儿|女兒|個仔|個女|囡囡|哥哥|姐姐|家姐|阿哥|阿姐|弟弟|細佬|妹妹|細妹|表哥|表姐|表弟|表妹|堂哥|堂姐|舅舅|舅妈|舅媽|姑姑|姨妈|姨媽|阿姨|叔叔|嫂子|大嫂|姐夫|妹夫|女婿|儿媳|兒媳|新抱|男朋友|女朋友|男友|女友|闺蜜|閨蜜';
// A name as chat writes it: 小雨, 阿May, 阿芬, 老陈; not 小孩, 小心, 小时, 阿姨 (a kin word above).
const NICK = `(?:小(?!孩|朋友|伙|夥|姐|时|時|心|说|說|区|區|学|學|便|产|產|腿|腹|肠|腸|儿|兒)[\\u4e00-\\u9fff]|阿(?!姨|婆|公|嫲|爺|媽|爸|哥|姐|sir)(?:[\\u4e00-\\u9fff]|[A-Z][a-z]{1,8})|老${SURNAME_ANY})`;
// What happened: pregnancy, its care and loss, a diagnosis, a stay in hospital, a stroke, sick leave, a doctor.
const EVENT =
  '怀孕|懷孕|有咗|保胎|安胎|流产|流產|小产|小產|确诊|確診|住院|入院|入咗院|住咗院|中风|中風|中咗風|脑梗|腦梗|心梗|病假|睇醫生|睇咗醫生|看医生|看醫生|做手术|做手術|做咗手術|化疗|化療|癌|肿瘤|腫瘤|洗肾|洗腎|骨折|抑郁症|抑鬱症|急诊|急診|深切治療|ICU|病危|病咗|病倒|病了|发高烧|發高燒';
// The clause before the person starts here: a line, a speaker's colon, punctuation, or words that pass on news.
const CLAUSE_START = '(?<=^|[\\n：:，,。！？!?；;\\s]|说|說|话|話|讲|講|知道|听讲|聽講)';
const KIN_EVENT = new RegExp(
  `${CLAUSE_START}(?:(我|我的|我哋|我家|我们|我們|佢|佢嘅)?(?:${KIN})|(${NICK}))(?![：:]|说|說|话|話|讲|講|问|問)[^。！？!?\\n，,]{0,14}?(?:${EVENT})`,
  'g',
);
// A bare kinship word may be anyone's ("妈妈怀孕期间能吃什么"): it counts with a possessive (我妈妈, 佢老豆), an event that
// has happened (住院了, 入咗院, 病咗) or a time (上周, 琴日, 最近). A nickname (小雨, 阿May, 老陈) is always someone.
const HAPPENED = /[了咗过過]|上周|上週|上個|上个|昨天|琴日|尋日|前几天|前幾日|最近|已经|已經|今日|今天|啱啱|刚刚|剛剛/;
// A full name: a surname and one or two characters, then a finished event (了, 咗, 過) or a diagnosis with its name.
const NAME_EVENT = new RegExp(
  `${CLAUSE_START}${SURNAME_ANY}[\\u4e00-\\u9fff]{1,2}(?:最近|上周|上週|上個禮拜|上个月|上個月|前几天|前幾日|昨天|琴日|已经|已經|啱啱|刚刚|剛剛)?(?:(?:怀孕|懷孕|流产|流產|住院|入院|确诊|確診|骨折|中风|中風)(?:了|咗|過|过)|入咗院|住咗院|中咗風|确诊为|確診為|确诊了|確診咗)`,
  'g',
);
const HAS_EVENT = new RegExp(EVENT);
// One character of every event, tested first: one class over the text is far cheaper than the alternation.
const EVENT_CHAR = /[孕胎产產诊診院风風梗病醫医术術疗療癌瘤肾腎骨郁鬱急治烧燒]/;

/** A relative, a nickname or a full name with a health event in the same clause. */
function findPersonHealthEventZh(text: string, found: HealthFound): void {
  if (!(EVENT_CHAR.test(text) || text.includes('ICU')) || !HAS_EVENT.test(text)) return;
  firstMatches(KIN_EVENT, text, LIMIT, (m) => {
    const end = m.index + m[0].length;
    if (m[1] !== undefined || m[2] !== undefined || HAPPENED.test(m[0]) || HAPPENED.test(text[end] ?? '')) found(m.index, end);
  });
  firstMatches(NAME_EVENT, text, LIMIT, (m) => found(m.index, m.index + m[0].length));
}

// Cheap first tests: a flag or a result word before the report patterns, a result word before the English lab pattern.
const FLAG_CHARS = /[↑↓＋高低阳陽异異超肥结結脂升降]|\(\+\)|mmol|mg\/|U\/L|g\/L/;
const LATIN_FIELD = /atient|ame ?:/;

// ---------------------------------------------------------------- a pharmacy's or a clinic's message to its patient

// The message addresses its patient by name before "your …": "CVS Pharmacy: LAUREN MCALLISTER, your Rx for SERTRALINE",
// "Hi Ana Costa, your repeat prescription is ready". A template's "Dear Patient" names no one.
const NOTICE_TO_NAME =
  /(?:^|[\n"“:]\s*)(?!(?:Dear|Hi|Hello) (?:Patient|Customer|Member|Sir|Madam|Name)\b)(?:[A-Z]{2,}(?:[ '-][A-Z]{2,}){1,2}|[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}), your (?:Rx|prescription|refill|medication|repeat prescription|(?:test|lab|blood test) results?)\b/g;

function findNoticeToName(text: string, found: HealthFound): void {
  if (!text.includes(', your ')) return;
  firstMatches(NOTICE_TO_NAME, text, LIMIT, (m) => found(m.index, m.index + m[0].length));
}

/** Health reports, lab results and health events of a named or related person (see the top of this file). */
export function findHealthRecords(text: string, found: HealthFound): void {
  findNoticeToName(text, found);
  if (hasHan(text)) {
    const sensitiveTests = SENSITIVE_TESTS_ZH.test(text);
    if (sensitiveTests || FLAG_CHARS.test(text)) findReportPerson(text, true, found, sensitiveTests);
    findPersonHealthEventZh(text, found);
  } else if (LATIN_FIELD.test(text) && FLAG_CHARS.test(text)) {
    findReportPerson(text, false, found);
  }
  if (text.includes('esult') || text.includes('ESULT') || text.includes('abs ') || text.includes('loods')) findNamedLabResults(text, found);
}
