// A record's fields, however it is written: "Label: value" forms (one a line, several on a line apart by tabs
// or wide gaps), JSON and YAML keys, a label and its value apart by a wide gap (OCR'd passports), key=value logs
// and query strings, XML elements, Chinese form fields apart by a space (被保险人 鄭家豪), and the rows of a
// table under its header (tab, "|", or for CSV "," and ";"). Each label is read by privacy-records-keys.ts.
import { KEY_VALUE, keyKind, XML_FIELD, ZH_FIELD, type FieldKind } from './privacy-records-keys.js';
import { firstMatches } from './privacy-match.js';
import { LIMIT } from './privacy-records-common.js';

// Labels the key lexicon does not hold: a name of someone, a person's role, a detail with its usual words.
const FIELD_LABELS: ReadonlyArray<readonly [FieldKind, RegExp]> = [
  [
    'person',
    /^(?:(?:full |first |last |family |given |sur|fore|maiden )?names?|name of (?:child|patient|employee|insured|deceased|applicant)|first|last|patient(?: name)?|employee(?: name)?|staff(?: member| name)?|worker|colleague|child(?:'s name)?|insured(?: person)?|policy ?holder|applicant|claimant|player|student|pupil|passenger|guest|tenant|candidate|联系人|收件人|收货人|学生|住户|姓)$/,
  ],
  ['birth-date', /^(?:d\.o\.b\.?|date of birth|birth ?date|born)$/],
  ['health', /^(?:condition|medical condition|admitting diagnosis|discharge diagnosis|医嘱|出院医嘱)$/],
  [
    'employment',
    /^(?:base|rating|pay|increment|raise|merit increase|new salary|current salary|gross|net|gross pay|net pay|take[- ]home|bonus|payout|绩效|绩效评级|应发|实发|应发工资|实发工资)(?: ?\((?:[a-z$£€¥]{1,5}|%)\)| ?%)?$/,
  ],
  ['passport', /^(?:passport (?:no\.?|number)|passport no)$/],
];

// An employee's standing by its count or level, as HR tables give it: "Sick days 2024 | 17", "Flight risk | high". The
// count is the detail, so it needs no amount's shape; a product's "Rating: 4.5" stays out (a rating needs a word or a
// grade, valueFits).
const STANDING_LABEL =
  /^(?:sick(?:ness)? (?:days|absences?)|days (?:sick|absent|off sick)|absence days|absences|unauthori[sz]ed absences|(?:flight|attrition|retention) risk|9-box|nine-box)(?: \(?(?:19|20)\d{2}\)?| \(days\))?$/i;
const STANDING_VALUE = /^(?:\d{1,3}(?:\.\d)?(?: days?)?|low|medium|high)$/i;

/** True when a field's label gives an employee's standing (STANDING_LABEL). */
export function standingLabel(label: string): boolean {
  return label.length <= 40 && STANDING_LABEL.test(label.trim());
}

/** The kind of a field's label, or undefined; a bilingual label (Surname/Nom) is read by either half. */
export function fieldKind(label: string): FieldKind | undefined {
  if (label.length > 60) return undefined;
  if (standingLabel(label)) return 'employment';
  const parts = label
    .toLowerCase()
    .replace(/(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .split('/');
  for (const part of parts) {
    const p = part.trim().replace(/^["']|["']$/g, '');
    for (const [kind, re] of FIELD_LABELS) if (re.test(p)) return kind;
    const kind = keyKind(p);
    if (kind !== undefined) return kind;
  }
  return undefined;
}

// A value that reads as a name: capitalised or all-caps Latin words (with initials, hyphens, apostrophes,
// accents), or two to four Chinese characters (OCR may space them out).
// A name, or a user's handle made of one (mila.rourke, zhang_lei), as a log's user= field holds it.
const NAME_VALUE = /^(?:\p{Lu}[\p{L}'’.-]{0,24}(?:,? \p{Lu}[\p{L}'’.-]{0,24}){0,4}|[\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){1,3}|[a-z]{2,20}[._][a-z]{2,20})$/u;
export const PLACEHOLDER_VALUE =
  /^(?:n\/?a|none|tbd|tba|unknown|name|surname|your name|full name|first name|last name|john doe|jane doe|john smith|jane smith|test|test user|sample|example|max mustermann|erika mustermann|(?:test|demo|sample|dummy|fake|mock|example) (?:patient|customer|client|employee|member|person|account|name)|(?:employee|person|staff|patient|candidate|student|pupil|user|customer|client|member|worker|applicant) (?:[A-Z]|\d{1,3})|x+|_+|-+|\.+|本人|同上|无|略|某某|张三|李四|王五)$/i;

// A team, an office or a company in a person's field ("Organizer: People Team", "Owner: Finance Department").
export const GROUP_VALUE = / (?:Team|Teams|Office|Department|Dept|Committee|Group|Board|Council|Desk|Services?|Support|Unit|Centre|Center|Ltd|Inc|GmbH|LLC|PLC)$/;

/** True when a person field's value reads as a name. */
export function nameValue(value: string): boolean {
  const v = value.trim();
  return NAME_VALUE.test(v) && !PLACEHOLDER_VALUE.test(v) && !/^(?:Mr|Mrs|Ms|Male|Female|M|F|Yes|No|True|False|Null|String)\.?$/i.test(v) && !GROUP_VALUE.test(v);
}

const FULL_YEAR = /(?:^|\D)(?:19|20)\d{2}(?:\D|$)/;
const SHORT_DATE = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b/;

/** True when a field's value holds what its label promises (a date with a year, a number, some words). */
export function valueFits(kind: FieldKind, value: string, standing = false): boolean {
  const v = value.trim();
  if (standing) return STANDING_VALUE.test(v);
  if (v === '' || PLACEHOLDER_VALUE.test(v) || /^[_\s/.-]+$/.test(v)) return false;
  // Taiwan writes the year of the Republic (民國85年 is 1996).
  if (kind === 'birth-date') return FULL_YEAR.test(v) || SHORT_DATE.test(v) || /民[國国]\s?\d{2,3}\s?年/.test(v);
  if (kind === 'passport') return /^[A-Z0-9]{0,2}\d{6,9}$/.test(v.replace(/\s/g, ''));
  if (kind === 'phone') return /^\+?[\d ().-]{7,22}$/.test(v) && (v.match(/\d/g)?.length ?? 0) >= 7;
  if (kind === 'address') return /\d/.test(v) && /[\p{L}]{3}/u.test(v);
  // Pay is an amount (54,200; 41k; 2%), a rating a word or a grade: "Rating: 4.5" is a product's.
  if (kind === 'employment')
    return (
      /\d{3}|\d[.,]\d{3}|\d ?(?:k|K|M|%|万|元)/.test(v) || /^(?:exceeds|meets|below|partially meets|needs improvement|outstanding|[A-E][+-]?)(?: expectations)?$/i.test(v)
    );
  return /[A-Za-z\u4e00-\u9fff]{2}/.test(v);
}

export interface Field {
  kind: FieldKind;
  value: string;
  start: number;
  end: number;
  /** The label gives an employee's standing (standingLabel): its value is a count or a level. */
  standing?: boolean;
}

// "Label: value" fields, one or more on a line (apart by a tab or 2+ spaces), JSON "key": "value", a Python or JS
// object's 'key': 'value' and YAML key: value (in a list item too).
// A field may follow another on the same line after a colon ("clean it up: Name: …"), so a value holds no colon.
// A JSON string value is read whole, colons and all ("dateOfBirth": "1993-08-27T00:00:00.000Z").
const LINE_FIELD =
  /(?:^|(?<=\t| {2}|[{,;|]|[:：|] |^[ \t]{0,12}- ))[ \t]*["']?([A-Za-z\u00c0-\u024f\u4e00-\u9fff](?:[\w\u00c0-\u024f\u4e00-\u9fff.'/()$£€¥-]| (?! )){0,40}?)["']?[ \t]*[:：][ \t]*(?:"([^"\n]{1,80})"(?=[ \t]*(?:,|[}\]]|$))|"?([^\t\n":：|]{1,80}?)"?(?=\t| {2}|,(?!\d)|[}|]| \||$))/gm;
// A label and its value with no colon, apart by a wide gap (OCR'd passports: "Surname/Nom   OKAFOR").
const GAP_FIELD = /^[ \t]*([A-Za-z][A-Za-z ./'()]{1,40}?) {3,}([^\t\n]{1,60}?)[ \t]*$/gm;

/** The labelled fields of the text whose label the lexicon knows; `keyed` adds key=value and XML, `han` Chinese fields apart by a space. */
export function fieldsIn(text: string, keyed: boolean, han: boolean): Field[] {
  const out: Field[] = [];
  const add = (label: string, value: string, valueStart: number): void => {
    // A standing label (sick days, flight risk) is an employment field whose value is a count or a level: asked once.
    const standing = standingLabel(label);
    const kind = standing ? 'employment' : fieldKind(label);
    if (kind === undefined) return;
    let trimmed = value.replace(/\s+$/, '');
    let start = valueStart;
    // A single-quoted value ('Hamid'): the quotes are not part of it (an apostrophe inside, O'Brien, is).
    if (trimmed.length > 2 && trimmed.startsWith("'") && trimmed.endsWith("'")) {
      trimmed = trimmed.slice(1, -1);
      start++;
    }
    out.push({ kind, value: trimmed, start, end: start + trimmed.length, ...(standing ? { standing: true } : {}) });
  };
  const tail = (m: RegExpExecArray, value: string, after = 0): number => m.index + m[0].length - value.length - after;
  if (/[:：]/.test(text))
    firstMatches(LINE_FIELD, text, LIMIT * 4, (m) => {
      const value = m[2] ?? m[3]!;
      add(m[1]!, value, tail(m, value, m[0].endsWith('"') ? 1 : 0));
    });
  if (text.includes('   ')) firstMatches(GAP_FIELD, text, LIMIT * 4, (m) => add(m[1]!, m[2]!, tail(m, m[2]!, m[0].length - m[0].trimEnd().length)));
  if (han) firstMatches(ZH_FIELD, text, LIMIT * 4, (m) => add(m[1]!, m[2]!, tail(m, m[2]!)));
  if (!keyed) return out;
  if (text.includes('='))
    firstMatches(KEY_VALUE, text, LIMIT * 4, (m) => {
      const value = m[2] ?? m[3] ?? m[4]!;
      // A query string's spaces are "+" or %20; the span stays the written one.
      const read = value.replace(/\+|%20/g, ' ');
      const kind = fieldKind(m[1]!);
      const end = tail(m, '', m[4] === undefined ? 1 : 0);
      if (kind !== undefined) out.push({ kind, value: read, start: end - value.length, end });
    });
  if (text.includes('</')) firstMatches(XML_FIELD, text, LIMIT * 4, (m) => add(m[1]!, m[2]!, m.index + m[0].indexOf('>') + 1));
  return out;
}

/** The cells of a line split by `sep`, each with its offset in the line; quotes around a CSV cell dropped. */
export function cellsOf(line: string, sep: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let at = 0;
  for (const raw of line.split(sep)) {
    const trimmed = raw.trim();
    const cell = trimmed.replace(/^["'`](.*)["'`]$/, '$1');
    out.push({ text: cell, at: at + raw.indexOf(cell) });
    at += raw.length + sep.length;
  }
  return out;
}

/** A table's header and rows (tab or "|", and "," or ";" when `csv`): person and detail columns read as fields of each row. */
export function tableFields(text: string, csv: boolean): Field[] {
  const out: Field[] = [];
  const lines = text.split('\n', 200);
  let offset = 0;
  let header: { sep: string; kinds: (FieldKind | undefined)[]; standing: boolean[] } | undefined;
  for (const line of lines) {
    const sep = line.includes('\t') ? '\t' : line.includes('|') ? '|' : csv && line.includes(',') ? ',' : csv && line.includes(';') ? ';' : undefined;
    // A long line of prose with commas is no CSV header: not split at all.
    if (sep === undefined || (header === undefined && line.length > 300 && (sep === ',' || sep === ';'))) header = undefined;
    else {
      const cells = cellsOf(line, sep);
      if (header !== undefined && header.sep === sep && cells.length === header.kinds.length) {
        cells.forEach((cell, i) => {
          const kind = header!.kinds[i];
          if (kind === undefined || cell.text === '') return;
          // A name split over two columns (First name, Last name) is read as one: "Bethany" alone is no full name.
          const next = cells[i + 1];
          if (kind === 'person' && header!.kinds[i + 1] === 'person' && next !== undefined && next.text !== '') {
            out.push({ kind, value: `${cell.text} ${next.text}`, start: offset + cell.at, end: offset + next.at + next.text.length });
            return;
          }
          if (kind === 'person' && header!.kinds[i - 1] === 'person' && (cells[i - 1]?.text ?? '') !== '') return;
          const field: Field = { kind, value: cell.text, start: offset + cell.at, end: offset + cell.at + cell.text.length };
          out.push(header!.standing[i] === true ? { ...field, standing: true } : field);
        });
      } else if (cells.length <= 40 && (sep === '\t' || sep === '|' || cells.every((c) => c.text.length <= 40))) {
        const kinds = cells.map((c) => fieldKind(c.text));
        const standing = cells.map((c) => standingLabel(c.text));
        header = kinds.some((k) => k === 'person') && kinds.some((k) => k !== undefined && k !== 'person') ? { sep, kinds, standing } : undefined;
      } else header = undefined;
    }
    offset += line.length + 1;
  }
  return out;
}
