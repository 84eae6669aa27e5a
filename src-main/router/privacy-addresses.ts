// Street addresses in the shapes privacy.ts's English pattern (number, words, street type) misses:
// the street before the number as most of Europe writes it (Keizersgracht 482, Calle Mayor 12,
// Via Roma 5), "Birchwood Lane, number 26", and a postal line that ends in a postcode (4-2-8
// Shibakoen, Minato-ku, Tokyo 105-0011). A famous address asked about ("the house at Prinsengracht
// 263") is not someone's, so a street without a postcode counts only in a sentence about a person or
// a delivery. Bounded patterns, as in the rest of the detector.

import { eachMatch } from './privacy-match.js';
import { factored } from './privacy-factor.js';
import { findWorldAddresses } from './privacy-addresses-world.js';
import { famousAddress } from './privacy-public.js';

export type AddressFound = (start: number, end: number) => void;

// Latin letters only, without the "u" flag: street names are written in Latin script, and Unicode
// property classes (\p{Lu}) make each of these patterns several times slower over a long prompt.
const UP = 'A-ZÀ-ÖØ-Þ';
const LOW = 'a-zß-öø-ÿ\\u0100-\\u017f';
// A street name that ends in its type (Dutch, German, Nordic, Central European), then the number. The
// whole word is taken first and its ending checked behind it: one test per word, not one per letter.
const STREET_THEN_NUMBER_GERMANIC = new RegExp(
  `[${UP}](?<![${UP}${LOW}-].)[${LOW}-]{1,30}(?![${LOW}-])(?<=..(?:straat|gracht|weg|laan|kade|plein|dijk|singel|straße|strasse|str|gasse|platz|allee|damm|ufer|gade|vej|gatan|vägen|veien|gata|katu|utca|ulica))\\.? \\d{1,4}(?:[-/]?[A-Za-z0-9]{1,3})?(?![\\w-])`,
  'g',
);
// …or a name and its type as two words: Kopenhagener Str. 46, Berliner Straße 12, Alter Weg 3.
const STREET_TYPE_WORD_GERMANIC = new RegExp(
  `[${UP}](?<![${UP}${LOW}-].)[${LOW}-]{2,30} (?:Straße|Strasse|Str\\.|Weg|Allee|Platz|Gasse|Damm|Ufer|Chaussee) \\d{1,4}(?:[-/]?[A-Za-z0-9]{1,3})?(?![\\w-])`,
  'g',
);
// The street type first (Romance languages), then a name and the number.
const STREET_THEN_NUMBER_ROMANCE = factored(
  new RegExp(
    `(?<![${UP}${LOW}])(?:[Uu]l\\.|[Aa]l\\.|[Rr]ue|[Aa]venue|[Bb]oulevard|[Cc]hemin|[Vv]ia|[Vv]iale|[Pp]iazza|[Cc]orso|[Cc]alle|C\\/|[Aa]venida|Av\\.|Avda\\.|[Cc]arrera|Cra\\.|[Cc]alzada|[Cc]amino|[Rr]onda|[Tt]ravesía|[Cc]arrer|[Pp]laza|[Pp]aseo|[Rr]ua|[Tt]ravessa|[Ll]argo|[Vv]icolo|[Ss]trada) ?(?:(?:de|del|della|delle|dei|degli|di|da|das|do|dos|du|des|la|las|los|le|l')\\s?){0,2}[${UP}][${LOW}-]{1,30}(?: (?:(?:de|del|de la|de les|dels|della|di|da|do|dos|du)\\s)?[${UP}][${LOW}-]{1,30}){0,3},? (?:n[º°o.]\\s?)?\\d{1,4}(?:\\/\\d{1,4})?(?![\\w-])`,
    'g',
  ),
);
// English with the number after the street: "Birchwood Lane, number 26".
const STREET_NUMBER_AFTER = new RegExp(
  `[${UP}](?<![${UP}${LOW}].)[${LOW}-]{1,30} (?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Close|Way|Crescent|Place|Court|Terrace|Gardens)\\b,? (?:number|no\\.?|#) ?\\d{1,5}(?![\\w-])`,
  'g',
);
// A house number (with Japanese block-lot dashes), one to six place words (Welsh "Heol y Felin" has a one-letter
// one), then a postcode: UK, Dutch, US state and ZIP, Japanese, or five digits before a town (DE, FR, ES, IT).
// The parts are separated by commas, as on an envelope: a line without one is a table or a list.
const POSTAL_LINE = new RegExp(
  `(?<![\\w-])\\d{1,5}(?:-\\d{1,4}){0,2}[A-Za-z]?,?(?: [${UP}${LOW}'.-]{1,30},?){1,6} (?:[A-Z]{1,2}\\d[A-Z\\d]? \\d[A-Z]{2}|\\d{4} ?[A-Z]{2} [${UP}][${LOW}]{1,30}|[A-Z]{2} \\d{5}(?:-\\d{4})?|\\d{3}-\\d{4}|\\d{5} [${UP}][${LOW}]{1,30})(?![\\w-])`,
  'g',
);
// German streets named with a preposition (Am Kirchberg 7a, An der Alster 12, Im Winkel 3), then a five-digit postcode
// and the town: the postcode says it is an address line.
const GERMAN_PREPOSITION_STREET = new RegExp(
  `\\b(?:Am|An der|An den|Auf der|Auf dem|Im|In der|In den|Zum|Zur|Unter den|Hinter der|Hinterm|Vor dem) [${UP}][${LOW}]{2,30}(?:[ -][${UP}]?[${LOW}]{2,30})? \\d{1,4}[a-z]?, \\d{5} [${UP}][${LOW}]{1,30}`,
  'g',
);
// Czech and Slovak: the street, its two numbers (conscription/orientation: 1842/67), then the postcode in 3+2 digits
// and the town (Vinohradská 1842/67, 130 00 Praha 3). The cheap test is the numbers and the postcode.
const CZ_SK_POSTAL = new RegExp(`[${UP}][${LOW}]{2,30}(?: [${UP}${LOW}][${LOW}]{1,30}){0,2} \\d{1,4}\\/\\d{1,4}[a-z]?, \\d{3} ?\\d{2} [${UP}][${LOW}]{1,30}`, 'g');
const CZ_SK_HINT = /\d\/\d{1,4}[a-z]?, \d{3} ?\d{2} /;
// Every postcode shape here holds a digit: each is tried at a digit (a US state before its ZIP is read behind it),
// not at every capital letter of a prompt.
const POSTCODE_HINT = /\d(?:\d{2}-\d{4}|\d{3} ?[A-Z]{2}\b|(?<=[A-Z]{2} \d)\d{4}|\d{4} [A-ZÀ-Þ]|[A-Z]{2}\b)/;
// Cheap tests before each street pattern, which cost more to run over every prompt.
const HINTS: readonly RegExp[] = [
  /[a-zäöüßå]\.? \d/,
  /(?:Str\.|Stra(?:ße|sse)|Weg|Allee|Platz|Gasse|Damm|Ufer|Chaussee) \d/,
  // The Romance street words (Ul., Al., Rue, Rua, Avenue, Avenida, Av., Avda., Boulevard, Chemin, Piazza, Plaza, Corso,
  // Paseo, Calle, Travessa, C/, Via, Viale) before a name, each found at a rare letter of it (v, u, z, m, ., /) and read
  // behind from there: tried at a few positions of a long prompt, not at every a, c, p, r and t.
  /[Vv](?:(?<=[Aa]v)en(?:ue|ida) [A-ZÀ-Þa-z]|(?<=[Bb]oulev)ard [A-ZÀ-Þa-z]|(?<=[Tt]rav)essa [A-ZÀ-Þa-z]|(?<=Av)(?:\.|da\.) ?[A-ZÀ-Þ]|ia(?:le)? (?:de(?:i|l|lla|lle|gli)? )?[A-ZÀ-Þ])|\.(?<=[UuAa]l\.) [A-ZÀ-Þa-z]|u(?<=[Rr]u)[ea] [A-ZÀ-Þa-z]|m(?<=[Cc]hem)in [A-ZÀ-Þa-z]|z(?<=[Pp]iaz)za [A-ZÀ-Þa-z]|z(?<=[Pp]laz)a [A-ZÀ-Þa-z]|s(?<=[Cc]ors)o [A-ZÀ-Þa-z]|s(?<=[Pp]as)eo [A-ZÀ-Þa-z]|l(?<=[Cc]al)le [A-ZÀ-Þa-z]|\/(?<=C\/) ?[A-ZÀ-Þ]/,
  // "number 26", "no. 26", "#26": tried at each digit and read behind, not at every n of a prompt.
  /\d(?<=\b(?:number|no\.?|#) ?\d)/,
];
// A postcode shortly after a street, perhaps after a floor and door or a district (", 3º izquierda, 28003",
// " - apto 45, CEP 01234-567", ", Col. Roma Norte, C.P. 06700"): the street is a postal address.
const POSTCODE_AFTER =
  /^(?:,? ?[^,\n]{1,28}?){0,2}?,? ?(?:(?:CP|C\.P\.|CEP|PLZ|NPA|CAP)[: ]{0,2})?(?:\d{4} ?[A-Z]{2}|\d{5}(?:-\d{3})?|\d{4}-\d{3}|\d{3}-\d{4}|\d{2}-\d{3}|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|\d{4} [A-ZÆØÅÄÖÜ][a-zæøåäöüé]{2,})\b/;
const POSTCODE_REACH = 64;
// A sentence about a person or a delivery: someone's address, not a landmark's.
// …and the same in the Germanic and Nordic languages whose streets the patterns below read (Jeg bor hos min søster på …).
const PERSON_CONTEXT = factored(
  /\b(?:I|I'm|[Mm]y|me|[Ww]e|[Oo]ur|us|[Hh]e|[Ss]he|[Hh]e's|[Ss]he's|[Hh]is|[Hh]er|[Tt]hey|[Tt]heir|lives?|living|stays?|staying|moved|[Ss]hip|[Ss]end|[Dd]eliver|[Rr]eturn|[Pp]ost(?: it)? to|address|[Mm]eet|[Vv]isit|pick up|drop off|at home|[Jj]eg|[Jj]ag|[Ii]ch|bor|wohne|wohnt|habite|vivo|abito|woon|mieszkam|[Mm]in|[Mm]itt|[Mm]eine?|[Mm]ijn|hos)\b|(?!(?:What|That|It|There|Here|Who|Where|How|Let|Today)['’])[A-Z][a-z]+['’]s\b/,
);

// A person's name just before the address, as on an envelope: "Javier Muñoz Prieto, Calle …"; and the Chinese
// sender and addressee labels.
const NAME_BEFORE = new RegExp(
  `(?:[${UP}][${LOW}'-]{1,20} ){1,3}[${UP}][${LOW}'-]{1,20}['’]?s?[,:]? ?(?:(?:house|home|place|address|flat)[,:]? ?)?$|(?:寄件人|收件人|收货人|地址)[：:]?\\s?$`,
);

/** True when the sentence before `start` is about a person or a delivery, or a name stands just before it. */
function personBefore(text: string, start: number): boolean {
  const sentence = sentenceBefore(text, start);
  return PERSON_CONTEXT.test(sentence) || NAME_BEFORE.test(sentence.slice(-70));
}

/** The sentence before `start`, at most 120 characters of it. */
function sentenceBefore(text: string, start: number): string {
  const from = Math.max(0, start - 120);
  const before = text.slice(from, start);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '), before.lastIndexOf('\n'));
  return cut < 0 ? before : before.slice(cut + 1);
}

// A street address written all in lower case, as chat and dictation are: "112 dunmore street", "147 elm
// grove". Weaker than a capitalised one, so it needs a postcode after it or a sentence about a person;
// street types that are everyday words too (way, place, close, drive, court) need the postcode.
const LOWER_STREET =
  /(?<![\w-])\d{1,5}[a-z]? (?:[a-z][a-z'-]{1,20} ){1,3}(street|road|avenue|lane|grove|crescent|terrace|boulevard|st|rd|ave|blvd|drive|dr|close|way|place|court|gardens)\b/g;
const EVERYDAY_STREET_TYPE = /^(?:drive|dr|close|way|place|court|gardens|st)$/;
// Words that are never part of a street's name: "7 in the ones place", "3 hours to drive".
const NOT_STREET_WORDS = factored(
  /\b(?:the|a|an|of|in|on|to|at|for|and|or|if|is|he|she|it|we|they|you|will|hours?|minutes?|days?|weeks?|years?|times?|acres?|miles?|km|pieces?|percent|points?)\b/,
);
// A UK postcode or a US ZIP, any case, shortly after the street.
const LOWER_POSTCODE = /(?<![\w-])(?:[a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2}|\d{5}(?:-\d{4})?)(?![\w-])/i;
const LOWER_POSTCODE_REACH = 60;
const LOWER_STREET_HINT = /\b(?:street|road|avenue|lane|grove|crescent|terrace|boulevard|st|rd|ave|blvd)\b|\d[a-z]{2}\b|\d{5}/;

/** Street addresses written street-first, with "number", or as a postal line ending in a postcode. */
export function findMoreAddresses(text: string, found: AddressFound): void {
  if (!/\d/.test(text)) return;
  // The cheaper test first: a digit before a lower-case word is a single pass, the street words are not.
  const digitWord = /\d [a-z]/.test(text);
  if (digitWord && LOWER_STREET_HINT.test(text)) {
    eachMatch(LOWER_STREET, text, (m) => {
      const end = m.index + m[0].length;
      if (NOT_STREET_WORDS.test(m[0].slice(0, m[0].length - m[1]!.length))) return;
      const postcode = LOWER_POSTCODE.test(text.slice(end, end + LOWER_POSTCODE_REACH).split(/[.!?\n]/)[0]!);
      if (postcode || (!EVERYDAY_STREET_TYPE.test(m[1]!) && PERSON_CONTEXT.test(sentenceBefore(text, m.index)))) found(m.index, end);
    });
  }
  const streets = [STREET_THEN_NUMBER_GERMANIC, STREET_TYPE_WORD_GERMANIC, STREET_THEN_NUMBER_ROMANCE, STREET_NUMBER_AFTER];
  for (let i = 0; i < streets.length; i++) {
    if (!HINTS[i]!.test(text)) continue;
    eachMatch(streets[i]!, text, (m) => {
      const end = m.index + m[0].length;
      const postcode = POSTCODE_AFTER.test(text.slice(end, end + POSTCODE_REACH).split('\n')[0]!);
      // A figure's house asked about ("Anne Frank's house at Prinsengracht 263 is a museum") is no one's address.
      if ((postcode || personBefore(text, m.index)) && !famousAddress(text, m.index, m[0])) found(m.index, end);
    });
  }
  findWorldAddresses(text, digitWord, (start) => personBefore(text, start), found);
  if (/\d[a-z]?, \d{5} /.test(text)) eachMatch(GERMAN_PREPOSITION_STREET, text, (m) => found(m.index, m.index + m[0].length));
  if (text.includes('/') && CZ_SK_HINT.test(text)) eachMatch(CZ_SK_POSTAL, text, (m) => found(m.index, m.index + m[0].length));
  if (!text.includes(',') || !POSTCODE_HINT.test(text)) return;
  eachMatch(POSTAL_LINE, text, (m) => {
    if (m[0].includes(',')) found(m.index, m.index + m[0].length);
  });
}
