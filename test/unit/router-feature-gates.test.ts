// The word gates (src-main/router/feature-gates.ts) only skip keyword regexes that cannot match:
// the features of any text must be the same with the gates and with every gate forced open. The
// texts are generated from the gated patterns' own words and phrases, glued by the characters that
// decide a \b (spaces, apostrophes, underscores, digits, punctuation), in random letter case.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { cueGatesOf, featureVector } from '../../src-main/router/features.js';
import { ALL_GATES, GATE_WORDS, openAllGatesForTesting } from '../../src-main/router/feature-gates.js';
import { promptAsks } from '../../src-main/router/prompt-asks.js';
import { taskTypeScores } from '../../src-main/router/task-type.js';
import { mulberry32 } from '../support/seeded-random.js';

const HASHING = { buckets: 0, bigrams: false };

/** Phrases of the gated patterns, whole, so that their multi-word alternatives match too. */
const PHRASES = [
  'imagine you are',
  'act as',
  'you are a',
  'you are an',
  'play the role',
  'as if you were',
  'how does',
  'how many',
  'how much',
  'sum of',
  'if and only if',
  'which of the following must',
  'step by step',
  'step-by-step',
  'what do you think',
  'your opinion',
  'role-play',
  'role play',
  'i feel',
  'i am feeling',
  'my friend',
  'one word',
  'single word',
  'one sentence',
  'only the final answer',
  'only your answer',
  'just the answer',
  'just give number',
  'short answer',
  'in short',
  'tl;dr',
  'tldr',
  'answer with the',
  'reply with only',
  'as a list',
  'in a list',
  'bullet points',
  'bulleted list',
  'numbered list',
  'code block',
  'formatted as',
  'format in',
  '\\boxed',
  'c++',
  'stack trace',
  'linked list',
  'time complexity',
  'console.log',
  'import os',
  'return x',
  'def f(',
  'print(',
  '#include',
  '=>',
  '```',
  'x;\n',
  'write a story',
  'compose an email',
  'implement a function',
  'fix the code',
  'provide insights',
  'lesson plan',
  '200 words',
  '3 paragraphs',
  '$x+1$',
  '\\frac',
  '3 + 4',
  'x^2',
  '50%',
  '\nA. yes',
  '\n(b) no',
  '\nC: maybe',
  ' (D) none',
  '\tE) all',
  ' (A) one (B) two (C) three',
  '7 × 8',
  '9÷3',
  'what is',
  'who wrote',
  'when did',
  'capital of',
  'according to',
];
const WORDS = [...new Set(Object.values(GATE_WORDS).flatMap((w) => w.split(' ')))];
const FILLER = ['the', 'a', 'x', 'foo', 'is', 'it', "don't", "json's", 'O', 'Z9'];
const GLUE = [' ', ' ', ' ', '  ', '\n', "'", '_', '9', '-', '.', ',', '?', '!', '+', '(', ')', ';', '\t', '\u00a0', 'é', '好'];

function randomText(rand: () => number): string {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
  const parts: string[] = [];
  const n = 1 + Math.floor(rand() * 14);
  for (let i = 0; i < n; i++) {
    const r = rand();
    let piece = r < 0.4 ? pick(PHRASES) : r < 0.8 ? pick(WORDS) : pick(FILLER);
    const c = rand();
    if (c < 0.2) piece = piece.toUpperCase();
    else if (c < 0.35) piece = piece.charAt(0).toUpperCase() + piece.slice(1);
    parts.push(piece, pick(GLUE));
  }
  return parts.join('');
}

function digest(text: string): string {
  const f = featureVector(text, HASHING);
  return createHash('sha256').update(Buffer.from(f.dense.buffer)).digest('hex');
}

describe('feature gates skip only regexes that cannot match', () => {
  afterEach(() => openAllGatesForTesting(false));

  it('gives the same features as with every gate open, on generated texts', () => {
    const rand = mulberry32(424242);
    let differing = 0;
    const examples: string[] = [];
    for (let i = 0; i < 6000; i++) {
      const text = randomText(rand);
      const gated = digest(text);
      openAllGatesForTesting(true);
      const open = digest(text);
      openAllGatesForTesting(false);
      if (gated !== open) {
        differing++;
        if (examples.length < 5) examples.push(text);
      }
    }
    expect(examples).toEqual([]);
    expect(differing).toBe(0);
  });

  it('gives the same task-type scores and prompt asks as with every gate open', () => {
    const rand = mulberry32(99);
    const examples: string[] = [];
    for (let i = 0; i < 6000; i++) {
      const text = randomText(rand);
      const cjk = /[\u4e00-\u9fff]/.test(text);
      const gates = cueGatesOf(text);
      const same =
        JSON.stringify([taskTypeScores(text, cjk, gates), promptAsks(text, cjk, gates)]) ===
        JSON.stringify([taskTypeScores(text, cjk, ALL_GATES), promptAsks(text, cjk, ALL_GATES)]);
      if (!same && examples.length < 5) examples.push(text);
    }
    expect(examples).toEqual([]);
  });

  it('opens a gate for a keyword next to an apostrophe, and not for one inside a longer word', () => {
    // "json's" asks for a format (\bjson\b matches before the apostrophe); "jsonl" does not.
    for (const text of ["Return the json's fields.", 'Read the jsonl file.', "Explain why it's so", "Don'tWHY explain'"]) {
      const gated = digest(text);
      openAllGatesForTesting(true);
      expect(digest(text)).toBe(gated);
      openAllGatesForTesting(false);
    }
  });
});
