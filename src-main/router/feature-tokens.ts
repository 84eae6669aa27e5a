// The word tokens of a prompt for the difficulty features (features.ts), in one hand-written pass:
// each token is hashed, looked up in the word-category table (which also holds the keyword gates
// of feature-gates.ts) and counted, with no string made per token. The tokens are those of the
// regex /[A-Za-z][A-Za-z']*|\d+(?:[.,]\d+)*/g it replaced; test/unit/router-features-pinned.test.ts
// pins the result.
import { GATE_BITS_BY_WORD } from './feature-gates.js';

// Word categories; a word may be in several. Each category's count feeds one or more dense features.
const CATEGORY_WORDS = {
  STOP:
    'a an the and or but if of to in on at by for with from as is are was were be been being am do does did have ' +
    'has had it its this that these those there here then than so such not no nor too very can could will would ' +
    'shall should may might must i me my we our you your he him his she her they them their what which who whom ' +
    'whose when where why how all any both each few more most other some into over under about after before between ' +
    'through during up down out off again',
  MATH:
    'solve solving equation equations integer integers sum product probability derivative integral polynomial ' +
    'polynomials prime primes matrix matrices calculate calculated compute computed value values area perimeter ' +
    'radius diameter ratio ratios percent percentage average mean median mode remainder divisible divided divide ' +
    'multiply multiplied root roots square squared cube factor factors fraction fractions digit digits number ' +
    'numbers variance deviation expected formula function functions limit vector vectors angle triangle circle ' +
    'geometry algebra log logarithm exponent exponential sequence series modulo mod inequality real rational ' +
    'irrational coefficient coefficients graph',
  CODE:
    'program programs programming code coding implement implementation function algorithm algorithms python java ' +
    'javascript typescript cpp sql regex api class array arrays string strings list lists complexity bug bugs ' +
    'compile compiler html css json recursion recursive loop loops variable variables script shell bash linux ' +
    'database query queries binary pointer runtime stack queue hash tree node nodes software computer boolean ' +
    'integer int char',
  WH: 'what why how which who whom whose when where',
  REASON:
    'prove proof derive explain justify deduce infer determine evaluate analyze analyse analysis compare contrast ' +
    'critique argue reason reasoning demonstrate show conclude conclusion assess discuss examine interpret',
  ROLE: 'pretend imagine roleplay role embody persona character act acting',
  EXTRACT: 'extract summarize summarise summary json yaml csv table format identify list categorize classify return output ' + 'rank sort',
  CONSTRAINT:
    'must should least most exactly only without ensure limit limited fewer within maximum minimum keep avoid each ' +
    'every include including concise brief words sentences',
  NEG: 'not except false incorrect least never none neither cannot unlikely unless',
  LOGIC:
    'if then all some none every each implies therefore true false valid invalid premise premises conclusion ' +
    'argument statement statements necessarily hence thus because',
  COND: 'if unless given suppose assume assuming provided whenever',
  YOU: 'you your yours yourself',
  ME: 'i me my mine myself we our us',
  IMPERATIVE:
    'write explain describe list give provide include use make create find calculate compute solve determine show ' +
    'prove compare identify discuss analyze analyse summarize summarise rewrite translate implement design suggest ' +
    'develop evaluate name outline draft compose craft imagine pretend consider estimate tell edit',
  UNITS:
    'dollars dollar cents cent hours hour minutes minute seconds days day weeks week months month years year miles ' +
    'mile km meters meter feet foot inches inch pounds pound kg grams gram liters liter gallons gallon percent',
  QREL:
    'twice half times more less fewer total remaining left each per rest double triple quarter third every ' +
    'altogether difference combined average increase increased decrease decreased discount profit',
  SCIENCE:
    'energy force mass velocity acceleration electron electrons atom atoms molecule molecules reaction chemical ' +
    'cell cells gene genes protein enzyme quantum momentum charge voltage current resistance temperature pressure ' +
    'wavelength frequency photon entropy orbit gravity acid base bond ion ions species organism',
  // Terms of exact, checkable work (programming, formal mathematics, logic): where a small model
  // falls behind a frontier one most (see the priors in scripts/router/difficulty-train.ts).
  TECH:
    'python java javascript typescript cpp rust sql html css regex function functions algorithm algorithms array ' +
    'arrays string strings integer integers binary tree trees node nodes recursion recursive code program programs ' +
    'implement compile complexity bits bit byte bytes memory pointer loop loops stack queue matrix matrices ' +
    'polynomial equation equations probability prime primes remainder divisible modulo theorem proof prove graph ' +
    'vertex vertices triangle circle integral derivative logic logical premise premises valid invalid implies ' +
    'subsequence median sorted sort',
  // Topics of society, culture, the arts and business: open questions both models answer about as well.
  HUMANITIES:
    'history historical culture cultural society social political politics government economy economic economics ' +
    'market markets business art arts artist artists literature literary philosophy philosopher religion religious ' +
    'century countries country nation national war people community communities public media policy policies ' +
    'tradition traditional heritage education family values influence impact relationship relationships marketing ' +
    'customer customers brand management leadership career ethics ethical',
  // Common English words beyond the stop words; a longer word in neither list counts as rare.
  COMMON:
    'time person year way day thing man world life hand part child eye woman place work week case point government ' +
    'company group problem fact people one two three four five six seven eight nine ten first second last new good ' +
    'old great high small large big long little own right left same different next early young important public bad ' +
    'able best better get go make know think take see come want look use find give tell call try ask need feel ' +
    'become leave put mean keep let begin seem help talk turn start show hear play run move like live believe hold ' +
    'bring happen write provide sit stand lose pay meet include continue set learn change lead understand watch ' +
    'follow stop speak read allow add spend grow open walk win offer remember love consider appear buy wait serve ' +
    'die send expect build stay fall cut reach kill remain suggest raise pass sell require report decide pull said ' +
    'says say went goes made took came saw knew got gave home house room school water money book word side kind ' +
    'head question answer end city family friend car food night name story job state month lot study game line ' +
    'number program business issue service information system hour also just well only even back still never much ' +
    'many now often always however later today yes really almost enough sure together already since ever far around ' +
    'away once while until though although because whether either rather quite something nothing everything ' +
    'anything someone everyone another every both half whole following below above example why using used uses ' +
    'based given each per total statement true false correct describes likely option options choose choice answers ' +
    'shown bought buys cost costs price store sold sells paid pays earns earn earned apples boxes box bag bags ' +
    'children students class teacher mother father brother sister friends dog dogs cat cats ball balls cars hours ' +
    'minutes morning evening dollars',
} as const;
type Category = keyof typeof CATEGORY_WORDS;
const CATEGORIES = Object.keys(CATEGORY_WORDS) as Category[];
const CATEGORY_COUNT = CATEGORIES.length;
/** Category name → its index in the per-prompt counts. */
export const K = Object.fromEntries(CATEGORIES.map((c, i) => [c, i])) as Record<Category, number>;

/** Word → bit set of its categories. */
const WORD_CLASS = new Map<string, number>();
CATEGORIES.forEach((c, i) => {
  for (const w of CATEGORY_WORDS[c].split(' ')) WORD_CLASS.set(w, (WORD_CLASS.get(w) ?? 0) | (1 << i));
});

// WORD_CLASS as an open-addressing table keyed by the word's FNV-1a hash, which the token scan
// computes anyway: looking a word up then needs no lowercase string (a string per token was most
// of the garbage). Each slot keeps its word, to compare against the token's characters, and the
// keyword-regex gates the word opens (feature-gates.ts), so one probe answers both.
const CLASS_SLOTS = 4096;
const CLASS_HASH = new Int32Array(CLASS_SLOTS);
const CLASS_BITS = new Int32Array(CLASS_SLOTS);
const CLASS_GATES = new Int32Array(CLASS_SLOTS);
const CLASS_WORD: string[] = new Array<string>(CLASS_SLOTS).fill('');
for (const w of new Set([...WORD_CLASS.keys(), ...GATE_BITS_BY_WORD.keys()])) {
  let slot = fnv1a(w) & (CLASS_SLOTS - 1);
  while (CLASS_WORD[slot] !== '') slot = (slot + 1) & (CLASS_SLOTS - 1);
  CLASS_HASH[slot] = fnv1a(w) | 0;
  CLASS_BITS[slot] = WORD_CLASS.get(w) ?? 0;
  CLASS_GATES[slot] = GATE_BITS_BY_WORD.get(w) ?? 0;
  CLASS_WORD[slot] = w;
}

/** The table slot of the ASCII word text[start, end), lowercased, whose FNV-1a hash is `h`; -1 when absent. */
function wordSlot(text: string, start: number, end: number, h: number): number {
  const len = end - start;
  for (let slot = h & (CLASS_SLOTS - 1); CLASS_WORD[slot] !== ''; slot = (slot + 1) & (CLASS_SLOTS - 1)) {
    if (CLASS_HASH[slot] !== (h | 0)) continue;
    const w = CLASS_WORD[slot]!;
    if (w.length !== len) continue;
    let i = 0;
    while (i < len && w.charCodeAt(i) === lowerAscii(text.charCodeAt(start + i))) i++;
    if (i === len) return slot;
  }
  return -1;
}

/**
 * The gates opened by the letter runs of a token that holds an apostrophe ("don't", "json's"):
 * a keyword regex's \b sees the runs on either side of it as words of their own.
 */
function apostropheRunGates(text: string, start: number, end: number): number {
  let gates = 0;
  let i = start;
  while (i < end) {
    while (i < end && text.charCodeAt(i) === 39) i++;
    const runStart = i;
    let h = 0x811c9dc5;
    for (; i < end && text.charCodeAt(i) !== 39; i++) h = Math.imul(h ^ lowerAscii(text.charCodeAt(i)), 0x01000193);
    if (i > runStart) {
      const slot = wordSlot(text, runStart, i, h >>> 0);
      if (slot >= 0) gates |= CLASS_GATES[slot]!;
    }
  }
  return gates;
}

// 32-bit FNV-1a of a lowercase word.
// (A function declaration, hoisted: the word table above is built with it.)
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** An ASCII letter's lowercase code (other codes as they are). */
export function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * The hash of every number token: numbers are folded to one token for hashing, so amounts do not
 * fragment the vocabulary.
 */
const NUM_TOKEN_HASH = fnv1a('<num>');

/** What one pass over a prompt's word tokens counts (see scanTokens). */
export interface TokenScan {
  /** Word (not number) tokens, and their letters. */
  words: number;
  letters: number;
  longWords: number;
  /** Words of 4+ letters in neither the stop words nor the common words. */
  rare: number;
  /** Words that start lowercase and hold an uppercase letter. */
  camel: number;
  /** Matches of CAPITALIZED_RE: proper nouns and terms. */
  capitalized: number;
  /** Word count per category (CATEGORIES order). */
  cat: Float64Array;
  numbers: number;
  distinctNumbers: number;
  maxDigits: number;
  /** Tokens; their hashes are in tokenHashes[0, tokens). */
  tokens: number;
  /** The keyword-regex gates its letter runs opened (feature-gates.ts). */
  gates: number;
}

/**
 * FNV-1a hash of each token, lowercased, in text order (a number's is NUM_TOKEN_HASH), as int32:
 * scratch, reused from prompt to prompt (filled by scanTokens, read by hashedNgrams).
 */
let tokenHashes = new Int32Array(256);

/** The token hashes of the last scanTokens call, in [0, its `tokens`) (scratch: read before the next scan). */
export function tokenHashList(): Int32Array {
  return tokenHashes;
}

/** Appends a token hash at position n, growing the scratch when full. */
function pushHash(n: number, h: number): void {
  if (n === tokenHashes.length) {
    const grown = new Int32Array(2 * n);
    grown.set(tokenHashes);
    tokenHashes = grown;
  }
  tokenHashes[n] = h;
}

/** Word count per category: scratch, reused from prompt to prompt (read before the next scan). */
const categoryCounts = new Float64Array(CATEGORY_COUNT);

/**
 * The tokens of /[A-Za-z][A-Za-z']*|\d+(?:[.,]\d+)*\/g (ASCII words and numbers), scanned by hand:
 * one pass over the characters that hashes and classifies each token in place, where a regex
 * match would make a string per token and lowercase it twice.
 */
export function scanTokens(text: string): TokenScan {
  const n = text.length;
  const cat = categoryCounts.fill(0);
  let tokens = 0;
  let distinct: Set<string> | null = null;
  const plain = (1 << K.STOP) | (1 << K.COMMON);
  let words = 0;
  let letters = 0;
  let longWords = 0;
  let rare = 0;
  let camel = 0;
  let capitalized = 0;
  let numbers = 0;
  let maxDigits = 0;
  let gates = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      const start = i;
      let h = Math.imul(0x811c9dc5 ^ lowerAscii(c), 0x01000193);
      let hasUpper = false;
      let apostrophe = false;
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d >= 65 && d <= 90) hasUpper = true;
        else if (d === 39) apostrophe = true;
        else if (!(d >= 97 && d <= 122)) break;
        h = Math.imul(h ^ lowerAscii(d), 0x01000193);
      }
      pushHash(tokens++, h);
      h >>>= 0;
      const len = i - start;
      words++;
      letters += len;
      if (len >= 9) longWords++;
      if (c >= 97 && hasUpper) camel++;
      // A capitalised word right after a lowercase word or comma: proper nouns and terms, not sentence starts.
      else if (c <= 90 && len >= 2 && text.charCodeAt(start + 1) !== 39 && afterLowerAndSpaces(text, start)) capitalized++;
      const slot = wordSlot(text, start, i, h);
      const cls = slot >= 0 ? CLASS_BITS[slot]! : 0;
      if (apostrophe) gates |= apostropheRunGates(text, start, i);
      else if (slot >= 0) gates |= CLASS_GATES[slot]!;
      if ((cls & plain) === 0 && len > 3) rare++;
      // Only the set bits: most classified words are stop words, in one category of twenty.
      for (let v = cls; v !== 0; v &= v - 1) cat[31 - Math.clz32(v & -v)]!++;
    } else if (c >= 48 && c <= 57) {
      const start = i;
      for (i++; i < n && isDigit(text.charCodeAt(i)); i++);
      // (?:[.,]\d+)*: a separator counts only with a digit after it.
      while (i + 1 < n && (text.charCodeAt(i) === 46 || text.charCodeAt(i) === 44) && isDigit(text.charCodeAt(i + 1))) {
        for (i += 2; i < n && isDigit(text.charCodeAt(i)); i++);
      }
      pushHash(tokens++, NUM_TOKEN_HASH);
      numbers++;
      (distinct ??= new Set<string>()).add(text.slice(start, i));
      if (i - start > maxDigits) maxDigits = i - start;
    } else i++;
  }
  return { words, letters, longWords, rare, camel, cat, numbers, distinctNumbers: distinct ? distinct.size : 0, maxDigits, tokens, capitalized, gates };
}

/**
 * Whether text[start] has, before it, one or more spaces and then one of [a-z0-9,;]: the
 * lookbehind of CAPITALIZED_RE, /(?<=[a-z0-9,;] +)[A-Z][A-Za-z]+/g. Its matches are exactly the
 * word tokens that start there with an uppercase letter and a second letter (a match cannot start
 * inside a word: a space precedes it), so the token scan counts them without that regex's pass.
 */
function afterLowerAndSpaces(text: string, start: number): boolean {
  let j = start - 1;
  if (j < 0 || text.charCodeAt(j) !== 32) return false;
  while (j >= 0 && text.charCodeAt(j) === 32) j--;
  if (j < 0) return false;
  const c = text.charCodeAt(j);
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 44 || c === 59;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
