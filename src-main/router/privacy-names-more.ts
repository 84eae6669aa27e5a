// Person shapes for the named-person rules of privacy-person.ts that the capital-letter rules miss, as notes
// and dictation are typed: a title in lower case ("mrs nguyen van thanh", "dr okafor"), someone's relative
// ("deepa's son arjun", "Tom's wife"), and a patient or resident known by their room or bed ("room 4",
// "bed 12", "3床", "12号床"), who counts next to a health detail only. No list of names: the position makes
// the person. Bounded patterns behind cheap tests, as in the rest of the detector.

export interface MoreName {
  start: number;
  end: number;
  gap?: number;
  /** A relative without a name: counts only next to a closely described home or a full date of birth. */
  relative?: boolean;
  /** A patient by their room or bed: counts next to a health detail only (marked `relative` too, for the readers that skip those). */
  healthOnly?: boolean;
}

// "ms word", "dr pepper": a lower-case title before a product or a character.
const NOT_AFTER_TITLE =
  /^(?:word|excel|office|teams|access|sql|paint|dos|edge|outlook|project|windows|azure|store|pepper|who|strange|seuss|oz|dre|and|or|the|a|an|is|was|to|of|in|on|for|with|said|says|will|has|had|not|no|mr|mrs|ms|dr)$/;
const LOWER_TITLE = /\b(?:mrs|mr|mister|dr|ms)\.? ([a-z]{2,20})((?: [a-z]{2,20}){0,2})/g;
// The words after a title that continue the name: not verbs, prepositions or health words.
const NOT_A_NAME_WORD =
  /^(?:in|on|at|is|was|has|had|and|or|the|a|to|for|with|room|bed|ward|insulin|needs|said|says|takes|took|will|can|from|of|by|who|that|this|her|his|she|he|about|after|before|today|tomorrow|yesterday|tonight|morning|again|also|just)$/;
// deepa's son arjun, Tom's wife: someone's relative, and the relative's own name when it follows. Found from
// each "'s " with sticky patterns, not by a pattern tried at every word.
const RELATIVE_AFTER =
  /(?:son|daughter|wife|husband|mum|mom|mother|dad|father|partner|boy|girl|kid|child|baby|brother|sister|grandson|granddaughter|grandma|grandpa|nephew|niece)\b( [a-z]{2,20}(?= (?:was|is|has|had|born|turns|turned|just|got|needs|will)\b))?/y;
const OWNER_BEFORE = /(?<![A-Za-z])[A-Za-z][a-z]{1,20}$/;
const NOT_AN_OWNER =
  /^(?:it|one|someone|somebody|everyone|anyone|nobody|patient|client|customer|user|employee|company|team|person|man|woman|today|year|world|child|kid|king|queen|god|mother|father)$/i;
// A patient known by their room or bed: "room 4", "bed 12", "rm 7b"; 3床, 12号床, 302房的老人.
// Case-sensitive (Room and Bed capitalised as well): one scan, no "i" flag.
const ROOM_OR_BED = /\b(?:[Rr]oom|rm|[Bb]ed|[Bb]ay|cubicle)\.? ?\d{1,4}[a-z]?\b/g;
const BED_ZH = /\d{1,3}\s?(?:号床|床)|\d{1,4}\s?(?:房|室)的?(?:老人|患者|病人|住户|阿姨|大爷|奶奶|爷爷)/g;

const MAX_GAP_ROOM = 60;

/** The name shapes of this file in the text, pushed onto `out`. */
export function findMoreNames(text: string, chinese: boolean, out: MoreName[]): void {
  // String searches first: these run on every window the named-person rules read.
  if (text.includes('mr') || text.includes('dr') || text.includes('ms') || text.includes('mister')) {
    LOWER_TITLE.lastIndex = 0;
    for (let m = LOWER_TITLE.exec(text); m !== null; m = LOWER_TITLE.exec(text)) {
      if (NOT_AFTER_TITLE.test(m[1]!) || NOT_A_NAME_WORD.test(m[1]!)) continue;
      // The name runs on while its words are not common ones: "mrs nguyen van thanh in room 4".
      let end = m.index + m[0].length - m[2]!.length;
      let at = end;
      for (const w of m[2]!.split(' ').slice(1)) {
        if (NOT_A_NAME_WORD.test(w)) break;
        at += w.length + 1;
        end = at;
      }
      out.push({ start: m.index, end });
    }
  }
  for (const mark of ["'s ", '’s ']) {
    for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 3)) {
      RELATIVE_AFTER.lastIndex = at + 3;
      const relative = RELATIVE_AFTER.exec(text);
      const owner = relative === null ? null : OWNER_BEFORE.exec(text.slice(Math.max(0, at - 21), at));
      if (relative === null || owner === null || NOT_AN_OWNER.test(owner[0])) continue;
      out.push({ start: at - owner[0].length, end: at + 3 + relative[0].length, relative: relative[1] === undefined ? true : undefined });
    }
  }
  ROOM_OR_BED.lastIndex = 0;
  for (let m = ROOM_OR_BED.exec(text); m !== null; m = ROOM_OR_BED.exec(text))
    out.push({ start: m.index, end: m.index + m[0].length, gap: MAX_GAP_ROOM, relative: true, healthOnly: true });
  if (chinese && /床|房|室/.test(text)) {
    BED_ZH.lastIndex = 0;
    for (let m = BED_ZH.exec(text); m !== null; m = BED_ZH.exec(text))
      out.push({ start: m.index, end: m.index + m[0].length, gap: MAX_GAP_ROOM, relative: true, healthOnly: true });
  }
}
