// The user adapter on the scorer's real features: it moves the score of what a user's choices were
// about (and of questions like it) more than of others, within bounds, and survives being saved as
// JSON. The base scorer here is a fixed stand-in (log-odds from the prompt's length, dense features
// unstandardised), so these tests hold whatever weights are shipped.
import { describe, expect, it } from 'vitest';
import { featureVector, sigmoid, type PromptFeatures } from '../../src-main/router/difficulty.js';
import { ESCALATION_LABEL_WEIGHT, MAX_SAVED_COORDINATES, UserAdapter, type FeatureScale } from '../../src-main/router/user-adapter.js';
import { mulberry32 } from '../support/seeded-random.js';

const HASHING = { buckets: 8192, bigrams: true };
const DENSE = featureVector('x', HASHING).dense.length;
const model: FeatureScale & { dense: { length: number }; hashing: typeof HASHING } = {
  mean: new Float64Array(DENSE),
  invScale: new Float64Array(DENSE).fill(1),
  clip: 6,
  dense: { length: DENSE },
  hashing: HASHING,
};
const features = (prompt: string): PromptFeatures => featureVector(prompt, model.hashing);
/** The stand-in scorer: longer is a little harder, about 0.2 for a one-line question. */
const base = (f: PromptFeatures): number => -1.6 + 0.1 * (f.dense[0]! - 4);
const fresh = (): UserAdapter => new UserAdapter(model.dense.length, model.hashing.buckets);
/** The adapted score, as routing computes it. */
const score = (adapter: UserAdapter, prompt: string): number => {
  const f = features(prompt);
  return sigmoid(base(f) + adapter.logit(f, model));
};
const learn = (adapter: UserAdapter, prompt: string, neededCloud: boolean, times = 1): void => {
  for (let i = 0; i < times; i++) {
    const f = features(prompt);
    adapter.learn(f, model, base(f), neededCloud, neededCloud ? 'neededCloud' : 'localEnough');
  }
};

const SQL = 'Write a SQL query that lists each customer with the total of their orders in 2023.';
const SQL_LIKE = 'Write a SQL query that lists each supplier with the number of products they shipped.';
const POEM = 'Write a short poem about autumn leaves for my grandmother.';

describe('user adapter', () => {
  it('changes nothing before it has learned anything', () => {
    const adapter = fresh();
    expect(adapter.empty).toBe(true);
    expect(adapter.choices).toBe(0);
    for (const p of [SQL, POEM, '']) expect(adapter.logit(features(p), model)).toBe(0);
  });

  it('raises the score of a question the user asked the cloud for, and of one like it more than of an unrelated one', () => {
    const adapter = fresh();
    const before = { sql: score(adapter, SQL), like: score(adapter, SQL_LIKE), poem: score(adapter, POEM) };
    learn(adapter, SQL, true, 3);
    expect(adapter.counts).toEqual({ neededCloud: 3, localEnough: 0, escalations: 0, accepted: 0 });
    expect(adapter.choices).toBe(3);
    const after = { sql: score(adapter, SQL), like: score(adapter, SQL_LIKE), poem: score(adapter, POEM) };
    expect(after.sql).toBeGreaterThan(before.sql);
    expect(after.like - before.like).toBeGreaterThan(after.poem - before.poem);
  });

  it('lowers the score of a question the user asked the local model for', () => {
    const adapter = fresh();
    const before = score(adapter, SQL);
    learn(adapter, SQL, false, 3);
    expect(score(adapter, SQL)).toBeLessThan(before);
    expect(adapter.counts.localEnough).toBe(3);
  });

  it('learns less from an escalation than from a choice', () => {
    const chosen = fresh();
    learn(chosen, SQL, true);
    const escalated = fresh();
    const f = features(SQL);
    escalated.learn(f, model, base(f), true, 'escalations', ESCALATION_LABEL_WEIGHT);
    expect(escalated.counts).toEqual({ neededCloud: 0, localEnough: 0, escalations: 1, accepted: 0 });
    expect(escalated.choices).toBe(0);
    const moved = (a: UserAdapter): number => a.logit(f, model);
    expect(moved(escalated)).toBeGreaterThan(0);
    expect(moved(escalated)).toBeLessThan(moved(chosen));
  });

  it('moves a score only so far, however many times the same choice is made', () => {
    const adapter = fresh();
    learn(adapter, POEM, true, 2000);
    const f = features(POEM);
    expect(adapter.logit(f, model)).toBeLessThanOrEqual(adapter.options.maxLogit);
    expect(adapter.logit(f, model)).toBeGreaterThan(0);
    expect(score(adapter, POEM)).toBeLessThan(sigmoid(base(f) + adapter.options.maxLogit) + 1e-12);
  });

  it('learns a user for whom code needs the cloud and chat does not: their next questions rank better', () => {
    const rand = mulberry32(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const langs = ['Python', 'Rust', 'Go', 'TypeScript', 'Java', 'C'];
    const tasks = ['parses a CSV file', 'merges two sorted lists', 'retries an HTTP request', 'reads a config file', 'counts words in a file', 'debounces a function'];
    const topics = ['my weekend', 'a rainy day', 'my cat', 'coffee', 'a long walk', 'the sea'];
    const forms = ['Tell me something nice about', 'Write two friendly sentences about', 'Say hello and ask me about', 'Chat with me about'];
    const code = (): string => `Write a ${pick(langs)} function that ${pick(tasks)}.`;
    const chat = (): string => `${pick(forms)} ${pick(topics)}.`;
    const next = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? { p: code(), hard: true } : { p: chat(), hard: false }));
    const auc = (a: UserAdapter): number => {
      const s = next.map((x) => ({ s: score(a, x.p), hard: x.hard }));
      let wins = 0;
      let pairs = 0;
      for (const h of s.filter((x) => x.hard)) {
        for (const e of s.filter((x) => !x.hard)) {
          pairs++;
          wins += h.s > e.s ? 1 : h.s === e.s ? 0.5 : 0;
        }
      }
      return wins / pairs;
    };
    const adapter = fresh();
    const separatedBefore =
      next.filter((x) => x.hard).reduce((sum, x) => sum + score(adapter, x.p), 0) - next.filter((x) => !x.hard).reduce((sum, x) => sum + score(adapter, x.p), 0);
    for (let i = 0; i < 60; i++) {
      learn(adapter, code(), true);
      learn(adapter, chat(), false);
    }
    const separatedAfter =
      next.filter((x) => x.hard).reduce((sum, x) => sum + score(adapter, x.p), 0) - next.filter((x) => !x.hard).reduce((sum, x) => sum + score(adapter, x.p), 0);
    expect(separatedAfter).toBeGreaterThan(separatedBefore);
    expect(auc(adapter)).toBeGreaterThan(0.95);
  });

  it('saves to JSON and back with the same scores', () => {
    const adapter = fresh();
    learn(adapter, SQL, true, 2);
    learn(adapter, POEM, false);
    const json = JSON.parse(JSON.stringify(adapter.toJSON())) as unknown;
    const back = UserAdapter.fromJSON(json, model.dense.length, model.hashing.buckets);
    expect(back.counts).toEqual(adapter.counts);
    for (const p of [SQL, SQL_LIKE, POEM]) expect(back.logit(features(p), model)).toBeCloseTo(adapter.logit(features(p), model), 4);
  });

  it('stays small when saved, however much it learns', () => {
    const rand = mulberry32(11);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const word = (): string => Array.from({ length: 3 + Math.floor(rand() * 6) }, () => letters[Math.floor(rand() * 26)]!).join('');
    const adapter = fresh();
    for (let i = 0; i < 3000; i++) {
      const prompt = Array.from({ length: 30 }, word).join(' ');
      learn(adapter, prompt, rand() < 0.5);
    }
    const saved = adapter.toJSON();
    expect(saved.state.length).toBeLessThanOrEqual(MAX_SAVED_COORDINATES);
    expect(JSON.stringify(saved).length).toBeLessThan(200_000);
    // It was trimmed, and the bias and the dense features it learned survived the trimming.
    expect(saved.state).toHaveLength(MAX_SAVED_COORDINATES);
    expect(saved.state[0]?.[0]).toBe(0);
    const dense = saved.state.filter(([i]) => i > 0 && i <= model.dense.length).length;
    const back = UserAdapter.fromJSON(saved, model.dense.length, model.hashing.buckets).toJSON();
    expect(dense).toBeGreaterThan(5);
    expect(back.state.filter(([i]) => i > 0 && i <= model.dense.length)).toHaveLength(dense);
  });

  it('starts empty from anything unreadable or learned on another feature layout', () => {
    const adapter = fresh();
    learn(adapter, SQL, true);
    const json = adapter.toJSON();
    for (const bad of [null, 'x', 42, {}, { ...json, format: 'other' }, { ...json, state: [[1, 'a', 2]] }]) {
      expect(UserAdapter.fromJSON(bad, model.dense.length, model.hashing.buckets).empty).toBe(true);
    }
    expect(UserAdapter.fromJSON(json, model.dense.length + 1, model.hashing.buckets).empty).toBe(true);
    expect(UserAdapter.fromJSON(json, model.dense.length, model.hashing.buckets * 2).empty).toBe(true);
    // Out-of-range coordinates and negative counts are dropped, the rest kept.
    const odd = { ...json, state: [...json.state, [10 ** 9, 1, 1]], counts: { ...json.counts, localEnough: -3 } };
    const kept = UserAdapter.fromJSON(odd, model.dense.length, model.hashing.buckets);
    expect(kept.counts).toEqual({ neededCloud: 1, localEnough: 0, escalations: 0, accepted: 0 });
    expect(kept.logit(features(SQL), model)).toBeCloseTo(adapter.logit(features(SQL), model), 4);
  });
});
