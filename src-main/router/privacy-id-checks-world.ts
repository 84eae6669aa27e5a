// Check digits and structure rules for the national ids of the main countries beyond those in
// privacy-id-checks.ts. Each takes the id compact (no spaces, dots or dashes) and upper case, and is
// what keeps "nine digits after the word BSN" from matching an order number that happens to sit there.
import { luhnValid } from './privacy-checks.js';

/** The digit at position i of s (charCode arithmetic: no allocation on the hot path). */
function d(s: string, i: number): number {
  return s.charCodeAt(i) - 48;
}

/** Σ digit(i) × weights[i] over the first weights.length digits. */
function weighted(s: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += d(s, i) * weights[i]!;
  return sum;
}

/** True when day and month (1-based) make a calendar date in some year (29 February allowed). */
export function dayMonthValid(day: number, month: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** True when YYMMDD at position i is a date. */
function yymmdd(s: string, i: number): boolean {
  return dayMonthValid(Number(s.slice(i + 4, i + 6)), Number(s.slice(i + 2, i + 4)));
}

/** True when DDMMYY at position i is a date. */
function ddmmyy(s: string, i: number): boolean {
  return dayMonthValid(Number(s.slice(i, i + 2)), Number(s.slice(i + 2, i + 4)));
}

/** True for a string of one repeated digit or a counting run: template values, not ids. */
export function templateDigits(s: string): boolean {
  return /^(\d)\1+$/.test(s) || '01234567890123456789'.includes(s) || '98765432109876543210'.includes(s);
}

// ---------------------------------------------------------------- Europe

/** German tax id (Steuer-ID): 11 digits, no leading 0, ISO 7064 MOD 11,10. */
export function deTaxIdValid(s: string): boolean {
  if (!/^[1-9]\d{10}$/.test(s)) return false;
  let product = 10;
  for (let i = 0; i < 10; i++) {
    let sum = (d(s, i) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product;
  return (check === 10 ? 0 : check) === d(s, 10);
}

/** Value of an id character: digits as such, letters A=10 … Z=35. */
function charValue(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c <= 57 ? c - 48 : c - 55;
}

/** German identity card (Personalausweis) serial: 9 letters/digits from its alphabet, optionally its 7-3-1 check digit. */
export function dePersonalausweisValid(s: string): boolean {
  if (!/^[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}\d?$/.test(s) || !/\d.*\d.*\d/.test(s)) return false;
  if (s.length === 9) return true;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += charValue(s, i) * [7, 3, 1][i % 3]!;
  return sum % 10 === d(s, 9);
}

/** Portuguese tax number (NIF): 9 digits, mod 11. */
export function ptNifValid(s: string): boolean {
  if (!/^[1235689]\d{8}$/.test(s)) return false;
  const r = 11 - (weighted(s, [9, 8, 7, 6, 5, 4, 3, 2]) % 11);
  return (r >= 10 ? 0 : r) === d(s, 8);
}

/** Danish CPR number: DDMMYY + 4 digits (the mod 11 rule was dropped in 2007, so the date decides). */
export function dkCprValid(s: string): boolean {
  return /^\d{10}$/.test(s) && ddmmyy(s, 0);
}

const HETU_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** Finnish personal identity code (HETU): DDMMYY, century sign, 3 digits, mod 31 check character. */
export function fiHetuValid(written: string): boolean {
  // Compacted without its century sign (a dash taken out with the separators): the check does not read it.
  const s = written.length === 10 ? `${written.slice(0, 6)}-${written.slice(6)}` : written;
  if (!/^\d{6}[-+ABCDEFUVWXY]\d{3}[0-9A-Y]$/.test(s) || !ddmmyy(s, 0)) return false;
  return HETU_CHECK[Number(s.slice(0, 6) + s.slice(7, 10)) % 31] === s[10];
}

/** Norwegian fødselsnummer: DDMMYY (a D-number adds 4 to the first digit), 3 digits, two mod 11 check digits. */
export function noFodselsnummerValid(s: string): boolean {
  if (!/^\d{11}$/.test(s) || !dayMonthValid(Number(s.slice(0, 2)) % 40, Number(s.slice(2, 4)))) return false;
  const check = (weights: readonly number[]): number => {
    const r = 11 - (weighted(s, weights) % 11);
    return r === 11 ? 0 : r;
  };
  return check([3, 7, 6, 1, 8, 9, 4, 5, 2]) === d(s, 9) && check([5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) === d(s, 10);
}

/** Swedish personnummer: (YY)YYMMDD, 4 digits, the last a Luhn check over the ten from YYMMDD on. */
export function sePersonnummerValid(s: string): boolean {
  const ten = s.length === 12 ? s.slice(2) : s;
  return /^\d{10}$/.test(ten) && yymmdd(ten, 0) && luhnValid(ten);
}

/** Romanian CNP: sex and century digit, YYMMDD, county, 3 digits, a check digit (weights 279146358279, mod 11, 10 → 1). */
export function roCnpValid(s: string): boolean {
  if (!/^[1-8]\d{12}$/.test(s) || !yymmdd(s, 1)) return false;
  const r = weighted(s, [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]) % 11;
  return (r === 10 ? 1 : r) === d(s, 12);
}

const PPSN_LETTERS = 'WABCDEFGHIJKLMNOPQRSTUV';

/** Irish PPS number: 7 digits, a mod 23 check letter, optionally a second letter (A, B, H, W). */
export function iePpsnValid(s: string): boolean {
  if (!/^\d{7}[A-W][ABHW]?$/.test(s)) return false;
  let sum = weighted(s, [8, 7, 6, 5, 4, 3, 2]);
  if (s.length === 9 && s[8] !== 'W') sum += (s.charCodeAt(8) - 64) * 9;
  return PPSN_LETTERS[sum % 23] === s[7];
}

/** Austrian social insurance number: 3-digit serial, check digit, DDMMYY; weights 3 7 9 _ 5 8 4 2 1 6, mod 11. */
export function atSvnrValid(s: string): boolean {
  if (!/^[1-9]\d{9}$/.test(s)) return false;
  const sum = d(s, 0) * 3 + d(s, 1) * 7 + d(s, 2) * 9 + d(s, 4) * 5 + d(s, 5) * 8 + d(s, 6) * 4 + d(s, 7) * 2 + d(s, 8) + d(s, 9) * 6;
  return sum % 11 === d(s, 3) && dayMonthValid(Number(s.slice(4, 6)), Number(s.slice(6, 8)));
}

/** EAN-13 check digit (Swiss AHV/AVS number 756…). */
export function ean13Valid(s: string): boolean {
  if (!/^\d{13}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += d(s, i) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === d(s, 12);
}

/** Swiss social security number (AHV/AVS): 756 and ten digits, EAN-13 check. */
export function chAhvValid(s: string): boolean {
  return s.startsWith('756') && ean13Valid(s);
}

/** UK NHS number: 10 digits, mod 11 over weights 10…2 (a remainder giving 10 is never issued). */
export function nhsValid(s: string): boolean {
  if (!/^\d{10}$/.test(s) || templateDigits(s)) return false;
  const r = 11 - (weighted(s, [10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11);
  return r !== 10 && (r === 11 ? 0 : r) === d(s, 9);
}

/**
 * UK (DVLA) driving licence number: 5 letters of the surname padded with 9s, the decade digit, the
 * birth month (+50 for women), day and year digit, two initials (9 for none), a digit and two check
 * letters.
 */
export function ukDrivingLicenceValid(s: string): boolean {
  if (!/^[A-Z]{1,5}9{0,4}\d{6}[A-Z][A-Z9]\d[A-Z]{2}$/.test(s) || s.length !== 16) return false;
  const month = Number(s.slice(6, 8)) % 50;
  return dayMonthValid(Number(s.slice(8, 10)), month) && Number(s.slice(6, 8)) <= 62;
}

// ---------------------------------------------------------------- Americas

/** Canadian Social Insurance Number: 9 digits, Luhn, never starting with 0 or 8. */
export function caSinValid(s: string): boolean {
  return /^[1-79]\d{8}$/.test(s) && !templateDigits(s) && luhnValid(s);
}

/** US Individual Taxpayer Identification Number: 9XX, a group 50-65, 70-88, 90-92 or 94-99, 4 digits. */
export function usItinValid(s: string): boolean {
  return /^9\d{2}(?:5\d|6[0-5]|7\d|8[0-8]|9[0-24-9])\d{4}$/.test(s);
}

/** Brazilian CPF: 11 digits, two mod 11 check digits. */
export function brCpfValid(s: string): boolean {
  if (!/^\d{11}$/.test(s) || /^(\d)\1+$/.test(s)) return false;
  for (const n of [9, 10]) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += d(s, i) * (n + 1 - i);
    const r = (sum * 10) % 11;
    if ((r === 10 ? 0 : r) !== d(s, n)) return false;
  }
  return true;
}

/** Brazilian CNPJ (company register): 14 digits, two mod 11 check digits. */
export function brCnpjValid(s: string): boolean {
  if (!/^\d{14}$/.test(s) || /^(\d)\1+$/.test(s)) return false;
  const w1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  for (const weights of [w1, [6, ...w1]]) {
    const r = weighted(s, weights) % 11;
    if ((r < 2 ? 0 : 11 - r) !== d(s, weights.length)) return false;
  }
  return true;
}

const CURP_CHARS = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
const CURP_SHAPE =
  /^[A-Z][AEIOUX][A-Z]{2}\d{6}[HMX](?:AS|BC|BS|CC|CL|CM|CS|CH|DF|DG|GT|GR|HG|JC|MC|MN|MS|NT|NL|OC|PL|QT|QR|SP|SL|SR|TC|TS|TL|VZ|YN|ZS|NE)[B-DF-HJ-NP-TV-Z]{3}[A-Z\d]\d$/;

/** Mexican CURP: 18 characters (name letters, birth date, sex, state, consonants), check digit. */
export function mxCurpValid(s: string): boolean {
  if (!CURP_SHAPE.test(s) || !yymmdd(s, 4)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CURP_CHARS.indexOf(s[i]!) * (18 - i);
  return (10 - (sum % 10)) % 10 === d(s, 17);
}

const RFC_CHARS = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';

/** Mexican RFC (tax id): 4 letters (3 for companies), YYMMDD, a 2-character homoclave and a mod 11 check. */
export function mxRfcValid(s: string): boolean {
  if (!/^[A-ZÑ&]{3,4}\d{6}[A-Z\d]{2}[\dA]$/.test(s) || !yymmdd(s, s.length - 9)) return false;
  const padded = s.length === 12 ? ` ${s}` : s;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += RFC_CHARS.indexOf(padded[i]!) * (13 - i);
  const r = 11 - (sum % 11);
  return (r === 11 ? '0' : r === 10 ? 'A' : String(r)) === padded[12];
}

/** Argentine CUIL/CUIT: type 20/23/24/27/30/33/34, the DNI, a mod 11 check digit. */
export function arCuitValid(s: string): boolean {
  if (!/^(?:2[0347]|3[034])\d{9}$/.test(s)) return false;
  const r = 11 - (weighted(s, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11);
  return r !== 10 && (r === 11 ? 0 : r) === d(s, 10);
}

// ---------------------------------------------------------------- Africa, Middle East

/** South African id: YYMMDD, 4-digit serial, citizenship 0/1/2, a digit, Luhn. */
export function zaIdValid(s: string): boolean {
  return /^\d{10}[012]\d{2}$/.test(s) && yymmdd(s, 0) && luhnValid(s);
}

/** Emirates ID: 784, birth year, 7 digits, Luhn. */
export function aeEmiratesIdValid(s: string): boolean {
  return /^784(?:19|20)\d{10}$/.test(s) && luhnValid(s);
}

/** Saudi national id / iqama: 10 digits starting 1 (citizen) or 2 (resident), Luhn. */
export function saIdValid(s: string): boolean {
  return /^[12]\d{9}$/.test(s) && !templateDigits(s) && luhnValid(s);
}

/** Turkish TC Kimlik number: 11 digits, no leading 0, two check digits. */
export function trKimlikValid(s: string): boolean {
  if (!/^[1-9]\d{10}$/.test(s)) return false;
  const odd = d(s, 0) + d(s, 2) + d(s, 4) + d(s, 6) + d(s, 8);
  const even = d(s, 1) + d(s, 3) + d(s, 5) + d(s, 7);
  if ((((odd * 7 - even) % 10) + 10) % 10 !== d(s, 9)) return false;
  return (odd + even + d(s, 9)) % 10 === d(s, 10);
}

// ---------------------------------------------------------------- Asia-Pacific

/** Australian Tax File Number: 8 or 9 digits, weighted sum divisible by 11. */
export function auTfnValid(s: string): boolean {
  if (s.length === 9 && /^\d{9}$/.test(s)) return weighted(s, [1, 4, 3, 7, 5, 8, 6, 9, 10]) % 11 === 0 && !templateDigits(s);
  return s.length === 8 && /^\d{8}$/.test(s) && weighted(s, [10, 7, 8, 4, 6, 3, 5, 1]) % 11 === 0 && !templateDigits(s);
}

/** Australian Medicare card: 10 digits (11 with the person's number), first 2-6, check in the ninth. */
export function auMedicareValid(s: string): boolean {
  if (!/^[2-6]\d{9,10}$/.test(s)) return false;
  return weighted(s, [1, 3, 7, 9, 1, 3, 7, 9]) % 10 === d(s, 8);
}

// Taiwan: each first letter stands for a two-digit code.
const TW_LETTER = [10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33];

/** Taiwanese national id (身分證字號): a letter, 1/2 (or 8/9 for residents), 8 digits, weighted check. */
export function twIdValid(s: string): boolean {
  if (!/^[A-Z][1289]\d{8}$/.test(s)) return false;
  const code = TW_LETTER[s.charCodeAt(0) - 65]!;
  let sum = Math.floor(code / 10) + (code % 10) * 9;
  for (let i = 1; i < 9; i++) sum += d(s, i) * (9 - i);
  return (sum + d(s, 9)) % 10 === 0;
}

/** Hong Kong identity card: one or two letters, 6 digits, a mod 11 check (0-9 or A). */
export function hkidValid(s: string): boolean {
  if (!/^[A-Z]{1,2}\d{6}[\dA]$/.test(s)) return false;
  const two = s.length === 9;
  let sum = two ? charValue(s, 0) * 9 + charValue(s, 1) * 8 : 36 * 9 + charValue(s, 0) * 8;
  const off = two ? 2 : 1;
  for (let i = 0; i < 6; i++) sum += d(s, off + i) * (7 - i);
  const check = s[s.length - 1] === 'A' ? 10 : d(s, s.length - 1);
  return (sum + check) % 11 === 0;
}

/** Singapore NRIC/FIN: S/T/F/G, 7 digits, a check letter. */
export function sgNricValid(s: string): boolean {
  if (!/^[STFG]\d{7}[A-Z]$/.test(s)) return false;
  const r = (weighted(s.slice(1), [2, 7, 6, 5, 4, 3, 2]) + (s[0] === 'T' || s[0] === 'G' ? 4 : 0)) % 11;
  return (s[0] === 'S' || s[0] === 'T' ? 'JZIHGFEDCBA' : 'XWUTRQPNMLK')[r] === s[8];
}

/** Japanese Individual Number (My Number): 12 digits, mod 11 check. */
export function jpMyNumberValid(s: string): boolean {
  if (!/^\d{12}$/.test(s) || templateDigits(s)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += d(s, 11 - n) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return (r <= 1 ? 0 : 11 - r) === d(s, 11);
}

/** Korean resident registration number: YYMMDD, a sex/century digit, 6 digits; `checked` asks for the pre-2020 check digit. */
export function krRrnValid(s: string, checked: boolean): boolean {
  if (!/^\d{6}[1-8]\d{6}$/.test(s) || !yymmdd(s, 0)) return false;
  if (!checked) return true;
  const r = (11 - (weighted(s, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]) % 11)) % 10;
  return r === d(s, 12);
}

/** Indonesian NIK: region code, DDMMYY (day + 40 for women), 4-digit serial. */
export function idNikValid(s: string): boolean {
  return /^[1-9]\d{15}$/.test(s) && dayMonthValid(Number(s.slice(6, 8)) % 40, Number(s.slice(8, 10)));
}

// ---------------------------------------------------------------- more of the most populous countries

/** Russian SNILS (pension insurance number): 9 digits and a 2-digit check (weights 9…1, mod 101). */
export function ruSnilsValid(s: string): boolean {
  if (!/^\d{11}$/.test(s) || templateDigits(s.slice(0, 9))) return false;
  const sum = weighted(s, [9, 8, 7, 6, 5, 4, 3, 2, 1]);
  const check = sum < 100 ? sum : sum % 101 === 100 ? 0 : sum % 101;
  return check === Number(s.slice(9));
}

/** Russian personal INN (tax number): 12 digits, two check digits. */
export function ruInnValid(s: string): boolean {
  if (!/^\d{12}$/.test(s)) return false;
  const n11 = (weighted(s, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
  const n12 = (weighted(s, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
  return n11 === d(s, 10) && n12 === d(s, 11);
}

/** Thai national id: 13 digits, mod 11 check. */
export function thIdValid(s: string): boolean {
  if (!/^[1-8]\d{12}$/.test(s)) return false;
  return (11 - (weighted(s, [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11)) % 10 === d(s, 12);
}

/** Iranian national code (کد ملی): 10 digits, mod 11 check. */
export function irNationalCodeValid(s: string): boolean {
  if (!/^\d{10}$/.test(s) || /^(\d)\1+$/.test(s)) return false;
  const r = weighted(s, [10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11;
  return (r < 2 ? r : 11 - r) === d(s, 9);
}

/** Egyptian national id: century 2/3, YYMMDD, governorate, serial, check: 14 digits with a real date. */
export function egIdValid(s: string): boolean {
  return /^[23]\d{13}$/.test(s) && yymmdd(s, 1) && /^(?:0[1-4]|1[1-9]|2[1-9]|3[1-5]|88)$/.test(s.slice(7, 9));
}

/** Malaysian MyKad number: YYMMDD, a place-of-birth code, 4 digits. */
export function myKadValid(s: string): boolean {
  return /^\d{12}$/.test(s) && yymmdd(s, 0) && /^(?:0[1-9]|1[0-6]|[2-5]\d|6[0-8]|7[1-24-9]|8[2-9]|9[0-3]|9[89])$/.test(s.slice(6, 8));
}
