// Card numbers where the main card rule (privacy.ts) does not look: a field of a CSV or
// semicolon-separated row ("t_9912,Ana Souza,2223387790465791,declined"). The main rule skips digits
// right after a comma so that "3,1415926535897932" stays a decimal; a field is told apart by what
// stands before the comma (not a digit) or after the number (the next field's separator). The value
// must still pass Luhn and carry a card brand's prefix, and published test cards stay out.
// …and a card's number in an EMV dump: tag 5A, its length (08), then the digits in hex pairs (5A 08 54 12 98 95 …).
import { cardNumberValid } from './privacy-checks.js';
import { documentedCard } from './privacy-public.js';
import { eachMatch } from './privacy-match.js';

// A run of 13-19 digits, not inside a word or a decimal. The main rule (privacy.ts) already has the ones
// set apart by spaces, brackets or quotes; this one takes those it skips: a field that opens after a
// comma or semicolon, and a field followed by a comma and another number ([4539…,5262…]).
const FIELD_CARD = /(?<![\w.-])\d{13,19}(?!\w|[.-]\d)/g;
const FIELD_END = /^["']?(?:[,;\t\r\n\]}]|$)/;
const NEXT_NUMBER = /^["']?[,;]["']?\d/;

const EMV_PAN = /\b5A[ \t]?0[6-9A][ \t]?((?:\d{2}[ \t]?){6,9}\d{1,2})(?![\dA-F])/g;

/** Card numbers in delimited rows and EMV dumps, reported through `found` as [start, end). */
export function findFieldCards(text: string, found: (start: number, end: number) => void): void {
  if (text.includes('5A ') || text.includes('5A0')) {
    eachMatch(EMV_PAN, text, (m) => {
      const start = m.index + m[0].length - m[1]!.length;
      const digits = m[1]!.replace(/[ \t]/g, '').replace(/F+$/, '');
      if (digits.length >= 13 && cardNumberValid(digits) && !documentedCard(text, start, digits)) found(start, m.index + m[0].length);
    });
  }
  // Most prompts hold no run of 13 digits.
  if (!/\d{13}/.test(text)) return;
  eachMatch(FIELD_CARD, text, (m) => {
    const end = m.index + m[0].length;
    const sep = /["']/.test(text[m.index - 1] ?? '') ? m.index - 2 : m.index - 1;
    const after = text.slice(end, end + 3);
    if (sep >= 0 && /[,;]/.test(text[sep]!)) {
      // "3,1415926535897932": a decimal comma after a digit, not a field, unless another field (or the end of a JSON array) follows.
      if (/\d/.test(text[sep - 1] ?? '') && !FIELD_END.test(after)) return;
    } else if (!NEXT_NUMBER.test(after)) return;
    if (cardNumberValid(m[0]) && !documentedCard(text, m.index, m[0])) found(m.index, end);
  });
}
