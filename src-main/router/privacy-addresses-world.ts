// Street addresses in the national formats privacy-addresses.ts does not read (called from findMoreAddresses):
// - French and Belgian, number first: "12 bis, rue des Lilas", with a postcode or a person;
// - Vietnamese: house number (45/12), street, then ward and district (Phường 6, Quận 3; P.6, Q.3; ngõ, hẻm);
// - Taiwanese, Hong Kong and Chinese roads with a section, lane or alley before the number (復興南路一段 219 巷 8
//   號 5 樓), in traditional or simplified characters; Hong Kong flats (Flat 12B, 12/F);
// - Japanese block addresses (2丁目21-1, 3番地) and postcodes after 〒;
// - Korean road addresses (테헤란로 152 after a 시/구/동) and flats (101동 1203호);
// - Nigerian unit lines that end in an estate or a phase (House 5, 3rd Avenue, Gwarinpa Estate); Indian ones with a
//   unit word end in a PIN code (privacy-loose-shapes.ts), the rest, with Korean, Japanese and Singaporean addresses in
//   Latin letters and Hong Kong estates, are read by privacy-addresses-asia.ts.
// Each pattern is bounded and runs behind a cheap test of the text.

import { eachMatch } from './privacy-match.js';
import { findAsianAddresses } from './privacy-addresses-asia.js';
import { hasHan } from './privacy-text.js';

export type WorldAddressFound = (start: number, end: number) => void;

const UP = 'A-ZÀ-ÖØ-Þ';
const LOW = 'a-zß-öø-ÿ\\u0100-\\u017f';

// French and Belgian: number (bis/ter), then the street type in lower case, then its name.
const FR_NUMBER_FIRST = new RegExp(
  `(?<![\\w-])\\d{1,4}(?: ?(?:bis|ter|[A-D]))?,? (?:rue|avenue|av\\.|boulevard|bd|chemin|allée|impasse|place|quai|route|cours|passage|square|rua|via|calle) (?:(?:de la|de l'|des|du|de|d'|l'|la|le)\\s?)?[${UP}][${LOW}'-]{1,30}(?: [${UP}][${LOW}'-]{1,30}){0,3}`,
  'g',
);
const FR_HINT = /\d,? (?:rue|avenue|av\.|boulevard|bd|chemin|allée|impasse|place|quai|route|cours|passage|square|rua|via|calle) /;
// A French postcode and town (75011 Paris), or a Belgian one (1050 Ixelles), shortly after; or the town alone (à Angers).
const FR_POSTCODE_AFTER = /^,? ?(?:\d{5}|\d{4}) [A-ZÀ-Þ]|^,? (?:à|a) [A-ZÀ-Þ]/;

// Czech and Slovak: the street and its number, then the postcode written 3 + 2 and the town (Kounicova 38, 602 00 Brno).
const CZ_STREET_POSTCODE = new RegExp(`[${UP}][${LOW}]{2,30}(?: [${UP}${LOW}][${LOW}]{1,30}){0,2} \\d{1,4}(?:/\\d{1,4})?[a-z]?, \\d{3} \\d{2} [${UP}]`, 'g');
const CZ_POSTCODE = /, \d{3} \d{2} [A-ZÀ-Þ]/;

// Vietnamese letters: Latin with the Vietnamese additions (ơ, ư, đ and the tone marks of U+1EA0-U+1EF9).
const VN_UP = 'A-ZÀ-ÝĂÂĐÊÔƠƯ\\u1ea0-\\u1ef9';
const VN_LOW = 'a-zà-ýăâđêôơư\\u0100-\\u01b0\\u1ea0-\\u1ef9';
const VN_ADDRESS = new RegExp(
  `(?<![\\w/])(?:[Ss]ố )?\\d{1,4}[A-Z]?(?:\\/\\d{1,4}[A-Z]?){0,3},? (?:(?:[Đđ]ường|[Nn]gõ|[Nn]gách|[Hh]ẻm|[Kk]iệt|[Pp]hố) )?[${VN_UP}][${VN_LOW}]{0,10}(?: [${VN_UP}\\d][${VN_LOW}\\d]{0,10}){0,6},? (?:[Pp]hường|P\\.|[Xx]ã|[Tt]hị trấn|[Qq]uận|Q\\.|[Hh]uyện)`,
  'g',
);
// Vietnamese names and ward words carry ơ, ư or a tone-marked vowel: one class test before the pattern.
const VN_LETTER = /[\u01a0-\u01b0\u1ea0-\u1ef9]/;
const VN_HINT = /[Pp]hường|[Qq]uận|[Hh]uyện|[Xx]ã |P\.\s?\d|Q\.\s?\d/;

// A road, optionally its section (一段), lane (巷) and alley (弄), then the number (號/号), floor and room.
const ZH_SECTION_LANE = new RegExp(
  '[\\u4e00-\\u9fff]{1,12}?(?:路|街|大道|大街|道)(?:[一二三四五六七八九十\\d]{1,3}段)?\\s?(?:[\\d一二三四五六七八九十百零〇]{1,5}\\s?巷\\s?)?(?:\\d{1,5}\\s?弄\\s?)?[\\d一二三四五六七八九十百零〇]{1,6}(?:之\\d{1,3})?\\s?[號号](?:\\s?\\d{1,3}\\s?[樓楼層层F](?:之\\s?\\d{1,3})?)?(?:\\s?\\d{1,5}\\s?室)?',
  'g',
);
// Words before an address that are not part of it: 住在…, 地址…, 寄到….
const ZH_LEAD = /^.*[在是址到往：:]/;
const ZH_UNIT = /[樓楼層层室F]$/;
const ZH_PERSON_BEFORE = /住|家|寄|收|送|地址|我|他|她|先生|女士|小姐|親|亲|哥|姐|弟|妹|媽|妈|爸|叔|姨|舅|朋友|同事/;
// Hong Kong: a flat and its floor (Flat 12B, 12/F; Rm 1203, 12/F).
const HK_FLAT = /\b(?:Flat|FLAT|Rm|Room|Unit)\s?[\dA-Z]{1,5},?\s?\d{1,3}\/F\b/g;

// Japanese: a block and lot (2丁目21-1, 3丁目5番8号, 1234番地), and a postcode after 〒.
const JP_BLOCK =
  /[\u4e00-\u9fff\u3040-\u30ff]{1,12}?[\d０-９]{1,2}\s?丁目\s?\d{1,4}(?:\s?番地?\s?(?:\d{1,4}\s?号?)?|[-ー－‐]\d{1,4}(?:[-ー－‐]\d{1,4})?)?|[\u4e00-\u9fff\u3040-\u30ff]{1,12}?\d{1,5}\s?番地(?:\s?\d{1,4})?/g;
const JP_POSTCODE = /〒\s?\d{3}-\d{4}/g;

// Korean: a road name address after a city, district or neighbourhood (강남구 테헤란로 152), and a flat (101동 1203호).
const KR_ROAD = /(?:시|구|군|동|읍|면) [\uac00-\ud7a3\d]{1,10}(?:로|길)\s?\d{1,4}(?:-\d{1,4})?(?:번길\s?\d{1,4})?/g;
const KR_FLAT = /\d{1,4}\s?동\s?\d{1,4}\s?호/g;

// A unit line that ends in an estate or a phase (Nigeria, Kenya): House 5, 3rd Avenue, Gwarinpa Estate.
const UNIT_ESTATE = /\b(?:House|Plot|Block|Flat|No\.?)\s?\d{1,4}[A-Z]?,\s?[^,\n]{2,40}?,\s?[^,\n]{0,40}?\b(?:Estate|Phase (?:\d|I{1,3}|IV|V))\b/g;
// indexOf tests, each far cheaper than one pattern of alternatives over a long prompt.
const UNIT_ESTATE_WORDS = ['Estate', 'Phase '] as const;

// Vietnamese letters, CJK (with 〒) and Hangul: the scripts of the patterns below.
const ASIAN_SCRIPT = /[\u01a0-\u01b0\u1ea0-\u1ef9\u3000-\u9fff\uac00-\ud7a3]/;
const HANGUL = /[\uac00-\ud7a3]/;

/** Street addresses in the French, Vietnamese, Chinese (traditional and simplified), Japanese, Korean and estate formats. */
export function findWorldAddresses(text: string, digitWord: boolean, personBefore: (start: number) => boolean, found: WorldAddressFound): void {
  // `digitWord`: the caller's test for a digit before a lower-case word (14 bis, 12 rue), which the French shape needs.
  if ((digitWord || text.includes(', rue ')) && FR_HINT.test(text)) {
    eachMatch(FR_NUMBER_FIRST, text, (m) => {
      const end = m.index + m[0].length;
      if (FR_POSTCODE_AFTER.test(text.slice(end, end + 12)) || personBefore(m.index)) found(m.index, end);
    });
  }
  if (text.includes('/F')) eachMatch(HK_FLAT, text, (m) => found(m.index, m.index + m[0].length));
  if (CZ_POSTCODE.test(text)) eachMatch(CZ_STREET_POSTCODE, text, (m) => found(m.index, m.index + m[0].length - 2));
  if (UNIT_ESTATE_WORDS.some((w) => text.includes(w))) eachMatch(UNIT_ESTATE, text, (m) => found(m.index, m.index + m[0].length));
  const asian = ASIAN_SCRIPT.test(text);
  findAsianAddresses(text, asian && hasHan(text), found);
  if (!asian) return;
  if (VN_LETTER.test(text) && VN_HINT.test(text)) eachMatch(VN_ADDRESS, text, (m) => found(m.index, m.index + m[0].length));
  if (hasHan(text)) {
    if (/[號号]/.test(text) && /[段巷號]/.test(text)) {
      eachMatch(ZH_SECTION_LANE, text, (m) => {
        const lead = ZH_LEAD.exec(m[0].slice(0, 12))?.[0].length ?? 0;
        // A landmark's address (台北101在信義路五段7號) is public: a home has a floor or room, or a person or delivery before it.
        if (!ZH_UNIT.test(m[0]) && !ZH_PERSON_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index + lead))) return;
        found(m.index + lead, m.index + m[0].length);
      });
    }
    if (text.includes('丁目') || text.includes('番地')) eachMatch(JP_BLOCK, text, (m) => found(m.index, m.index + m[0].length));
  }
  if (text.includes('〒')) eachMatch(JP_POSTCODE, text, (m) => found(m.index, m.index + m[0].length));
  if (HANGUL.test(text)) {
    eachMatch(KR_ROAD, text, (m) => found(m.index + 2, m.index + m[0].length));
    if (text.includes('호')) eachMatch(KR_FLAT, text, (m) => found(m.index, m.index + m[0].length));
  }
}
