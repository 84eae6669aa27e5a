// Card numbers where the main card rule (privacy.ts) does not look: a field of a CSV or
// semicolon-separated row ("t_9912,Ana Souza,2223387790465791,declined"). The main rule skips digits
// right after a comma so that "3,1415926535897932" stays a decimal; a field is told apart by what
// stands before the comma (not a digit) or after the number (the next field's separator). The value
// must still pass Luhn and carry a card brand's prefix, and published test cards stay out.
import { cardNumberValid } from './privacy-checks.js';
import { documentedCard } from './privacy-public.js';
import { eachMatch } from './privacy-match.js';

// A run of 13-19 digits that opens a field: after a comma or semicolon, quoted or not.
const FIELD_CARD = /(?<=[,;]["']?)\d{13,19}(?!\w|[.-]\d)/g;

/** Card numbers in delimited rows, reported through `found` as [start, end). */
export function findFieldCards(text: string, found: (start: number, end: number) => void): void {
  // Rows hold separators and long digit runs; most prompts have no comma next to a digit.
  if (!/[,;]["']?\d{13}/.test(text)) return;
  eachMatch(FIELD_CARD, text, (m) => {
    const sep = /["']/.test(text[m.index - 1]!) ? m.index - 2 : m.index - 1;
    const before = sep > 0 ? text[sep - 1]! : '';
    const closesField = /^["']?(?:[,;\t\r\n]|$)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2));
    // "3,1415926535897932": a decimal comma after a digit, not a field, unless another field follows.
    if (/\d/.test(before) && !closesField) return;
    if (cardNumberValid(m[0]) && !documentedCard(text, m.index, m[0])) found(m.index, m.index + m[0].length);
  });
}
