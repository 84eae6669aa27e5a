// A number plate beside the person it belongs to, as parking logs, permit registers, HOA minutes and tow requests
// write it: "bay 14 MH12 KQ 4071 (resident permit for Flat 3B, Mr Vikram Joshi)", "Plate 8KTR214 (CA) … the
// Castellanos residence (lot 27)", "車牌 HK 4821，住客 陳大文先生". The plate alone may be anyone's car in the street
// (privacy-plates.ts reads the UK and Chinese shapes and a plate after its label); here it counts when the same line
// also gives a resident, permit holder, owner or flat, and a person. A question about what a plate's letters mean
// names no one, so it stays out. Shapes: India, UK, Germany, France and Italy, Spain, the Netherlands, US states,
// Hong Kong after its label; Chinese plates are read by privacy-plates.ts on their own.

import { eachMatch } from './privacy-match.js';
import { lowerCased } from './privacy-text.js';

export type PlateFound = (start: number, end: number) => void;

// Words of a car park, a permit or a vehicle, as a first cheap test (on the lower-cased text).
const VEHICLE_CONTEXT =
  /\b(?:bay|parking|parked|permit|plates?|reg|rego|vehicle|car|clamp(?:ed)?|tow(?:ed)?|space|visitor|guest|resident|residence|hoa|driveway|garage)\b|停車|停车|车位|車位|车牌|車牌|泊車|泊车/;
const PLATE =
  /(?<![A-Za-z0-9-])(?:[A-Z]{2}[ -]?\d{1,2}[ -]?[A-Z]{1,3}[ -]?\d{4}|[A-Z]{2}\d{2} ?[A-Z]{3}|[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} ?\d{1,4}[EH]?|[A-Z]{2}-\d{3}-[A-Z]{2}|[A-Z]{2} \d{3} [A-Z]{2}|\d{4} ?[B-DF-HJ-NP-TV-Z]{3}|\d[A-Z]{3}\d{3}|[A-Z]{3}[- ]?\d{3,4}|\d{1,2}-[A-Z]{3}-\d{1,2}|[A-Z]{2}-\d{3}-[A-Z]|(?<=(?:車牌|车牌)(?:號碼|号码|號|号)?[：:]?\s?|[Pp]late[：:]?\s?)[A-Z]{1,2} ?\d{1,4})(?![A-Za-z0-9-])/g;
// What ties the car to a home: a resident, a permit, a flat or lot, an owner.
const RESIDENT_NEAR =
  /\b(?:resident|residents|residence|permit|flat|apt|appt|apto|apartment|appartement|wohnung|piso|unit|lot|owner|owned by|registered (?:keeper|to)|keeper|tenant|guest of|visiting|belongs to|house|block)\b|住客|住戶|住户|業主|业主|車主|车主|户主|戶主|[栋棟座室樓楼]/i;
// A person: a title and a name, a given name and a surname, or a Chinese name with its title.
const PERSON_NEAR =
  /\b(?:Mr|Mrs|Ms|Miss|Dr|Mme|Mlle|Herr|Frau|Sr|Sra|Sig|Sig\.ra)\.? [A-ZÀ-Þ][a-zà-ÿ'-]+|\b[A-ZÀ-Þ][a-zà-ÿ'-]{1,20} [A-ZÀ-Þ][a-zà-ÿ'-]{1,20}\b(?<!\b(?:Flat|Block|Unit|Lot|Bay|Permit|Resident|Parking|Visitor|Guest|Plate) [A-Za-z]+)|\bthe [A-Z][a-z]+ (?:residence|family|household)\b|[\u4e00-\u9fff]{2,3}(?:先生|女士|小姐|太太)|(?:业主|業主|车主|車主|住客)[：:]?\s?[\u4e00-\u9fff]{2,3}|姓[\u4e00-\u9fff]/;
// A question about what a plate's letters or format mean.
const FORMAT_QUESTION = /\b(?:what (?:do|does)|how (?:do|does)|format|style|stand for|mean)\b/i;
const PLATE_HINT = /\d(?:(?<=[A-Z][ -]?\d)|\d{3} ?[B-DF-HJ-NP-TV-Z]{3}\b)/;
const REACH = 110;
const TABLE_ROW = /[|,\t]/;
const HEADER_REACH = 300;
// Shapes that other codes share (ABC 1234 is also a product or a flight, 2026 NOV a date): they need a plate's label
// or a US state beside them.
const WEAK_SHAPE = /^(?:[A-Z]{3}[- ]?\d{3,4}|\d{4} ?[A-Z]{3})$/;
const PLATE_LABEL =
  /\b(?:plates?|reg|rego|tag|licen[cs]e|matr[íi]cula|kenteken|kennzeichen|immatriculation|targa)\b|\((?:[A-Z]{2})\)|\b(?:[A-Z]{2}|California|Texas|New York|Florida|Ontario) plate\b/i;

/** Number plates written on the same line as a resident, permit or flat and a person. */
export function findResidentPlates(text: string, found: PlateFound): void {
  // Every plate shape has a capital letter just before a digit, or (Spain) three capitals after four digits: tried at
  // each digit and read behind, far cheaper than the words of a car park over a long prompt.
  if (!PLATE_HINT.test(text) || !VEHICLE_CONTEXT.test(lowerCased(text)) || FORMAT_QUESTION.test(text)) return;
  eachMatch(PLATE, text, (m) => {
    const plate = m[0];
    if (!/\d/.test(plate) || !/[A-Z]/.test(plate)) return;
    const end = m.index + plate.length;
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const lineEnd = text.indexOf('\n', end);
    const line = text.slice(Math.max(lineStart, m.index - REACH), lineEnd < 0 ? Math.min(text.length, end + REACH) : Math.min(lineEnd, end + REACH));
    if (WEAK_SHAPE.test(plate) && !PLATE_LABEL.test(line)) return;
    // A table's row may leave "Resident" and "Flat" to its header, a few lines up.
    const resident = RESIDENT_NEAR.test(line) || (TABLE_ROW.test(line) && RESIDENT_NEAR.test(text.slice(Math.max(0, lineStart - HEADER_REACH), lineStart)));
    if (resident && PERSON_NEAR.test(line.replace(plate, ' '))) found(m.index, end);
  });
}
