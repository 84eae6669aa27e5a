// Street addresses of India, Korea and Japan (in Latin letters), Singapore and Hong Kong estates (called from
// findWorldAddresses), in the shapes a notice, a form or a config value gives them:
// - India: house number, then comma-separated parts, one of them a locality word (3rd Cross, 5th Main, HSR Layout,
//   Lajpat Nagar, Sector 15, Phase 2, Shanti Niwas), then the city and a six-digit PIN (Bengaluru 560038, - 560102);
// - Korea: a road name address (45 Banpo-daero, 12 Teheran-ro 7-gil) before its district (Seocho-gu);
// - Japan: a block address in Latin letters (3-5-8 Jingumae, 2-chome 14-3) before its ward or city (Shibuya-ku);
// - Singapore: a block and a unit (Blk 123 Ang Mo Kio Ave 3, #04-56), or a unit before the postcode;
// - Hong Kong: an estate, its block and a flat (禾輋邨豐和樓 1203 室, 日出康城 3 期 2 座 18 樓 B 室).
// An embassy's, a company's or an office's address is not a home: the words before it are read (publicPlaceBefore).

import { eachMatch } from './privacy-match.js';
import { publicPlaceBefore } from './privacy-public.js';

export type AsianAddressFound = (start: number, end: number) => void;

// The house number, two to seven parts each ending in a comma, the city and the PIN. A part holds no comma, so the
// repeat cannot rescan.
const IN_ADDRESS =
  /(?<![\w/-])(?:[A-Z]-)?\d{1,4}[A-Z]?(?:[/-]\d{1,4}[A-Z]?)?,? (?:[^\n,;"]{2,40},\s?){1,6}[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?,?\s?(?:-\s?)?[1-9]\d{2} ?\d{3}(?![\d-])/g;
const IN_LOCALITY =
  /\b(?:Cross|Main|Layout|Nagar|Sector|Phase|Colony|Apartments?|Apts|Society|Enclave|Vihar|Puram|Marg|Niwas|Nivas|Residency|Stage|Extension|Halli|Palya|Gali|Chowk|Bagh|Ganj|Wadi|Peth|Road|Street|Lane)\b/;
// The PIN after its city's name (Bengaluru 560038, Bengaluru - 560102): a phone's digit groups have no word before them.
const IN_HINT = /\d\d\d ?\d\d\d(?<=[A-Za-z],? ?(?:- ?)?[1-9]\d\d ?\d\d\d)(?![\d-])/;
const KR_ROAD = /(?<![\w-])\d{1,4}(?:-\d{1,4})?,? [A-Z][a-z]+(?:-[a-z]+)?-(?:daero|ro|gil)(?: \d{1,3}(?:beon)?-?gil)?\b[^\n]{0,40}?\b[A-Z][a-z]+-(?:gu|gun|si)\b/g;
const JP_BLOCK =
  /(?<![\w-])(?:\d{1,2}-\d{1,4}(?:-\d{1,4})? [A-Z][a-z]+(?:-[A-Z]?[a-z]+)?|\d{1,2}-chome,? \d{1,4}(?:-\d{1,4})?)\b[^\n]{0,40}?\b[A-Z][a-z]+-(?:ku|shi|machi|cho|gun)\b/g;
const SG_UNIT = /\b(?:Blk|Block) \d{1,4}[A-Z]? [^\n#]{3,40}?#\d{1,2}-\d{2,4}\b|#\d{1,2}-\d{2,4}\b[^\n]{0,60}?\b(?:Singapore|S)\s?\(?\d{6}\)?/g;
// A Hong Kong estate (邨, 苑, 花園, 城, 中心, 大廈), perhaps a phase and block, a floor and a flat; or a block by name and a room.
const HK_ESTATE_FLAT =
  /[\u4e00-\u9fff]{1,8}(?:邨|苑|花園|康城|城|中心|大廈|閣)[\s\dA-Z座期第一二三四五六七八九十\u4e00-\u9fff]{0,14}?(?:\d{1,2}\s?樓\s?[A-Z\d]{1,4}\s?室|樓\s?\d{3,4}\s?室)/g;
// A question about the format, with its example: nobody's address.
const FORMAT_QUESTION =
  /\be\.g\.|\b(?:format|formatted|for example|such as|structure[ds]?|how (?:do|are|should) (?:I |you |we )?(?:write|read)|what (?:does|do) [^\n?]{0,40} mean)\b/i;

/** Indian, Korean, Japanese and Singaporean addresses in Latin letters, and Hong Kong estate flats. */
export function findAsianAddresses(text: string, han: boolean, found: AsianAddressFound): void {
  const add = (start: number, end: number): void => {
    if (!publicPlaceBefore(text, start) && !FORMAT_QUESTION.test(text.slice(Math.max(0, start - 80), start))) found(start, end);
  };
  if (text.includes(',') && IN_HINT.test(text)) {
    eachMatch(IN_ADDRESS, text, (m) => {
      if (IN_LOCALITY.test(m[0])) add(m.index, m.index + m[0].length);
    });
  }
  // One test for both romanised forms: a hyphenated road (-ro, -daero, -gil) or ward (-ku, -shi).
  if (/-(?=[cdgkmrs])(?:daero|ro|gil|ku|shi|machi|cho|gun)\b/.test(text)) {
    eachMatch(KR_ROAD, text, (m) => add(m.index, m.index + m[0].length));
    eachMatch(JP_BLOCK, text, (m) => add(m.index, m.index + m[0].length));
  }
  if (text.includes('#')) eachMatch(SG_UNIT, text, (m) => add(m.index, m.index + m[0].length));
  if (han && text.includes('室')) eachMatch(HK_ESTATE_FLAT, text, (m) => add(m.index, m.index + m[0].length));
}
