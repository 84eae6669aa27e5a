// Check digits and shape rules for the government ids the privacy detector knows beyond the first
// three (US SSN, UK NINO, Chinese resident id, in privacy-checks.ts). Each one is what turns "some
// digits after the word passport" or "eight digits and a letter" into an id with few false hits.

// Verhoeff tables (dihedral group D5), used by India's Aadhaar.
const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** True when a string of digits passes the Verhoeff check (the last digit is the check digit). */
export function verhoeffValid(digits: string): boolean {
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (d < 0 || d > 9) return false;
    c = VERHOEFF_D[c]![VERHOEFF_P[i % 8]![d]!]!;
  }
  return c === 0;
}

/** True for a 12-digit Aadhaar number: it never starts with 0 or 1, and passes Verhoeff. */
export function aadhaarValid(digits: string): boolean {
  return digits.length === 12 && digits[0] !== '0' && digits[0] !== '1' && !/^(\d)\1+$/.test(digits) && verhoeffValid(digits);
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** True when a Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter) has its check letter. */
export function spanishIdValid(id: string): boolean {
  const compact = id.replace(/-/g, '').toUpperCase();
  const lead = 'XYZ'.indexOf(compact[0]!);
  const digits = lead >= 0 ? `${lead}${compact.slice(1, 8)}` : compact.slice(0, 8);
  if (!/^\d{8}$/.test(digits)) return false;
  return DNI_LETTERS[Number(digits) % 23] === compact[compact.length - 1];
}

// Italian codice fiscale: values of characters in odd (1st, 3rd…) positions.
const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

/** True when a 16-character Italian codice fiscale has its check letter. */
export function codiceFiscaleValid(cf: string): boolean {
  if (cf.length !== 16) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = cf.charCodeAt(i);
    const v = c >= 48 && c <= 57 ? c - 48 : c - 65;
    sum += i % 2 === 0 ? CF_ODD[v]! : v;
  }
  return String.fromCharCode(65 + (sum % 26)) === cf[15];
}

/** True when a 9-digit Dutch BSN passes the eleven test. */
export function bsnValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (digits.charCodeAt(i) - 48);
  sum -= digits.charCodeAt(8) - 48;
  return sum % 11 === 0;
}

const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/** True when an 11-digit Polish PESEL has its check digit. */
export function peselValid(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += PESEL_WEIGHTS[i]! * (digits.charCodeAt(i) - 48);
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(10) - 48;
}

/** True when a French social security number (NIR: 13 digits + 2-digit key) has its key. */
export function nirValid(compact: string): boolean {
  if (!/^[12]\d{4}(?:\d{2}|2[AB])\d{8}$/.test(compact)) return false;
  // Corsica's departments 2A and 2B count as 19 and 18 in the key.
  const body = compact.slice(0, 13).replace('2A', '19').replace('2B', '18');
  let rest = 0;
  for (let i = 0; i < body.length; i++) rest = (rest * 10 + (body.charCodeAt(i) - 48)) % 97;
  return 97 - rest === Number(compact.slice(13));
}

/**
 * True when a Belgian national register number (YYMMDD + 3-digit serial + 2-digit check) has its
 * check: 97 minus the first nine digits mod 97, with a 2 in front of them for births from 2000.
 */
export function belgianIdValid(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const check = Number(digits.slice(9));
  const body = Number(digits.slice(0, 9));
  return 97 - (body % 97) === check || 97 - ((2_000_000_000 + body) % 97) === check;
}

/**
 * True when a Swedish personnummer (YYMMDD-NNNN, or YYYYMMDD-NNNN) has a real date (or a
 * samordningsnummer's day + 60) and passes Luhn over its ten digits.
 */
export function personnummerValid(compact: string): boolean {
  const ten = compact.length === 12 ? compact.slice(2) : compact;
  if (!/^\d{10}$/.test(ten)) return false;
  const month = Number(ten.slice(2, 4));
  const day = Number(ten.slice(4, 6)) % 60;
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = (ten.charCodeAt(i) - 48) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** True when a passport-like value (6-10 letters and digits, at least 5 digits, not one repeated digit) follows an id's name. */
export function passportLikeValid(value: string): boolean {
  if (value.length < 6 || value.length > 10) return false;
  let digits = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  return digits >= 5 && !/^(\d)\1+$/.test(value) && !/^(?:123456789?|0?12345678)$/.test(value);
}
