// Check digits and shape rules for the privacy detector. A pattern alone finds too much (any 16
// digits, any two letters and two digits); these checks are what keep false positives rare.

/** How many ASCII digits a string holds. */
export function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** True when a string of digits passes the Luhn check (payment cards). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** True when the card number has a card's length, issuer prefix and check digit. */
export function cardNumberValid(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  // Issuers: 2 (Mastercard 2-series, Mir), 3 (Amex, Diners, JCB), 4 (Visa), 5 (Mastercard,
  // Maestro), 6 (Discover, UnionPay, Maestro). Other leading digits are not cards people carry.
  const first = digits.charCodeAt(0) - 48;
  if (first < 2 || first > 6) return false;
  if (/^(\d)\1+$/.test(digits)) return false;
  return luhnValid(digits);
}

/** IBAN length per country (SWIFT IBAN registry); countries not listed are not accepted. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MR: 27,
  MT: 31,
  MU: 30,
  NL: 18,
  NO: 15,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  SA: 24,
  SC: 31,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
};

/** The IBAN length for a country code, or undefined when the country has no IBAN. */
export function ibanLength(country: string): number | undefined {
  return IBAN_LENGTHS[country];
}

/** True when a compact (no spaces, upper-case) IBAN has its country's length and passes mod-97. */
export function ibanValid(iban: string): boolean {
  if (iban.length !== ibanLength(iban.slice(0, 2))) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    if (c >= 48 && c <= 57) rest = (rest * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) rest = (rest * 100 + (c - 55)) % 97;
    else return false;
  }
  return rest === 1;
}

/** True when a US Social Security number's three parts are in issued ranges. */
export function ssnValid(area: string, group: string, serial: string): boolean {
  if (area === '000' || area === '666' || area.startsWith('9')) return false;
  return group !== '00' && serial !== '0000';
}

const NINO_BAD_PREFIXES = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/** True when a UK National Insurance number's two-letter prefix is one HMRC allocates. */
export function ninoPrefixValid(prefix: string): boolean {
  // The letter rules (no D, F, I, Q, U, V; no O second) are in the pattern; these pairs remain.
  return !NINO_BAD_PREFIXES.has(prefix);
}

// First two digits of a Chinese resident id: the province-level division of registration.
const CN_PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91,
]);
const CN_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CN_CHECK = '10X98765432';

/** True when an 18-character Chinese resident id has a real province, date and ISO 7064 check. */
export function cnResidentIdValid(id: string): boolean {
  if (id.length !== 18) return false;
  if (!CN_PROVINCES.has(Number(id.slice(0, 2)))) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * (CN_WEIGHTS[i] ?? 0);
  return CN_CHECK[sum % 11] === id[17]!.toUpperCase();
}

// Values that show where a secret would go rather than being one: docs, templates, examples.
// A regular expression's escape (\s, \d, \w) or its character class: a secret scanner's pattern, not a secret.
// Code that reads it from the environment (System.fetch_env!("DB_PASSWORD"), os.Getenv, ENV["…"]) names no value either.
const PLACEHOLDER =
  /\\[sdwb]|\[\^|\$\(|[•●]{3}|your|xxxx|\*\*\*|\.\.\.|<|>|\$\{|\{\{|env\.|environ|fetch_env|get_?env|GetEnvironmentVariable|ENV\[|example|placeholder|redacted|change_?me|replace_?(?:me\b|with|this)|fill_?me|set_?me|dummy|passwort|wachtwoord|contrase|mot_?de_?passe|senha|dein_|votre_|^(?:null|none|undefined|true|false|required|optional)$/i;

// Where a secret is kept, not the secret: a vault path (secret/shop/db), a credential file (/etc/credstore/app.token).
// …also as the first of a mount's options (credentials=/root/.smbcred,vers=3.0,uid=1000).
const SECRET_PATH = /^(?:[\w-]+:)?\/?[A-Za-z_.-]+(?:\/[A-Za-z_.-]+)+\)?(?:,[\w=.-]*)*$/;

/**
 * True when the word after "password", "token", "密码"… looks like a real secret: not a
 * placeholder or a plain word. Passwords and PINs may be short but need a digit or symbol;
 * tokens and keys must be long and mix character classes.
 */
export function looksLikeSecretValue(value: string, passwordLike: boolean): boolean {
  // A word with a bracket or a quote around it ("passphrases (like 'correct horse …')") is prose, not a password.
  if (PLACEHOLDER.test(value) || /^https?:/i.test(value) || SECRET_PATH.test(value) || /^[("'`[]?[a-z]+[)"'`\],.]?$/.test(value)) return false;
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let symbol = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 48 && c <= 57) digit = 1;
    else symbol = 1;
  }
  const classes = lower + upper + digit + symbol;
  if (passwordLike) return value.length >= 4 && (digit === 1 || symbol === 1) && !/^\d{1,3}(?:[.,]\d+)?$/.test(value);
  return value.length >= 12 && classes >= 2 && digit === 1;
}

/** Reports group 1 of a secret's match `m` (at its last place in the match) when it looks like a secret: the config and code readers' one step. */
export function foundSecretValue(m: RegExpExecArray, label: string, found: (label: string, start: number, end: number) => void): void {
  const value = m[1]!;
  const start = m.index + m[0].lastIndexOf(value);
  if (looksLikeSecretValue(value, true)) found(label, start, start + value.length);
}
