// A named person next to a personal detail: a diagnosis or hospital stay, salary or HR matters, a
// date of birth, where they live or their car's number plate. Neither half is private alone ("what
// is chemotherapy?", "the salary range for nurses", "Tom Bradley" in a list of speakers); together
// they are. There is no list of names: a name is what the text shapes as one. In English a title
// and a capitalised word (Mr Okafor, Dr. Hassan), a relation and a capitalised word (my colleague
// Priya, my neighbour Rob's), or two capitalised words side by side that are not a common
// capitalised phrase (Sarah Jenkins, Kevin O'Brien; three when one has accents, Nguyễn Thị Lan), a single
// capitalised word as a clause's subject or after a verb that takes a person (Lily won't…, put Steve
// on…; closer still), a form's person field (Passenger 1: Moreau, Camille), an honorific (Tanaka-san,
// 김민준 씨) or a run of Devanagari or Arabic words, and a he/she that refers back to any of those.
// In Chinese a common surname and one or two characters after a relation (同事王伟), before a title
// (张女士, 李经理), after 小/老 (小赵), after 姓名, opening a clause before a verb-like word (李明患有…,
// 王芳的月薪…) or after a verb that takes a person (把李娜的…, 给张丽写…). A detail counts when a name
// is in the same sentence (a table row runs on to the next; a date of birth may be in another field of
// the form), at most MAX_GAP characters away. Exam questions and arithmetic word problems are about
// invented people and are left to the strict level.

import { HEALTH_EVENT_ZH, medicineOrReading } from './privacy-health-terms.js';
import { findAddressed } from './privacy-addressed.js';
import { publishedPay } from './privacy-published.js';
import { famousAddress } from './privacy-public.js';
import { toyCalls } from './privacy-toy-code.js';
import { DETAILS, HEALTH_DETAIL_EN, SPARSE_DETAILS, STRICT_DETAILS, type PersonDetailKind } from './privacy-person-details.js';
import { HAN_OR_HANGUL, strictNames, type Span } from './privacy-person-names.js';
import { nameNear, namesAround } from './privacy-person-near.js';
import { inventedPeople } from './privacy-invented.js';

// Other files read these from here.
export { SURNAMES_ZH } from './privacy-person-names.js';
export { inventedPeople } from './privacy-invented.js';
export { findNumberPlates } from './privacy-plates.js';
export type { PersonDetailKind } from './privacy-person-details.js';

export type PersonFound = (kind: PersonDetailKind, start: number, end: number) => void;

/**
 * Personal details (health, employment, birth date, home) with a person's name in the same sentence, at
 * most `limit`. `strict` (the user's "Strict" privacy level): any of those or an age, a family member or a
 * workplace, with a name anywhere in the message.
 */
export function findNamedPersonDetails(text: string, limit: number, found: PersonFound, strict = false): void {
  // The standard level reports nothing in an exam question or a word problem (reportNearNames): most of
  // the longest prompts are exam questions, so their detail patterns are not run at all.
  if (!strict && inventedPeople(text)) return;
  findAddressed(text, found);
  const details = detailsIn(text, limit, strict);
  if (details.all.length === 0) return;
  // The strict level adds to the standard one, never replaces it: its name search skips relatives
  // ("my sister"), whom the standard level counts next to a home described closely.
  // A programming question's example object (Patient(name="Alice Smith", dob="…")) is no one's (privacy-toy-code.ts).
  const toy = strict ? undefined : toyCalls(text);
  const standard = details.all.slice(0, details.standard).filter((d) => toy === undefined || !toy.some((c) => d.start >= c.start && d.end <= c.end));
  reportNearNames(text, standard, limit, found);
  if (strict) reportWithAnyName(text, details.all, limit, found);
}

type Detail = { kind: PersonDetailKind; fine: boolean; nearOnly: boolean } & Span;

// A medicine being taken or a reading is health only beside its person: textbooks are full of them and of names,
// so the strict level's "any name anywhere" does not read the Chinese ones.
const NEAR_ONLY = new Set<RegExp>([HEALTH_EVENT_ZH]);

/**
 * The personal details in the text, DETAILS' first (at most limit × 4 in all), then at the strict level
 * STRICT_DETAILS'; `standard` is how many of them the standard level reads, the same list either way.
 */
function detailsIn(text: string, limit: number, strict: boolean): { all: Detail[]; standard: number } {
  const hasHan = HAN_OR_HANGUL.test(text);
  const all: Detail[] = [];
  const read = (rows: typeof DETAILS): void => {
    for (const [kind, re, chinese, fine] of rows) {
      // The Chinese lists carry a few Korean words too (진단, 입원): one gate for both scripts.
      if (chinese && !hasHan) continue;
      const hint = SPARSE_DETAILS.get(re);
      if (hint !== undefined && !(typeof hint === 'function' ? hint(text) : hint.test(text))) continue;
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null && all.length < limit * 4; m = re.exec(text)) {
        all.push({
          kind,
          start: m.index,
          end: m.index + m[0].length,
          fine: fine === true,
          nearOnly: NEAR_ONLY.has(re) || (re === HEALTH_DETAIL_EN && medicineOrReading(m[0])),
        });
      }
    }
  };
  read(DETAILS);
  const standard = all.length;
  if (strict) read(STRICT_DETAILS);
  return { all, standard };
}

/** The standard level: each detail with a person's name in its sentence, at most `limit`. */
function reportNearNames(text: string, details: readonly Detail[], limit: number, found: PersonFound): void {
  if (details.length === 0) return;
  // An exam question (options A. B. …, "Answer:") is about invented people: Patricia's salary in a
  // maths problem, a named patient in a board-exam vignette. The strict level keeps them anyway.
  if (inventedPeople(text)) return;
  // A medicine's name is no person's ("… and omeprazole was"), nor is a noun phrase a detail's word stands in with a
  // name's shape ("das Gehalt von Kollegen"); a detail may still hold its person ("letting dee go").
  const names = namesAround(text, details).filter(
    (n) => !details.some((d) => (d.kind === 'health' ? n.start < d.end && d.start < n.end : n.start <= d.start && d.end <= n.end)),
  );
  if (names.length === 0) return;
  let count = 0;
  for (const d of details) {
    if (count >= limit) return;
    if (d.kind === 'employment' && publishedPay(text, d.start, d.end)) continue;
    if (d.kind === 'location' && (figureHouse(text, d) || BUSINESS_MOVED.test(text.slice(Math.max(0, d.start - 60), d.start)))) continue;
    if (nameNear(text, names, d.start, d.end, d.kind === 'birth-date', d.fine, d.kind === 'health')) {
      found(d.kind, d.start, d.end);
      count++;
    }
  }
}

// A business that moved ("the bakery on Orchard Way has moved to the old bank building"): its new premises, no one's home.
const BUSINESS_MOVED =
  /\b(?:bakery|shop|store|caf[eé]|restaurant|pub|bar|office|branch|clinic|surgery|practice|salon|library|gym|pharmacy|bank|market|church|nursery|business|firm|company|studio|takeaway)\b[^.?!\n]{0,40}?\b(?:has|have|is|are|will be|just)\s*$/i;

/** The strict level: every detail, at most `limit`, when a name is anywhere in the message. */
function reportWithAnyName(text: string, details: readonly Detail[], limit: number, found: PersonFound): void {
  if (strictNames(text).every((n) => n.relative === true)) return;
  for (const d of details.filter((x) => !x.nearOnly && !(x.kind === 'location' && figureHouse(text, x))).slice(0, limit)) found(d.kind, d.start, d.end);
}

// How much of what follows "Walter White's house is" is read as its address.
const ADDRESS_AFTER = 60;

/** True for "X's house is at …" where X is a public or fictional figure asked about as trivia (privacy-public.ts). */
function figureHouse(text: string, d: Span): boolean {
  return famousAddress(text, d.end, text.slice(d.end, d.end + ADDRESS_AFTER));
}
