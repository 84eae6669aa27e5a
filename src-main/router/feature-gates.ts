// Word gates for the keyword regexes of the difficulty features (features.ts, task-type.ts,
// prompt-asks.ts). Most prompts contain none of a keyword regex's words, yet the regex still walks
// every character to find that out. The token scan (features.ts) already looks each word up in a
// table; the same lookup also returns which gates the word opens, and a regex whose gate stayed
// shut is skipped: it cannot match, so its count is 0 and the features stay bit-identical.
//
// Why a gate is safe: every word listed for a regex is, in each alternative of that regex, bounded
// on both sides by \b or by a non-word character of the pattern (a space, '+', ';'). A match then
// has that word as a whole run of ASCII letters in the text (the /i flag without /u folds ASCII
// letters only), so the token scan sees it as a letter run. The converse need not hold: a gate may
// open for nothing (the regex then runs and finds nothing). test/unit/router-feature-gates.test.ts
// checks each gated regex against the plain one on generated texts.

/** One bit per gate word group; a regex's gate is an expression over these (see the uses). */
export const GATE = {
  OPEN: 1 << 0,
  ROLE: 1 << 1,
  YOU: 1 << 2,
  ARE: 1 << 3,
  IF: 1 << 4,
  WERE: 1 << 5,
  CODE_TASK_VERB: 1 << 6,
  CODE_TASK_NOUN: 1 << 7,
  CREATIVE: 1 << 8,
  WHY_EXPLAIN: 1 << 9,
  HOW: 1 << 10,
  FORMAT: 1 << 11,
  WRITE_VERB: 1 << 12,
  WRITE_NOUN: 1 << 13,
  MATH_WORD: 1 << 14,
  MANY_MUCH: 1 << 15,
  NUMBER_WORD: 1 << 16,
  CHAT: 1 << 17,
  REASON: 1 << 18,
  ONLY: 1 << 19,
  BRIEF: 1 << 20,
  ANSWER: 1 << 21,
  WITH: 1 << 22,
  CODE_WORD: 1 << 23,
  C: 1 << 24,
  CODE_MARK: 1 << 25,
  // Opened by characters, not words (featureVector sets them): a digit; and for the math symbol
  // cue a backslash, a '$', or a digit with one of - + * / ^ = % × ÷, one of which each of its
  // alternatives needs.
  DIGIT: 1 << 26,
  MATH_CHARS: 1 << 27,
  // Opened by the line-start scan (feature-chars.ts): a lettered line "A. …" (A-J, '.' or ')'),
  // which the knowledge cue's option pattern needs; and for prompt-asks' OPTION_RE, such a line
  // (with ':' too) or a '(' anywhere, which its "(A) …" alternative needs.
  LETTERED_LINE: 1 << 28,
  OPTION: 1 << 29,
  KNOW_WORD: 1 << 30,
} as const;

/** Every gate open: what a caller that did not scan the tokens passes (nothing is skipped). */
export const ALL_GATES = -1;

let allOpenForTesting = false;

/**
 * Tests only: with `on`, featureVector opens every gate, so a test can compare its features with
 * and without the gates (they must not differ).
 */
export function openAllGatesForTesting(on: boolean): void {
  allOpenForTesting = on;
}

/** Whether openAllGatesForTesting is on. */
export function gatesForcedOpen(): boolean {
  return allOpenForTesting;
}

/**
 * The words of each gate, lowercase, one letter run each. A regex alternative of several words is
 * gated by one of them (the rarest), or by two gates that must both be open.
 */
export const GATE_WORDS: Readonly<Partial<Record<keyof typeof GATE, string>>> = {
  // OPEN_RE (features.ts): "provide insights" by insights, "lesson plan" by lesson.
  OPEN:
    'describe discuss suggest share brainstorm imagine compose draft craft tips ideas opinion persuasive creative ' +
    'story poem essay blog email outline elaborate insights lesson pretend role',
  // ROLE_RE: "imagine you are" by imagine, "act as" by act, the "… the role" phrases by role;
  // "you are an?" by YOU and ARE, "as if you were" by IF and WERE.
  ROLE: 'pretend imagine act role',
  YOU: 'you',
  ARE: 'are',
  IF: 'if',
  WERE: 'were',
  // CODE_TASK_RE: a verb, then within 40 characters a noun; both are needed.
  CODE_TASK_VERB: 'write implement develop create design build fix debug',
  CODE_TASK_NOUN: 'function program script class website algorithm query code api method',
  // CREATIVE_RE's verbs (its nouns may run on into a longer word, so they gate nothing).
  CREATIVE: 'write compose draft craft create generate',
  // WHY_HOW_RE: why, explain, or "how does …" by HOW.
  WHY_EXPLAIN: 'why explain',
  HOW: 'how',
  // FORMAT_EN_RE: "as a list" / "in a list" by list, "code block" by block, "format(ted)? (as|in)"
  // by format(ted); "\boxed" is gated by a backslash in the text instead.
  FORMAT: 'json yaml csv xml markdown table tabular bullet bulleted numbered list block latex format formatted template',
  // The writing cues of task-type.ts: the verb of the first, the words of the second.
  WRITE_VERB: 'write compose draft rewrite paraphrase edit proofread translate summarize summarise',
  WRITE_NOUN: 'story poem essay blog persuasive creative narrative tone audience catchy headline',
  // The math word cue: "sum of"/"product of" by sum/product, "how many/much" by HOW and MANY_MUCH.
  MATH_WORD:
    'solve calculate compute evaluate simplify integral derivative equation polynomial probability theorem ' +
    'remainder divisible prime modulo matrix factorize factorise sum product',
  MANY_MUCH: 'many much',
  // NUMBER_WORD_RE (features.ts).
  NUMBER_WORD:
    'one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand ' + 'million dozen twice half double triple quarter',
  // The chat word cue: "i feel" by feel, "my friend" by friend (and the others), "what do you
  // think" by think, "your opinion" by opinion, "imagine you are" by imagine, "act as" by act,
  // "role[- ]?play" by role or roleplay.
  CHAT: 'feel feeling friend boyfriend girlfriend wife husband mom dad advice recommend suggest tips think opinion imagine pretend act role roleplay',
  // The reasoning word cue: "if and only if" by IF and ONLY, "which of the following …" by
  // following, "step by step" by step (\b before it, a space after).
  REASON:
    'prove proof deduce infer logic logical premise premises conclusion conclusions puzzle riddle implies therefore ' +
    'assume suppose following step justify contradiction',
  ONLY: 'only',
  // BRIEF_EN_RE: "one/single word" by word, "one sentence" by sentence, "just …" by just, "short
  // answer"/"in short" by short, "tl;?dr" by tl or tldr, "reply with" by reply; "only … answer"
  // by ONLY and ANSWER, "answer with" by ANSWER and WITH.
  BRIEF: 'briefly concise concisely tl tldr word sentence just short reply',
  ANSWER: 'answer',
  WITH: 'with',
  // The code word cue: "stack trace" by trace, "linked list" by linked, "time complexity" by
  // complexity; "c\+\+" by C and a '+' in the text.
  CODE_WORD:
    'python javascript typescript java rust golang sql regex bash html css json api function class method compile ' +
    'debug bug algorithm recursion array runtime trace linked complexity',
  C: 'c',
  // The knowledge word cue: "what is", "who wrote", "when did", "which country", "definition
  // of", "according to", "known as", "capital of" by their first word.
  KNOW_WORD: 'what who when where which define definition according known capital',
  // The code marker cue: "return", "import x", "console.log"; featureVector also opens it for a
  // text with any of ` # = ; ( that the other alternatives need.
  CODE_MARK: 'return import console',
};

/** Word → the gates it opens. */
export const GATE_BITS_BY_WORD: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const [gate, words] of Object.entries(GATE_WORDS)) {
    const bit = GATE[gate as keyof typeof GATE];
    for (const w of words.split(' ')) map.set(w, (map.get(w) ?? 0) | bit);
  }
  return map;
})();

/** Whether gate bit `bit` is open in `gates`. */
export function open(gates: number, bit: number): boolean {
  return (gates & bit) !== 0;
}

/** Whether both gate bits are open. */
export function bothOpen(gates: number, a: number, b: number): boolean {
  return (gates & a) !== 0 && (gates & b) !== 0;
}
