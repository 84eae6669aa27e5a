// National ids of the main countries, as families: each id is found by its real structure and check
// digit where it has one (a standalone shape when the shape is distinctive: 756.xxxx.xxxx.xx, a
// CURP, an HKID with its bracketed check), else by the id's name near the value, in the country's
// language, English or Chinese ("BSN … it's 109433476", "NIN 48291037562", "台胞证号码 …"). A name
// alone is not enough: the value must pass that id's check or length rule, so "how is a BSN built?"
// and an order number next to the word "ID" stay clean. Compiled once, bounded, look-behind anchored.
// The families and the names they go by are in privacy-ids-world-names.ts; this file scans for values.
import { CHINESE_EXAMPLE_WORDS, FOREIGN_EXAMPLE_WORDS } from './privacy-example-words.js';
import { eachMatch } from './privacy-match.js';
import { krRrnValid, templateDigits } from './privacy-id-checks-world.js';
import { F, NAME_PATTERN, NAMES, type IdFamily } from './privacy-ids-world-names.js';

type Found = (label: string, start: number, end: number) => void;

// Specimens the issuers and textbooks publish (the DVLA's licence, the Agenzia's codice fiscale, the
// CRA's SIN, the BMF's Steuer-ID, …), compact and upper case: nobody's, wherever they appear.
const SPECIMENS = new Set([
  'MORGA657054SM9IJ',
  // The DVLA's guidance specimen (Sarah Meredyth Morgan).
  'MORGA753116SM9IJ',
  'RSSMRA85T10A562S',
  // Hong Kong's Immigration Department's specimen HKID, A123456(3).
  'A1234563',
  // The Bundesdruckerei's specimen identity card (Erika Mustermann's), the Spanish DNI every tutorial computes and the
  // number on the Policía Nacional's specimen DNI.
  'T22000129',
  '12345678Z',
  '99999999R',
  // Skatteverket's example personnummer, and its test number 19121212-1212 (with and without the century).
  '8112189876',
  '1212121212',
  '191212121212',
  'RSSMRA80A01H501U',
  '111222333',
  '123456782',
  '046454286',
  '9434765919',
  '86095742719',
  'T220001293',
  'L01X00T47',
  '7561234567897',
  '131052308T',
  '12345678909',
  '11144477735',
  '11222333000181',
  '1237010180',
  '1234567T',
  '1234567FA',
  'A123456789',
  'S1234567D',
  '123456789018',
  '10000000146',
  'GODE561231HDFRRN09',
  'HEGG560427MVZRRL04',
  'VECJ880326XXX',
  '1EG4TE5MK73',
]);

/** True for an issuer's or a textbook's published specimen at [start, end), shown as an example and claimed by nobody ("my BSN is 111222333" still counts). */
export function shownSpecimen(text: string, start: number, end: number): boolean {
  if (
    !SPECIMENS.has(
      text
        .slice(start, end)
        .replace(/[ ./()-]/g, '')
        .toUpperCase(),
    )
  )
    return false;
  // A specimen is also an example when the question is whether it is valid ("is 943 476 5919 a valid NHS number?").
  const window = text.slice(Math.max(0, start - 100), Math.min(text.length, end + 60));
  return (EXAMPLE_NEAR.test(window) || /\b(?:valid|invalid|check|real)\b/i.test(window)) && !CLAIMED.test(window);
}

// Candidate values, in one scan that starts at digits (so it tests digits, not every letter of the
// text; look-behinds find the letters before a digit, and findWorldIds adds them back). Each group is a
// kind of value:
// 1. a Finnish HETU (6 digits, its century sign, 3 digits, its check character);
// 2. a UK driving licence in its three printed groups (the surname's five letters are in the look-behind);
// 3. one to five letters, then letters and digits (a passport, a CURP, an HKID with its bracketed check)
//    or digit groups joined by dashes (a US licence, D417-2290-3318);
// 4. digits then one or two letters (an Irish PPSN), or a US Medicare number (1EG4-TE5-MK73);
// 5. digits with single separators: the check or the id's name decides.
const CANDIDATE =
  /\d(?:(?<=(?:^|[^\w-])\d)(\d{5}[-+A]\d{3}[0-9A-Y])(?![\w-])|(?<=(?:^|[^\w-])[A-Z][A-Z9]{4} \d)(\d{5} [A-Z][A-Z9]\d[A-Z]{2})(?![\w-])|(?<=(?:^|[^\w-])[A-Za-z]{1,5}\d)([A-Za-z\d]{3,16}(?: ?\([\dA]\))?|\d{2,4}(?:-\d{2,5}){2,4})(?![\w-])|(?<=(?:^|[^\w-])\d)(\d{4,11}[A-Za-z]{1,2}|[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d-?[AC-HJKMNP-RT-Y]{2}\d{2})(?![\w-])|(?<=(?:^|[^\w.,/-])\d)((?:[ ./-]?\d){5,19})(?![\w]|[./-]\d))/g;
const DECIMAL = /^\d+\.\d+$/;
// Digits grouped by thousands with dots (an Argentine DNI 12.345.678, a Colombian cédula): not a decimal.
const THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/;
// A value introduced as an order's, an invoice's or a parcel's number belongs to that, whatever id is named nearby.
const ORDER_BEFORE =
  /(?:order|invoice|tracking|ref(?:erence)?|serial|isbn|sku|booking|ticket|订单|单号|发票|快递|运单|流水)(?:\s*(?:no\.?|number|#|id|号|号码))?\s*[:：#]?\s*$/i;
// Words before "ID" that make it a record's or a system's id, not a person's.
const SYSTEM_ID_BEFORE =
  /\b(?:order|user|transaction|txn|session|request|product|item|message|app|client|tracking|invoice|ticket|job|process|thread|device|record|row|merchant|reference|booking|chat|group|channel|file|build|commit|container|task|event)\s*$/i;
// The value is an example of the format, not someone's: "what does a CURP look like, e.g. …".
const EXAMPLE_NEAR = new RegExp(
  `(?<![\\p{L}\\d_])(?:example|e\\.g\\.|such as|for instance|specimen|textbook|sample|dummy|fake|made[- ]up|template|format|structure|built|look like|looks like|encodes?|decoded?|parts of|each part|placeholder|validat\\w*|regex|check digit|checksum|test (?:data|value|number)|${FOREIGN_EXAMPLE_WORDS})(?![\\p{L}])|${CHINESE_EXAMPLE_WORDS}|例如|比如|格式|校验|规则`,
  'iu',
);
// "Anna's", not "what's" or "it's": a contraction claims nothing, nor an issuer's "well-known test number"; nor 我的函数 (my function) or 员工资料 (staff records in
// general).
const CLAIMED =
  /\b(?:my|his|her|their|our)\b(?! (?:wiki|docs?|documentation|tests?|test suite|validators?|readme|code ?base|repo|training|slides?|deck|course|presentation))|['’]s\b(?<!\b(?:what|it|that|there|here|let|who|where|how|he|she)['’]s)(?! (?:well-known |own |official |published )?(?:example|test|sample|specimen|documentation|docs)\b)|我的(?!函数|代码|程序|测试|单测|单元测试|正则|脚本|校验|项目|接口|公式|表格|系统)|他的|她的|本人|客户|员工(?!资料|信息|数据|档案|名单|表)/i;

interface NameHit {
  start: number;
  end: number;
  families: readonly IdFamily[];
}

// How far before and after a value its id's name may stand (the widest family's reach).
const REACH_BEFORE = 160;
const REACH_AFTER = 60;

/** The names of ids within reach of the values, with the families each may introduce: only those stretches of a long text are read. */
function nameHits(text: string, values: ReadonlyArray<{ start: number; written: string }>): NameHit[] {
  const hits: NameHit[] = [];
  let from = -1;
  let to = -1;
  const sorted = values.length > 1 ? [...values].sort((a, b) => a.start - b.start) : values;
  for (const v of sorted) {
    const start = Math.max(0, v.start - REACH_BEFORE);
    const end = Math.min(text.length, v.start + v.written.length + REACH_AFTER);
    if (start <= to) {
      to = Math.max(to, end);
      continue;
    }
    if (to > from) namesIn(text, from, to, hits);
    from = start;
    to = end;
  }
  if (to > from) namesIn(text, from, to, hits);
  return hits;
}

const KEY_THEN_DIGIT = /^["']?\s?[=:]\s?["']?\d/;

/** Adds the names of ids in text[from, to) to `hits`. */
function namesIn(text: string, from: number, to: number, hits: NameHit[]): void {
  const part = text.slice(from, to);
  NAME_PATTERN.lastIndex = 0;
  for (let m = NAME_PATTERN.exec(part); m !== null; m = NAME_PATTERN.exec(part)) {
    const index = from + m.index;
    // The name starts a word, or a camelCase part of a key (passengerNationalId).
    if (index > 0 && /[A-Za-z]/.test(text[index - 1]!) && !(/[a-z]/.test(text[index - 1]!) && /[A-Z]/.test(text[index]!))) continue;
    const word = m[1]!.replace(/([a-z])(?=[A-Z])/g, '$1 ').replace(/[\s_]+/g, ' ');
    const entry = NAMES.find((n) => n.re.test(word) || n.re.test(word.replace(/ /g, '')));
    // A name that is also a word in lower case (cpr) counts in capitals, or as a key given a number (cpr=120488-2538).
    const keyed = KEY_THEN_DIGIT.test(text.slice(index + m[0].length, index + m[0].length + 6));
    if (entry === undefined || (entry.upper === true && !keyed && !word.includes(' ') && word !== word.toUpperCase())) continue;
    if (/^id/i.test(word) && SYSTEM_ID_BEFORE.test(text.slice(Math.max(0, index - 16), index))) continue;
    hits.push({ start: index, end: index + m[0].length, families: entry.families });
  }
}

/** The compact forms to try for a written value: the whole, then its first space-separated groups (the run may join a following number). */
function compactForms(written: string): string[] {
  const whole = written.replace(/[ ./-]/g, '').toUpperCase();
  if (!written.includes(' ')) return [whole];
  const groups = written.split(' ');
  const forms = [whole];
  for (let n = groups.length - 1; n >= 1; n--) forms.push(groups.slice(0, n).join('').replace(/[./-]/g, '').toUpperCase());
  return forms;
}

/** The family a value near an id's name belongs to, with the length of the value written, or undefined. */
function namedValue(text: string, start: number, written: string, hits: readonly NameHit[]): { label: string; length: number } | undefined {
  const end = start + written.length;
  for (const hit of hits) {
    const before = hit.end <= start ? start - hit.end : -1;
    const after = hit.start >= end ? hit.start - end : -1;
    if (before < 0 && after < 0) continue;
    for (const family of hit.families) {
      if (family.needsPerson === true && !personNear(text, Math.min(hit.start, start), Math.max(hit.end, end))) continue;
      // "0.49-1.08 mg/dL": decimals are measurements; only an id with a check may be written with dots.
      if (!family.checked && written.includes('.') && !THOUSANDS.test(written)) continue;
      const reach = family.checked ? (before >= 0 ? REACH_BEFORE : REACH_AFTER) : before >= 0 ? 60 : 24;
      if ((before >= 0 ? before : after) > reach) continue;
      for (const form of compactForms(written)) {
        if (!family.valid(form)) continue;
        const length = form.length === written.replace(/[ ./-]/g, '').length ? written.length : writtenLength(written, form.length);
        return { label: family.label, length };
      }
      if (before >= 0 && claimedTypo(text, hit, start, written, family)) return { label: family.label, length: written.length };
    }
  }
  return undefined;
}

// A claim right before an id's name ("my SIN", "mijn BSN", "meu CPF", "我的"), and only a copula between the name and the value.
const CLAIM_BEFORE_NAME = /(?:\b(?:my|his|her|their|our|mijn|zijn|haar|mein|meine|seine|ihre|meu|minha|seu|sua|mi|su|mon|ma|son|sa)\b|我的|他的|她的)[^\n.?!]{0,12}$/i;
const VALIDITY_QUESTION = /\b(?:valid|invalid|validat\w*|checksum|check ?digits?|11-test|elfproef|luhn|mod(?:ulo)? ?11)\b/i;
const COPULA_ONLY = /^[\s:：=#→>(«"'-]*(?:(?:is|was|es|é|ist|est|是|为|係)[\s:："'(«]*)?$/i;

/**
 * True when someone claims the value as their id right after its name ("my SIN is 546-218-709") and it has the id's
 * digit count: a mistyped check digit leaves it their id, said as theirs, and keeps it private.
 */
function claimedTypo(text: string, hit: NameHit, start: number, written: string, family: IdFamily): boolean {
  if (family.digits === undefined || start - hit.end > 16) return false;
  const compact = written.replace(/[ ./-]/g, '');
  if (!/^\d+$/.test(compact) || !family.digits.includes(compact.length) || templateDigits(compact)) return false;
  if (!COPULA_ONLY.test(text.slice(hit.end, start)) || !CLAIM_BEFORE_NAME.test(text.slice(Math.max(0, hit.start - 24), hit.start))) return false;
  // "My BSN is 111222334, is it valid?": asked whether the number is an id at all, a failing check answers no.
  return !VALIDITY_QUESTION.test(text.slice(Math.max(0, hit.start - 60), Math.min(text.length, start + written.length + 80)));
}

// Someone the id belongs to, near a generic id name: a claim (my, her, 他的), a name field, a holder, a nationality.
const PERSON_NEAR =
  /\b(?:my|his|her|their|mine)\b|['’]s\b(?<!\b(?:what|it|that|there|here|let|who|where|how)['’]s)|\b(?:name|holder|applicant|passenger|guest|tenant|employee|student|patient|customer|client|member|citizen|resident|national|Kenyan?|Ugandan?|Tanzanian?|Rwandan?|Ghanaian|Nigerian|Ethiopian|Filipino|Philippine|Indonesian|Malaysian|Thai|Vietnamese|Pakistani|Bangladeshi|Egyptian|Moroccan|Turkish|Saudi|Emirati|South African)\b|我的|他的|她的|本人|姓名|名字|申请人|持证人|旅客|乘客|住客|客户|员工|学生|国籍|港|澳|台|[\u4e00-\u9fff](?:先生|女士|小姐)/i;

/** True when a person the value may belong to is named or claimed within reach of [from, to). */
function personNear(text: string, from: number, to: number): boolean {
  return PERSON_NEAR.test(text.slice(Math.max(0, from - 80), Math.min(text.length, to + 60)));
}

/** How many characters of `written` hold its first `chars` letters and digits. */
function writtenLength(written: string, chars: number): number {
  let n = 0;
  for (let i = 0; i < written.length; i++) {
    if (/[A-Za-z\d]/.test(written[i]!)) n++;
    if (n === chars) return i + 1;
  }
  return written.length;
}

/** True when the value is given as an example of its format and claimed by nobody. */
function formatExample(text: string, start: number, end: number): boolean {
  const window = text.slice(Math.max(0, start - 100), Math.min(text.length, end + 60));
  return EXAMPLE_NEAR.test(window) && !CLAIMED.test(window);
}

// Shapes distinctive enough to stand without a name, each confirmed by its check. They are tested on
// the candidate values (one scan of the text for all of them), not each by a scan of its own.
const DIGIT_SHAPES: ReadonlyArray<readonly [RegExp, IdFamily]> = [
  [/^756\.\d{4}\.\d{4}\.\d{2}$/, F.chAhv],
  [/^\d{3}\.\d{3}\.\d{3}-\d{2}$/, F.cpf],
  [/^\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2}$/, F.cnpj],
  [/^(?:2[0347]|3[034])-\d{8}-\d$/, F.cuit],
  [/^\d{5}-\d{7}-\d$/, F.cnic],
  [/^\d{6}-[1-4]\d{6}$/, { ...F.kr, valid: (s: string) => krRrnValid(s, true) }],
  [/^784-(?:19|20)\d{2}-\d{7}-\d$/, F.ae],
  [/^9\d{2}-\d{2}-\d{4}$/, F.itin],
  [/^\d-\d{4}-\d{5}-\d{2}-\d$/, F.th],
];
const ALNUM_SHAPES: ReadonlyArray<readonly [RegExp, IdFamily]> = [
  [/^[A-Z][A-Z9]{4}\d{6}[A-Z][A-Z9]\d[A-Z]{2}$/, F.ukDl],
  [/^[A-Z]{4}\d{6}[HMX][A-Z]{5}[A-Z\d]\d$/, F.curp],
  [/^[A-Z]{1,2}\d{6} ?\([\dA]\)$/, F.hk],
  [/^[STFG]\d{7}[A-Z]$/, F.sg],
  [/^[A-Z][12]\d{8}$/, F.tw],
];
/** The family of a standalone shape the written value has, when its check passes. */
/** The family whose printed shape the written value has, whether or not its check passes. */
function shapedFamily(written: string, shapes: ReadonlyArray<readonly [RegExp, IdFamily]>): IdFamily | undefined {
  for (const [re, family] of shapes) if (re.test(written)) return family;
  return undefined;
}

// How far before a value in its id's own printed shape the id's name may stand for the check to be waived.
const SHAPED_REACH = 24;

/**
 * True when a value printed in its id's own distinctive shape (a CPF's 000.000.000-00) has that id's name just
 * before it ("my CPF is 527.931.480-36"): a mistyped check digit is still the person's id, said as theirs.
 */
function namedInShape(text: string, start: number, written: string, family: IdFamily, hits: readonly NameHit[]): boolean {
  if (templateDigits(written.replace(/\D/g, ''))) return false;
  return hits.some((h) => h.end <= start && start - h.end <= SHAPED_REACH && h.families.includes(family) && !/[\n.;!?]/.test(text.slice(h.end, start)));
}

function standaloneFamily(written: string, shapes: ReadonlyArray<readonly [RegExp, IdFamily]>): IdFamily | undefined {
  for (const [re, family] of shapes) {
    if (re.test(written)) return family.valid(written.replace(/[ ./()-]/g, '').toUpperCase()) ? family : undefined;
  }
  return undefined;
}

/** National ids of the main countries by structure and check, or by their name near the value; reported through `found`. */
export function findWorldIds(text: string, found: Found): void {
  const report = (label: string, start: number, end: number): void => {
    if (!formatExample(text, start, end)) found(label, start, end);
  };
  const values: Array<{ start: number; written: string; shaped?: IdFamily }> = [];
  eachMatch(CANDIDATE, text, (m) => {
    const end = m.index + m[0].length;
    if (m[1] !== undefined || m[2] !== undefined) {
      const start = m[2] !== undefined ? m.index - 6 : m.index;
      const family = m[2] !== undefined ? F.ukDl : F.fiHetu;
      if (family.valid(text.slice(start, end).replace(/ /g, ''))) report(family.label, start, end);
    } else if (m[5] !== undefined) {
      const family = /[./-]/.test(m[0]) ? standaloneFamily(m[0], DIGIT_SHAPES) : undefined;
      if (family !== undefined) report(family.label, m.index, end);
      // A decimal (3.14159265, 0.000123) is no id: no family is written with one dot alone.
      else if (!DECIMAL.test(m[0])) values.push({ start: m.index, written: m[0], shaped: /[./-]/.test(m[0]) ? shapedFamily(m[0], DIGIT_SHAPES) : undefined });
    } else {
      let start = m.index;
      while (start > 0 && start > m.index - 5 && /[A-Za-z]/.test(text[start - 1]!)) start--;
      const written = text.slice(start, end);
      const family = standaloneFamily(written, ALNUM_SHAPES);
      if (family !== undefined) report(family.label, start, end);
      else if (/\d{5}|\d.*\d.*\d.*\d.*\d/.test(written)) values.push({ start, written });
    }
  });
  if (values.length === 0) return;
  const hits = nameHits(text, values);
  if (hits.length === 0) return;
  for (const v of values) {
    if (ORDER_BEFORE.test(text.slice(Math.max(0, v.start - 24), v.start))) continue;
    if (v.shaped !== undefined && namedInShape(text, v.start, v.written, v.shaped, hits)) {
      report(v.shaped.label, v.start, v.start + v.written.length);
      continue;
    }
    const named = namedValue(text, v.start, v.written, hits);
    if (named !== undefined) report(named.label, v.start, v.start + named.length);
  }
}
