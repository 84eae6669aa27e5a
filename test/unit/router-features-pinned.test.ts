// The shipped weights (resources/router/difficulty-model.json) were trained on the features as
// they were computed then: a faster feature extractor must give the very same vector, bit for bit,
// or the weights silently stop meaning what they meant. These values were computed by the feature
// code before it was made faster (commit 56803d8) and must not change without retraining
// (`npm run router:train`) and then updating them.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultDifficultyModel, featureVector, scoreFeatures } from '../../src-main/router/difficulty.js';

// Short and long, English and Chinese, and the edge cases of the hand-written scans (exotic
// whitespace, apostrophes, non-ASCII lowercasing, equations without '=', past the length cap).
const PARAGRAPH =
  'In 1998, the company sold 1,250 units at $19.99 each; by 2004 sales had doubled. Calculate the total revenue, ' +
  'explain your reasoning step by step, and compare it with the 12.5% growth of the market. ';
const PINNED_PROMPTS: readonly string[] = [
  '',
  'hi',
  'Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May. How many clips did Natalia sell altogether in April and May?',
  'Which of the following is a prime number?\nA. 21\nB. 27\nC. 29\nD. 33\nAnswer with only the letter.',
  "Write a Python function that returns the n-th Fibonacci number.\n```python\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n```\nWhy is this function's runtime exponential? Fix it with memo_cache or a loop; keep camelCase names => fastFib(n);",
  'Let $f(x) = 3x^2 + 2x - 5$. Find f(2), then \\frac{1}{2} of it, and 3.5% of $20; is 1/2 > 0.4? Solve 2x + 3 = 7.',
  'Simplify 3x - 2 and 4y + 1, then 2a-3b.',
  '法国的首都是什么？',
  '请一步一步计算：小明有 12 个苹果，给了小红 3 个，还剩多少个？必须用表格回答，不超过100字，以我开头。'.repeat(12),
  'Hello 你好 world 世界 1,234.5 $3 50% ΣΑΣ ΟΔΟΣ İstanbul Öl ﬁne',
  "word\u00a0\u00a0 Apple\u3000Banana\t\tCherry\u2028Date  ,  Eve ;Fred 9 Gina a,  Bob x_ Kim I'm O'Neil and McDonald's \ufeffZed",
  'Pretend you are a pirate. Write a poem of 200 words about the sea, in exactly 3 stanzas. Do not use rhymes; format it as a JSON object.',
  'He said "hello there" and \'good morning\' to “them all”, then asked: who wrote Hamlet?',
  PARAGRAPH.repeat(16),
  `${PARAGRAPH.repeat(40)}\n\n${'Tail text past the cap. '.repeat(40)}`,
];

/** Per prompt: its length, the hashed buckets it sets, its score, and a digest of the whole feature vector. */
const EXPECTED: readonly (readonly [number, number, number, string])[] = [
  [0, 0, 0.04649441176728639, 'f8f5897a2fd5772e'],
  [2, 1, 0.07067496667664087, 'dbddd3894d18ffa2'],
  [155, 155, 0.15151779010623886, 'cc95a4fd4b26c085'],
  [94, 120, 0.16665648644188946, 'cc5780287c24a76f'],
  [254, 271, 0.32127537993105504, 'f1f40fb5a884c0e1'],
  [111, 134, 0.21232786342423768, '5de68a9b3c2865a7'],
  [39, 57, 0.12095997990971766, '3a99393a38e72313'],
  [9, 7, 0.06762811461613853, '23a110e97e03ff5b'],
  [660, 57, 0.34177474865019536, '616c2e5ae5b4f239'],
  [57, 68, 0.31311008584746, '6d59c01252f85211'],
  [99, 123, 0.27666889309170223, 'b52866415bdad74c'],
  [135, 178, 0.09795780968220935, '7ca1ea1ba6d99df5'],
  [85, 107, 0.159248291577372, 'b7b70f35e6929f94'],
  [3184, 235, 0.1623076136741881, 'd70bf398a2f30668'],
  [8922, 262, 0.14737953922479244, 'df5c0d251889e629'],
];

/** The first 16 hex digits of SHA-256 over the dense values, bucket indices and bucket values. */
function digest(f: ReturnType<typeof featureVector>): string {
  const h = createHash('sha256');
  for (const a of [f.dense, f.hashIdx, f.hashVal]) h.update(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  return h.digest('hex').slice(0, 16);
}

describe('difficulty features are pinned to what the shipped weights were trained on', () => {
  const model = defaultDifficultyModel();

  it.each(PINNED_PROMPTS.map((p, i) => [i, p.slice(0, 40).replace(/\s+/g, ' '), p] as const))(
    'prompt %i (%s…) keeps its feature vector and score',
    (i, _head, prompt) => {
      const [length, buckets, score, hash] = EXPECTED[i]!;
      expect(prompt.length).toBe(length);
      const f = featureVector(prompt, model.hashing);
      expect(f.hashIdx.length).toBe(buckets);
      expect(scoreFeatures(model, f)).toBe(score);
      expect(digest(f)).toBe(hash);
    },
  );

  it('gives the same vector when a prompt is scored again (no state leaks between calls)', () => {
    const first = PINNED_PROMPTS.map((p) => digest(featureVector(p, model.hashing)));
    const again = [...PINNED_PROMPTS].reverse().map((p) => digest(featureVector(p, model.hashing)));
    expect(again.reverse()).toEqual(first);
  });
});
