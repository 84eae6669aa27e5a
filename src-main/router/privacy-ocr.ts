// Scanned text read back by OCR confuses letters and digits that look alike: O and 0, l and I and 1
// ("Mob: O7911 3O4 582", "2024-O3-l4", "Date of Birth: Twenty-first 0ctober 1958", "Name of chi1d").
// The detectors look for digits in number runs and letters in words, so a second reading of such a
// text puts each back: a confusable letter inside a run that is otherwise digits becomes a digit, a
// 0 or 1 inside a word that is otherwise letters becomes a letter. One code unit for one, so every
// span found in the folded text is the same span in the original. Words with many digits (keys, hex,
// model numbers such as mp3 or x86) are left as they are.

import { countDigits } from './privacy-checks.js';

const CONFUSABLE_LETTER = /[OolI]/;
const CONFUSABLE_DIGIT = /[01]/;

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/** A number run with a few confusable letters in it (O7911, 3O4, O3, l4): the letters as digits. */
function foldNumberRun(run: string): string | undefined {
  let digits = 0;
  let confusable = 0;
  for (const c of run) {
    if (isDigit(c)) digits++;
    else if (CONFUSABLE_LETTER.test(c)) confusable++;
    else return undefined;
  }
  if (confusable === 0 || digits < confusable) return undefined;
  return run.replace(/[Oo]/g, '0').replace(/[lI]/g, '1');
}

/** A word with a 0 or 1 standing for a letter (0ctober, chi1d, W1LLIAM, PASSP0RT): the digits as letters. */
function foldWordRun(run: string): string | undefined {
  let letters = 0;
  let confusable = 0;
  for (const c of run) {
    if (isLetter(c)) letters++;
    else if (CONFUSABLE_DIGIT.test(c)) confusable++;
    else return undefined;
  }
  if (confusable === 0 || confusable > 2 || letters < confusable * 2) return undefined;
  // A leading digit before a short ending is a quantity and its unit (1px, 1ft, 2nd), not a letter.
  if (isDigit(run[0]) && letters < 3) return undefined;
  let out = '';
  for (let i = 0; i < run.length; i++) {
    const c = run[i]!;
    if (isLetter(c)) {
      out += c;
      continue;
    }
    // Only a digit with a letter after it (0ctober) or between letters (chi1d); "Windows10" ends in a number.
    const before = run[i - 1];
    const after = run[i + 1];
    if (after === undefined || !isLetter(after)) return undefined;
    const upper = (before === undefined || (before >= 'A' && before <= 'Z')) && after >= 'A' && after <= 'Z';
    const capital = before === undefined || upper;
    if (c === '0') out += capital ? 'O' : 'o';
    else out += upper || (before === undefined && after >= 'a' && after <= 'z') ? 'I' : 'l';
  }
  return out;
}

/** "0F" between words in capitals (DATE 0F BIRTH): two characters, read as a capital word only in a line of capitals. */
function foldCapitalPair(text: string, at: number, run: string): string | undefined {
  if (run.length !== 2 || !CONFUSABLE_DIGIT.test(run[0]!) || !(run[1]! >= 'A' && run[1]! <= 'Z')) return undefined;
  const left = text[at - 2];
  const right = text[at + 3];
  if (!(left !== undefined && left >= 'A' && left <= 'Z' && right !== undefined && right >= 'A' && right <= 'Z')) return undefined;
  return (run[0] === '0' ? 'O' : 'I') + run[1]!;
}

// Where a confusion may be: a confusable letter touching a digit, or a 0 or 1 inside or opening a word.
// Every alternative starts at the digit and looks behind it, so the scan skips from digit to digit.
const TRIGGER = /[0-9](?:[OolI]|(?<=[OolI].))|[01](?:(?<=[A-Za-z].)[A-Za-z]|(?<![A-Za-z0-9].)(?:[A-Za-z]{2}|[A-Z](?![A-Za-z0-9])))/g;
// One confusion is as likely a formula, a unit or a typo (O2, 1rem, l0 years); a scan has several.
const MIN_FOLDS = 2;

/** The text with OCR's letter/digit confusions put back, or undefined when it has fewer than MIN_FOLDS (the usual case). */
export function ocrFold(text: string): string | undefined {
  // The folded text is built from pieces once at the end: a rebuild per fold would be quadratic.
  const pieces: string[] = [];
  let copied = 0;
  let folds = 0;
  let lastRunEnd = -1;
  TRIGGER.lastIndex = 0;
  for (let t = TRIGGER.exec(text); t !== null; t = TRIGGER.exec(text)) {
    // The whole run of letters and digits around the trigger, each run once; one longer than 40 is not a word or a number.
    let from = t.index;
    while (from > 0 && from > t.index - 41 && isAlnum(text[from - 1])) from--;
    let to = t.index;
    while (to < text.length && to - from <= 41 && isAlnum(text[to])) to++;
    if (from < lastRunEnd) {
      TRIGGER.lastIndex = Math.max(TRIGGER.lastIndex, to);
      continue;
    }
    if (to - from > 40 || to - from < 2 || (from > 0 && isAlnum(text[from - 1]))) {
      let end = to;
      while (end < text.length && isAlnum(text[end])) end++;
      lastRunEnd = end;
      TRIGGER.lastIndex = end;
      continue;
    }
    lastRunEnd = to;
    TRIGGER.lastIndex = to;
    const run = text.slice(from, to);
    // Only whole runs: part of an identifier (user_id, sk-…, a@b) is code. A number's parts may be joined by dashes (2024-O3-O2).
    const before = text[from - 1] ?? ' ';
    const after = text[to] ?? ' ';
    if (/[\w@$]/.test(before) || /[\w@$]/.test(after)) continue;
    // A number's parts joined by a dash after a digit (2024-O3), not a name's suffix (gpt-4o); a word not inside a decimal (0.1cm).
    const joined = before === '-' && !isDigit(text[from - 2]);
    const inNumber = before === '.' || before === ',' || before === '-' || after === '-';
    // One digit alone with a letter (O2, B1) is a formula or a code; in a date's parts (2024-O3-l4) it is OCR.
    const shortNumber = !(before === '-' || after === '-') && countDigits(run) < 2;
    const number = joined || shortNumber ? undefined : foldNumberRun(run);
    const folded = number ?? (joined || inNumber || /^0x/i.test(run) ? undefined : (foldWordRun(run) ?? foldCapitalPair(text, from, run)));
    if (folded === undefined || folded === run) continue;
    pieces.push(text.slice(copied, from), folded);
    copied = to;
    folds++;
  }
  if (folds < MIN_FOLDS) return undefined;
  pieces.push(text.slice(copied));
  return pieces.join('');
}

function isAlnum(c: string | undefined): boolean {
  return isDigit(c) || isLetter(c);
}
