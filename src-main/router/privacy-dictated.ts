// Numbers said in words that the typed-number detectors cannot read even in the shadow text of
// privacy-spoken.ts: a Chinese month and day in characters (一九九三年五月二十日, 二〇一七年八月二十八号),
// and a phone number dictated as a run of digit words with no separators ("text kemi on oh seven nine one
// two four four …"), which only its length, its leading 0 or "plus", or a phone word before it shows.
import type { DictatedNumber } from './privacy-spoken.js';

const HAN_VALUE: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
// A year (in characters or digits), then a month and perhaps a day in characters.
const HAN_DATE = /(?:[零〇一二三四五六七八九]{4}|\d{4})年([一二三四五六七八九十]{1,2})月(?:([一二三四五六七八九十]{1,3})[日号])?/g;

/** 五 → 5, 十 → 10, 十二 → 12, 二十 → 20, 二十八 → 28, 三十一 → 31; undefined for other shapes. */
function hanNumber(s: string): number | undefined {
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? HAN_VALUE[s] : undefined;
  const tens = ten === 0 ? 1 : s.length >= 2 && ten === 1 ? HAN_VALUE[s[0]!] : undefined;
  const unit = ten === s.length - 1 ? 0 : s.length - ten === 2 ? HAN_VALUE[s[ten + 1]!] : undefined;
  return tens === undefined || unit === undefined ? undefined : tens * 10 + unit;
}

/** The month and day of a Chinese date written in characters, as digit pieces (the year is read as four digits already). */
export function hanMonthDays(text: string): DictatedNumber[] {
  if (!text.includes('年')) return [];
  const out: DictatedNumber[] = [];
  HAN_DATE.lastIndex = 0;
  for (let m = HAN_DATE.exec(text); m !== null; m = HAN_DATE.exec(text)) {
    const month = hanNumber(m[1]!);
    if (month === undefined || month < 1 || month > 12) continue;
    const monthAt = m.index + m[0].indexOf(m[1]!, 4);
    out.push({ start: monthAt, end: monthAt + m[1]!.length, out: String(month) });
    const day = m[2] === undefined ? undefined : hanNumber(m[2]);
    if (day === undefined || day < 1 || day > 31) continue;
    const dayAt = monthAt + m[1]!.length + 1;
    out.push({ start: dayAt, end: dayAt + m[2]!.length, out: String(day) });
  }
  return out;
}

// A phone word in the few words before a number, or "plus" (+44 …) right before it.
const PHONE_CONTEXT = /\b(?:call|calls|ring|text|txt|phone|mobile|cell|number|whatsapp|reach|contact|dial|tel|sms|on)\b|电话|手机|号码|打给|联系/i;
const PLUS_BEFORE = /(?:\bplus|\+)\s?$/i;

/** True for a counting or countdown run (123456789, 987654321) or one digit repeated: not a number anyone owns. */
function patterned(digits: string): boolean {
  let up = true;
  let down = true;
  for (let i = 1; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - digits.charCodeAt(i - 1);
    if (d !== 1) up = false;
    if (d !== -1) down = false;
  }
  return up || down || /^(\d)\1+$/.test(digits);
}

/** A dictated run of 9 to 13 digits that reads as a phone number: a leading 0, "plus" before it, or a phone word before it. */
export function findDictatedPhones(text: string, numbers: readonly DictatedNumber[], found: (start: number, end: number) => void): void {
  for (const n of numbers) {
    const digits = n.out.replace(/[ -]/g, '');
    if (digits.length < 9 || digits.length > 13 || patterned(digits)) continue;
    const before = text.slice(Math.max(0, n.start - 40), n.start);
    if (digits.startsWith('0') || PLUS_BEFORE.test(before) || PHONE_CONTEXT.test(before)) found(n.start, n.end);
  }
}
