// Prompt features for the difficulty scorer. Training (scripts/router-train.ts) and serving
// (difficulty.ts) both call featureVector from here, so the two can never disagree.
// A hand-written scan of the characters and word tokens (hashing and classifying each token in
// place), plus regular expressions, each skipped when the text lacks a character it needs. The
// output must stay bit-identical for the shipped weights: test/unit/router-features-pinned.test.ts.
import { promptAsks } from './prompt-asks.js';
import { classifyTaskType, TASK_TYPES } from './task-type.js';
import { type CharScan, isRegexSpace, scanCharacters } from './feature-chars.js';
import { ALL_GATES, bothOpen, GATE, GATE_BITS_BY_WORD, gatesForcedOpen, open } from './feature-gates.js';

/** Names of the dense features, in vector order. Stored in the model file and checked on load. */
export const DENSE_FEATURE_NAMES = [
  'chars_log',
  'words_log',
  'sentences_log',
  'lines_log',
  'avg_word_len',
  'long_word_ratio',
  'stopword_ratio',
  'capitalized_ratio',
  'uppercase_ratio',
  'punct_ratio',
  'digit_ratio',
  'numbers_log',
  'number_density',
  'distinct_numbers_log',
  'max_number_digits',
  'decimals_fractions_log',
  'money_units_log',
  'quantity_relations_log',
  'math_ops_log',
  'latex_log',
  'equations_log',
  'math_vocab_log',
  'code_markers_log',
  'code_vocab_log',
  'question_marks_log',
  'wh_words_log',
  'why_how',
  'reasoning_verbs_log',
  'step_by_step',
  'creative_writing',
  'roleplay_log',
  'extraction_log',
  'constraints_log',
  'multiple_choice',
  'list_items_log',
  'negation_log',
  'logic_vocab_ratio',
  'conditionals_log',
  'quotes_log',
  'second_person_ratio',
  'first_person_ratio',
  'requirements_log',
  'science_vocab_log',
  'rare_words_ratio',
  'closed_answer_log',
  'open_ended_log',
  'code_task',
  'quantities_log',
  'numeric_sentences_log',
  'tech_vocab_log',
  'humanities_vocab_log',
  // The task type (task-type.ts), one-hot.
  'task_math',
  'task_code',
  'task_reasoning',
  'task_knowledge',
  'task_writing',
  'task_chat',
  // What the prompt asks its answer to do (prompt-asks.ts).
  'asks_steps',
  'asks_constraints_log',
  'asks_length_log',
  'asks_brief',
  'asks_format',
  'answer_options_log',
  'cjk_ratio',
] as const;

export const DENSE_FEATURE_COUNT = DENSE_FEATURE_NAMES.length;
export type DenseFeatureName = (typeof DENSE_FEATURE_NAMES)[number];

/** Characters of a prompt that feature extraction reads (the longest training prompt has ~4,900). */
export const MAX_ANALYZED_CHARS = 8192;

/** How hashed word (and character) n-grams are laid out after the dense features. */
export interface HashingSpec {
  /** Number of buckets (a power of two); 0 disables hashed n-grams. */
  buckets: number;
  /** Also hash adjacent word pairs. */
  bigrams: boolean;
  /**
   * Also hash character n-grams of this length (0 or absent: none), in the same buckets. They
   * catch morphology, symbols and scripts without spaces (Chinese) that word tokens miss.
   */
  charNgrams?: number;
  /**
   * Which grams: the prompt's word and character n-grams (absent or 'prompt'), or the learned privacy
   * check's words and text shapes (privacy-grams.ts; featureVector does not make those).
   */
  grams?: 'prompt' | 'privacy';
}

/** A prompt as the model sees it: dense features, plus sparse hashed n-grams (bucket indices with values). */
export interface PromptFeatures {
  dense: Float64Array;
  hashIdx: Int32Array;
  hashVal: Float64Array;
}

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
const K = Object.fromEntries(CATEGORIES.map((c, i) => [c, i])) as Record<Category, number>;

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
const DEC_FRAC_RE = /\b\d+\.\d+|\b\d+\s*\/\s*\d+|\b\d+\s*%/g;
const MATH_OP_RE = /[=+*/^<>×÷±√∑∫π≤≥≠∞]|\d\s*-\s*\d/g;
const LATEX_RE = /\\[a-zA-Z]+|\$[^$\n]{1,80}\$|\^\{|_\{/g;
const EQUATION_RE = /\b[a-z]\s*\(\s*[a-z0-9]\s*\)\s*=|\b[a-z]\s*=\s*[-\d(a-z]|\b\d*[a-z]\^\d|\b\d+[a-z]\b(?=\s*[-+=])/g;
// Code markers; braces, underscores and camelCase words are counted in the character and word loops.
const CODE_RE = /```|;[ \t]*$|\bdef\s+\w+\s*\(|\bfunction\b|\breturn\b|#include|=>|\w\([^()\n]{0,200}\)\s*[;{:]/gm;
// The answer options /^[ \t]*\(?[A-Da-d][.)][ \t]+\S/gm and the list items
// /^[ \t]*(?:[-*•]|\d+[.)])[ \t]+\S/gm are counted at each line start by scanCharacters.
const QUOTE_RE = /"[^"\n]{2,}"|“[^”\n]{2,}”|'[^'\n]{3,}'(?!\w)/g;
const STEP_RE = /step[- ]by[- ]step|show (?:your|all) work|\bsteps?\b|first,? .{0,80}\bthen\b/gi;
const WHY_HOW_RE = /\bwhy\b|\bhow (?:does|do|did|can|could|would|is|are|might|should|many|much)\b|\bexplain\b/i;
const CREATIVE_RE =
  /\b(?:write|compose|draft|craft|create|generate)\b[^.?!\n]{0,60}\b(?:story|poem|essay|blog|post|email|letter|song|lyrics|script|speech|paragraph|dialogue|limerick|haiku|tweet|slogan|advert|proposal|outline|tale)/i;
const ROLE_RE = /\b(?:pretend|imagine you are|act as|you are an?|play the role|take on the role|as if you were|embrace the role)\b/gi;
const MONEY_RE = /[$€£¥]|\b\d+\s*(?:%|cents?|dollars?)/g;
// Cues of a question with one right answer (where a weaker model is simply wrong more often).
const CLOSED_RE =
  /\b(?:what (?:is|was|are|were) the|how (?:many|much|long|far|old)|find|calculate|compute|solve|determine|evaluate|simplify|express|which of the following|what (?:number|value|percentage)|answer)\b/gi;
// Cues of open-ended generation (where both models do about as well).
const OPEN_RE =
  /\b(?:describe|discuss|suggest|share|brainstorm|imagine|compose|draft|craft|tips|ideas|opinion|persuasive|creative|story|poem|essay|blog|email|outline|elaborate|provide insights|lesson plan|pretend|role)\b/gi;
const CODE_TASK_RE =
  /\b(?:write|implement|develop|create|design|build|fix|debug)\b[^.?!\n]{0,40}\b(?:function|program|script|class|website|algorithm|query|code|api|method)\b/i;
const NUMBER_WORD_RE =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|dozen|twice|half|double|triple|quarter)\b/gi;

function count(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  // test, not exec: the same matches without a result array each (garbage that paces the GC).
  while (re.test(s)) n++;
  return n;
}

// EQUATION_RE's last alternative alone: what it can match in a text without '=' or '^'.
const EQUATION_DIGIT_RE = /\b\d+[a-z]\b(?=\s*[-+=])/g;

/**
 * count(EQUATION_RE, text), skipping what cannot match: its first two alternatives need an '=',
 * the third a '^', the last a digit and a sign. Given which of them the text has.
 */
function equations(text: string, digit: boolean, equals: boolean, caret: boolean, sign: boolean): number {
  if (equals || caret) return count(EQUATION_RE, text);
  return digit && sign ? count(EQUATION_DIGIT_RE, text) : 0;
}

/**
 * The word gates with those that characters decide (feature-gates.ts): "c++" needs a '+',
 * "\\boxed" a backslash, the code markers one of ` # = ; (, the math symbols a digit, \\ or $,
 * the lettered-line cue such a line, and prompt-asks' options a lettered line or a '('.
 */
function characterGates(gates: number, scan: CharScan): number {
  const seen = scan.seen;
  let g = has(seen, '+') ? gates : gates & ~GATE.C;
  if (has(seen, '\\')) g |= GATE.FORMAT | GATE.MATH_CHARS;
  if (has(seen, '`') || has(seen, '#') || has(seen, '=') || has(seen, ';') || has(seen, '(')) g |= GATE.CODE_MARK;
  if (scan.digits > 0) g |= GATE.DIGIT;
  // The math symbol cue: a backslash, a '$', or a digit with an operator or '%' (× and ÷ are non-ASCII).
  if (has(seen, '$')) g |= GATE.MATH_CHARS;
  const operator = has(seen, '-') || has(seen, '+') || has(seen, '*') || has(seen, '/') || has(seen, '^') || has(seen, '=') || has(seen, '%');
  if (scan.digits > 0 && (operator || scan.nonAscii > 0)) g |= GATE.MATH_CHARS;
  if (scan.optionLinesAJ > 0) g |= GATE.LETTERED_LINE;
  if (scan.optionLinesAJColon > 0 || has(seen, '(')) g |= GATE.OPTION;
  return g;
}

/** Whether the ASCII character `ch` occurs, by scanCharacters' table (a function, not a closure per call). */
function has(seen: Uint8Array, ch: string): boolean {
  return seen[ch.charCodeAt(0)] === 1;
}

function log1p(x: number): number {
  return Math.log1p(x);
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

/** Murmur3's finaliser: spreads combined hashes over the buckets (the privacy grams use it too). */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** An ASCII letter's lowercase code (other codes as they are). */
function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * The hash of every number token: numbers are folded to one token for hashing, so amounts do not
 * fragment the vocabulary.
 */
const NUM_TOKEN_HASH = fnv1a('<num>');

/** What one pass over a prompt's word tokens counts (see scanTokens). */
interface TokenScan {
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
function scanTokens(text: string): TokenScan {
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

// Scratch state for hashing, reused from prompt to prompt (garbage made per decision paces the
// garbage collector): one bit set over the buckets per family, 1 KB each at 8,192 buckets, so
// de-duplication stays in the L1 cache, and the union reads back in ascending order with no sort.
// `dirty` marks the 32-bit words of either set that hold a bit: a short prompt sets a few dozen
// buckets, and clearing and reading back only those words skips most of the 2 x 256.
let wordBits = new Int32Array(0);
let gramBits = new Int32Array(0);
let dirty = new Int32Array(0);

/** Clears (and sizes) the bit sets for `buckets` buckets. */
function clearBits(buckets: number): void {
  const words = (buckets + 31) >>> 5;
  if (wordBits.length !== words) {
    wordBits = new Int32Array(words);
    gramBits = new Int32Array(words);
    dirty = new Int32Array((words + 31) >>> 5);
    return;
  }
  for (let d = 0; d < dirty.length; d++) {
    for (let v = dirty[d]!; v !== 0; v &= v - 1) {
      const w = (d << 5) | (31 - Math.clz32(v & -v));
      wordBits[w] = 0;
      gramBits[w] = 0;
    }
    dirty[d] = 0;
  }
}

/** Sets bucket b in `bits`; returns 1 when it was not set yet (a new distinct bucket), else 0. */
function setBit(bits: Int32Array, b: number): number {
  const m = 1 << (b & 31);
  const w = b >>> 5;
  if (bits[w]! & m) return 0;
  bits[w]! |= m;
  dirty[w >>> 5]! |= 1 << (w & 31);
  return 1;
}

/** Scratch window of the last n characters, for charGramBuckets. */
let gram = new Int32Array(8);

/** FNV-1a seed of the character n-grams: not the words', so a gram and a word do not collide by design. */
const GRAM_SEED = 0x9747b28c;

/**
 * Sets the character n-gram buckets in gramBits and returns how many distinct ones: n-grams of
 * lowercase text with whitespace runs folded to one space, text.toLowerCase().replace(/\s+/g, ' '),
 * read on the fly. ASCII text is lowercased character by character; other text as a whole, as
 * toLowerCase depends on context there (a final sigma).
 */
function charGramBuckets(text: string, ascii: boolean, n: number, mask: number): number {
  const s = ascii ? text : text.toLowerCase();
  if (gram.length < n) gram = new Int32Array(n);
  let hits = 0;
  let seen = 0;
  let inSpace = false;
  // The last two characters, for the usual n = 3 (no ring buffer).
  let c1 = 0;
  let c2 = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (isRegexSpace(c)) {
      if (inSpace) continue;
      inSpace = true;
      c = 32;
    } else {
      inSpace = false;
      if (ascii) c = lowerAscii(c);
    }
    seen++;
    if (n === 3) {
      if (seen >= 3) {
        const h = Math.imul(Math.imul(Math.imul(GRAM_SEED ^ c1, 0x01000193) ^ c2, 0x01000193) ^ c, 0x01000193);
        hits += setBit(gramBits, mix(h) & mask);
      }
      c1 = c2;
      c2 = c;
      continue;
    }
    gram[(seen - 1) % n] = c;
    if (seen < n) continue;
    let h = GRAM_SEED;
    for (let j = seen; j < seen + n; j++) {
      h ^= gram[j % n]!;
      h = Math.imul(h, 0x01000193);
    }
    hits += setBit(gramBits, mix(h) & mask);
  }
  return hits;
}

/**
 * Hashed n-grams, presence only: word uni(/bi)grams and character n-grams, each family
 * L2-normalised on its own and weighted so the whole vector has norm ≈ 1 (a bucket two families
 * share adds up). `tokens` holds the first `tokenCount` token hashes (scanTokens).
 */
function hashedNgrams(text: string, ascii: boolean, tokens: Int32Array, tokenCount: number, hashing: HashingSpec): { hashIdx: Int32Array; hashVal: Float64Array } {
  const buckets = hashing.buckets;
  if (buckets <= 0) return { hashIdx: new Int32Array(0), hashVal: new Float64Array(0) };
  clearBits(buckets);
  const mask = buckets - 1;
  let nw = 0;
  for (let i = 0; i < tokenCount; i++) {
    const h = tokens[i]!;
    nw += setBit(wordBits, mix(h) & mask);
    if (hashing.bigrams && i > 0) nw += setBit(wordBits, mix(Math.imul(tokens[i - 1]!, 0x9e3779b1) ^ h) & mask);
  }
  const n = hashing.charNgrams ?? 0;
  const ng = n > 0 ? charGramBuckets(text, ascii, n, mask) : 0;
  const families = (nw ? 1 : 0) + (ng ? 1 : 0);
  const vw = nw ? 1 / Math.sqrt(nw * families) : 0;
  const vg = ng ? 1 / Math.sqrt(ng * families) : 0;
  const vboth = vw + vg;
  // The union of the two, ascending: a bucket both families hit gets vw + vg.
  // Only the dirty words, in ascending order (the dirty bits are read lowest first).
  let total = 0;
  for (let d = 0; d < dirty.length; d++) {
    for (let dv = dirty[d]!; dv !== 0; dv &= dv - 1) {
      const w = (d << 5) | (31 - Math.clz32(dv & -dv));
      total += popcount(wordBits[w]! | gramBits[w]!);
    }
  }
  const hashIdx = new Int32Array(total);
  const hashVal = new Float64Array(total);
  let k = 0;
  for (let d = 0; d < dirty.length; d++) {
    for (let dv = dirty[d]!; dv !== 0; dv &= dv - 1) {
      const w = (d << 5) | (31 - Math.clz32(dv & -dv));
      const wb = wordBits[w]!;
      const gb = gramBits[w]!;
      let v = wb | gb;
      while (v !== 0) {
        const low = v & -v;
        hashIdx[k] = (w << 5) | (31 - Math.clz32(low));
        hashVal[k++] = wb & low ? (gb & low ? vboth : vw) : vg;
        v ^= low;
      }
    }
  }
  return { hashIdx, hashVal };
}

/** Set bits in a 32-bit integer. */
function popcount(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * The gates featureVector passes to the task-type and prompt-asks cues for `text` (already cut to
 * MAX_ANALYZED_CHARS): for tests, which compare the cues' scores with every gate open.
 */
export function cueGatesOf(text: string): number {
  const { gates } = scanTokens(text);
  return characterGates(gates, scanCharacters(text));
}

/**
 * The features of one prompt: dense hand-made features (length, numbers, math, code, question
 * and instruction words, layout, vocabulary, task type, what the answer is asked to do) and hashed
 * word uni/bigrams and character n-grams (presence, L2-normalised).
 */
export function featureVector(prompt: string, hashing: HashingSpec): PromptFeatures {
  // Only the head of a very long prompt is read, which bounds the cost (~1 ms at the cap); its
  // length still counts in full. No training prompt is that long, so train and serve agree.
  const text = prompt.length > MAX_ANALYZED_CHARS ? prompt.slice(0, MAX_ANALYZED_CHARS) : prompt;
  const chars = text.length;
  const { words, letters, longWords, rare, camel, capitalized, cat, numbers, distinctNumbers, maxDigits, tokens, gates: wordGates } = scanTokens(text);
  const gates = gatesForcedOpen() ? ALL_GATES : wordGates;
  // One pass over the characters (a regex per class costs ten times more on long prompts).
  const charScan = scanCharacters(text);
  const { upper, lower, digits, punct, underscores, braces, cjk, nonAscii, questionMarks, sentenceEnds, lines, numericSentences, seen } = charScan;
  const sentences = Math.max(1, sentenceEnds);
  const letterCount = Math.max(1, upper + lower);
  const wq = Math.max(1, words);
  const mc = charScan.optionLinesAD;
  const creative = open(gates, GATE.CREATIVE) && CREATIVE_RE.test(text) ? 1 : 0;
  const listItems = charScan.listLines;
  const requirements = cat[K.IMPERATIVE]! + questionMarks + listItems;

  const d = new Float64Array(DENSE_FEATURE_COUNT);
  let k = 0;
  d[k++] = log1p(prompt.length);
  d[k++] = log1p(words);
  d[k++] = log1p(sentences);
  d[k++] = log1p(lines);
  d[k++] = words ? Math.min(15, letters / words) : 0;
  d[k++] = longWords / wq;
  d[k++] = cat[K.STOP]! / wq;
  d[k++] = capitalized / wq;
  d[k++] = upper / letterCount;
  d[k++] = chars ? punct / chars : 0;
  d[k++] = chars ? digits / chars : 0;
  d[k++] = log1p(numbers);
  d[k++] = numbers / (wq + numbers);
  d[k++] = log1p(distinctNumbers);
  d[k++] = log1p(maxDigits);
  d[k++] = log1p(digits ? count(DEC_FRAC_RE, text) : 0);
  d[k++] = log1p((digits || nonAscii || has(seen, '$') ? count(MONEY_RE, text) : 0) + cat[K.UNITS]!);
  d[k++] = log1p(cat[K.QREL]!);
  const mathOps = digits || nonAscii || has(seen, '=') || has(seen, '+') || has(seen, '*') || has(seen, '/') || has(seen, '^') || has(seen, '<') || has(seen, '>');
  d[k++] = log1p(mathOps ? count(MATH_OP_RE, text) : 0);
  d[k++] = log1p(has(seen, '\\') || has(seen, '$') || has(seen, '{') ? count(LATEX_RE, text) : 0);
  d[k++] = log1p(equations(text, digits > 0, has(seen, '='), has(seen, '^'), has(seen, '-') || has(seen, '+')));
  d[k++] = log1p(cat[K.MATH]!);
  const codeMarks = has(seen, '`') || has(seen, ';') || has(seen, '(') || has(seen, '#') || has(seen, '=') || text.includes('function') || text.includes('return');
  d[k++] = log1p((codeMarks ? count(CODE_RE, text) : 0) + braces + underscores + camel);
  d[k++] = log1p(cat[K.CODE]!);
  d[k++] = log1p(questionMarks);
  d[k++] = log1p(cat[K.WH]!);
  d[k++] = open(gates, GATE.WHY_EXPLAIN | GATE.HOW) && WHY_HOW_RE.test(text) ? 1 : 0;
  d[k++] = log1p(cat[K.REASON]!);
  d[k++] = log1p(count(STEP_RE, text));
  d[k++] = creative;
  const role = open(gates, GATE.ROLE) || bothOpen(gates, GATE.YOU, GATE.ARE) || bothOpen(gates, GATE.IF, GATE.WERE);
  d[k++] = log1p(cat[K.ROLE]! + (role ? count(ROLE_RE, text) : 0));
  d[k++] = log1p(cat[K.EXTRACT]!);
  d[k++] = log1p(cat[K.CONSTRAINT]!);
  d[k++] = Math.min(1, mc / 4);
  d[k++] = log1p(listItems);
  d[k++] = log1p(cat[K.NEG]!);
  d[k++] = cat[K.LOGIC]! / wq;
  d[k++] = log1p(cat[K.COND]!);
  d[k++] = log1p(has(seen, '"') || has(seen, "'") || nonAscii ? count(QUOTE_RE, text) : 0);
  d[k++] = cat[K.YOU]! / wq;
  d[k++] = cat[K.ME]! / wq;
  d[k++] = log1p(requirements);
  d[k++] = log1p(cat[K.SCIENCE]!);
  d[k++] = rare / wq;
  d[k++] = log1p(count(CLOSED_RE, text));
  d[k++] = log1p(open(gates, GATE.OPEN) ? count(OPEN_RE, text) : 0);
  d[k++] = bothOpen(gates, GATE.CODE_TASK_VERB, GATE.CODE_TASK_NOUN) && CODE_TASK_RE.test(text) ? 1 : 0;
  d[k++] = log1p(numbers + (open(gates, GATE.NUMBER_WORD) ? count(NUMBER_WORD_RE, text) : 0));
  d[k++] = log1p(numericSentences);
  d[k++] = log1p(cat[K.TECH]!);
  d[k++] = log1p(cat[K.HUMANITIES]!);
  const cueGates = gatesForcedOpen() ? ALL_GATES : characterGates(gates, charScan);
  const task = classifyTaskType(text, cjk > 0, cueGates);
  for (const t of TASK_TYPES) d[k++] = t === task ? 1 : 0;
  const asks = promptAsks(text, cjk > 0, cueGates);
  d[k++] = asks.steps;
  d[k++] = log1p(asks.constraints);
  d[k++] = log1p(asks.requestedWords);
  d[k++] = asks.brief;
  d[k++] = asks.format;
  d[k++] = log1p(asks.options);
  d[k++] = chars ? cjk / chars : 0;
  if (k !== DENSE_FEATURE_COUNT) throw new Error(`featureVector filled ${k} of ${DENSE_FEATURE_COUNT} features`);

  const { hashIdx, hashVal } = hashedNgrams(text, nonAscii === 0, tokenHashes, tokens, hashing);
  return { dense: d, hashIdx, hashVal };
}
