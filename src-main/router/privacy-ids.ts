// Government ids beyond the three the detector started with: passports (any country, after the
// word), UK National Insurance numbers written in lower case, with dashes or without the suffix
// letter, US SSNs without dashes, India's Aadhaar (Verhoeff) and PAN (shape), Spanish DNI/NIE and
// Italian codice fiscale (check letters), French NIR (check digits); the other countries' ids, by
// family, are in privacy-ids-world.ts.
// Same rules as privacy.ts: compiled once, bounded, look-behind anchored.
import { eachMatch } from './privacy-match.js';
import { ibanLength, ibanValid, ninoPrefixValid, ssnValid } from './privacy-checks.js';
import { aadhaarValid, belgianIdValid, codiceFiscaleValid, nirValid, passportLikeValid, personnummerValid, spanishIdValid } from './privacy-id-checks.js';
import { factored } from './privacy-factor.js';
import { findWorldIds } from './privacy-ids-world.js';

export type IdFound = (label: string, start: number, end: number) => void;

// An id's name, an optional "number"/"no."/"号码", at most a few filler words, then the value.
const NAMED_ID = factored(
  /(passport|national insurance|国民保险号码|国民保险号|NI|NINO|social security|SSN|aadhaa?r|UIDAI|PAN|DNI|NIE|ID card|identity card|national id(?:entity)?|pasaporte|passeport|reisepass|paspoort|passaporto|passaporte|paszport|pasaport|паспорт|パスポート|旅券|여권|護照|护照|身份证|通行证)(?![A-Za-z])(?:\s*(?:card|number|num|no\.?|#|号码|号|卡号))?[^\n.?!。？！\d]{0,14}?((?:[A-Za-z]{1,2}-?)?\d[\dA-Za-z]{0,11}(?:[ -](?:\d[\dA-Za-z]{0,7}|[A-Da-d](?![A-Za-z]))){0,6})(?![\dA-Za-z])/gi,
);

/** Value and label for the value after an id's name, or undefined when it is not that id. `claimed`: "my/her … number". */
function namedIdValue(name: string, raw: string, claimed: boolean): string | undefined {
  const key = name.toLowerCase();
  const compact = raw.replace(/[ -]/g, '').toUpperCase();
  if (key === 'national insurance' || key === 'ni' || key === 'nino' || key.startsWith('国民保险')) {
    const m = /^([A-Z]{2})(\d{6})([A-D]?)$/.exec(compact);
    if (!m) return undefined;
    // A prefix HMRC never issues (QQ is its documentation example) still counts when the writer claims
    // the number as someone's: "my NI number is QQ 12 34 56 C" means theirs, typed as they know it.
    const issued = /^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]$/.test(m[1]!) && ninoPrefixValid(m[1]!);
    return issued || claimed ? 'a UK National Insurance number' : undefined;
  }
  if (key === 'social security' || key === 'ssn') {
    if (/^\d{9}$/.test(compact) && ssnValid(compact.slice(0, 3), compact.slice(3, 5), compact.slice(5))) return 'a US Social Security number';
    return /^[12]\d{4}(?:\d{2}|2[AB])\d{8}$/.test(compact) && nirValid(compact) ? 'a French social security number' : undefined;
  }
  if (key.startsWith('aadha') || key === 'uidai') return aadhaarValid(compact) ? 'an Aadhaar number' : undefined;
  if (key === 'pan') return undefined; // The shape rule below finds PANs with or without the word.
  if (key === 'dni' || key === 'nie') return spanishIdValid(compact) ? 'a Spanish national id' : undefined;
  if (PASSPORT_WORDS.has(key)) return passportLikeValid(compact) ? 'a passport number' : undefined;
  return passportLikeValid(compact) ? 'a national id number' : undefined;
}

// "Passport" in the languages of the countries whose passports are most asked about, and China's permits.
const PASSPORT_WORDS = new Set([
  'passport',
  'pasaporte',
  'passeport',
  'reisepass',
  'paspoort',
  'passaporto',
  'passaporte',
  'paszport',
  'pasaport',
  'паспорт',
  'パスポート',
  '旅券',
  '여권',
  '護照',
  '护照',
  '通行证',
]);

// A possessive right before an id's name: the number is someone's, not an example.
const CLAIMED_BEFORE = /\b(?:my|our|his|her|their|your)(?:\s+\w+)?\s+$/i;

// Shapes specific enough to stand alone.
// Its fourth letter says whose it is: P a person, H a Hindu undivided family; C, F, T and the rest are companies,
// firms and trusts, whose PANs are printed on every invoice.
const PAN = /(?<![A-Za-z0-9])[A-Z]{3}[PH][A-Z]\d{4}[A-Z](?![A-Za-z0-9])/g;
const AADHAAR_GROUPED = /(?<![\d-])[2-9]\d{3}([ -])\d{4}\1\d{4}(?![\d-])/g;
// Twelve digits in one run are an Aadhaar number only when the message names Aadhaar somewhere
// ("is 482155485028 the right Aadhaar format?"), before or after the value.
const AADHAAR_PLAIN = /(?<![\d-])[2-9]\d{11}(?![\d-])/g;
const AADHAAR_WORD = /aadhaa?r|UIDAI|आधार|阿达尔|阿达哈尔/i;
const SPANISH_ID = /(?<![A-Za-z0-9])(?:\d{8}|[XYZ]-?\d{7})-?[A-Z](?![A-Za-z0-9])/g;
const CODICE_FISCALE = /(?<![A-Za-z0-9])[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z](?![A-Za-z0-9])/g;
// Belgium's national register number as printed: 85.07.31-003.28 (the dots and dash are its shape).
const BELGIAN_ID = /(?<![\d.-])\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}(?![\d.-]|\.\d)/g;
const NIR = /(?<![\d])[12] ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}(?!\d)/g;
// A NINO after its name, its letters apart from the digits ("NI number is QQ 12 34 56 C"), which the
// general named-id rule cannot tell from a filler word.
const NAMED_NINO = /\b(?:national insurance|NI|NINO)(?:\s+(?:number|no\.?))?(?:\s*(?:is|:))?\s*([A-Z]{2} \d{2} ?\d{2} ?\d{2} ?[A-D]?)(?![A-Za-z0-9])/gi;
// NINO in lower case or with dashes (upper case with spaces is in privacy.ts).
const NINO_LOOSE = /(?<![A-Za-z0-9])([a-z]{2}|[A-Z]{2})([ -]?)\d{2}\2\d{2}\2\d{2}\2[a-dA-D](?![A-Za-z0-9])/g;

// A Swedish personnummer (19880314-1236, 880314-1236): a date, a dash or plus, four digits. Dates with a
// serial are common in file names and tickets, so the message must name the id or Sweden as well.
const PERSONNUMMER = /(?<![\w-])(?:19|20)?\d{6}[-+]\d{4}(?![\w-])/g;
const SWEDISH_ID_WORD = /personnummer|samordningsnummer|swed|sverige|skatteverket|personal identity number/i;

const FOUR_DIGITS = /\d(?:\D{0,3}\d){3}/;

// An IBAN's start (IE29 AIBK ) up to some digits: twelve digits in its body may pass Verhoeff by chance (one in ten).
const IBAN_START_BEFORE = /(?<![A-Za-z0-9])([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){0,3} ?)$/;

/** True when the digits at `start` are the body of a valid IBAN (IE29 AIBK 9311 5212 3456 78), which is found as one. */
function insideIban(text: string, start: number): boolean {
  const head = IBAN_START_BEFORE.exec(text.slice(Math.max(0, start - 20), start));
  if (head === null) return false;
  const token = /^[A-Z0-9 ]{0,40}/.exec(text.slice(start - head[1]!.length))![0].replace(/ /g, '');
  const length = ibanLength(token.slice(0, 2));
  return length !== undefined && token.length >= length && ibanValid(token.slice(0, length));
}

/** Government ids of the main countries, reported through `found` with a label for people. */
export function findMoreNationalIds(text: string, reported: IdFound): void {
  // Every id here has at least four digits: most prompts stop at this one cheap test.
  if (!FOUR_DIGITS.test(text)) return;
  // A shown specimen is reported too, and privacy-takeback.ts takes it back with whatever overlaps it: the NHS's
  // 943 476 5919 in "is 943 476 5919 a valid NHS number?" is no one's id, and no one's phone either.
  const found: IdFound = reported;
  findWorldIds(text, found);
  NAMED_ID.lastIndex = 0;
  for (let m = NAMED_ID.exec(text); m !== null; m = NAMED_ID.exec(text)) {
    // The name must start a word ("Japan 123456" is not a PAN); a look-behind here would make
    // this case-insensitive pattern several times slower.
    if (m.index > 0 && /[A-Za-z]/.test(text[m.index - 1]!)) {
      NAMED_ID.lastIndex = m.index + 1;
      continue;
    }
    const label = namedIdValue(m[1]!, m[2]!, CLAIMED_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index)));
    const start = m.index + m[0].length - m[2]!.length;
    if (label !== undefined) found(label, start, m.index + m[0].length);
  }
  eachMatch(NAMED_NINO, text, (m) => {
    const label = namedIdValue('nino', m[1]!, CLAIMED_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index)));
    if (label !== undefined) found(label, m.index + m[0].length - m[1]!.length, m.index + m[0].length);
  });
  eachMatch(PAN, text, (m) => {
    // Templates repeat one letter or count up ("AAAPA9999A", "ABCPA1234A" stays: it is a shape test).
    if (!/^(.)\1{4}/.test(m[0]) && !/(\d)\1{3}/.test(m[0])) found('an Indian PAN', m.index, m.index + m[0].length);
  });
  if (AADHAAR_WORD.test(text)) {
    eachMatch(AADHAAR_PLAIN, text, (m) => {
      if (aadhaarValid(m[0])) found('an Aadhaar number', m.index, m.index + m[0].length);
    });
  }
  eachMatch(AADHAAR_GROUPED, text, (m) => {
    if (aadhaarValid(m[0].replace(/[ -]/g, '')) && !insideIban(text, m.index)) found('an Aadhaar number', m.index, m.index + m[0].length);
  });
  eachMatch(SPANISH_ID, text, (m) => {
    if (spanishIdValid(m[0])) found('a Spanish national id', m.index, m.index + m[0].length);
  });
  eachMatch(CODICE_FISCALE, text, (m) => {
    if (codiceFiscaleValid(m[0])) found('an Italian tax code (codice fiscale)', m.index, m.index + m[0].length);
  });
  eachMatch(BELGIAN_ID, text, (m) => {
    if (belgianIdValid(m[0].replace(/[.-]/g, ''))) found('a Belgian national register number', m.index, m.index + m[0].length);
  });
  eachMatch(NIR, text, (m) => {
    if (nirValid(m[0].replace(/ /g, ''))) found('a French social security number', m.index, m.index + m[0].length);
  });
  if (SWEDISH_ID_WORD.test(text)) {
    eachMatch(PERSONNUMMER, text, (m) => {
      if (personnummerValid(m[0].replace(/[-+]/g, ''))) found('a Swedish personal identity number', m.index, m.index + m[0].length);
    });
  }
  eachMatch(NINO_LOOSE, text, (m) => {
    const prefix = m[1]!.toUpperCase();
    if (m[1] === prefix && m[2] === ' ') return; // privacy.ts has these.
    if (/^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]$/.test(prefix) && ninoPrefixValid(prefix)) found('a UK National Insurance number', m.index, m.index + m[0].length);
  });
}
