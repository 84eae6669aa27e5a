// One pass over a prompt's characters for the difficulty features (features.ts): the character
// classes, and the counts that used to take a regex pass each (sentence ends, non-empty lines,
// question marks, sentences with a number). Each count is defined by the regex it replaced, and
// test/unit/router-feature-chars.test.ts checks it against that regex.

/** What scanCharacters counts. One object, reused from prompt to prompt (no garbage per call). */
export interface CharScan {
  upper: number;
  lower: number;
  digits: number;
  /** Characters other than letters, digits, '_', CJK ideographs, space, \n, \t and \r. */
  punct: number;
  underscores: number;
  /** '{' and '}'. */
  braces: number;
  /** CJK unified ideographs (U+4E00-U+9FFF). */
  cjk: number;
  nonAscii: number;
  /** Matches of /\?/g. */
  questionMarks: number;
  /** Matches of /[.?!](?=\s|$)/g. */
  sentenceEnds: number;
  /** Matches of /\S[^\n]*\/g: the lines (between \n) with a character other than whitespace. */
  lines: number;
  /** Matches of /[^.?!\n]+[.?!\n]?/g that hold a digit: the runs of characters other than . ? ! \n with one. */
  numericSentences: number;
  /** Matches of /^[ \t]*\(?[A-Da-d][.)][ \t]+\S/gm: answer options A-D, one a line. */
  optionLinesAD: number;
  /** Matches of /^[ \t]*\(?[A-Ja-j][.)][ \t]+\S/gm: lettered lines A-J. */
  optionLinesAJ: number;
  /** Matches of the same with ':' too, /^[ \t]*\(?[A-Ja-j][.):][ \t]+\S/gm. */
  optionLinesAJColon: number;
  /** Matches of /^[ \t]*(?:[-*•]|\d+[.)])[ \t]+\S/gm: bulleted and numbered list items. */
  listLines: number;
  /** seen[c] is 1 when ASCII character c occurs: a pattern that needs an absent one cannot match. */
  seen: Uint8Array;
}

const scan: CharScan = {
  upper: 0,
  lower: 0,
  digits: 0,
  punct: 0,
  underscores: 0,
  braces: 0,
  cjk: 0,
  nonAscii: 0,
  questionMarks: 0,
  sentenceEnds: 0,
  lines: 0,
  numericSentences: 0,
  optionLinesAD: 0,
  optionLinesAJ: 0,
  optionLinesAJColon: 0,
  listLines: 0,
  seen: new Uint8Array(128),
};

/** Whether a UTF-16 code unit is in the regex class \s (WhiteSpace and LineTerminator). */
export function isRegexSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Counts the characters of `text` (see CharScan). The result is overwritten by the next call:
 * read it before calling again.
 */
export function scanCharacters(text: string): CharScan {
  const n = text.length;
  const seen = scan.seen;
  seen.fill(0);
  scan.optionLinesAD = 0;
  scan.optionLinesAJ = 0;
  scan.optionLinesAJColon = 0;
  scan.listLines = 0;
  readLineStart(text, 0);
  let upper = 0;
  let lower = 0;
  let digits = 0;
  let punct = 0;
  let underscores = 0;
  let braces = 0;
  let cjk = 0;
  let nonAscii = 0;
  let questionMarks = 0;
  let sentenceEnds = 0;
  let lines = 0;
  let numericSentences = 0;
  // Whether the current line has a non-space character, and the current sentence a digit.
  let lineHasText = false;
  let sentenceHasDigit = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // Letters, digits, '_' and ideographs first: the common case, none of them a space or an end.
    if (c >= 97 && c <= 122) {
      lower++;
      lineHasText = true;
    } else if (c >= 65 && c <= 90) {
      upper++;
      lineHasText = true;
    } else if (c >= 48 && c <= 57) {
      digits++;
      lineHasText = true;
      sentenceHasDigit = true;
    } else if (c === 95) {
      underscores++;
      lineHasText = true;
    } else if (c >= 0x4e00 && c <= 0x9fff) {
      cjk++;
      lineHasText = true;
    } else {
      if (c !== 32 && c !== 10 && c !== 9 && c !== 13) {
        punct++;
        if (c === 123 || c === 125) braces++;
      }
      // The line terminators of a multiline regex's ^: \n, \r, U+2028, U+2029.
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) readLineStart(text, i + 1);
      if (c === 10) {
        if (lineHasText) lines++;
        lineHasText = false;
        if (sentenceHasDigit) numericSentences++;
        sentenceHasDigit = false;
      } else if (!isRegexSpace(c)) {
        lineHasText = true;
        if (c === 46 || c === 63 || c === 33) {
          if (c === 63) questionMarks++;
          if (i + 1 === n || isRegexSpace(text.charCodeAt(i + 1))) sentenceEnds++;
          if (sentenceHasDigit) numericSentences++;
          sentenceHasDigit = false;
        }
      }
    }
    if (c < 128) seen[c] = 1;
    else nonAscii++;
  }
  if (lineHasText) lines++;
  if (sentenceHasDigit) numericSentences++;
  scan.upper = upper;
  scan.lower = lower;
  scan.digits = digits;
  scan.punct = punct;
  scan.underscores = underscores;
  scan.braces = braces;
  scan.cjk = cjk;
  scan.nonAscii = nonAscii;
  scan.questionMarks = questionMarks;
  scan.sentenceEnds = sentenceEnds;
  scan.lines = lines;
  scan.numericSentences = numericSentences;
  return scan;
}

/** Whether code unit c is a space or a tab ([ \t]). */
function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Whether text[at] starts [ \t]+\S. Greedy blanks, then a non-space: giving blanks back cannot
 * help, since \S would then face a blank.
 */
function blanksThenText(text: string, at: number): boolean {
  let j = at;
  while (j < text.length && isBlank(text.charCodeAt(j))) j++;
  return j > at && j < text.length && !isRegexSpace(text.charCodeAt(j));
}

/**
 * Counts the line-start patterns of CharScan that match at line start p. Each is anchored by ^
 * and consumes no line terminator, so a line holds at most one match of each, at its start.
 */
function readLineStart(text: string, p: number): void {
  const n = text.length;
  let j = p;
  while (j < n && isBlank(text.charCodeAt(j))) j++;
  if (j >= n) return;
  const c = text.charCodeAt(j);
  // List items: [-*•] or digits then [.)].
  if (c === 45 || c === 42 || c === 0x2022) {
    if (blanksThenText(text, j + 1)) scan.listLines++;
  } else if (c >= 48 && c <= 57) {
    let k = j + 1;
    while (k < n && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    const d = text.charCodeAt(k);
    if ((d === 46 || d === 41) && blanksThenText(text, k + 1)) scan.listLines++;
  }
  // Lettered lines: an optional '(' (giving it back leaves '(' where a letter must be), a letter, a mark.
  const at = c === 40 ? j + 1 : j;
  const letter = text.charCodeAt(at) | 32;
  if (letter < 97 || letter > 106) return;
  const mark = text.charCodeAt(at + 1);
  if (mark !== 46 && mark !== 41 && mark !== 58) return;
  if (!blanksThenText(text, at + 2)) return;
  scan.optionLinesAJColon++;
  if (mark === 58) return;
  scan.optionLinesAJ++;
  if (letter <= 100) scan.optionLinesAD++;
}
