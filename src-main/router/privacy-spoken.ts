// Numbers and e-mail addresses said aloud rather than typed: voice dictation and chat ("my social is
// five one two, four eight…", "oh seven seven double oh", "bernie dot coulter at hotmail dot co dot
// uk", 一三八…). A shadow text writes them as digits and symbols (512 48 …, bernie.coulter@hotmail.co.uk)
// so the id, card, phone, e-mail, date and address detectors read it as they read typed text; every
// shadow character keeps the span of the words it came from, so findings map back to the original.
// Also a password spelled out letter by letter after its name ("is lowercase m a p l e then seven").
// Bounded patterns, as in the rest of the detector; most prompts stop at one cheap test.
import { factored } from './privacy-factor.js';
import { hanMonthDays } from './privacy-dictated.js';
import { hasHan, lowerCased } from './privacy-text.js';

/**
 * A word table with no prototype: a lookup of any word the user typed ("constructor", "toString")
 * finds only the table's own entries, never an Object method.
 */
function wordTable(entries: Record<string, string>): Readonly<Record<string, string>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, string>, entries));
}

const DIGIT_WORDS = wordTable({
  zero: '0',
  oh: '0',
  o: '0',
  nought: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
});
const TEENS = wordTable({
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
});
const TENS = wordTable({ twenty: '2', thirty: '3', forty: '4', fifty: '5', sixty: '6', seventy: '7', eighty: '8', ninety: '9' });
const ORDINALS = wordTable({
  first: '1st',
  second: '2nd',
  third: '3rd',
  fourth: '4th',
  fifth: '5th',
  sixth: '6th',
  seventh: '7th',
  eighth: '8th',
  ninth: '9th',
  tenth: '10th',
  eleventh: '11th',
  twelfth: '12th',
  thirteenth: '13th',
  fourteenth: '14th',
  fifteenth: '15th',
  sixteenth: '16th',
  seventeenth: '17th',
  eighteenth: '18th',
  nineteenth: '19th',
  twentieth: '20th',
  thirtieth: '30th',
});
const HAN_DIGITS = wordTable({
  零: '0',
  〇: '0',
  一: '1',
  幺: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
});

const NUMBER_WORDS =
  'zero oh nought one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety double triple'.split(
    ' ',
  );
const NUMBER_WORD = `(?:${NUMBER_WORDS.join('|')})`;
// The same, lower case or capitalised, for the gate: case-sensitive patterns run several times faster.
const NUMBER_WORD_CASED = `(?:${NUMBER_WORDS.map((w) => `[${w[0]!}${w[0]!.toUpperCase()}]${w.slice(1)}`).join('|')})`;
// The cheap gates: two number words in a row (a lone "one" is everyday English), a dictated e-mail, or
// four Chinese digits in a row.
// A year said with "thousand" (two thousand and nine) passes too; "five thousand people" does not.
const SPOKEN_NUMBERS_HINT = factored(new RegExp(`\\b${NUMBER_WORD_CASED}(?:[ ,-]{1,3}| thousand (?:and )?)${NUMBER_WORD}\\b`));
const HAN_DIGITS_HINT = /[零〇一幺二两三四五六七八九]{4}/;
// One word at a time; the run logic below decides what a word means next to its neighbours.
const WORD = /[A-Za-z]+|[零〇一幺二两三四五六七八九]/g;
// name (dot name){0,4} at domain (dot part){1,4}: an e-mail address read out.
const SPOKEN_EMAIL =
  /(?<![A-Za-z0-9])([a-z0-9][a-z0-9_-]{0,30}(?: (?:dot|underscore) [a-z0-9][a-z0-9_-]{0,30}){0,4}) at ([a-z0-9][a-z0-9-]{0,30}(?: dot [a-z0-9-]{1,30}){1,4})(?![A-Za-z0-9])/gi;
const EMAIL_FILLER = /^(?:is|it's|its|me|us|to|email|mail|address|on|or|and|the|my|her|his|their)$/i;
// "name at domain dot com": the pattern explained, nobody's address.
const EMAIL_PLACEHOLDER =
  /^(?:name|user|username|your ?name|you|someone|first dot last|firstname|email|address|foo)$|^(?:domain|example|company|website|yourdomain|yoursite|site|host)\b/i;

/** A text with dictated numbers written as digits; `startAt`/`endAt` give each shadow character's span in the original. */
export interface ShadowText {
  text: string;
  startAt: Int32Array;
  endAt: Int32Array;
  /** The dictated numbers: the original span of each and the digits it was written as. */
  numbers: readonly DictatedNumber[];
}

/** A dictated number: where it was said in the original text and what it reads as. */
export interface DictatedNumber {
  start: number;
  end: number;
  out: string;
}

type Piece = DictatedNumber;

/** The digits one number word stands for at position i of the run, and how many words it took. */
function wordDigits(words: readonly string[], i: number): [string, number] | undefined {
  const w = words[i]!;
  const next = words[i + 1];
  if (w === 'double' || w === 'triple') {
    const d = next === undefined ? undefined : DIGIT_WORDS[next];
    return d === undefined ? undefined : [d.repeat(w === 'double' ? 2 : 3), 2];
  }
  if (DIGIT_WORDS[w] !== undefined && next === 'thousand') return thousands(words, i);
  if (DIGIT_WORDS[w] !== undefined) return [DIGIT_WORDS[w], 1];
  if (TEENS[w] !== undefined) return [TEENS[w], 1];
  if (TENS[w] !== undefined) {
    const unit = next === undefined ? undefined : DIGIT_WORDS[next];
    return unit !== undefined && unit !== '0' ? [TENS[w] + unit, 2] : [`${TENS[w]}0`, 1];
  }
  return undefined;
}

/** "two thousand (and) seventeen" as 2017: a year said in words, at position i of the run. */
function thousands(words: readonly string[], i: number): [string, number] {
  const k = words[i + 2] === 'and' ? i + 3 : i + 2;
  const rest = k < words.length && words[k] !== 'thousand' && words[k] !== 'double' && words[k] !== 'triple' ? wordDigits(words, k) : undefined;
  if (rest === undefined || rest[0].length > 2) return [`${DIGIT_WORDS[words[i]!]!}000`, 2];
  return [DIGIT_WORDS[words[i]!]! + rest[0].padStart(3, '0'), k - i + rest[1]];
}

interface Token {
  word: string;
  start: number;
  end: number;
}

/** "twenty eighth" (tens and an ordinal, a space or dash between) as "28th" at token i; undefined otherwise. */
function ordinalCompound(text: string, tokens: readonly Token[], i: number): string | undefined {
  const tens = TENS[tokens[i]!.word];
  const next = tokens[i + 1];
  if (tens === undefined || next === undefined || !/^[ -]$/.test(text.slice(tokens[i]!.end, next.start))) return undefined;
  const ordinal = ORDINALS[next.word];
  return ordinal !== undefined && ordinal.length === 3 ? tens + ordinal : undefined;
}

/** Runs of number words (with commas or dashes between groups) as digit pieces: "five one two, four eight" → "512 48". */
function numberPieces(text: string, tokens: readonly Token[], pieces: Piece[]): void {
  const words = tokens.map((t) => t.word);
  let i = 0;
  while (i < tokens.length) {
    // A run: number words separated only by spaces, commas or dashes.
    // "twenty eighth", "thirty-first": a day of the month.
    const compound = ordinalCompound(text, tokens, i);
    if (compound !== undefined) {
      pieces.push({ start: tokens[i]!.start, end: tokens[i + 1]!.end, out: compound });
      i += 2;
      continue;
    }
    let j = i;
    let out = '';
    let count = 0;
    while (j < tokens.length) {
      if (j > i) {
        if (ordinalCompound(text, tokens, j) !== undefined) break;
        const gap = text.slice(tokens[j - 1]!.end, tokens[j]!.start);
        if (!/^[ ,-]{1,3}$/.test(gap)) break;
        const d = wordDigits(words, j);
        if (d === undefined) break;
        out += gap.includes(',') ? ' ' : gap.includes('-') ? '-' : '';
      }
      const d = wordDigits(words, j);
      if (d === undefined) break;
      // "oh" and "o" are zero only inside a run of other number words.
      if ((words[j] === 'oh' || words[j] === 'o') && count === 0 && wordDigits(words, j + 1) === undefined) break;
      out += d[0];
      count += d[1];
      j += d[1];
    }
    if (count >= 2) {
      let start = tokens[i]!.start;
      let end = tokens[j - 1]!.end;
      // Letters spelled around six digits: a National Insurance number read out ("a b one two … c").
      if (/^\d{6}$/.test(out)) {
        const letter = (k: number, from: number, to: number): boolean => /^[a-z]$/.test(words[k] ?? '') && text.slice(from, to) === ' ';
        if (i >= 2 && letter(i - 1, tokens[i - 1]!.end, start) && letter(i - 2, tokens[i - 2]!.end, tokens[i - 1]!.start)) {
          out = words[i - 2]! + words[i - 1]! + out;
          start = tokens[i - 2]!.start;
          if (j < tokens.length && letter(j, end, tokens[j]!.start) && /^[a-d]$/.test(words[j]!)) {
            out += words[j]!;
            end = tokens[j]!.end;
            j++;
          }
        }
      }
      pieces.push({ start, end, out });
      i = j;
    } else {
      const ordinal = ORDINALS[words[i]!];
      if (ordinal !== undefined) pieces.push({ start: tokens[i]!.start, end: tokens[i]!.end, out: ordinal });
      i++;
    }
  }
}

/** The shadow text, or undefined when nothing in the text is dictated (most prompts: one regex test). */
export function spokenShadow(text: string): ShadowText | undefined {
  if (text.length > 20_000) return undefined;
  if (!text.includes(' dot ') && !SPOKEN_NUMBERS_HINT.test(text) && !(hasHan(text) && HAN_DIGITS_HINT.test(text))) return undefined;
  const pieces: Piece[] = [];
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) tokens.push({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  // Chinese digits: four or more in a row (一三八…), written as one number; a space between groups is kept (幺三八 幺二三四 …).
  const han: Piece[] = [];
  for (let i = 0; i < tokens.length;) {
    let j = i;
    let out = '';
    for (; j < tokens.length && HAN_DIGITS[tokens[j]!.word] !== undefined; j++) {
      const gap = j === i ? '' : text.slice(tokens[j - 1]!.end, tokens[j]!.start);
      if (gap !== '' && gap !== ' ') break;
      out += gap + HAN_DIGITS[tokens[j]!.word]!;
    }
    if (j - i >= 4) han.push({ start: tokens[i]!.start, end: tokens[j - 1]!.end, out });
    i = Math.max(j, i + 1);
  }
  numberPieces(
    text,
    tokens.filter((t) => HAN_DIGITS[t.word] === undefined),
    pieces,
  );
  pieces.push(...han, ...hanMonthDays(text));
  const numbers = pieces.filter((p) => /^[\d -]+$/.test(p.out));
  if (text.includes(' at ') && /\bdot\b/i.test(text)) {
    SPOKEN_EMAIL.lastIndex = 0;
    for (let m = SPOKEN_EMAIL.exec(text); m !== null; m = SPOKEN_EMAIL.exec(text)) {
      if (EMAIL_FILLER.test(m[1]!) || EMAIL_PLACEHOLDER.test(m[1]!) || EMAIL_PLACEHOLDER.test(m[2]!) || !/ dot [a-z]{2,6}$/i.test(m[2]!)) continue;
      const out = `${m[1]!.replace(/ dot /gi, '.').replace(/ underscore /gi, '_')}@${m[2]!.replace(/ dot /gi, '.')}`;
      // An e-mail address wins over number pieces inside it.
      for (let k = pieces.length - 1; k >= 0; k--) if (pieces[k]!.start < m.index + m[0].length && m.index < pieces[k]!.end) pieces.splice(k, 1);
      pieces.push({ start: m.index, end: m.index + m[0].length, out });
    }
  }
  if (!pieces.some((p) => /\d{2}|@/.test(p.out))) return undefined;
  pieces.sort((a, b) => a.start - b.start);
  let out = '';
  const startAt: number[] = [];
  const endAt: number[] = [];
  let at = 0;
  const copy = (to: number): void => {
    for (; at < to; at++) {
      out += text[at]!;
      startAt.push(at);
      endAt.push(at + 1);
    }
  };
  for (const p of pieces) {
    if (p.start < at) continue;
    copy(p.start);
    out += p.out;
    for (let k = 0; k < p.out.length; k++) {
      startAt.push(p.start);
      endAt.push(p.end);
    }
    at = p.end;
  }
  copy(text.length);
  return { text: out, startAt: Int32Array.from(startAt), endAt: Int32Array.from(endAt), numbers };
}

/** The original span of the shadow span [start, end). */
export function originalSpan(shadow: ShadowText, start: number, end: number): [number, number] {
  const last = Math.max(start, end - 1);
  return [shadow.startAt[start] ?? start, shadow.endAt[last] ?? end];
}

// A password's name, "is"/"to"/":", then what is said after it.
const SPELLED_SECRET_NAME = /\b(?:passwords?|passcode|passphrase|pin|pin code|login|code)\b[^\n.?!]{0,40}?(?:\bis\b|\bto\b|:)/gi;
const SPELLED_UNIT = new RegExp(`^(?:[a-z]|${NUMBER_WORD}|\\d)$`, 'i');
const SPELLED_FILLER =
  /^(?:then|the|number|numbers|lowercase|uppercase|capital|small|letter|letters|and|a|an|dash|hyphen|underscore|exclamation|mark|hash|at|sign|symbol|dot|star|space)$/i;
const SPELLED_REACH = 120;

/** A password spelled out after its name: at least four single letters or number words in the words that follow. */
export function findSpelledSecrets(text: string, found: (start: number, end: number) => void): void {
  // One lower-cased copy, shared with the record detectors, and four string searches instead of a case-insensitive
  // pattern over the whole text (the copy may only add a match, and SPELLED_SECRET_NAME decides).
  const lower = lowerCased(text);
  if (!lower.includes('pass') && !lower.includes('pin') && !lower.includes('login') && !lower.includes('code')) return;
  SPELLED_SECRET_NAME.lastIndex = 0;
  for (let m = SPELLED_SECRET_NAME.exec(text); m !== null; m = SPELLED_SECRET_NAME.exec(text)) {
    const from = m.index + m[0].length;
    const words = text.slice(from, from + SPELLED_REACH).split(/[\s,]+/);
    let units = 0;
    let letters = 0;
    let length = 0;
    for (const w of words) {
      if (w === '') continue;
      if (SPELLED_UNIT.test(w)) {
        units++;
        if (w.length === 1) letters++;
      } else if (!SPELLED_FILLER.test(w)) break;
      length += w.length + 1;
    }
    // Single letters are what make it a spelling: "the code is one two" is not.
    if (units >= 4 && letters >= 2) found(from, Math.min(text.length, from + length));
  }
}
