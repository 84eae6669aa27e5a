import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contaminatedKeys, JSONL_PAIRS, loadJsonlSource, overlapKey, routerDataDir, SOURCES } from '../../scripts/router-data.js';
import { KEPT_LABELS, trimLine } from '../../scripts/router/copy-sources.js';
import { lengthScores, pairedAucBootstrap } from '../../scripts/router/loso.js';
import type { RouterItem } from '../../scripts/router-data.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A data folder with RouteLLM's contaminated lists and one zeroeval data.jsonl of the given rows. */
function dataDir(rows: object[], contaminatedGsm8k: string[] = []): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duet-router-data-'));
  dirs.push(dir);
  for (const b of ['mmlu', 'gsm8k', 'mt_bench']) {
    fs.mkdirSync(path.join(dir, 'routellm', b), { recursive: true });
    const list = b === 'gsm8k' ? contaminatedGsm8k : [];
    fs.writeFileSync(path.join(dir, 'routellm', b, 'contaminated_prompts.jsonl'), list.map((p) => `${JSON.stringify({ eval_prompt: p })}\n`).join(''));
  }
  fs.mkdirSync(path.join(dir, 'zeroeval'));
  fs.writeFileSync(path.join(dir, 'zeroeval', 'data.jsonl'), rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return dir;
}

const { weak, strong } = JSONL_PAIRS.zeroeval;
const row = (id: string, prompt: string, w: number | undefined, s: number | undefined): object => ({
  prompt,
  weak_ok: w,
  strong_ok: s,
  id,
  category: 'math_word_problem',
  labels: { ...(w === undefined ? {} : { [weak]: w }), ...(s === undefined ? {} : { [strong]: s }) },
});

describe('router data: the data.jsonl sources', () => {
  it('labels an item "needs cloud" when the chosen strong model beats the chosen weak one', () => {
    const dir = dataDir([row('a', 'What is 2+2?', 0, 1), row('b', 'What is 3+3?', 1, 1), row('c', 'What is 4+4?', 1, 0)]);
    const items = loadJsonlSource('zeroeval', dir);
    expect(items.map((x) => [x.id, x.needsCloud, x.source, x.benchmark, x.group])).toEqual([
      ['a', true, 'zeroeval', 'zeroeval', 'math_word_problem'],
      ['b', false, 'zeroeval', 'zeroeval', 'math_word_problem'],
      ['c', false, 'zeroeval', 'zeroeval', 'math_word_problem'],
    ]);
  });

  it('drops rows without both models and rows matching a RouteLLM contaminated prompt', () => {
    const dir = dataDir(
      [row('kept', 'How many eggs does Janet sell?', 0, 1), row('no-strong', 'Another question', 0, undefined), row('dirty', 'Janet’s ducks lay 16 eggs per day.', 0, 1)],
      // The same question with a straight apostrophe and other spacing still matches.
      ["Janet's  ducks lay 16 eggs per day."],
    );
    expect(contaminatedKeys(dir).size).toBe(1);
    expect(loadJsonlSource('zeroeval', dir).map((x) => x.id)).toEqual(['kept']);
  });

  it('matches the same multiple-choice question across RouteLLM MMLU and MMLU-Pro layouts', () => {
    const mmlu = 'Which planet is largest?\nA. Mars\nB. Jupiter\nC. Venus\nD. Earth\nAnswer:';
    const pro = 'Which planet is largest?\n\nOptions:\nA. Mars\nB. Jupiter\nC. Venus\nD. Earth\nE. Saturn';
    expect(overlapKey(mmlu)).toBe(overlapKey(pro));
    expect(overlapKey(mmlu)).not.toBe(overlapKey('Which planet is smallest?\nA. Mars'));
  });

  it('the repository holds all four sources, with the weak model in every row it keeps', () => {
    const dir = routerDataDir({});
    for (const s of SOURCES) expect(fs.existsSync(path.join(dir, s)), s).toBe(true);
    for (const s of ['zeroeval', 'mmlu_pro', 'llmrouter'] as const) {
      expect(KEPT_LABELS[s]).toContain(JSONL_PAIRS[s].weak);
      expect(KEPT_LABELS[s]).toContain(JSONL_PAIRS[s].strong);
    }
  });

  it('trimming keeps the listed models and every other field', () => {
    const line = JSON.stringify({ prompt: 'p', id: 'x', labels: { big: 1, small: 0, other: 1 } });
    expect(JSON.parse(trimLine(line, ['small', 'missing']))).toEqual({ prompt: 'p', id: 'x', labels: { small: 0 } });
  });
});

describe('leave-one-source-out helpers', () => {
  const item = (prompt: string, needsCloud: boolean): RouterItem => ({
    benchmark: 'zeroeval',
    source: 'zeroeval',
    id: prompt,
    group: 'g',
    prompt,
    weakQuality: needsCloud ? 0 : 1,
    strongQuality: 1,
    needsCloud,
  });

  it('the length baseline takes its direction from the training data', () => {
    const longHard = [item('a'.repeat(50), true), item('b', false), item('c'.repeat(40), true), item('dd', false)];
    const longEasy = longHard.map((x) => ({ ...x, needsCloud: !x.needsCloud }));
    const test = [item('xxxxx', true), item('y', false)];
    expect(lengthScores(longHard, test)).toEqual({ scores: [5, 1], sign: 1 });
    expect(lengthScores(longEasy, test)).toEqual({ scores: [-5, -1], sign: -1 });
  });

  it('the paired bootstrap interval is above zero for a clearly better scorer and spans zero for equal ones', () => {
    const labels = Array.from({ length: 400 }, (_, i) => i % 3 === 0);
    const good = labels.map((l, i) => (l ? 1 : 0) + ((i * 7919) % 13) / 20);
    const noise = labels.map((_, i) => ((i * 104729) % 101) / 101);
    const [d, lo, hi] = pairedAucBootstrap(good, noise, labels, 200, 1);
    expect(d).toBeGreaterThan(0.3);
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeGreaterThanOrEqual(d);
    const [d0, lo0, hi0] = pairedAucBootstrap(noise, noise, labels, 200, 1);
    expect([d0, lo0, hi0]).toEqual([0, 0, 0]);
  });
});
