// Street addresses in the shapes privacy.ts's English pattern (number, words, street type) misses:
// the street before the number as most of Europe writes it (Keizersgracht 482, Calle Mayor 12,
// Via Roma 5), "Birchwood Lane, number 26", and a postal line that ends in a postcode (4-2-8
// Shibakoen, Minato-ku, Tokyo 105-0011). A famous address asked about ("the house at Prinsengracht
// 263") is not someone's, so a street without a postcode counts only in a sentence about a person or
// a delivery. Bounded patterns, as in the rest of the detector.

export type AddressFound = (start: number, end: number) => void;

// Latin letters only, without the "u" flag: street names are written in Latin script, and Unicode
// property classes (\p{Lu}) make each of these patterns several times slower over a long prompt.
const UP = 'A-ZÀ-ÖØ-Þ';
const LOW = 'a-zß-öø-ÿ\\u0100-\\u017f';
// A street name that ends in its type (Dutch, German, Nordic, Central European), then the number. The
// whole word is taken first and its ending checked behind it: one test per word, not one per letter.
const STREET_THEN_NUMBER_GERMANIC = new RegExp(
  `[${UP}](?<![${UP}${LOW}-].)[${LOW}-]{1,30}(?![${LOW}-])(?<=..(?:straat|gracht|weg|laan|kade|plein|dijk|singel|straße|strasse|gasse|platz|allee|damm|ufer|gade|vej|gatan|vägen|veien|gata|katu|utca|ulica))\\.? \\d{1,4}(?:[-/]?[A-Za-z0-9]{1,3})?(?![\\w-])`,
  'g',
);
// The street type first (Romance languages), then a name and the number.
const STREET_THEN_NUMBER_ROMANCE = new RegExp(
  `(?<![${UP}${LOW}])(?:[Rr]ue|[Aa]venue|[Bb]oulevard|[Cc]hemin|[Vv]ia|[Vv]iale|[Pp]iazza|[Cc]orso|[Cc]alle|[Aa]venida|[Pp]laza|[Pp]aseo|[Rr]ua|[Tt]ravessa) (?:(?:de|del|della|di|da|do|dos|du|des|la|le|l')\\s?){0,2}[${UP}][${LOW}-]{1,30}(?: [${UP}][${LOW}-]{1,30}){0,2},? (?:n[º°o.]\\s?)?\\d{1,4}(?![\\w-])`,
  'g',
);
// English with the number after the street: "Birchwood Lane, number 26".
const STREET_NUMBER_AFTER = new RegExp(
  `[${UP}](?<![${UP}${LOW}].)[${LOW}-]{1,30} (?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Close|Way|Crescent|Place|Court|Terrace|Gardens)\\b,? (?:number|no\\.?|#) ?\\d{1,5}(?![\\w-])`,
  'g',
);
// A house number (with Japanese block-lot dashes), one to six place words, then a postcode: UK, Dutch,
// US state and ZIP, Japanese, or five digits before a town (DE, FR, ES, IT).
// The parts are separated by commas, as on an envelope: a line without one is a table or a list.
const POSTAL_LINE = new RegExp(
  `(?<![\\w-])\\d{1,5}(?:-\\d{1,4}){0,2}[A-Za-z]?,?(?: [${UP}${LOW}'.-]{2,30},?){1,6} (?:[A-Z]{1,2}\\d[A-Z\\d]? \\d[A-Z]{2}|\\d{4} ?[A-Z]{2} [${UP}][${LOW}]{1,30}|[A-Z]{2} \\d{5}(?:-\\d{4})?|\\d{3}-\\d{4}|\\d{5} [${UP}][${LOW}]{1,30})(?![\\w-])`,
  'g',
);
const POSTCODE_HINT = /\d{3}-\d{4}|\d{4} ?[A-Z]{2}\b|[A-Z]{2} \d{5}|\d{5} [A-ZÀ-Þ]|\d[A-Z]{2}\b/;
// Cheap tests before each street pattern, which cost more to run over every prompt.
const HINTS: readonly RegExp[] = [
  /[a-zäöüßå]\.? \d/,
  /(?:[Rr]ue|[Aa]venue|[Bb]oulevard|[Cc]hemin|[Vv]iale?|[Pp]iazza|[Cc]orso|[Cc]alle|[Aa]venida|[Pp]laza|[Pp]aseo|[Rr]ua|[Tt]ravessa) [A-ZÀ-Þa-z]/,
  /\b(?:number|no\.?|#) ?\d/,
];
// A postcode shortly after a street: the street is a postal address.
const POSTCODE_AFTER = /^,? ?(?:\d{4} ?[A-Z]{2}|\d{5}|\d{3}-\d{4}|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})\b/;
// A sentence about a person or a delivery: someone's address, not a landmark's.
const PERSON_CONTEXT =
  /\b(?:I|I'm|[Mm]y|me|[Ww]e|[Oo]ur|us|[Hh]e|[Ss]he|[Hh]e's|[Ss]he's|[Hh]is|[Hh]er|[Tt]hey|[Tt]heir|lives?|living|stays?|staying|moved|[Ss]hip|[Ss]end|[Dd]eliver|[Rr]eturn|address|[Mm]eet|[Vv]isit|pick up|drop off|at home)\b|(?!(?:What|That|It|There|Here|Who|Where|How|Let|Today)['’])[A-Z][a-z]+['’]s\b/;

function eachMatch(re: RegExp, text: string, onMatch: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) onMatch(m);
}

/** The sentence before `start`, at most 120 characters of it. */
function sentenceBefore(text: string, start: number): string {
  const from = Math.max(0, start - 120);
  const before = text.slice(from, start);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '), before.lastIndexOf('\n'));
  return cut < 0 ? before : before.slice(cut + 1);
}

/** Street addresses written street-first, with "number", or as a postal line ending in a postcode. */
export function findMoreAddresses(text: string, found: AddressFound): void {
  if (!/\d/.test(text)) return;
  const streets = [STREET_THEN_NUMBER_GERMANIC, STREET_THEN_NUMBER_ROMANCE, STREET_NUMBER_AFTER];
  for (let i = 0; i < streets.length; i++) {
    if (!HINTS[i]!.test(text)) continue;
    eachMatch(streets[i]!, text, (m) => {
      const end = m.index + m[0].length;
      const postcode = POSTCODE_AFTER.test(text.slice(end, end + 14));
      if (postcode || PERSON_CONTEXT.test(sentenceBefore(text, m.index))) found(m.index, end);
    });
  }
  if (!text.includes(',') || !POSTCODE_HINT.test(text)) return;
  eachMatch(POSTAL_LINE, text, (m) => {
    if (m[0].includes(',')) found(m.index, m.index + m[0].length);
  });
}
