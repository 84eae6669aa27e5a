// What a prompt asks its answer to do: show steps, obey constraints, reach a length, take a
// format, pick among options. English and Simplified Chinese cues. These describe the demand on
// the answer rather than the topic, which is what transfers from one benchmark to another.

import { ALL_GATES, bothOpen, GATE, open } from './feature-gates.js';

/** What a prompt asks of its answer. */
export interface PromptAsks {
  /** 1 when it asks for steps or shown reasoning ("step by step", "explain your reasoning", 逐步). */
  steps: number;
  /** Constraint phrases the answer must obey (must, at least, exactly, without, do not, 必须, 不要 …). */
  constraints: number;
  /** Requested length in words when stated ("in 200 words", "3 paragraphs" ≈ 300 words), else 0. */
  requestedWords: number;
  /** 1 when it asks for a short answer (one word, only the answer, briefly, 简短). */
  brief: number;
  /** 1 when it asks for a format (JSON, table, bullet list, markdown, CSV, code block, 表格). */
  format: number;
  /** Answer options laid out as lettered lines (A. … J.): 4 for MMLU, 10 for MMLU-Pro. */
  options: number;
}

const STEPS_EN_RE =
  /step[- ]by[- ]step|show (?:your|all|the) (?:work|steps|reasoning)|explain (?:your|the) (?:reasoning|answer|steps)|think (?:carefully|through)|walk (?:me )?through|reason(?:ing)? (?:about|through)/i;
const STEPS_RE = new RegExp(`${STEPS_EN_RE.source}|逐步|一步一步|分步|详细步骤|解题过程|推理过程`, 'i');
const CONSTRAINT_EN_RE =
  /\b(?:must|must not|should not|at least|at most|no more than|no fewer than|exactly|only|without|do not|don't|never|avoid|ensure|make sure|limit(?:ed)? to|within|each|every|include|exclude|begin with|start with|end with|in the (?:form|style|format) of)\b/gi;
const CONSTRAINT_RE = new RegExp(`${CONSTRAINT_EN_RE.source}|必须|不要|不能|至少|最多|只能|仅|确保|避免|包含|不超过|以.{1,4}开头|以.{1,4}结尾`, 'gi');
const WORDS_RE = /\b(\d{1,5})\s*(?:-|to)?\s*(?:\d{1,5}\s*)?(words?|sentences?|paragraphs?|lines?|bullet points?|points|items|tokens|characters|pages?)\b/i;
const ZH_WORDS_RE = /(\d{1,5}|[一二三四五六七八九十百千]+)\s*(?:个)?(字|句|段|条|点|行)/;
const BRIEF_EN_RE =
  /\b(?:one word|single word|one sentence|only (?:the|your) (?:final )?answer|just (?:the|give) (?:answer|number|letter)|briefly|concise(?:ly)?|short answer|in short|tl;?dr|answer with (?:the|a|only)|reply with (?:the|a|only))\b/i;
const BRIEF_RE = new RegExp(`${BRIEF_EN_RE.source}|简短|简要|一句话|只回答|只需回答|直接给出答案`, 'i');
const FORMAT_EN_RE =
  /\b(?:json|yaml|csv|xml|markdown|table|tabular|bullet(?:ed)? (?:list|points)|numbered list|as a list|in a list|code block|latex|format(?:ted)? (?:as|in)|template|\\boxed)\b/i;
const FORMAT_RE = new RegExp(`${FORMAT_EN_RE.source}|表格|列表|格式|分点|要点`, 'i');
const OPTION_RE = /^[ \t]*\(?([A-Ja-j])[.):][ \t]+\S|(?:^|\s)\(([A-J])\)\s+\S/gm;

/** How many words each unit stands for, roughly. */
const UNIT_WORDS: Record<string, number> = {
  word: 1,
  token: 0.75,
  character: 0.2,
  sentence: 18,
  line: 10,
  point: 15,
  item: 15,
  paragraph: 100,
  page: 400,
  字: 0.6,
  句: 15,
  段: 100,
  条: 15,
  点: 15,
  行: 10,
};

const ZH_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A small Chinese numeral (up to the thousands) as a number. */
function zhNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in ZH_DIGITS) digit = ZH_DIGITS[ch]!;
    else {
      const mult = ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : 1;
      total += (digit || 1) * mult;
      digit = 0;
    }
  }
  return total + digit;
}

function requestedWords(text: string, cjk: boolean, digit: boolean): number {
  // WORDS_RE starts with a digit.
  const m = digit ? WORDS_RE.exec(text) : null;
  if (m) {
    const unit = m[2]!
      .toLowerCase()
      .replace(/^bullet /, '')
      .replace(/s$/, '');
    return Math.min(5000, Number(m[1]) * (UNIT_WORDS[unit] ?? 1));
  }
  // Every Chinese unit is a CJK character: a text without any cannot match.
  const z = cjk ? ZH_WORDS_RE.exec(text) : null;
  if (z) return Math.min(5000, zhNumber(z[1]!) * (UNIT_WORDS[z[2]!] ?? 1));
  return 0;
}

/** CJK unified ideographs, the range every Chinese cue starts with. */
const CJK_RE = /[\u4e00-\u9fff]/;

/** Set bits in a small bit set. */
function bitCount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}

/**
 * What the prompt asks of its answer (see PromptAsks). `cjk`: whether the text has CJK characters,
 * when the caller already knows (featureVector does). Without any, each cue's Chinese alternatives
 * cannot match, and its English-only pattern finds the same matches several times faster.
 * `gates`: the word gates of featureVector's token scan (feature-gates.ts), all open when not
 * given; an English-only pattern none of whose words is in the text is not run. (With CJK
 * characters the patterns hold Chinese alternatives too, which no word gate covers.)
 */
export function promptAsks(text: string, cjk: boolean = CJK_RE.test(text), gates: number = ALL_GATES): PromptAsks {
  const brief = cjk || open(gates, GATE.BRIEF) || bothOpen(gates, GATE.ANSWER, GATE.ONLY) || bothOpen(gates, GATE.ANSWER, GATE.WITH);
  const format = cjk || open(gates, GATE.FORMAT);
  const constraintRe = cjk ? CONSTRAINT_RE : CONSTRAINT_EN_RE;
  constraintRe.lastIndex = 0;
  let constraints = 0;
  while (constraintRe.test(text)) constraints++;
  OPTION_RE.lastIndex = 0;
  const options = open(gates, GATE.OPTION);
  // The option letters seen, as a bit set over A-J (a Set of strings would be garbage per call).
  let letters = 0;
  let m: RegExpExecArray | null;
  while (options && (m = OPTION_RE.exec(text)) !== null) letters |= 1 << (((m[1] ?? m[2]!).charCodeAt(0) & ~32) - 65);
  const optionCount = bitCount(letters);
  return {
    steps: (cjk ? STEPS_RE : STEPS_EN_RE).test(text) ? 1 : 0,
    constraints,
    requestedWords: requestedWords(text, cjk, open(gates, GATE.DIGIT)),
    brief: brief && (cjk ? BRIEF_RE : BRIEF_EN_RE).test(text) ? 1 : 0,
    format: format && (cjk ? FORMAT_RE : FORMAT_EN_RE).test(text) ? 1 : 0,
    // Two lettered lines are a list, not a question's options.
    options: optionCount >= 3 ? optionCount : 0,
  };
}
