// Personal data in shapes the sentence rules do not read:
// - records: a form, an OCR'd scan, a JSON object or a table, where one field names a person
//   (Name, Surname, Given names, first/last, Employee, 姓名, 被保险人) and another holds a date of
//   birth, a diagnosis, pay or a rating, or a passport number. The fields are read by their labels,
//   however they are laid out (one a line, several on a line apart by tabs or wide gaps, "key": "value").
// The other shapes, read from findRecordsAndShapes here: loose dates of birth, letters, replies, seed phrases,
// phones, addresses and plates in privacy-loose-shapes.ts; pay, HR, homes and health in running text, and
// Chinese, in privacy-running-text.ts.
// Every pattern is bounded and sits behind a cheap test of the text.
import { factored } from './privacy-factor.js';
import { findBirthDates, findLetterHealth, findReplyPasswords, findSeedPhrases, findShapes } from './privacy-loose-shapes.js';
import { inventedPeople } from './privacy-person.js';
import { HAS_HAN, LIMIT, plausibleBirthYear, type RecordFound } from './privacy-records-common.js';
import { firstMatches } from './privacy-match.js';
import { PERSON_LABELS } from './privacy-labels.js';
import { findChatHealth, findChinese, findInRunningText } from './privacy-running-text.js';

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
    else found(f.kind, PERSON_LABELS[f.kind], f.start, f.end);
  }
}

// ---------------------------------------------------------------- which shapes may be there

// Each English shape (the records above, the loose shapes and running text in their files) starts from one of a
// few words. One scan for all of them (the stems, factored by first letter) says which shapes can be in the text,
// so a prompt without them costs one pass, not ten.
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

/** Every finding of the record and shape detectors (records here, loose shapes and running text in their files). */
export function findRecordsAndShapes(text: string, found: RecordFound, strict = false): void {
  // An exam question or an arithmetic word problem is about invented people (as for the sentence rules in
  // privacy-person.ts): at the standard level it is read for numbers only, and at the strict level for
  // secrets and numbers too, but never for a person's details. Most of the longest prompts are exam questions.
  const exercise = inventedPeople(text);
  if (exercise && !strict) {
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
  if (exercise) return;
  // Forms with a detail's label (a rare word: DOB, diagnosis, salary, passport) and a person's; tables by their separators.
  const lineFields = han || (has('detail') && FIELD_SEPARATOR.test(text) && PERSON_FIELD.test(text));
  const tables = TABLE_ROW.test(text);
  if (lineFields || tables) findRecords(text, found, lineFields, tables);
  if (han || has('birth')) findBirthDates(text, lower(), found);
  if (has('letter')) findLetterHealth(text, found);
  const hr = has('hr');
  const home = has('home');
  const possessive = has('possessive');
  const health = has('chat');
  if (hr || home || possessive || health) findInRunningText(text, lower(), found, hr, home, possessive, health);
  if (has('chat') && text.includes(':')) findChatHealth(text, found);
  if (han) findChinese(text, found);
}
