// Prompt features for the difficulty scorer. Training (scripts/router-train.ts) and serving
// (difficulty.ts) both call featureVector from here, so the two can never disagree.
// Hand-written scans of the characters (feature-chars.ts) and word tokens (feature-tokens.ts),
// hashed n-grams (feature-hashing.ts), plus regular expressions, each skipped when the text lacks
// a character or word it needs (feature-gates.ts). The output must stay bit-identical for the
// shipped weights: test/unit/router-features-pinned.test.ts.
import { type CharScan, scanCharacters } from './feature-chars.js';
import { ALL_GATES, bothOpen, GATE, gatesForcedOpen, open } from './feature-gates.js';
import { hashedNgrams } from './feature-hashing.js';
import { K, scanTokens, tokenHashList } from './feature-tokens.js';
import { promptAsks } from './prompt-asks.js';
import { classifyTaskType, TASK_TYPES } from './task-type.js';

/** Murmur3's finaliser, which the privacy grams share (privacy-grams.ts). */
export { mix } from './feature-hashing.js';

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

  const { hashIdx, hashVal } = hashedNgrams(text, nonAscii === 0, tokenHashList(), tokens, hashing);
  return { dense: d, hashIdx, hashVal };
}
