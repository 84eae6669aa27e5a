// Dates of birth in shapes the birth-word rules miss (read by findRecordsAndShapes in privacy-records.ts):
// - table rows (HTML, Markdown, CSV, tabs) with a name in one cell and a full date in another, in a list of people
//   whose dates are birth dates: a school's enrolment, a club's members, passengers, patients. A column headed
//   "joined", "start" or "due" holds other dates, and an event table has no name cells.
// - pinyin: "shi 2018 nian 3 yue 5 hao chusheng de", "chusheng yu 1995 nian 4 yue 2 ri", "shengri shi …", beside a name or
//   a relative.
// - Chinese with the year and the birthday given apart: 郑德明（1938年生，生日12月15号）.
// - code and JSON that key a full date by a name, in a text about birthdays: {"爸爸 刘国强": "1963-10-08"}.
// Every pattern is bounded and sits behind a cheap test of the text.
import { firstMatches } from './privacy-match.js';
import { someoneIn } from './privacy-loose-shapes.js';
import { LIMIT, type RecordFound } from './privacy-records-common.js';
import { PERSON_LABELS } from './privacy-labels.js';
import { findNames, SURNAME_ANY } from './privacy-person-names.js';

// A birth year is before this one: a date in the current year in a table is an event's, not a birthday.
const LAST_BIRTH_YEAR = new Date().getFullYear() - 1;

// ---------------------------------------------------------------- table rows

const MAX_LINES = 200;
const MAX_LINE = 300;
// A cell that is only a name: two to four capitalised words (accents allowed), or a Chinese name.
const NAME_CELL = new RegExp(`^(?:[A-ZÀ-Þ][a-zß-ÿ'’-]{1,20}(?: [A-ZÀ-Þ][a-zß-ÿ'’-]{1,20}){1,3}|${SURNAME_ANY}[\\u4e00-\\u9fff]{1,2})$`);
// A cell that is only a full date, year first or last.
export const FULL_DATE = /^(?:(19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](19|20)\d{2})$/;
// Lists whose people's dates are birth dates, and the birth words themselves. Not players or squads: a results table
// pairs public figures with match dates, and a team's members are listed with the dates they joined.
const ROSTER =
  /\b(?:students?|pupils?|enrol(?:l?ment|led|s)?|enroll(?:ment|ed|s)?|class list|passengers?|(?<!(?:team|staff|core|board|committee|project|crew) )members?|membership|patients?|children|kids|dob|d\.o\.b|birth|born|birthdays?|date of birth)\b|学生|學生|名单|名單|出生|生日/i;
// A header that says the dates are something else: joining, starting, a deadline, an appointment.
const OTHER_DATE_HEADER =
  /\b(?:joined|join date|joining|start(?:ed|ing)?|hired?|created|updated|modified|due|deadline|appointment|visit|expir(?:y|es|ation)|issued|event|meeting|signed|paid|ordered|shipped|released?|last (?:login|seen)|date of (?!birth))\b/i;
const TABLE_MARK = /<td|\||\t|[,;]/;

/** The cells of one line: HTML cells, or the parts between "|", tabs, commas or semicolons. */
function cellsOf(line: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  const sep = line.includes('<td') ? /<\/?t[dh][^>]*>/g : line.includes('|') ? /\|/g : line.includes('\t') ? /\t/g : /[,;]/g;
  let last = 0;
  const push = (end: number): void => {
    const raw = line.slice(last, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text !== '') out.push({ text, at: last + lead });
  };
  for (let m = sep.exec(line); m !== null; m = sep.exec(line)) {
    push(m.index);
    last = m.index + m[0].length;
  }
  push(line.length);
  return out;
}

/** Rows with a name cell and a birth-year date cell, in a list of people whose dates are birth dates. */
function findTableBirthDates(text: string, found: RecordFound): void {
  if (!ROSTER.test(text)) return;
  const rows: { start: number; end: number }[] = [];
  let offset = 0;
  let lines = 0;
  for (const line of text.split('\n')) {
    if (++lines > MAX_LINES) break;
    if (line.length <= MAX_LINE && TABLE_MARK.test(line) && /\d/.test(line)) {
      const cells = cellsOf(line);
      const date = cells.find((c) => FULL_DATE.test(c.text));
      if (date !== undefined && cells.some((c) => NAME_CELL.test(c.text))) {
        const year = Number(/(?:19|20)\d{2}/.exec(date.text)![0]);
        if (year <= LAST_BIRTH_YEAR) rows.push({ start: offset + date.at, end: offset + date.at + date.text.length });
      }
    } else if (line.length <= MAX_LINE && OTHER_DATE_HEADER.test(line) && TABLE_MARK.test(line)) {
      // A header naming the dates as something else: the rows under it are not birthdays.
      return;
    }
    offset += line.length + 1;
  }
  // One row alone needs a birth word: a roster word with one date may be anything.
  if (rows.length < 2 && !/\b(?:dob|d\.o\.b|birth|born)\b|出生|生日/i.test(text)) return;
  for (const r of rows.slice(0, LIMIT)) found('birth-date', PERSON_LABELS['birth-date'], r.start, r.end);
}

// ---------------------------------------------------------------- pinyin

const PINYIN_HINT = /\d ?nian ?\d/i;
const PINYIN_DATE = /\b(?:19|20)\d{2} ?nian ?\d{1,2} ?yue ?\d{1,2} ?(?:hao|ri)\b/g;
const PINYIN_BIRTH = /\bchu ?(?:sheng|shi)\b|\bsheng ?(?:yu|ri)\b/;
const PINYIN_KIN = /\b(?:erzi|nver|n[uü]['’]?er|haizi|baobao|laopo|laogong|mama|baba|nainai|yeye|waipo|waigong|didi|meimei|gege|jiejie)\b/;
const PINYIN_REACH = 24;
const PERSON_REACH = 120;

/** A full date in pinyin next to its birth word, beside a name or a relative. */
function findPinyinBirthDates(text: string, lower: string, found: RecordFound): void {
  firstMatches(PINYIN_DATE, lower, LIMIT, (m) => {
    const end = m.index + m[0].length;
    const around = lower.slice(Math.max(0, m.index - PINYIN_REACH), end + PINYIN_REACH);
    if (!PINYIN_BIRTH.test(around)) return;
    const from = Math.max(0, m.index - PERSON_REACH);
    if (PINYIN_KIN.test(lower.slice(from, end)) || someoneIn(text.slice(from, end + 40))) found('birth-date', PERSON_LABELS['birth-date'], m.index, end);
  });
}

// ---------------------------------------------------------------- Chinese: the year and the birthday apart

const YEAR_AND_BIRTHDAY_ZH =
  /(?:19|20)\d{2}\s?年\s?(?:出生|出世|生)[^。\n]{0,12}?生日\s?(?:是|係|为|為)?\s?\d{1,2}\s?月\s?\d{1,2}\s?[日号號]?|生日\s?(?:是|係|为|為)?\s?\d{1,2}\s?月\s?\d{1,2}\s?[日号號]?[^。\n]{0,12}?(?:19|20)\d{2}\s?年\s?(?:出生|出世|生)/g;

/** 1938年生，生日12月15号: a year of birth and a birthday, beside a name or a relative. */
function findYearAndBirthday(text: string, found: RecordFound): void {
  firstMatches(YEAR_AND_BIRTHDAY_ZH, text, LIMIT, (m) => {
    if (someoneIn(text.slice(Math.max(0, m.index - PERSON_REACH), m.index + m[0].length + 20)))
      found('birth-date', PERSON_LABELS['birth-date'], m.index, m.index + m[0].length);
  });
}

// ---------------------------------------------------------------- code: a name keyed to a full date

// A dict, JSON or YAML entry whose key holds a name (with a relative before it, 爸爸 刘国强) and whose value is a full
// date, in a text about birthdays: family = {"爸爸 刘国强": "1963-10-08"}.
const KEYED_DATE = /["']([^"'\n]{2,40})["']\s?:\s?["']((?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2})["']/g;
// A Chinese name ends the key; a Latin one is read as findNames reads names ("Spring Update" is none).
const CHINESE_NAME_IN_KEY = new RegExp(`(?:^|\\s)${SURNAME_ANY}[\\u4e00-\\u9fff]{1,2}$`);
const nameInKey = (key: string): boolean => CHINESE_NAME_IN_KEY.test(key) || findNames(key).some((n) => n.relative !== true);
const BIRTHDAY_TALK = /\b(?:birthdays?|born|dob|date of birth)\b|生日|出生/i;

/** Full dates keyed by a person's name in code or JSON, in a text about birthdays. */
function findKeyedBirthDates(text: string, found: RecordFound): void {
  firstMatches(KEYED_DATE, text, LIMIT, (m) => {
    const start = m.index + m[0].lastIndexOf(m[2]!);
    if (nameInKey(m[1]!)) found('birth-date', PERSON_LABELS['birth-date'], start, start + m[2]!.length);
  });
}

const SSR_DOCS = /\bSSR DOCS\b[^\n]{0,80}?\/[A-Z]{3}\/(\d{2}[A-Z]{3}\d{2})(?=\/[MFU]I?\/)/g;

/** Birth dates in table rows, code, pinyin, airline passport lines, and in Chinese with the year and the birthday apart. `lower` gives the text lower-cased. */
export function findMoreBirthDates(text: string, lower: () => string, han: boolean, table: boolean, found: RecordFound): void {
  if (table) findTableBirthDates(text, found);
  // An airline booking's passport line (IATA SSR DOCS): …/GBR/11MAR68/M/15SEP31/FASHOLA/ABIODUN — the date after the
  // nationality is the passenger's birth date.
  if (text.includes('DOCS'))
    firstMatches(SSR_DOCS, text, LIMIT, (m) => found('birth-date', PERSON_LABELS['birth-date'], m.index + m[0].length - m[1]!.length, m.index + m[0].length));
  if ((text.includes('":') || text.includes("':")) && BIRTHDAY_TALK.test(text)) findKeyedBirthDates(text, found);
  if (PINYIN_HINT.test(text)) findPinyinBirthDates(text, lower(), found);
  if (han && text.includes('生日')) findYearAndBirthday(text, found);
}
