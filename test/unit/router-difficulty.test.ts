import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { effectiveThreshold, localShareAt, THRESHOLD_BOUNDS } from '../../src-main/contract/index.js';
import {
  DEFAULT_DIFFICULTY_THRESHOLD,
  defaultDifficultyModel,
  defaultModelPath,
  expectedLocalShare,
  loadDifficultyModel,
  localShareCurve,
  scoreDifficulty,
  scoreWithModel,
} from '../../src-main/router/difficulty.js';
import { apgr, cpt, localAt, randomRouterMetrics, rocAuc, routerMetrics, routingCurve, type ScoredOutcome } from '../../scripts/router/difficulty-metrics.js';
import { DENSE_FEATURE_COUNT, DENSE_FEATURE_NAMES, featureVector } from '../../src-main/router/features.js';
import {
  stratifiedFolds,
  trainDifficultyModel,
  DEFAULT_TRAIN_OPTIONS,
  DENSE_PRIORS,
  PRIOR_WEIGHT,
  LENGTH_PRIOR,
  localShareCurve as buildLocalShareCurve,
} from '../../scripts/router/difficulty-train.js';
import { mulberry32 } from '../support/seeded-random.js';
import { parseCsv } from '../../scripts/router-data.js';

/** 10 queries with 0/1 quality: 4 need the cloud (weak wrong, strong right), 6 do not (both right). */
function toySet(): ScoredOutcome[] {
  const items: ScoredOutcome[] = [];
  for (let i = 0; i < 10; i++) {
    const needs = i < 4;
    items.push({ weakQuality: needs ? 0 : 1, strongQuality: 1, needsCloud: needs });
  }
  return items;
}

describe('router metrics (RouteLLM definitions)', () => {
  const items = toySet();
  const perfect = items.map((it, i) => (it.needsCloud ? 1 - i * 0.01 : 0.1 - i * 0.001));
  const reversed = perfect.map((s) => -s);

  it('a perfect router recovers the whole gap with the fewest cloud calls', () => {
    const m = routerMetrics(perfect, items);
    expect(m.auc).toBe(1);
    // weak 0.6, strong 1: half the gap needs 2 of 10 calls, 80% needs 3.2 of 10 (interpolated between deciles).
    expect(m.cpt50).toBeCloseTo(0.2, 10);
    expect(m.cpt80).toBeCloseTo(0.32, 10);
    // Quality rises by 0.1 per decile up to 40%, then stays at the strong model's: area = 0.6 + 0.4·(1 − 0.2).
    expect(m.apgr).toBeCloseTo(0.8, 10);
    // Always-cloud quality 1; 95% of it needs 0.95: 4 hard queries to the cloud, 6 stay local.
    expect(m.local95).toBeCloseTo(0.6, 10);
  });

  it('a reversed router is as bad as it gets', () => {
    const m = routerMetrics(reversed, items);
    expect(m.auc).toBe(0);
    expect(m.cpt50).toBeGreaterThan(0.6);
    expect(m.cpt80).toBeGreaterThan(0.8);
    expect(m.apgr).toBeLessThan(0.3);
    expect(m.local95).toBe(0);
  });

  it('random routers average out at APGR 0.5, AUC 0.5, CPT(p) ≈ p', () => {
    const rand = mulberry32(42);
    const big: ScoredOutcome[] = [];
    for (let i = 0; i < 400; i++) {
      const needs = rand() < 0.3;
      big.push({ weakQuality: needs ? 0 : 1, strongQuality: 1, needsCloud: needs });
    }
    const runs = 200;
    let a = 0;
    let u = 0;
    let c50 = 0;
    let c80 = 0;
    for (let r = 0; r < runs; r++) {
      const m = routerMetrics(
        big.map(() => rand()),
        big,
      );
      a += m.apgr;
      u += m.auc;
      c50 += m.cpt50;
      c80 += m.cpt80;
    }
    expect(a / runs).toBeCloseTo(0.5, 1);
    expect(u / runs).toBeCloseTo(0.5, 1);
    expect(c50 / runs).toBeCloseTo(0.5, 1);
    expect(c80 / runs).toBeCloseTo(0.8, 1);
    expect(randomRouterMetrics(big)).toMatchObject({ apgr: 0.5, cpt50: 0.5, cpt80: 0.8, auc: 0.5 });
  });

  it('the routing curve uses qcut deciles: 11 points from 0% to 100% cloud', () => {
    const curve = routingCurve(perfect, items);
    expect(curve).toHaveLength(11);
    expect(curve[0]).toEqual({ cloudShare: 0, quality: 0.6 });
    expect(curve[10]).toEqual({ cloudShare: 1, quality: 1 });
    expect(apgr(curve, 0.6, 1)).toBeCloseTo(0.8, 10);
    expect(cpt(curve, 0.6, 1, 0)).toBe(0);
  });

  it('AUC counts ties as half, and local@95 never splits a tie', () => {
    expect(rocAuc([0.5, 0.5], [true, false])).toBe(0.5);
    expect(rocAuc([0.1, 0.2, 0.3], [false, false, false])).toBeNaN();
    // All scores tied: the only cuts are "all local" and "all cloud".
    expect(localAt([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], items)).toBe(0);
  });

  it('MT-Bench-style scores (1–10) work as quality', () => {
    const mt: ScoredOutcome[] = [
      { weakQuality: 4, strongQuality: 9, needsCloud: true },
      { weakQuality: 9, strongQuality: 9, needsCloud: false },
      { weakQuality: 8, strongQuality: 8.5, needsCloud: true },
      { weakQuality: 10, strongQuality: 9.5, needsCloud: false },
    ];
    const m = routerMetrics([0.9, 0.1, 0.6, 0.2], mt);
    expect(m.auc).toBe(1);
    expect(m.apgr).toBeGreaterThan(0.8);
  });
});

describe('difficulty features', () => {
  it('give a fixed-length dense vector, hashed n-grams in range, and are deterministic', () => {
    const p = 'Solve for x: 3x + 5 = 20. Explain why step by step.';
    const a = featureVector(p, { buckets: 1024, bigrams: true });
    const b = featureVector(p, { buckets: 1024, bigrams: true });
    expect(a.dense).toHaveLength(DENSE_FEATURE_COUNT);
    expect(DENSE_FEATURE_NAMES).toHaveLength(DENSE_FEATURE_COUNT);
    expect(Array.from(a.dense)).toEqual(Array.from(b.dense));
    expect(Array.from(a.hashIdx)).toEqual(Array.from(b.hashIdx));
    expect(Array.from(a.hashIdx).every((i) => i >= 0 && i < 1024)).toBe(true);
    for (const v of a.dense) expect(Number.isFinite(v)).toBe(true);
    const empty = featureVector('', { buckets: 1024, bigrams: true });
    expect(Array.from(empty.dense).every(Number.isFinite)).toBe(true);
    expect(empty.hashIdx).toHaveLength(0);
  });
});

describe('CSV parsing for the router data', () => {
  it('handles quoted fields with commas, newlines and doubled quotes', () => {
    const rows = parseCsv('prompt,a,b\n"Line one,\nline ""two""",True,False\r\nplain,False,True\n');
    expect(rows).toEqual([
      ['prompt', 'a', 'b'],
      ['Line one,\nline "two"', 'True', 'False'],
      ['plain', 'False', 'True'],
    ]);
  });
});

describe('shipped difficulty model', () => {
  it('loads and ranks a hard multi-step proof above small talk and trivia', () => {
    const hard = scoreDifficulty(
      'Prove that for every integer n ≥ 1, the sum 1^3 + 2^3 + ... + n^3 equals (n(n+1)/2)^2. Derive it step by step by induction, ' +
        'then explain why the identity implies that the sum of the first n cubes is always a perfect square, and compare this with the sum of squares.',
    );
    const hi = scoreDifficulty('hi');
    const capital = scoreDifficulty('what is the capital of France?');
    expect(hard).toBeGreaterThan(hi);
    expect(hard).toBeGreaterThan(capital);
  });

  it('scores are probabilities in [0, 1] for odd inputs too', () => {
    const prompts = ['', ' ', '?', 'a'.repeat(20_000), '1 2 3 4 5 '.repeat(500), '```\n}\n```', 'λ∑∫ 日本語のテキスト 🙂', DEFAULT_DIFFICULTY_THRESHOLD.toString()];
    for (const p of prompts) {
      const s = scoreDifficulty(p);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
    expect(DEFAULT_DIFFICULTY_THRESHOLD).toBeGreaterThan(0);
    expect(DEFAULT_DIFFICULTY_THRESHOLD).toBeLessThan(1);
  });

  it('is cached: one load, then scoring 1,000 prompts is quick', () => {
    expect(defaultDifficultyModel()).toBe(defaultDifficultyModel());
    const prompts = Array.from(
      { length: 1000 },
      (_, i) => `Question ${i}: a train leaves at ${i % 12} pm at ${40 + (i % 30)} mph; when does it arrive 120 miles away? Explain your reasoning.`,
    );
    const cpu0 = process.cpuUsage();
    for (const p of prompts) scoreDifficulty(p);
    // A generous sanity bound only; timing targets belong to benchmarks. CPU time, not wall time,
    // so that other work on a loaded machine does not count against it.
    const cpu = process.cpuUsage(cpu0);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(1000);
  });

  it('the file is small and carries its metadata', () => {
    const text = fs.readFileSync(defaultModelPath(), 'utf8');
    expect(Buffer.byteLength(text)).toBeLessThan(200 * 1024);
    const meta = defaultDifficultyModel().meta;
    expect(meta.features.dense).toEqual([...DENSE_FEATURE_NAMES]);
    expect(meta.trainedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(meta.training).toHaveProperty('data');
  });
});

describe('loading weights', () => {
  const good = (): Record<string, unknown> => JSON.parse(fs.readFileSync(defaultModelPath(), 'utf8')) as Record<string, unknown>;

  it('accepts the shipped file and gives the same scores as the cached model', () => {
    const m = loadDifficultyModel(good());
    expect(scoreWithModel(m, 'hello there')).toBe(scoreDifficulty('hello there'));
  });

  it('rejects malformed weights with a clear error', () => {
    expect(() => loadDifficultyModel(null)).toThrow(/Invalid difficulty model/);
    expect(() => loadDifficultyModel({ format: 'something-else' })).toThrow(/Invalid difficulty model: format/);
    const short = good();
    (short.weights as { dense: number[] }).dense.pop();
    expect(() => loadDifficultyModel(short)).toThrow(/weights\.dense has \d+ values, expected \d+/);
    const renamed = good();
    (renamed.features as { dense: string[] }).dense[0] = 'not_a_feature';
    expect(() => loadDifficultyModel(renamed)).toThrow(/features\.dense must be this build's/);
    const nan = good();
    (nan.calibration as { a: unknown }).a = 'x';
    expect(() => loadDifficultyModel(nan)).toThrow(/calibration\.a/);
    expect(() => loadDifficultyModel(good())).not.toThrow();
  });
});

describe('expected local share', () => {
  const shipped = (): number[] => {
    const curve = localShareCurve();
    if (!curve) throw new Error('the shipped weights carry no localShareCurve: run `npm run router:train`');
    return curve;
  };

  it('the shipped curve has a point per hundredth, from keeping nothing local to keeping everything', () => {
    const curve = shipped();
    expect(curve).toHaveLength(101);
    expect(curve[0]).toBeLessThan(0.01);
    expect(curve[100]).toBe(1);
    for (const v of curve) expect(Number((v * 1e4).toFixed(6)) % 1).toBe(0); // 4 decimals
    expect(expectedLocalShare(0)).toBe(curve[0]);
    expect(expectedLocalShare(1)).toBe(1);
  });

  it('never falls as the threshold rises', () => {
    let previous = -1;
    for (let t = -0.05; t <= 1.05; t += 0.0025) {
      const share = expectedLocalShare(t)!;
      expect(share).toBeGreaterThanOrEqual(previous);
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
      previous = share;
    }
  });

  it('interpolates linearly between hundredths and lands on the points at slider steps', () => {
    const curve = Array.from({ length: 101 }, (_, i) => (i / 100) ** 2);
    expect(expectedLocalShare(0.29, curve)).toBe(curve[29]); // 0.29 * 100 is 28.999999999999996
    expect(expectedLocalShare(0.205, curve)).toBeCloseTo((curve[20]! + curve[21]!) / 2, 12);
    expect(expectedLocalShare(0.2025, curve)).toBeCloseTo(curve[20]! * 0.75 + curve[21]! * 0.25, 12);
    expect(expectedLocalShare(-1, curve)).toBe(0);
    expect(expectedLocalShare(2, curve)).toBe(1);
    expect(localShareAt([0.2, 0.6], 0.25)).toBeCloseTo(0.3, 12);
    expect(localShareAt([0.5], 0.5)).toBeNull();
    expect(localShareAt(curve, Number.NaN)).toBeNull();
    expect(expectedLocalShare(0.5, null)).toBeNull();
  });

  it('at the default threshold gives the share the weights README states', () => {
    const readme = fs.readFileSync(path.join(path.dirname(defaultModelPath()), 'README.md'), 'utf8');
    const row = /^\| curve \(equal-weight mean\) \| [\d.]+% \| ([\d.]+)% \|/m.exec(readme);
    expect(row, 'README.md has the "curve (equal-weight mean)" row').not.toBeNull();
    const share = expectedLocalShare(DEFAULT_DIFFICULTY_THRESHOLD)!;
    expect(share * 100).toBeCloseTo(Number(row![1]), 0);
    // The default is meant to keep most questions local, but not nearly all of them.
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.8);
  });

  it('is read through the same learned nudge and bounds as the threshold in force', () => {
    expect(effectiveThreshold(0.2, -0.04)).toBeCloseTo(0.16, 12);
    expect(effectiveThreshold(0, -0.1)).toBe(THRESHOLD_BOUNDS.min);
    expect(effectiveThreshold(1, 0.1)).toBe(THRESHOLD_BOUNDS.max);
    expect(expectedLocalShare(effectiveThreshold(0.2, -0.04))!).toBeLessThanOrEqual(expectedLocalShare(0.2)!);
  });

  it('is optional in the weights file, and a broken curve is refused', () => {
    const json = JSON.parse(fs.readFileSync(defaultModelPath(), 'utf8')) as Record<string, unknown>;
    const { localShareCurve: curve, ...older } = json;
    expect(Array.isArray(curve)).toBe(true);
    expect(loadDifficultyModel(older).meta.localShareCurve).toBeUndefined();
    const falling = [...(curve as number[])];
    falling[50] = 0;
    expect(() => loadDifficultyModel({ ...json, localShareCurve: falling })).toThrow(/localShareCurve must be non-decreasing/);
    expect(() => loadDifficultyModel({ ...json, localShareCurve: (curve as number[]).slice(1) })).toThrow(/localShareCurve/);
    expect(() => loadDifficultyModel({ ...json, localShareCurve: [...(curve as number[]).slice(0, 100), 1.5] })).toThrow(/localShareCurve/);
  });

  it('training builds it as the mean of the per-set shares, so a big set does not outweigh a small one', () => {
    // Set a: 3 of 4 scores ≤ 0.2; set b (one example): none. Pooled it would be 3/5; by set, (0.75 + 0) / 2.
    const curve = buildLocalShareCurve([0.1, 0.15, 0.2, 0.9, 0.5], ['a', 'a', 'a', 'a', 'b']);
    expect(curve).toHaveLength(101);
    expect(curve[20]).toBe(0.375);
    expect(curve[9]).toBe(0); // 0.1 is not ≤ 0.09
    expect(curve[10]).toBe(0.125);
    expect(curve[50]).toBe(0.875);
    expect(curve[100]).toBe(1);
    expect(buildLocalShareCurve([1 / 3], ['a'])[34]).toBe(1);
  });
});

describe('training', () => {
  it('is deterministic and learns a planted signal', () => {
    const rand = mulberry32(7);
    const hashing = { buckets: 64, bigrams: false };
    const examples = Array.from({ length: 300 }, (_, i) => {
      const hard = rand() < 0.4;
      const prompt = hard
        ? `Prove and derive the integral of x^${i % 9} step by step, explain why.`
        : `Tell me a fun fact about ${['cats', 'dogs', 'rain', 'tea'][i % 4]}.`;
      return { features: featureVector(prompt, hashing), label: hard, group: i % 2 ? 'a' : 'b' };
    });
    const opts = { ...DEFAULT_TRAIN_OPTIONS, hashing, l2Dense: 1, l2Hash: 1, calibrationFolds: 3, maxIter: 50 };
    const m1 = trainDifficultyModel(examples, opts);
    const m2 = trainDifficultyModel(examples, opts);
    expect(JSON.stringify(m1)).toBe(JSON.stringify(m2));
    expect(m1.localShareCurve).toHaveLength(101);
    expect(m1.localShareCurve![100]).toBe(1);
    expect(m1.localShareCurve!.every((v, i, a) => i === 0 || v >= a[i - 1]!)).toBe(true);
    // Without calibration folds there are no out-of-fold scores, and no curve rather than a flattering one.
    expect(trainDifficultyModel(examples, { ...opts, calibrationFolds: 0 })).not.toHaveProperty('localShareCurve');
    const model = loadDifficultyModel({ ...m1, trainedAt: '2024-01-01', training: {} });
    expect(scoreWithModel(model, 'Prove and derive the integral of x^3 step by step, explain why.')).toBeGreaterThan(0.7);
    expect(scoreWithModel(model, 'Tell me a fun fact about tea.')).toBeLessThan(0.3);
  });

  it('keeps a prior weight where the training data never varies its cue, unstandardised', () => {
    const rand = mulberry32(11);
    const hashing = { buckets: 64, bigrams: false };
    // No prompt here asks for code or creative writing, so those cues are constant (0) in training.
    const examples = Array.from({ length: 200 }, (_, i) => {
      const hard = rand() < 0.3;
      const prompt = hard
        ? `What is ${i} times ${i + 7}, minus the remainder of ${i} divided by 3?`
        : `Tell me a fun fact about ${['cats', 'dogs', 'rain', 'tea'][i % 4]}.`;
      return { features: featureVector(prompt, hashing), label: hard, group: 'a' };
    });
    const m = trainDifficultyModel(examples, { ...DEFAULT_TRAIN_OPTIONS, hashing, calibrationFolds: 0, maxIter: 50 });
    expect(Object.keys(DENSE_PRIORS).length).toBeGreaterThan(0);
    for (const [name, prior] of Object.entries(DENSE_PRIORS)) {
      const j = DENSE_FEATURE_NAMES.indexOf(name as (typeof DENSE_FEATURE_NAMES)[number]);
      expect(j).toBeGreaterThanOrEqual(0);
      expect(Math.abs(prior)).toBe(name === 'chars_log' ? LENGTH_PRIOR : PRIOR_WEIGHT);
      expect(m.standardize.mean[j]).toBe(0);
      expect(m.standardize.scale[j]).toBe(1);
    }
    const code = DENSE_FEATURE_NAMES.indexOf('code_task');
    const creative = DENSE_FEATURE_NAMES.indexOf('creative_writing');
    expect(m.weights.dense[code]).toBeCloseTo(PRIOR_WEIGHT, 3);
    expect(m.weights.dense[creative]).toBeCloseTo(-PRIOR_WEIGHT, 3);
    // So, all else equal, a coding request scores above an open-ended writing one.
    const model = loadDifficultyModel({ ...m, trainedAt: '2024-01-01', training: {} });
    expect(scoreWithModel(model, 'Write a Python function that merges two sorted arrays.')).toBeGreaterThan(scoreWithModel(model, 'Write a short poem about the sea.'));
  });

  it('stratified folds are balanced and seeded', () => {
    const labels = Array.from({ length: 103 }, (_, i) => i % 3 === 0);
    const f = stratifiedFolds(labels, 5, 1);
    expect(stratifiedFolds(labels, 5, 1)).toEqual(f);
    const sizes = [0, 1, 2, 3, 4].map((k) => f.filter((x) => x === k).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });
});
