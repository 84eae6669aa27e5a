// Personal data in shapes the sentence rules do not read:
// - records: a form, an OCR'd scan, a JSON object or a table, where one field names a person
//   (Name, Surname, Given names, first/last, Employee, 姓名, 被保险人) and another holds a date of
//   birth, a diagnosis, pay or a rating, or a passport number. The fields are read by their labels,
//   however they are laid out (one a line, several on a line apart by tabs or wide gaps, "key": "value").
// - a date of birth written loosely (08-APR-1991, Twenty-first October 1958, 1941 年 8 月 23 日) after
//   a birth word, in a text that names or points at someone; a list of people with full dates under
//   a birthday heading.
// - a letter addressed to a named person (Dear Mr Gallagher) that tells them about their own health.
// - a password given as the answer to a question about it ("what's the wifi password?" … "it's …").
// - a wallet seed phrase: twelve or more words in a row, all from the BIP-39 list.
// - phone numbers in national shapes without a country code (an Indian mobile 98450 62173) or after a
//   short label (Mob, HP, Ph); a unit and a postcode (Flat 302, … 560003); a Chinese lane address (…路
//   595 弄 12 号); an Australian "rego".
// Every pattern is bounded and sits behind a cheap test of the text.
import { bip39Words } from './privacy-bip39.js';
import { factored } from './privacy-factor.js';
import { eachMatch } from './privacy-match.js';
import { findNames, inventedPeople, SURNAMES_ZH } from './privacy-person.js';
import { fictionalName } from './privacy-public.js';

export type RecordKind = 'secret' | 'national-id' | 'phone' | 'address' | 'health' | 'employment' | 'birth-date' | 'location';
export type RecordFound = (kind: RecordKind, label: string, start: number, end: number) => void;

const HAS_HAN = /[\u4e00-\u9fff]/;

// At most this many matches of a pattern are read (as the detector keeps at most 64 findings of a kind):
// a pasted log of 10,000 names and salaries stays linear.
const LIMIT = 64;

/** eachMatch, stopping after `limit` matches. */
function firstMatches(re: RegExp, text: string, limit: number, onMatch: (m: RegExpExecArray) => void): void {
  let n = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null && n < limit; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    else {
      onMatch(m);
      n++;
    }
  }
}

const LABELS = {
  health: "a named person's health information",
  employment: "a named person's pay or employment record",
  'birth-date': "a named person's date of birth",
} as const;

// ---------------------------------------------------------------- records

type FieldKind = 'person' | 'birth-date' | 'health' | 'employment' | 'passport';

// Field labels, lower case with spaces folded; a bilingual label (Surname/Nom) is read by either half.
const FIELD_LABELS: ReadonlyArray<readonly [FieldKind, RegExp]> = [
  [
    'person',
    /^(?:(?:full |first |last |family |given |sur|fore|maiden )?names?|name of (?:child|patient|employee|insured|deceased|applicant)|first|last|patient(?: name)?|employee(?: name)?|child(?:'s name)?|insured(?: person)?|policy ?holder|applicant|claimant|player|student|pupil|passenger|guest|tenant|candidate|姓名|名字|患者|病人|被保险人|投保人|申请人|员工|收件人|收货人|联系人|学生|乘客|住户|姓)$/,
  ],
  ['birth-date', /^(?:dob|d\.o\.b\.?|date of birth|birth ?date|birthday|born|出生日期|出生年月|出生年月日|生日|出生)$/],
  [
    'health',
    /^(?:diagnos[ie]s|dx|condition|medical condition|medications?|meds|allergies|admitting diagnosis|discharge diagnosis|诊断|入院诊断|出院诊断|病情|医嘱|出院医嘱|病史|既往史)$/,
  ],
  [
    'employment',
    /^(?:salary|base|base salary|base pay|bonus|rating|performance rating|pay|compensation|increment|raise|年终奖|绩效|绩效评级|工资|月薪|年薪|奖金)(?: \([a-z$£€¥]{1,5}\))?$/,
  ],
  ['passport', /^(?:passport (?:no\.?|number)|passport|passport no|护照号码|护照号)$/],
];

/** The kind of a field's label, or undefined. */
function fieldKind(label: string): FieldKind | undefined {
  const parts = label
    .toLowerCase()
    .replace(/(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .split('/');
  for (const part of parts) {
    const p = part.trim().replace(/^["']|["']$/g, '');
    for (const [kind, re] of FIELD_LABELS) if (re.test(p)) return kind;
  }
  return undefined;
}

// A value that reads as a name: capitalised or all-caps Latin words (with initials, hyphens,
// apostrophes), or two to four Chinese characters (OCR may space them out).
const NAME_VALUE = /^(?:[A-Z][A-Za-z'’.-]{0,24}(?:,? [A-Z][A-Za-z'’.-]{0,24}){0,4}|[\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){1,3})$/;
const PLACEHOLDER_VALUE = /^(?:n\/?a|none|tbd|tba|unknown|name|surname|your name|john doe|jane doe|john smith|test|sample|example|x+|_+|-+|\.+)$/i;

/** True when a person field's value reads as a name. */
function nameValue(value: string): boolean {
  const v = value.trim();
  return NAME_VALUE.test(v) && !PLACEHOLDER_VALUE.test(v) && !/^(?:Mr|Mrs|Ms|Male|Female|M|F|Yes|No)\.?$/.test(v);
}

const FULL_YEAR = /(?:^|\D)(?:19|20)\d{2}(?:\D|$)/;
const SHORT_DATE = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b/;

/** True when a field's value holds what its label promises (a date with a year, a number, some words). */
function valueFits(kind: FieldKind, value: string): boolean {
  const v = value.trim();
  if (v === '' || PLACEHOLDER_VALUE.test(v) || /^[_\s/.-]+$/.test(v)) return false;
  if (kind === 'birth-date') return FULL_YEAR.test(v) || SHORT_DATE.test(v);
  if (kind === 'passport') return /^[A-Z0-9]{0,2}\d{6,9}$/.test(v.replace(/\s/g, ''));
  // Pay is an amount (54,200; 41k; 2%), a rating a word or a grade: "Rating: 4.5" is a product's.
  if (kind === 'employment')
    return (
      /\d{3}|\d[.,]\d{3}|\d ?(?:k|K|M|%|万|元)/.test(v) || /^(?:exceeds|meets|below|partially meets|needs improvement|outstanding|[A-E][+-]?)(?: expectations)?$/i.test(v)
    );
  return /[A-Za-z\u4e00-\u9fff]{2}/.test(v);
}

interface Field {
  kind: FieldKind;
  value: string;
  start: number;
  end: number;
}

// "Label: value" fields, one or more on a line (apart by a tab or 2+ spaces), and JSON "key": "value".
// A field may follow another on the same line after a colon ("clean it up: Name: …"), so a value holds no colon.
const LINE_FIELD =
  /(?:^|(?<=\t| {2}|[{,;|]|[:：|] ))[ \t]*"?([A-Za-z\u4e00-\u9fff](?:[A-Za-z\u4e00-\u9fff.'/()$£€¥-]| (?! )){0,40}?)"?[ \t]*[:：][ \t]*"?([^\t\n":：|]{1,80}?)"?(?=\t| {2}|,(?!\d)|[}|]| \||$)/gm;
// A label and its value with no colon, apart by a wide gap (OCR'd passports: "Surname/Nom   OKAFOR").
const GAP_FIELD = /^[ \t]*([A-Za-z][A-Za-z ./'()]{1,40}?) {3,}([^\t\n]{1,60}?)[ \t]*$/gm;

/** The labelled fields of the text whose label the record reading knows. */
function fieldsIn(text: string): Field[] {
  const out: Field[] = [];
  const add = (label: string, value: string, valueStart: number): void => {
    const kind = fieldKind(label);
    if (kind === undefined) return;
    const trimmed = value.replace(/\s+$/, '');
    out.push({ kind, value: trimmed, start: valueStart, end: valueStart + trimmed.length });
  };
  if (/[:：]/.test(text)) firstMatches(LINE_FIELD, text, LIMIT * 4, (m) => add(m[1]!, m[2]!, m.index + m[0].length - m[2]!.length - (m[0].endsWith('"') ? 1 : 0)));
  if (text.includes('   '))
    firstMatches(GAP_FIELD, text, LIMIT * 4, (m) => add(m[1]!, m[2]!, m.index + m[0].length - m[2]!.length - (m[0].length - m[0].trimEnd().length)));
  return out;
}

/** A table's header and rows (tab or "|" separated): person and detail columns read as fields of each row. */
function tableFields(text: string): Field[] {
  const out: Field[] = [];
  const lines = text.split('\n').slice(0, 200);
  let offset = 0;
  let header: { sep: string; kinds: (FieldKind | undefined)[] } | undefined;
  for (const line of lines) {
    const sep = line.includes('\t') ? '\t' : line.includes('|') ? '|' : undefined;
    if (sep === undefined) header = undefined;
    else {
      const cells = line.split(sep);
      if (header !== undefined && header.sep === sep && cells.length === header.kinds.length) {
        let at = offset;
        for (let i = 0; i < cells.length; i++) {
          const kind = header.kinds[i];
          const cell = cells[i]!.trim();
          if (kind !== undefined && cell !== '') {
            const start = at + cells[i]!.indexOf(cell);
            out.push({ kind, value: cell, start, end: start + cell.length });
          }
          at += cells[i]!.length + 1;
        }
      } else {
        const kinds = cells.map((c) => fieldKind(c));
        header = kinds.some((k) => k === 'person') && kinds.some((k) => k !== undefined && k !== 'person') ? { sep, kinds } : undefined;
      }
    }
    offset += line.length + 1;
  }
  return out;
}

// How far apart a record's name and its detail may be.
const MAX_RECORD = 600;

// A person's label set as a field (Name:, "first":, Employee<tab>, | Name |, Surname/Nom   OKAFOR): the test before
// reading fields. It starts at the separator, which is rarer than letters, and looks behind it for the label.
const FIELD_SEPARATOR = /[:：\t|]| {3}/;
// A table row: a tab or a "|" between cells, on a line after another.
const TABLE_ROW = /[\t|][^\n]*\n[^\n]*[\t|]/;
const PERSON_FIELD =
  /(?:[:：\t|]| {3})(?<=(?:name|surname|patient|employee|staff|insured|applicant|player|student|passenger|candidate|first|last|姓\s?名|患者|被保险人|申请人|员工|学生)s?(?: of [a-z0-9]{2,10})?(?:\/[^\s:]{1,12})?['"]?[ \t]{0,3}.{1,3})/i;

/** Form, JSON and table records: a detail field found next to a person field whose value is a name. */
function findRecords(text: string, found: RecordFound, lineFields: boolean, tables: boolean): void {
  const fields = [...(lineFields ? fieldsIn(text) : []), ...(tables ? tableFields(text) : [])];
  if (fields.length < 2) return;
  const people = fields.filter((f) => f.kind === 'person' && nameValue(f.value));
  if (people.length === 0) return;
  for (const f of fields) {
    if (f.kind === 'person' || !valueFits(f.kind, f.value)) continue;
    if (f.kind === 'birth-date' && !plausibleBirthYear(f.value)) continue;
    if (!people.some((p) => Math.abs(p.start - f.start) <= MAX_RECORD)) continue;
    if (f.kind === 'passport') found('national-id', 'a passport number', f.start, f.end);
    else found(f.kind, LABELS[f.kind], f.start, f.end);
  }
}

/** False for a birth year before 1900: a historical figure, not a living person. */
function plausibleBirthYear(value: string): boolean {
  const year = /(?:19|20)\d{2}|1[5-8]\d{2}/.exec(value);
  return year === null || Number(year[0]) >= 1900;
}

// ---------------------------------------------------------------- dates of birth, written loosely

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const ORDINAL_WORD =
  '(?:(?:twenty|thirty)[- ]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)';
const LOOSE_DATE_EN = new RegExp(
  `(?:\\d{1,2}(?:st|nd|rd|th)?|${ORDINAL_WORD})(?: of)?[ -](?:${MONTHS})\\.?,?[ -](?:19|20)\\d{2}|(?:${MONTHS})\\.? \\d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\\d{2}|(?:19|20)\\d{2}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.](?:19|20)\\d{2}`,
  'i',
);
const LOOSE_DATE_ZH = /(?:19|20)\d{2}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?[日号]?/;
// A Chinese date of birth written before its word: （2015 年 6 月 3 日出生）.
const BIRTH_BEFORE_ZH = /(?:19|20)\d{2}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?[日号]?\s?(?=出生|生(?![产效活意]))/g;
const BIRTH_WORD = /\b(?:born|d\.?o\.?b|date of birth|birth ?date|birthday)\b|出生|生于|生日/g;
const BIRTH_REACH = 48;
const PERSON_REACH = 200;
// Someone the text points at without a name shape: a relative, a title, "my son".
const SOMEONE =
  /\b(?:my|our|his|her|their) (?:\w+ )?(?:son|daughter|kid|child|baby|wife|husband|partner|mum|mom|mother|dad|father|grandma|grandmother|grandpa|grandfather|gran|nan|sister|brother|aunt|aunty|auntie|uncle|niece|nephew|cousin|friend|colleague|boss|tenant|client|patient|student)\b|\b(?:Grandma|Grandpa|Granny|Nana|Uncle|Aunt|Aunty|Auntie|Mr|Mrs|Ms|Dr)\.? [A-Z]|(?:外婆|外公|奶奶|爷爷|姥姥|姥爷|妈妈|爸爸|母亲|父亲|儿子|女儿|老婆|老公|妻子|丈夫|孩子|婆婆|公公|岳父|岳母)|[\u4e00-\u9fff]{2,3}\s?(?:先生|女士|小姐)/;

const CAPITAL_PAIR = /(?<![A-Za-z])[A-Z][a-z]{1,20} [A-Z][a-z]{1,20}(?![a-z])/g;

/** True when the text names someone or points at a relative, and names no character from fiction. */
function someoneIn(text: string): boolean {
  let fiction = false;
  eachMatch(CAPITAL_PAIR, text, (m) => {
    fiction ||= fictionalName(m[0]);
  });
  if (fiction) return false;
  return SOMEONE.test(text) || findNames(text).some((n) => n.relative !== true);
}

/** A date of birth after a birth word, written loosely, in a text about someone; and a list of people with full dates under a birthday heading. */
function findBirthDates(text: string, lower: string, found: RecordFound): void {
  firstMatches(BIRTH_WORD, lower, LIMIT, (m) => {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + BIRTH_REACH);
    const date = LOOSE_DATE_EN.exec(after) ?? LOOSE_DATE_ZH.exec(after);
    if (date === null || /[.?!。？！]\s/.test(after.slice(0, date.index)) || !plausibleBirthYear(date[0])) return;
    // The person is looked for around the birth word, within its paragraph.
    const from = Math.max(0, m.index - PERSON_REACH, text.lastIndexOf('\n\n', m.index) + 1);
    if (!someoneIn(text.slice(from, m.index + m[0].length + date.index + date[0].length + 40))) return;
    const start = m.index + m[0].length + date.index;
    found('birth-date', LABELS['birth-date'], start, start + date[0].length);
  });
  if (HAS_HAN.test(text)) {
    firstMatches(BIRTH_BEFORE_ZH, text, LIMIT, (m) => {
      if (someoneIn(text.slice(Math.max(0, m.index - PERSON_REACH), m.index + m[0].length + 40)))
        found('birth-date', LABELS['birth-date'], m.index, m.index + m[0].length);
    });
  }
  // A list: lines with a capitalised name and a full date of birth each.
  const lines = text.split('\n');
  if (lines.length < 3) return;
  let offset = 0;
  for (const line of lines.slice(0, 200)) {
    const date = line.length <= 160 ? LOOSE_DATE_EN.exec(line) : null;
    if (date !== null && plausibleBirthYear(date[0]) && /(?<![A-Za-z])[A-Z][a-z]{1,20} [A-Z][a-z]{1,20}(?![a-z])/.test(line.slice(0, date.index))) {
      found('birth-date', LABELS['birth-date'], offset + date.index, offset + date.index + date[0].length);
    }
    offset += line.length + 1;
  }
}

// ---------------------------------------------------------------- a letter about its addressee's health

// A letter to a patient, not to a doctor or researcher ("Dear Dr Patel, I read your paper on sclerosis").
const SALUTATION = /(?:^|\n|['"])\s*(?:Dear|Hi|Hello) (?:(?:Mr|Mrs|Ms|Miss|Mx)\.? )?(?!Dr\b|Prof|Professor\b|Sir\b|Madam\b|Customer\b|Colleague)[A-Z][a-z'-]{1,20}/;
// What a letter says of its reader's health: a diagnosis, results, medication, an operation, a referral. "Your MRI
// machine" or "your scan" alone may be a service letter.
const YOUR_HEALTH =
  /\byour\b[^.!?\n]{0,160}?\b(?:diagnos[a-z]*|sclerosis|cancer|tumou?r|biopsy|(?:MRI|scan|test|blood test|biopsy) (?:results?|findings)|medications?|prescri[a-z]*|surgery|operation|admission|discharge|referral|chemo[a-z]*|symptoms)\b|\b(?:diagnos[a-z]*|consistent with|sclerosis|cancer|tumou?r|biopsy|medications?|prescri[a-z]*|surgery)\b[^.!?\n]{0,160}?\byour\b/gi;

/** Health findings in a letter addressed to a named person, said to them ("your MRI", "your medication"). */
function findLetterHealth(text: string, found: RecordFound): void {
  if (!SALUTATION.test(text)) return;
  firstMatches(YOUR_HEALTH, text, LIMIT, (m) => found('health', LABELS.health, m.index, m.index + m[0].length));
}

// ---------------------------------------------------------------- a password given in reply

// "what's the wifi password?" … "it's Kestrel-Bramble-1988": the value may be lines later, in a reply.
const PASSWORD_ASKED = /\b(?:password|passcode|pin|wi-?fi code|door code|alarm code)\b/g;
const REPLY_VALUE = /\b(?:it['’]?s|it is|its)[ \t]+([!#-&(-~]{6,64})/g;
const REPLY_REACH = 240;

/** True for a value mixing letters with digits or symbols, as passwords are and words are not. */
function passwordShaped(value: string): boolean {
  return /[A-Za-z]/.test(value) && /[\d!#$%&*@^~_-]/.test(value) && !/^https?:/i.test(value) && !/^[a-z]+-[a-z]+$/.test(value);
}

function findReplyPasswords(text: string, lower: string, found: RecordFound): void {
  PASSWORD_ASKED.lastIndex = 0;
  const asked = PASSWORD_ASKED.exec(lower);
  if (asked === null) return;
  REPLY_VALUE.lastIndex = asked.index;
  for (let m = REPLY_VALUE.exec(text); m !== null && m.index - asked.index <= REPLY_REACH; m = REPLY_VALUE.exec(text)) {
    const value = m[1]!.replace(/[.,;:!?)\]]+$/, '');
    if (passwordShaped(value)) found('secret', 'a password', m.index + m[0].length - m[1]!.length, m.index + m[0].length - m[1]!.length + value.length);
  }
}

// ---------------------------------------------------------------- seed phrases

// Twelve or more short lower-case words in a row (spaces, commas, line breaks or "1." numbering between).
const WORD_RUN = /(?<![A-Za-z])(?:[a-z]{3,8}(?:[ ,\n]{1,3}(?:\d{1,2}[.)][ ]?)?)){11,23}[a-z]{3,8}(?![A-Za-z])/g;

// BIP-39 words are everyday words: a list of them is a seed phrase only in a text about a wallet (the
// 'wallet' stems below).

/** Twelve to twenty-four words in a row, all (one aside, for a misspelling) from the BIP-39 list, in a text about a wallet: its seed phrase. */
function findSeedPhrases(text: string, found: RecordFound): void {
  const words = bip39Words();
  firstMatches(WORD_RUN, text, LIMIT, (m) => {
    const run = m[0].split(/[^a-z]+/).filter((w) => w !== '');
    const misses = run.filter((w) => !words.has(w)).length;
    // A real phrase is random: a word repeated (abandon ×11 … about) is a published test vector, words in
    // alphabetical order are an excerpt of the list itself.
    const sorted = run.every((w, i) => i === 0 || run[i - 1]! < w);
    if (run.length >= 12 && misses <= 1 && !sorted && new Set(run).size >= run.length - 2) found('secret', 'a wallet seed phrase', m.index, m.index + m[0].length);
  });
}

// ---------------------------------------------------------------- phones, addresses, plates

// An Indian mobile written 5-5 (98450 62173); a number after a short label (Mob:, HP is, Ph., H/P).
const PHONE_IN = /^[6-9]\d{4} \d{5}$/;
// A number after a short label (Mob:, HP is, Ph., H/P): the scan starts at the digits, the label is read before them.
const DIGIT_RUN = /\+?\d(?<![\d+].)[\d -]{5,16}\d(?![\w-])/g;
const PHONE_LABEL_BEFORE = /(?<![A-Za-z])(?:mob|mobile no|hp|h\/p|handphone|ph|cell no|contact no|tel no)\.?(?: no\.?)?[ \t]*(?:is|:|-|#)?[ \t]*$/i;
// A national number with a trunk 0 and mixed separators (012-345 6789), in a text that speaks of phones or numbers.
const PHONE_MIXED = /^0\d{1,3}(?:-\d{3,4} |\s\d{3,4}-)\d{3,4}$/;
// Words that make a bare number a phone (the Indian and mixed shapes), and short phone labels.
const PHONE_CUE = /\b(?:number|phone|mobile|cell|call|text|whatsapp|contact|tel|ph|hp|mob|save)\b/i;
// Numbers that are orders, invoices, accounts and codes, not phones.
const ORDER_BEFORE =
  /(?:order|invoice|tracking|ref(?:erence)?|account|acct|serial|isbn|sku|policy|claim|case|ticket|pin|code|no\.)\s*(?:no\.?|number|#|id)?\s*[:#]?\s*$|#\s*$/i;
// A unit (Flat 302, Apt 4B, Unit 7) and, on the same line, a postcode of six digits (India) or a US ZIP after a city.
const UNIT_POSTCODE = /\b(?:Flat|Apt\.?|Apartment|Unit|Suite|House No\.?|Door No\.?|Plot)[ \t]?#?\d{1,5}[A-Z]?,[^\n]{5,140}?(?<=[A-Za-z],? )\d{6}(?![\d-])/g;
// A Shanghai-style lane: road, lane number 弄, house number 号, then room.
const ZH_LANE = /[\u4e00-\u9fff]{1,12}?(?:路|街|大道)\s?\d{1,5}\s?弄\s?\d{1,4}\s?号(?:\s?\d{1,5}\s?室)?/g;
// An Australian or New Zealand "rego" and the plate after it.
const REGO = /\brego(?: number| no\.?)?[:\s#]{0,3}(?:is )?([A-Z0-9]{2,4}[ -]?[A-Z0-9]{2,4})(?![A-Za-z0-9])/gi;

function findShapes(text: string, found: RecordFound, rego: boolean, han: boolean): void {
  if (rego) {
    firstMatches(REGO, text, LIMIT, (m) => {
      const v = m[1]!;
      if (/\d/.test(v) && /[A-Z]/.test(v) && !/[a-z]/.test(v)) found('location', 'a vehicle number plate', m.index + m[0].length - v.length, m.index + m[0].length);
    });
  }
  // Every other shape here has a run of at least three digits.
  if (!/\d{3}/.test(text)) return;
  // One scan over runs of digits (with spaces and dashes) for every phone shape; the words that make a bare
  // number a phone are read once a run has a phone's shape.
  let cue: boolean | undefined;
  firstMatches(DIGIT_RUN, text, LIMIT * 4, (m) => {
    const run = m[0];
    const digits = run.replace(/\D/g, '').length;
    if (digits < 7 || digits > 13) return;
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    if (PHONE_LABEL_BEFORE.test(before)) {
      found('phone', 'a phone number', m.index, m.index + run.length);
      return;
    }
    if (!(PHONE_IN.test(run) || PHONE_MIXED.test(run)) || /[\w.,-]$/.test(before) || /^[.,]\d/.test(text.slice(m.index + run.length))) return;
    if (!ORDER_BEFORE.test(before) && (cue ??= PHONE_CUE.test(text))) found('phone', 'a phone number', m.index, m.index + run.length);
  });
  if (/\d{6}/.test(text)) firstMatches(UNIT_POSTCODE, text, LIMIT, (m) => found('address', 'a street address', m.index, m.index + m[0].length));
  if (han && text.includes('弄')) firstMatches(ZH_LANE, text, LIMIT, (m) => found('address', 'a street address', m.index, m.index + m[0].length));
}

// ---------------------------------------------------------------- pay and HR matters, a home, in running text

// HR matters strong enough that a name anywhere in the same sentence makes them someone's record.
const HR_TERM = factored(
  /\b(?:performance improvement plan|merit increase|increment|calibration|needs improvement|partially meets|written warnings?|final warning|disciplinary|redundancy|redundant|severance|notice period|probation|bonus|base (?:salary|pay)|salary|pay rise|pay cut|raise of|[£$€¥₹] ?\d[\d,.]*(?:k|K|M|m)?\b(?= base| salary| bonus| a year| per year| p\.a\.))(?![A-Za-z-])/g,
);
const HR_ABBREVIATION = /\bPIP\b/g;
// A person the sentence rules miss: the one a message is to or for ("a text to Bec", "the letter for Tan
// Wei Ling", "my reply to Akiko Yamamoto's"), and the person after an HR event's colon ("Redundancy
// consultation: Fiona McLeod"). A surname may carry an inner capital (McLeod, MacDonald, O'Neill).
const SURNAME_EN = "(?:Mc|Mac|O'|D')?[A-Z][a-z]{1,20}";
const MESSAGE_TO = new RegExp(
  `\\b(?:text|message|DM|email|e-mail|letter|note|memo|card|reply|response|feedback|review|offer|counter-?offer|consultation|meeting|1:1)(?: \\w+)? (?:to|for|with|from|about)[: ]+(?:(?:Mr|Mrs|Ms|Dr)\\.? )?[A-Z][a-z]{1,20}(?:[ -]${SURNAME_EN}){0,3}(?![A-Za-z])`,
  'g',
);
const COLON_NAME = new RegExp(`: ?[A-Z][a-z]{1,20} ${SURNAME_EN}(?![A-Za-z])`, 'g');
// A quotation that opens with a name ('Tom Brennan missed …'): the sentence rules do not take a name after a quote mark.
const QUOTED_NAME = new RegExp(`(?<=(?:^|[\\s:(])['"‘“])[A-Z][a-z]{1,20} ${SURNAME_EN}(?![A-Za-z])`, 'gm');

interface Spot {
  start: number;
  end: number;
  /** How far from a detail this person may stand (the weaker the sign of a name, the closer). */
  gap?: number;
}

// One name after a note's colon, before what it says of them ("Rota note: Siobhan off till Monday").
const COLON_SINGLE = /: ?[A-Z][a-z]{2,20}(?= (?:off|out|away|on leave|is|has|was|had|will|won['’]t|can['’]t|isn['’]t)\b)/g;
const COLON_SINGLE_NOT = /^(?:This|That|The|There|Here|It|He|She|We|They|You|What|Which|Who|Everyone|Nobody|Someone|Please|Note|Today|Tomorrow|Yesterday)$/;

/** People in the text: the name shapes of privacy-person.ts and the message and colon shapes above. */
function peopleIn(text: string): Spot[] {
  return [...findNames(text).filter((n) => n.relative !== true), ...extraPeople(text)];
}

/** The person shapes of this file only (a message's addressee, a colon's name, a quotation's and, with `speakers`, a chat speaker). */
function extraPeople(text: string, speakers = true): Spot[] {
  const out: Spot[] = [];
  firstMatches(COLON_SINGLE, text, LIMIT, (m) => {
    const name = m[0].replace(/^: ?/, '');
    if (!COLON_SINGLE_NOT.test(name)) out.push({ start: m.index + m[0].length - name.length, end: m.index + m[0].length });
  });
  firstMatches(MESSAGE_TO, text, LIMIT, (m) => out.push({ start: m.index, end: m.index + m[0].length }));
  firstMatches(COLON_NAME, text, LIMIT, (m) => out.push({ start: m.index + 1, end: m.index + m[0].length }));
  firstMatches(QUOTED_NAME, text, LIMIT, (m) => out.push({ start: m.index, end: m.index + m[0].length }));
  if (speakers) firstMatches(SPEAKER, text, LIMIT, (m) => out.push({ start: m.index, end: m.index + m[0].length }));
  return out;
}

// How far a sentence is looked for around a detail.
const SENTENCE_REACH = 200;

/** The line-bounded sentence around [start, end): back and forth to a full stop, question or exclamation mark before a space, or a line break. */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  const fromLimit = Math.max(0, start - SENTENCE_REACH);
  while (from > fromLimit && text[from - 1] !== '\n' && !(/[.!?。！？]/.test(text[from - 1]!) && /\s/.test(text[from] ?? ''))) from--;
  let to = end;
  const toLimit = Math.min(text.length, end + SENTENCE_REACH);
  while (to < toLimit && text[to] !== '\n' && !(/[.!?。！？]/.test(text[to]!) && /\s|$/.test(text[to + 1] ?? ''))) to++;
  return [from, to];
}

/** People in the sentences of the details only: in a long text, most of it is never read for names. */
function peopleAround(text: string, details: readonly Spot[]): Spot[] {
  const out: Spot[] = [];
  const seen = new Set<number>();
  for (const d of details) {
    const [from, to] = sentenceAround(text, d.start, d.end);
    if (seen.has(from)) continue;
    seen.add(from);
    for (const p of peopleIn(text.slice(from, to))) out.push({ ...p, start: p.start + from, end: p.end + from });
  }
  return out;
}

// A sentence ends at a full stop, question or exclamation mark before a space, or a blank line.
const SENTENCE_BREAK = /[.!?。！？](?:\s|$)|\n\s*\n/;
const SAME_SENTENCE_REACH = 160;

/** True when a person stands in the same sentence as [start, end), at most SAME_SENTENCE_REACH away. */
function personInSentence(text: string, people: readonly Spot[], start: number, end: number): boolean {
  return people.some((p) => {
    const [from, to] = p.end <= start ? [p.end, start] : [end, p.start];
    if (p.start < end && start < p.end) return true;
    return to - from <= (p.gap ?? SAME_SENTENCE_REACH) && !SENTENCE_BREAK.test(text.slice(from, to));
  });
}

// A chat line's speaker ("[19:02] Sofia:", "Ji-woo:"): what follows is that person speaking.
const SPEAKER = /^(?:\[[^\]\n]{1,24}\][ \t]*)?[A-Z][a-z]{1,20}(?:-[a-z]{2,10})?(?= ?:)/gm;
const SPEAKER_NOT =
  /^(?:Me|You|Bot|Agent|Support|Admin|Team|Subject|Summary|Location|Description|Note|Notes|Re|To|From|Cc|Date|Time|Speaker|User|Assistant|System|Host|Answer|Question|Example)$/;
// A home described closely: a verb of living or a home's noun, then in the same sentence a landmark, a
// floor, a block or tower, a station or an estate.
const HOME_VERB = factored(
  /\b(?:live|lives|living|moved (?:in(?:to)?|to)|moving (?:in(?:to)?|to)|stays|staying|(?:new )?(?:place|house|flat|home|apartment|condo|unit) is)\b[^.!?\n]{0,80}?\b(?:near|behind|opposite|above|below|next to|across from|beside|round the corner from|at the end of|(?:block|tower|blk) ?\w{1,4}|\d{1,3}(?:st|nd|rd|th) floor|station|estate|apartments|society|farmhouse)\b/g,
);
// "Ruth Abernathy's farmhouse, third gate past the grain silo": someone's home, then how to find it.
// The match starts at the apostrophe (rare) and looks behind it for the name.
const POSSESSIVE_HOME = new RegExp(
  `['’](?<=[A-Z][a-z]{1,20}(?: ${SURNAME_EN})?.)s (?:house|home|flat|place|farmhouse|farm|cottage|apartment|bungalow|caravan)\\b[^.!?\\n]{0,100}?\\b(?:past|behind|opposite|next to|gate|(?:Road|Rd|Street|St|Lane|Avenue|Drive|Highway|Hwy) \\d{1,5})\\b`,
  'g',
);

/** HR matters and closely described homes with a person in the same sentence; a person's home by its directions. */
function findInRunningText(
  text: string,
  lower: string,
  found: RecordFound,
  hrWords: boolean,
  homeWords: boolean,
  possessive: boolean,
  healthWords: boolean,
  exercise: () => boolean,
): void {
  // A health event next to a person only this file's shapes see; privacy-person.ts reads its own names with health.
  if (healthWords) {
    const events: Spot[] = [];
    firstMatches(HEALTH_EVENTS, text, LIMIT, (m) => events.push({ start: m.index, end: m.index + m[0].length }));
    if (events.length > 0 && !exercise()) {
      // A speaker's own health is read from their message (findChatHealth), not from the line's name.
      const extra = extraPeople(text, false);
      for (const d of events) if (personInSentence(text, extra, d.start, d.end)) found('health', LABELS.health, d.start, d.end);
    }
  }
  const hr: Spot[] = [];
  if (hrWords) {
    firstMatches(HR_TERM, lower, LIMIT, (m) => hr.push({ start: m.index, end: m.index + m[0].length }));
    firstMatches(HR_ABBREVIATION, text, LIMIT, (m) => hr.push({ start: m.index, end: m.index + m[0].length }));
  }
  const homes: Spot[] = [];
  if (homeWords) firstMatches(HOME_VERB, lower, LIMIT, (m) => homes.push({ start: m.index, end: m.index + m[0].length }));
  if (possessive) firstMatches(POSSESSIVE_HOME, text, LIMIT, (m) => found('location', 'where a named person lives', m.index, m.index + m[0].length));
  // Names are the costly part: not looked for in an exam question or a word problem.
  if ((hr.length === 0 && homes.length === 0) || exercise()) return;
  const people = peopleAround(text, [...hr, ...homes]).filter((p) => !SPEAKER_NOT.test(text.slice(p.start, p.end).replace(/^\[[^\]]*\]\s*/, '')));
  if (people.length === 0) return;
  for (const d of hr) if (personInSentence(text, people, d.start, d.end)) found('employment', LABELS.employment, d.start, d.end);
  for (const d of homes) {
    // "I live …" in a chat line is the speaker's home; elsewhere a person must be in the sentence.
    const lineStart = text.lastIndexOf('\n', d.start) + 1;
    const speaker = people.some((p) => p.start === lineStart || (p.start >= lineStart && p.start < d.start && text[p.end] === ':'));
    // The person lives there: the subject, before the verb ("my cousin Anjali moved to …"), not a place after it.
    const subjects = people.filter((p) => p.end <= d.start);
    if (speaker || personInSentence(text, subjects, d.start, d.end)) found('location', 'where a named person lives', d.start, d.end);
  }
}

const HEALTH_EVENT_SOURCE =
  '\\b(?:hospital|hospitali[sz]ed|ward|ICU|A&E|sepsis|surgery|operation|diagnosed|diagnosis|cancer|tumou?r|stroke|heart attack|chemo|dementia|pregnant|miscarr\\w*|seizures?|fractured?|biopsy|dialysis|rehab|ambulance|overdose|depression|antidepressants?)\\b';

// A chat message ("[18:02] Tom: mum's back in hospital…") speaks for its speaker: a relative named by a
// bare family word, or the speaker themselves, with a health event in the same message.
// The speaker may follow a time ("[18:02] Tom:", "10:41 From Priya Nair to Everyone:") and have up to three names.
const CHAT_LINE =
  /^(?:\[[^\]\n]{1,24}\][ \t]*|\d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?[ \t]+)?(?:From )?[A-Z][a-z]{1,20}(?:[ -][A-Z]?[a-z]{1,20}){0,2}(?: to [A-Z][a-z]{1,20})?:[ \t]*([^\n]{1,400})$/gm;
const HEALTH_EVENTS = new RegExp(HEALTH_EVENT_SOURCE, 'gi');
const OWN_OR_KIN_EN =
  /\b(?:I|I'm|I've|my|me|mum|mom|mam|dad|nan|nana|gran|granny|grandma|grandpa|grandad|hubby|husband|wife|sis|bro|sister|brother|son|daughter|auntie|uncle)\b/i;
const HEALTH_EVENT_EN = new RegExp(HEALTH_EVENT_SOURCE, 'i');

function findChatHealth(text: string, found: RecordFound): void {
  eachMatch(CHAT_LINE, text, (m) => {
    const message = m[1]!;
    const health = HEALTH_EVENT_EN.exec(message);
    if (health === null || !OWN_OR_KIN_EN.test(message)) return;
    const start = m.index + m[0].length - message.length + health.index;
    found('health', LABELS.health, start, start + health[0].length);
  });
}

// ---------------------------------------------------------------- Chinese: a relative's health, a role and a name

// A relative by a bare kinship word (the speaker's own: 老公住院了), then a health event in the same clause.
const ZH_KIN_HEALTH =
  /(?:老公|老婆|我妈|我爸|妈妈|爸爸|外婆|外公|奶奶|爷爷|姥姥|姥爷|婆婆|公公|岳父|岳母|姑父|姨父|姑妈|姨妈|舅舅|舅妈|姑姑|[大二三小]姨|叔叔|婶婶|伯伯|伯母|嫂子|姐夫|妹夫|女婿|儿媳|表哥|表姐|表弟|表妹|堂哥|堂姐|哥哥|姐姐|弟弟|妹妹)[^。！？\n]{0,16}?(?:住院|确诊|手术|心梗|脑梗|中风|化疗|病危|抢救|急诊|重症|ICU|癌)/g;
// A role that names the person after it (被保险人黄嘉欣, 员工：王磊), then pay, a rating or a health event in the same sentence.
const ZH_ROLE_NAME = new RegExp(
  `(?:被保险人|投保人|申请人|当事人|患者|病人|员工|职工|收件人|[：:]\\s?)[${SURNAMES_ZH}][\\u4e00-\\u9fff]{1,2}(?=[（(，,\\s]|于|因)[^。！？\\n]{0,60}?(?:年终奖|工资|月薪|年薪|奖金|绩效|评级|住院|确诊|诊断|手术|抑郁|癌|出生)`,
  'g',
);

function findChinese(text: string, found: RecordFound): void {
  firstMatches(ZH_KIN_HEALTH, text, LIMIT, (m) => found('health', LABELS.health, m.index, m.index + m[0].length));
  firstMatches(ZH_ROLE_NAME, text, LIMIT, (m) => {
    const kind = /年终奖|工资|月薪|年薪|奖金|绩效|评级/.test(m[0]) ? 'employment' : /出生/.test(m[0]) ? 'birth-date' : 'health';
    found(kind, LABELS[kind], m.index, m.index + m[0].length);
  });
}

// ---------------------------------------------------------------- which shapes may be there

// Each English shape above starts from one of a few words. One scan for all of them (the stems, factored by
// first letter) says which shapes can be in the text, so a prompt without them costs one pass, not ten.
type Family = 'detail' | 'birth' | 'letter' | 'reply' | 'wallet' | 'rego' | 'hr' | 'home' | 'possessive' | 'chat';
// Rare words only: every match costs, so common words (number, name, code, near) gate nothing here; the shapes
// they would gate start from a rarer character instead (a colon, a digit).
const STEMS: Readonly<Record<Family, readonly string[]>> = {
  // A form's detail labels: the rarer words, and the common ones only with their colon.
  detail: [
    'dob',
    'birth*',
    'born',
    'diagnos*',
    'medication*',
    'meds',
    'allerg*',
    'salary',
    'bonus',
    'passport',
    'increment',
    'compensation',
    'base:',
    'rating:',
    'pay:',
    'condition:',
    'dx:',
  ],
  birth: ['born', 'dob', 'birth*'],
  letter: ['dear'],
  reply: ['password', 'passcode', 'pin', 'wifi', 'wi-fi', 'door code', 'alarm code'],
  wallet: [
    'wallet',
    'recovery',
    'backup',
    'back up',
    'mnemonic',
    'seed',
    'crypto',
    'metamask',
    'ledger',
    'trezor',
    'bitcoin',
    'btc',
    'ethereum',
    'coinbase',
    'restore',
    'bip',
  ],
  rego: ['rego'],
  hr: [
    'salary',
    'bonus',
    'increment',
    'merit increase',
    'calibration',
    'needs improvement',
    'partially meets',
    'improvement plan',
    'pip',
    'written warning',
    'final warning',
    'disciplinary',
    'redundan*',
    'severance',
    'notice period',
    'probation',
    'base salary',
    'base pay',
    'pay rise',
    'pay cut',
    'raise of',
  ],
  home: ['live', 'lives', 'living', 'moved', 'moving', 'stays', 'staying', 'place is', 'house is', 'flat is', 'home is', 'apartment is', 'condo is', 'unit is'],
  possessive: ['s house', 's home', 's flat', 's place', 's farm*', 's cottage', 's apartment', 's bungalow', 's caravan'],
  chat: [
    'hospital',
    'ward',
    'icu',
    'a&e',
    'sepsis',
    'surgery',
    'diagnos*',
    'cancer',
    'tumo*',
    'stroke',
    'heart',
    'chemo',
    'dementia',
    'pregnan*',
    'miscarr*',
    'seizure*',
    'fractur*',
    'biopsy',
    'dialysis',
    'rehab',
    'ambulance',
    'overdose',
    'depress*',
  ],
};
// Each stem's families as bits of a number: the scan below sets them without making a set per prompt.
const FAMILY_BIT = Object.fromEntries(Object.keys(STEMS).map((f, i) => [f, 1 << i])) as Record<Family, number>;
const FAMILIES_OF = new Map<string, number>();
for (const [family, stems] of Object.entries(STEMS) as [Family, readonly string[]][])
  for (const stem of stems) FAMILIES_OF.set(stem, (FAMILIES_OF.get(stem) ?? 0) | FAMILY_BIT[family]);
// A stem is a whole word ("ph" is not "physics") unless it ends in "*" (diagnos* is diagnosis, diagnosed).
const STEM_SCAN = factored(
  new RegExp(
    `\\b(?:${[...FAMILIES_OF.keys()]
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[-/]/g, '\\$&').replace(/\*$/, '[a-z]*'))
      .join('|')})(?![a-z])`,
    'gi',
  ),
);
const PREFIX_STEMS = [...FAMILIES_OF].filter(([stem]) => stem.endsWith('*')).map(([stem, bits]) => [stem.slice(0, -1), bits] as const);

/** The family bits of a matched word: its own entry (as written, else lower-cased), or that of the prefix stem it starts with. */
function familiesOf(word: string): number {
  const own = FAMILIES_OF.get(word);
  if (own !== undefined) return own;
  const lower = word.toLowerCase();
  const folded = FAMILIES_OF.get(lower);
  if (folded !== undefined) return folded;
  for (const [stem, bits] of PREFIX_STEMS) if (lower.startsWith(stem)) return bits;
  return 0;
}

/** The shape families whose stems the text holds, as bits: one scan over it. */
function familiesIn(text: string): number {
  let bits = 0;
  STEM_SCAN.lastIndex = 0;
  for (let m = STEM_SCAN.exec(text); m !== null; m = STEM_SCAN.exec(text)) bits |= familiesOf(m[0]);
  return bits;
}

/** The text in lower case for the keyword scans, with every offset kept (a letter such as İ that grows is left as it is). */
function lowerCased(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Every finding of this file's shapes (records, loose dates of birth, letters, replies, seed phrases, national phone and address shapes). */
export function findRecordsAndShapes(text: string, found: RecordFound, strict = false): void {
  // At the standard level an exam question or a word problem is read for numbers only, as privacy-person.ts
  // skips its person details (the answer is already known by then): most of the longest prompts are exam questions.
  if (!strict && inventedPeople(text)) {
    findShapes(text, found, /\brego\b/i.test(text), HAS_HAN.test(text));
    return;
  }
  const han = HAS_HAN.test(text);
  const families = familiesIn(text);
  const has = (family: Family): boolean => (families & FAMILY_BIT[family]) !== 0;
  // One lower-cased copy for the keyword scans, which then run without the costly "i" flag; made only when one runs.
  let lowerText: string | undefined;
  const lower = (): string => (lowerText ??= lowerCased(text));
  if (has('reply')) findReplyPasswords(text, lower(), found);
  if (has('wallet')) findSeedPhrases(text, found);
  findShapes(text, found, has('rego'), han);
  // Forms with a detail's label (a rare word: DOB, diagnosis, salary, passport) and a person's; tables by their separators.
  const lineFields = han || (has('detail') && FIELD_SEPARATOR.test(text) && PERSON_FIELD.test(text));
  const tables = TABLE_ROW.test(text);
  const records = lineFields || tables;
  const birth = han || has('birth');
  const letter = has('letter');
  const hr = has('hr');
  const home = has('home');
  const possessive = has('possessive');
  const health = has('chat');
  const running = hr || home || possessive || health;
  const chat = has('chat') && text.includes(':');
  if (!(records || birth || letter || running || chat)) return;
  // A person's details are held back until the end: exam questions and arithmetic word problems are
  // about invented people (as for the sentence rules in privacy-person.ts), and that test is paid only
  // when there is something to drop.
  let isExercise: boolean | undefined;
  const exercise = (): boolean => (isExercise ??= inventedPeople(text));
  const held: Parameters<RecordFound>[] = [];
  const hold: RecordFound = (...finding) => held.push(finding);
  if (records) findRecords(text, hold, lineFields, tables);
  if (birth) findBirthDates(text, lower(), hold);
  if (letter) findLetterHealth(text, hold);
  if (running) findInRunningText(text, lower(), hold, hr, home, possessive, health, exercise);
  if (chat) findChatHealth(text, hold);
  if (han) findChinese(text, hold);
  if (held.length === 0 || exercise()) return;
  for (const finding of held) found(...finding);
}
