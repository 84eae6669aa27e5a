import { describe, expect, it } from 'vitest';
import { DENSE_FEATURE_NAMES, featureVector } from '../../src-main/router/features.js';
import { promptAsks } from '../../src-main/router/prompt-asks.js';
import { classifyTaskType, TASK_TYPES } from '../../src-main/router/task-type.js';

const dense = (prompt: string, name: (typeof DENSE_FEATURE_NAMES)[number]): number =>
  featureVector(prompt, { buckets: 0, bigrams: false }).dense[DENSE_FEATURE_NAMES.indexOf(name)]!;

describe('task type', () => {
  it.each([
    ['Solve for x: 3x + 7 = 22. What is the value of x?', 'math'],
    ['一个班有 24 个学生，平均每人买 3 本书，总共买了多少本书？', 'math'],
    ['Write a Python function that merges two sorted arrays and returns the result.', 'code'],
    ['这段 JavaScript 代码为什么报错？请帮我调试。', 'code'],
    ['All cats are mammals. Some mammals fly. Does it follow that some cats fly? Explain the logic.', 'reasoning'],
    ['Who wrote "Pride and Prejudice"?', 'knowledge'],
    ['法国的首都是什么？', 'knowledge'],
    ['Write a short poem about the sea at night.', 'writing'],
    ['帮我写一封感谢信给我的老师。', 'writing'],
    ['hi, how are you today?', 'chat'],
    ['你好，我最近心情不好，怎么办？', 'chat'],
  ] as const)('%s → %s', (prompt, type) => {
    expect(classifyTaskType(prompt)).toBe(type);
  });

  it('is one-hot in the dense features, one type per prompt', () => {
    for (const p of ['', 'hello', 'Prove that there are infinitely many primes.', '写一首关于秋天的诗']) {
      const f = featureVector(p, { buckets: 0, bigrams: false });
      const onehot = TASK_TYPES.map((t) => f.dense[DENSE_FEATURE_NAMES.indexOf(`task_${t}`)]!);
      expect(onehot.reduce((a, b) => a + b, 0)).toBe(1);
    }
  });
});

describe('what the prompt asks', () => {
  it('reads steps, constraints, length, brevity, format and options in English', () => {
    const a = promptAsks('Explain step by step. Use at most 3 sentences, do not use jargon, and format the result as a JSON object.');
    expect(a.steps).toBe(1);
    expect(a.constraints).toBeGreaterThanOrEqual(2);
    expect(a.requestedWords).toBeGreaterThan(0);
    expect(a.format).toBe(1);
    expect(promptAsks('Write an essay of 500 words on rivers.').requestedWords).toBe(500);
    expect(promptAsks('Answer with only the letter.').brief).toBe(1);
    const mc = promptAsks('Which is largest?\nA. 1\nB. 2\nC. 3\nD. 4\nE. 5\nF. 6\nG. 7\nH. 8\nI. 9\nJ. 10');
    expect(mc.options).toBe(10);
    expect(promptAsks('Which is largest?\nA. 1\nB. 2\nC. 3\nD. 4').options).toBe(4);
    expect(promptAsks('hello there')).toEqual({ steps: 0, constraints: 0, requestedWords: 0, brief: 0, format: 0, options: 0 });
  });

  it('reads the same asks in Chinese', () => {
    const a = promptAsks('请逐步推理，用三句话回答，必须用表格列出要点，不要超过两百字。');
    expect(a.steps).toBe(1);
    expect(a.constraints).toBeGreaterThanOrEqual(2);
    expect(a.requestedWords).toBe(45);
    expect(a.format).toBe(1);
    expect(promptAsks('简短回答：地球有几个卫星？').brief).toBe(1);
  });

  it('feeds the dense features', () => {
    expect(dense('Explain step by step.', 'asks_steps')).toBe(1);
    expect(dense('Write 200 words.', 'asks_length_log')).toBeCloseTo(Math.log1p(200), 12);
    expect(dense('今天天气很好', 'cjk_ratio')).toBe(1);
  });
});

describe('hashed character n-grams', () => {
  const spec = { buckets: 4096, bigrams: true, charNgrams: 3 };

  it('add buckets for text without spaces (Chinese) and keep the vector unit length', () => {
    const zh = featureVector('请解释量子纠缠的基本原理', spec);
    expect(featureVector('请解释量子纠缠的基本原理', { buckets: 4096, bigrams: true }).hashIdx).toHaveLength(0);
    expect(zh.hashIdx.length).toBeGreaterThan(5);
    for (const p of ['Write a function to sort a list.', '请解释量子纠缠的基本原理', 'a']) {
      const f = featureVector(p, spec);
      expect(Math.hypot(...f.hashVal)).toBeCloseTo(1, 1);
      expect(Array.from(f.hashIdx).every((i, k, arr) => i >= 0 && i < 4096 && (k === 0 || i > arr[k - 1]!))).toBe(true);
    }
  });

  it('are deterministic, and absent when charNgrams is 0', () => {
    const p = 'Debugging recursion in TypeScript';
    expect(Array.from(featureVector(p, spec).hashIdx)).toEqual(Array.from(featureVector(p, spec).hashIdx));
    const words = featureVector(p, { buckets: 4096, bigrams: true, charNgrams: 0 });
    expect(Array.from(words.hashVal).every((v) => v === words.hashVal[0])).toBe(true);
  });
});
