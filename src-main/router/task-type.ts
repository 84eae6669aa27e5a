// The task type of a request (math, code, reasoning, knowledge, writing, chat), from English and
// Simplified Chinese cues: a small rule-and-lexicon classifier, cheap enough to run on every
// prompt. Small local models trail frontier ones most on code, math and multi-step reasoning and
// least on writing and chat (MT-Bench paper, Zheng et al. 2023), so the type is a difficulty cue
// that does not depend on any one benchmark's wording.

/** The task types, in the order of their one-hot dense features. */
export const TASK_TYPES = ['math', 'code', 'reasoning', 'knowledge', 'writing', 'chat'] as const;
export type TaskType = (typeof TASK_TYPES)[number];

import { ALL_GATES, bothOpen, GATE, open } from './feature-gates.js';

/**
 * One cue: a pattern and how much one match counts toward a type (matches beyond 3 are ignored),
 * and when a text may skip the pass because the pattern cannot match it: 'cjk' for a pattern of
 * Chinese words only (the text has no CJK characters), or a test of the word gates the token scan
 * opened (feature-gates.ts), false when none of the words the pattern needs is in the text.
 */
type Cue = readonly [RegExp, number, Gate?];
type Gate = 'cjk' | ((gates: number) => boolean);

/** CJK unified ideographs, the range every Chinese cue starts with. */
const CJK_RE = /[\u4e00-\u9fff]/;

const CUES: Record<TaskType, readonly Cue[]> = {
  math: [
    [
      /\b(?:solve|calculate|compute|evaluate|simplify|integral|derivative|equation|polynomial|probability|theorem|remainder|divisible|prime|modulo|matrix|factori[sz]e|sum of|product of|how many|how much)\b/gi,
      1,
      (g) => open(g, GATE.MATH_WORD) || bothOpen(g, GATE.HOW, GATE.MANY_MUCH),
    ],
    [/\d\s*[-+*/^=×÷]\s*\d|\\frac|\\sqrt|\$[^$\n]{1,80}\$|\b[a-z]\s*\^\s*\d|\b\d+\s*%/g, 1, (g) => open(g, GATE.MATH_CHARS)],
    [/计算|求解|方程|积分|导数|概率|多少|几个|几天|几元|总共|平均数|余数|质数|函数值|证明.{0,6}(?:不等式|定理)/g, 1.5, 'cjk'],
  ],
  code: [
    [
      /\b(?:python|javascript|typescript|java|c\+\+|rust|golang|sql|regex|bash|html|css|json|api|function|class|method|compile|debug|bug|stack trace|algorithm|recursion|array|linked list|runtime|time complexity)\b/gi,
      1,
      (g) => open(g, GATE.CODE_WORD | GATE.C),
    ],
    [/```|\bdef\s+\w+\s*\(|#include|=>|;\s*$|\breturn\b|\bprint\s*\(|\bconsole\.log\b|\bimport\s+\w+/gm, 1.5, (g) => open(g, GATE.CODE_MARK)],
    [/代码|编程|程序|函数|算法|数组|报错|调试|脚本|接口|数据库|正则/g, 1.5, 'cjk'],
  ],
  reasoning: [
    [
      /\b(?:prove|proof|deduce|infer|logic(?:al)?|premises?|conclusions?|puzzle|riddle|if and only if|implies|therefore|assume|suppose|which of the following (?:must|can|could)|step by step|justify|contradiction)\b/gi,
      1,
      (g) => open(g, GATE.REASON) || bothOpen(g, GATE.IF, GATE.ONLY),
    ],
    [/推理|逻辑|证明|假设|前提|结论|谜题|一步一步|逐步/g, 1.5, 'cjk'],
  ],
  knowledge: [
    [
      /\b(?:what (?:is|was|are|were)|who (?:is|was|wrote|invented|discovered)|when did|where (?:is|was)|which (?:country|city|year|of the following)|define|definition of|according to|known as|capital of)\b/gi,
      1,
      (g) => open(g, GATE.KNOW_WORD),
    ],
    [/^[ \t]*\(?[A-Ja-j][.)][ \t]+\S/gm, 0.5, (g) => open(g, GATE.LETTERED_LINE)],
    [/什么是|是什么|谁是|哪一年|哪个国家|定义|首都|历史上/g, 1.5, 'cjk'],
  ],
  writing: [
    [
      /\b(?:write|compose|draft|rewrite|paraphrase|edit|proofread|translate|summari[sz]e)\b[^.?!\n]{0,60}\b(?:story|poem|essay|blog|post|email|letter|song|lyrics|script|speech|paragraph|dialogue|haiku|tweet|slogan|article|review|cover letter|summary|text|sentence)s?\b/gi,
      2,
      (g) => open(g, GATE.WRITE_VERB),
    ],
    [/\b(?:story|poem|essay|blog|persuasive|creative|narrative|tone|audience|catchy|headline)\b/gi, 0.5, (g) => open(g, GATE.WRITE_NOUN)],
    [/写一(?:篇|首|封|段|个故事)|作文|诗|文章|邮件|润色|改写|翻译|总结|摘要|文案/g, 1.5, 'cjk'],
  ],
  chat: [
    [/^\s*(?:hi|hello|hey|thanks|thank you|good (?:morning|evening|night)|how are you)\b/gi, 2],
    [
      /\b(?:i feel|i am feeling|my (?:friend|boyfriend|girlfriend|wife|husband|mom|dad)|advice|recommend|suggest|tips|what do you think|your opinion|imagine you are|pretend|act as|role[- ]?play)\b/gi,
      1,
      (g) => open(g, GATE.CHAT),
    ],
    [/你好|谢谢|早上好|晚安|建议|推荐|你觉得|怎么办|聊聊|假装|扮演/g, 1.5, 'cjk'],
  ],
};

function matches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  // test, not exec: the same matches without building a result array for each.
  while (n < 3 && re.test(text)) n++;
  return n;
}

/** Whether a cue's pattern may match, given the text's CJK and word gates. */
function mayMatch(gate: Gate | undefined, cjk: boolean, gates: number): boolean {
  if (gate === undefined) return true;
  return gate === 'cjk' ? cjk : gate(gates);
}

/**
 * Cue strength per task type (same order as TASK_TYPES), before the winner is picked. `cjk`:
 * whether the text has CJK characters, when the caller already knows (featureVector does);
 * `gates`: the word gates of its token scan (feature-gates.ts), all open when not given.
 */
export function taskTypeScores(text: string, cjk: boolean = CJK_RE.test(text), gates: number = ALL_GATES): number[] {
  return TASK_TYPES.map((t) => {
    let s = 0;
    for (const [re, w, gate] of CUES[t]) if (mayMatch(gate, cjk, gates)) s += w * matches(re, text);
    return s;
  });
}

/**
 * The task type of a prompt: the type with the strongest cues; ties go to the earlier (more
 * exacting) type in TASK_TYPES. With no cue at all, a short prompt is chat and a question is knowledge.
 * `cjk` and `gates` as for taskTypeScores.
 */
export function classifyTaskType(text: string, cjk?: boolean, gates?: number): TaskType {
  const scores = taskTypeScores(text, cjk, gates);
  let best = -1;
  let bestScore = 0;
  scores.forEach((s, i) => {
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  });
  if (best >= 0) return TASK_TYPES[best]!;
  return /[?？]|^\s*(?:what|who|when|where|which|how|why)\b/i.test(text) ? 'knowledge' : 'chat';
}
