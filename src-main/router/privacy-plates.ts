import { hasHan, lowerCased } from './privacy-text.js';

// UK (AB12 CDE) with a vehicle word in the text; any plate-looking token after "plate"/"reg";
// Chinese plates (京A12345, 粤B8K2Q7) stand alone: a province character and a letter are specific.
const VEHICLE_WORD = /\b(?:car|van|lorry|truck|vehicle|motorbike|plate|reg(?:istration)?|parked|drives?|driving)\b/i;
const CAPITAL_BY_DIGIT = /[A-Z][ -]?\d|\d[ -]?[A-Z]/;
const UK_PLATE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2} ?[A-Z]{3}(?![A-Za-z0-9])/g;
const NAMED_PLATE =
  /\b(?:licen[cs]e plate|number plate|plate|reg(?:istration)?(?: number)?|车牌号?)[:\s#]{0,3}(?:is |number |no\.? )?([A-Z0-9]{2,4}[ -]?[A-Z0-9]{2,5})(?![A-Za-z0-9])/gi;
// A plate after its name in German, French, Italian, Spanish, Dutch or the Nordic languages, in those countries'
// groupings: M-KH 4721, AB-123-CD, AB 123 CD, 1234 ABC, 12-ABC-3, EL 48213.
const EU_PLATE_WORDS = [
  'kennzeichen',
  'nummernschild',
  'plaque',
  'immatriculation',
  'targa',
  'matr',
  'kenteken',
  'skilt',
  'regnr',
  'reg.nr',
  'registreringsnummer',
  'rekisteri',
];
const NAMED_PLATE_EU =
  /\b(?:kennzeichen|nummernschild|plaque(?: d['’]immatriculation)?|immatriculation|targat[oa]|targa|matr[íi]cula|kenteken|skilt(?:et)?|reg\.? ?nr\.?|registreringsnummer|rekisterinumero)[:\s#]{1,3}(?:ist |est |è |es |is |er |är |on )?([A-ZÄÖÜ0-9]{1,4}(?:[ -][A-Z0-9]{1,5}){1,3})(?![A-Za-z0-9])/gi;
// A plate after 车牌 / 車牌 in Latin letters and digits, as Taiwan's (BKR-3617) and Hong Kong's are written.
const NAMED_PLATE_ZH = /(?:车牌|車牌)(?:号码?|號碼?)?[:：\s]{0,3}(?:是|為|为)?\s?([A-Z0-9]{2,4}[ -]?[A-Z0-9]{2,5})(?![A-Za-z0-9])/g;
const CN_PLATE = /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·• ]?[A-HJ-NP-Z0-9]{5,6}(?![A-Za-z0-9])/g;

/** Reports each plate `re` finds after its name (group 1): capitals and digits, both, at least `minChars` of them. */
function platesAfterName(re: RegExp, minChars: number, text: string, found: (start: number, end: number) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // The pattern is case-blind for its words, so a word after the plate may join it ("4821 KTD justo"): cut it off.
    const start = m.index + m[0].length - m[1]!.length;
    const v = m[1]!.replace(/(?:[ -][A-Za-z0-9]*[a-z][A-Za-z0-9]*)+$/, '');
    if (/\d/.test(v) && /[A-Z]/.test(v) && !/[a-z]/.test(v) && v.replace(/[ -]/g, '').length >= minChars) found(start, start + v.length);
  }
}

/** Vehicle number plates: UK shapes near a vehicle word, a plate after its name (in English or a European language), Chinese plates. */
export function findNumberPlates(text: string, found: (start: number, end: number) => void): void {
  // Every plate these read has a capital beside a digit (AB12 CDE, plate 7ABC123): prose mostly has none, so that test
  // runs before the vehicle words' pattern.
  if (CAPITAL_BY_DIGIT.test(text) && VEHICLE_WORD.test(text)) {
    UK_PLATE.lastIndex = 0;
    for (let m = UK_PLATE.exec(text); m !== null; m = UK_PLATE.exec(text)) found(m.index, m.index + m[0].length);
    platesAfterName(NAMED_PLATE, 5, text, found);
  }
  if (EU_PLATE_WORDS.some((w) => lowerCased(text).includes(w))) platesAfterName(NAMED_PLATE_EU, 4, text, found);
  if (hasHan(text)) {
    if (text.includes('车牌') || text.includes('車牌')) platesAfterName(NAMED_PLATE_ZH, 5, text, found);
    CN_PLATE.lastIndex = 0;
    for (let m = CN_PLATE.exec(text); m !== null; m = CN_PLATE.exec(text)) if (/\d/.test(m[0])) found(m.index, m.index + m[0].length);
  }
}
