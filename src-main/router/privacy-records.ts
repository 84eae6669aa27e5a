// Personal data in shapes the sentence rules do not read:
// - records: a form, an OCR'd scan, a JSON or YAML object, a table or CSV, key=value pairs, XML or an SQL INSERT,
//   where one field names a person (Name, givenName, Employee, 姓名, 被保险人, or a name heading a form or a CV:
//   privacy-records-forms.ts) and another holds a date of birth, a diagnosis, pay or a rating, a passport number,
//   an address or a phone. The fields are read by their labels in any spelling, however they are laid out
//   (privacy-records-fields.ts, privacy-records-keys.ts, privacy-records-sql.ts).
// - pay documents of the main countries: two pay lines with amounts near such a person (privacy-pay.ts).
// The other shapes, read from findRecordsAndShapes here: loose dates of birth, letters, replies, seed phrases,
// phones, addresses and plates in privacy-loose-shapes.ts; pay, HR, homes and health in running text, and
// Chinese, in privacy-running-text.ts.
// Every pattern is bounded and sits behind a cheap test of the text.
import { factored } from './privacy-factor.js';
import { findBirthDates, findLetterHealth, findReplyPasswords, findSeedPhrases, findShapes } from './privacy-loose-shapes.js';
import { inventedPeople } from './privacy-invented.js';
import { plausibleBirthYear, type RecordFound, type RecordKind } from './privacy-records-common.js';
import { toyCalls } from './privacy-toy-code.js';
import { fieldsIn, nameValue, tableFields, valueFits, type Field } from './privacy-records-fields.js';
import { headerNames } from './privacy-records-forms.js';
import { KEYED_DETAIL } from './privacy-records-keys.js';
import { sqlFields } from './privacy-records-sql.js';
import { certifiedIncome, PAY_STEMS, payLines } from './privacy-pay.js';
import { PERSON_LABELS } from './privacy-labels.js';
import { findChatHealth, findChinese, findInRunningText } from './privacy-running-text.js';
import { findMoreHr } from './privacy-hr-more.js';
import { findMoreBirthDates } from './privacy-birth-more.js';
import { hasHan, lowerCased } from './privacy-text.js';

// ---------------------------------------------------------------- records

// How far apart a record's name and its detail may be.
const MAX_RECORD = 600;

// A person's label set as a field (Name:, "first":, Employee<tab>, | Name |, Surname/Nom   OKAFOR): the test before
// reading fields. It starts at the separator, which is rarer than letters, and looks behind it for the label.
const FIELD_SEPARATOR = /[:：\t|]| {3}/;
// A table row: a tab or a "|" between cells, on a line after another. Read from a line's last separator to the next
// line's first, so no separator is read twice ([^\n]* from each of a line's commas read the line again and again).
const TABLE_ROW = /[\t|][^\n\t|]*\n[^\n\t|]*[\t|]/;
// The marks of key=value logs, query strings and TOML, of XML and of an SQL INSERT.
const KEYED_MARKS = /\w ?=|<\/\w|\)\s*values\s*\(/i;
// A Chinese pay document's words (privacy-pay.ts reads its lines).
const ZH_PAY = /工资|薪|个税|所得税|社保|公积金|收入|入息|强积金|供款/;
// A CSV header and row: two lines with a comma or semicolon between cells (read as TABLE_ROW is).
const CSV_ROW = /[,;][^\n,;]*\n[^\n,;]*[,;]/;
// A line that is only a name (all caps, accents, Chinese): a form's or a CV's header (privacy-records-forms.ts).
const HEADER_LINE = /^[ \t]*\p{Lu}[\p{L}'’.-]{0,24}(?:[ \t]\p{Lu}[\p{L}'’.-]{0,24}){1,3}[ \t]*$/mu;
const PERSON_FIELD =
  /(?:[:：\t|]| {3})(?<=(?:name|surname|patient|employee|staff|insured|applicant|player|student|passenger|candidate|first|last|holder|payee|taxpayer|mitarbeiter(?:in)?|arbeitnehmer(?:in)?|salarié|empleado|trabajador|nombre|nom|vorname|nachname|apellidos?|prénom|姓\s?名|患者|被保险人|申请人|员工|学生)s?(?: of [a-z0-9]{2,10})?(?:\/[^\s:]{1,12})?['"]?[ \t]{0,3}.{1,3})/i;

// An epoch or default date in a fixture, a test or a schema is a placeholder, not a birthday.
const DEFAULT_DATE = /^["']?(?:1970-01-01|1900-01-01|0001-01-01|01\/01\/1970|1970\/01\/01|01\.01\.1970)/;
const TEST_CONTEXT = /\b(?:tests?|spec|fixtures?|mocks?|fake|faker|dummy|samples?|examples?|placeholders?|seed|defaults?|schema|expect)\b/i;

/** True when a detail field holds what its label promises, and a date of birth is neither before 1900 nor a test's default. */
function detailFits(f: Field, text: string): boolean {
  if (f.kind === 'person' || !valueFits(f.kind, f.value, f.standing)) return false;
  if (f.kind !== 'birth-date') return true;
  return plausibleBirthYear(f.value) && !(DEFAULT_DATE.test(f.value.trim()) && TEST_CONTEXT.test(text));
}

/** Where a record's shapes may be, from the cheap tests: labelled fields, tables, keyed data (key=value, XML, SQL, CSV), pay lines. */
interface RecordShapes {
  lineFields: boolean;
  tables: boolean;
  keyed: boolean;
  /** Comma- or semicolon-separated rows with a detail's word in the text: read as a table too. */
  csv: boolean;
  han: boolean;
  pay: boolean;
}

/**
 * Form, JSON, table, log, XML and SQL records: a detail field next to a person field whose value is a name (or a name
 * heading the form), and pay documents: two pay lines with amounts near such a person.
 */
function findRecords(text: string, found: RecordFound, shapes: RecordShapes): void {
  const { lineFields, tables, keyed, csv, han, pay } = shapes;
  if (han && pay) for (const c of certifiedIncome(text)) found('employment', PERSON_LABELS.employment, c.start, c.end);
  const fields = [...(lineFields ? fieldsIn(text, keyed, han) : []), ...(tables ? tableFields(text, keyed || csv) : [])];
  if (keyed && SQL_START.test(text)) fields.push(...sqlFields(text));
  const details = fields.filter((f) => detailFits(f, text));
  const payAmounts = pay ? payLines(text) : [];
  if (details.length === 0 && payAmounts.length < 2) return;
  let people = fields.filter((f) => f.kind === 'person' && nameValue(f.value));
  if (people.length === 0 && lineFields) {
    const heads = details.length > 0 ? details : payAmounts.map((p) => ({ kind: 'employment' as const, value: '', ...p }));
    people = headerNames(text, heads).filter((f) => nameValue(f.value));
  }
  if (people.length === 0) return;
  const near = (start: number): boolean => people.some((p) => Math.abs(p.start - start) <= MAX_RECORD);
  for (const f of details) {
    if (f.kind === 'person' || !near(f.start)) continue;
    if (f.kind === 'passport') found('national-id', 'a passport number', f.start, f.end);
    else if (f.kind === 'address') found('address', 'a street address', f.start, f.end);
    else if (f.kind === 'phone') found('phone', 'a phone number', f.start, f.end);
    else found(f.kind, PERSON_LABELS[f.kind], f.start, f.end);
  }
  const payNear = payAmounts.filter((p) => near(p.start));
  if (payNear.length >= 2) for (const p of payNear) found('employment', PERSON_LABELS.employment, p.start, p.end);
}

const SQL_START = /\binsert\s+into\b/i;

// ---------------------------------------------------------------- which shapes may be there

// Each English shape (the records above, the loose shapes and running text in their files) starts from one of a
// few words. One scan for all of them (the stems, factored by first letter) says which shapes can be in the text,
// so a prompt without them costs one pass, not ten.
type Family = 'detail' | 'birth' | 'letter' | 'reply' | 'wallet' | 'rego' | 'hr' | 'home' | 'possessive' | 'chat' | 'pay' | 'tax';
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
    'sick days',
    'absences',
    'flight risk',
    'disabilit*',
    'medical needs',
    'special needs',
    'medical history',
  ],
  // Excel's age formulas (DATEDIF(B2,TODAY(),"y"), YEARFRAC) over a column of dates are birthdays too.
  birth: [
    'born',
    'dob',
    'd.o.b',
    'birth*',
    'datedif',
    'yearfrac',
    'geboren',
    'né le',
    'née le',
    'nacid*',
    'nasci*',
    'nací',
    'nació',
    'nato',
    'nata',
    'urodzi*',
    'född',
    'født',
    'syntynyt',
    'syntymä*',
    'old enough',
    'how old',
    'years old',
    'narozen*',
  ],
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
  // Pay documents and their lines (privacy-pay.ts).
  pay: PAY_STEMS,
  // Tax returns (privacy-hr-more.ts).
  tax: ['1040', 'itr', 'sa100', 'self assessment', 'self-assessment', 'steuererkl*', 'déclaration de revenus'],
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
      .map((w) => w.replace(/[-/.]/g, '\\$&').replace(/\*$/, '[a-z]*'))
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

/** Every finding of the record and shape detectors (records here, loose shapes and running text in their files). */
export function findRecordsAndShapes(text: string, found: RecordFound, strict = false): void {
  // A programming question's example object (Employee(name="Alice", salary=50000)) is nobody's record at the standard level.
  const toy = strict ? undefined : toyCalls(text);
  if (toy !== undefined) {
    findAll(
      text,
      (kind, label, start, end) => {
        if (!(PERSON_KINDS.has(kind) && toy.some((c) => start >= c.start && end <= c.end))) found(kind, label, start, end);
      },
      strict,
    );
    return;
  }
  findAll(text, found, strict);
}

// The kinds a toy example's values may look like: a person's details, not a secret or a number's shape.
const PERSON_KINDS = new Set<RecordKind>(['employment', 'birth-date', 'health', 'location']);

function findAll(text: string, found: RecordFound, strict: boolean): void {
  // An exam question or an arithmetic word problem is about invented people (as for the sentence rules in
  // privacy-person.ts): at the standard level it is read for numbers only, and at the strict level for
  // secrets and numbers too, but never for a person's details. Most of the longest prompts are exam questions.
  const exercise = inventedPeople(text);
  if (exercise && !strict) {
    findShapes(text, found, /\brego\b/i.test(text), hasHan(text));
    return;
  }
  const han = hasHan(text);
  const families = familiesIn(text);
  const has = (family: Family): boolean => (families & FAMILY_BIT[family]) !== 0;
  // One lower-cased copy for the keyword scans, which then run without the costly "i" flag; made only when one runs.
  let lowerText: string | undefined;
  const lower = (): string => (lowerText ??= lowerCased(text));
  if (has('reply')) findReplyPasswords(text, lower(), found);
  if (has('wallet')) findSeedPhrases(text, found);
  findShapes(text, found, has('rego'), han);
  if (exercise) return;
  // Forms with a detail's label (a rare word: DOB, diagnosis, salary, passport) and a person's (or a name heading
  // them); pay documents by their words; keys in any spelling (dateOfBirth, passenger_dob) by one test; tables by
  // their separators.
  const pay = has('pay') || (han && ZH_PAY.test(text));
  const glued = KEYED_DETAIL.test(text);
  // key=value, XML and CSV records: a glued key, or a detail's word with their marks.
  const keyed = glued || (has('detail') && KEYED_MARKS.test(text));
  const separated = (has('detail') || pay || glued) && FIELD_SEPARATOR.test(text);
  const lineFields = han || keyed || (separated && (PERSON_FIELD.test(text) || HEADER_LINE.test(text)));
  const csv = (keyed || has('detail')) && CSV_ROW.test(text);
  const tables = TABLE_ROW.test(text) || csv;
  if (lineFields || tables) findRecords(text, found, { lineFields, tables, keyed, csv, han, pay });
  if (han || has('birth')) findBirthDates(text, lower(), found);
  findMoreBirthDates(text, lower, han, tables || text.includes('<td') || CSV_ROW.test(text), found);
  if (has('letter')) findLetterHealth(text, found);
  const hr = has('hr');
  const home = has('home');
  const possessive = has('possessive');
  const health = has('chat');
  if (hr || home || possessive || health) findInRunningText(text, lower(), found, hr, home, possessive, health);
  if (hr || han || has('tax')) findMoreHr(text, lower(), han, found);
  if (has('chat') && text.includes(':')) findChatHealth(text, found);
  if (han) findChinese(text, found);
}
