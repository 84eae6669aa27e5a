// IBANs the main rule (privacy.ts, mod-97 on the value as written) lets through, both after an "IBAN" label:
// - read back by OCR with a letter and a digit confused (IE12 BOF1 9058 …, where the bank code is BOFI): the value
//   counts when putting the usual confusions back (O/0, I/1/l, S/5, B/8, Z/2, G/6) makes it pass mod-97; the bank
//   code of the countries that have one in letters (GB, IE, NL…) is read as letters, and any one other character
//   may be swapped. One swap in 97 would pass by chance, so the label is required.
// - the value of an `iban` key in YAML, JSON or a form (iban: PL69 2410 …), typed with a digit too many or too few:
//   a key named iban, a country's code and check digits and the right length give or take a group is someone's
//   account even when its check fails. Placeholders (${PAYEE_IBAN}, <iban>, DE00 0000 …) have no such value.

import { ibanLength, ibanValid } from './privacy-checks.js';
import { eachMatch } from './privacy-match.js';
import { lowerCased } from './privacy-text.js';

export type IbanFound = (start: number, end: number) => void;

// An IBAN label, then (within a few characters) a value with OCR's letters among its digits.
const LABELLED_VALUE =
  /(?<![A-Za-z])iban(?:[ _-]?(?:no\.?|nr\.?|number|code))?(?: ?\([^)\n]{1,20}\))?["']?\s{0,2}(?:[:=：>]|is|\/)?\s{0,3}["']?([A-Za-z0-9]{2}[0-9OoIlSB]{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?)(?![A-Za-z0-9])/gi;
// An `iban` key of a record (YAML, JSON, TOML, a form line): the value may be typed wrong and still be someone's.
const IBAN_KEY = /(?:^|[\s{,<])["']?(?:iban|IBAN|Iban)["']?\s?[:=>]\s?["']?$/;
// Countries whose bank code is four letters after the check digits.
const LETTER_BANK_CODE = new Set(['GB', 'IE', 'NL', 'MT', 'BG', 'GI', 'CY']);
const AS_LETTER: Readonly<Record<string, string>> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B', '2': 'Z', '6': 'G', L: 'I' };
const AS_DIGIT: Readonly<Record<string, string>> = { O: '0', Q: '0', D: '0', I: '1', L: '1', S: '5', B: '8', Z: '2', G: '6' };

/** The value with the usual OCR confusions put back where the country's layout says letters or digits go. */
function ocrRepaired(compact: string): string {
  let country = compact.slice(0, 2).replace(/[0-9]/g, (c) => AS_LETTER[c] ?? c);
  // A lower-case l read as L: IE typed lE. Only when the code is no country's as it stands (NL, LT, LU are).
  if (ibanLength(country) === undefined) country = country.replace(/L/g, 'I');
  const check = compact.slice(2, 4).replace(/[A-Z]/g, (c) => AS_DIGIT[c] ?? c);
  let bban = compact.slice(4);
  if (LETTER_BANK_CODE.has(country)) bban = bban.slice(0, 4).replace(/[0-9]/g, (c) => AS_LETTER[c] ?? c) + bban.slice(4).replace(/[A-Z]/g, (c) => AS_DIGIT[c] ?? c);
  return country + check + bban;
}

/** True when the value, or the value with one character's OCR confusion undone, passes mod-97. */
function validAfterOcr(compact: string): boolean {
  const repaired = ocrRepaired(compact);
  if (ibanValid(repaired)) return true;
  for (let i = 4; i < repaired.length; i++) {
    const c = repaired[i]!;
    const swap = AS_DIGIT[c] ?? AS_LETTER[c];
    if (swap !== undefined && ibanValid(repaired.slice(0, i) + swap + repaired.slice(i + 1))) return true;
  }
  return false;
}

/** True for an `iban` key's value with a country's code, check digits and about its length, not a row of zeros. */
function keyedIbanShape(text: string, valueStart: number, compact: string): boolean {
  if (!IBAN_KEY.test(text.slice(Math.max(0, valueStart - 12), valueStart))) return false;
  const expected = ibanLength(compact.slice(0, 2));
  if (expected === undefined || !/^\d{2}$/.test(compact.slice(2, 4))) return false;
  const digits = compact.slice(4).replace(/\D/g, '');
  return Math.abs(compact.length - expected) <= 4 && digits.length >= 10 && !/^(\d)\1+$/.test(digits);
}

/** IBANs after an IBAN label that OCR misread, and `iban` keys' values typed a digit off. */
export function findLooseIbans(text: string, found: IbanFound): void {
  if (!lowerCased(text).includes('iban')) return;
  eachMatch(LABELLED_VALUE, text, (m) => {
    const written = m[1]!;
    // Upper case, a lower-case l included: it is read back as I among letters and as 1 among digits.
    const compact = written.replace(/ /g, '').toUpperCase();
    const start = m.index + m[0].length - written.length;
    if (ibanValid(compact)) return; // the main rule has it
    if (validAfterOcr(compact) || keyedIbanShape(text, start, compact)) found(start, start + written.length);
  });
}
