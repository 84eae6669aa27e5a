// The cascade on the local model's confidence, end to end: a real worker process running
// node-llama-cpp watches the chosen tokens' probabilities and stops early when the model is unsure.
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../../src-main/contract/index.js';
import { createLocalEngine } from '../../src-main/local/engine-host.js';
import type { ChatTurn, ConfidenceCheck, LocalEngine } from '../../src-main/local/engine-types.js';
import {
  BENCH_MODEL_FILE,
  CLOUD_GREETING_ANSWER,
  TINY_GREETING_ANSWER,
  TINY_KEYWORD_ANSWER,
  TINY_MODEL_FILE,
  UNSURE_ANSWER_PATTERN,
  UNSURE_HESITATIONS,
  UNSURE_MODEL_FILE,
  UNSURE_MODEL_NAME,
} from '../fixtures/fixture-facts.js';
import { ask, askThenStop, closeEngines, outcomeOf } from '../support/engine-driver.js';

const CHECK: ConfidenceCheck = { threshold: 0.5, windowTokens: 4 };

/** A start of an unsure-model answer: some of its hesitant words, and nothing of what follows them. */
const HESITANT_START = new RegExp(`^(${UNSURE_HESITATIONS.map((words) => `(${words.join('|')})`).join(' ?')})?$`);

const engines: LocalEngine[] = [];
async function engineWith(modelPath: string, settings?: ModelSettings): Promise<LocalEngine> {
  const engine = createLocalEngine(settings ? { modelSettings: () => settings } : {});
  engines.push(engine);
  expect(await engine.load(modelPath)).toMatchObject({ ok: true, value: { state: 'ready' } });
  return engine;
}

afterAll(() => closeEngines(engines));

describe('confidence check on the tiny (confident) model', () => {
  let engine: LocalEngine;
  beforeAll(async () => {
    engine = await engineWith(TINY_MODEL_FILE);
  });

  it('answers the exact greeting in full, sure, streamed in several chunks, with stats and a confidence near 1', async () => {
    const answer = await ask(engine, 'Hello there!', { check: CHECK });
    const outcome = outcomeOf(answer);
    expect(outcome.text).toBe(TINY_GREETING_ANSWER);
    expect(outcome.stopped).toBe(false);
    expect(outcome.unsure).toBeUndefined();
    expect(answer.chunks.length).toBeGreaterThan(1);
    expect(answer.chunks.join('')).toBe(TINY_GREETING_ANSWER);
    expect(outcome.stats.model).toBe('duet-tiny-chat');
    expect(outcome.stats.ttftMs).toBeGreaterThan(0);
    expect(outcome.stats.tokens).toBeGreaterThanOrEqual(answer.chunks.length);
    expect(outcome.stats.tokensPerSecond).toBeGreaterThan(0);
    expect(outcome.stats.meanConfidence).toBeGreaterThan(0.999);
  });

  it('without a check answers as before and reports no confidence', async () => {
    const outcome = outcomeOf(await ask(engine, 'Hello there!'));
    expect(outcome.text).toBe(TINY_GREETING_ANSWER);
    expect(outcome.unsure).toBeUndefined();
    expect(outcome.stats).not.toHaveProperty('meanConfidence');
  });

  it('judges a window longer than the answer on the whole answer', async () => {
    const outcome = outcomeOf(await ask(engine, 'Hi!', { check: { threshold: 0.9, windowTokens: 100 } }));
    expect(outcome.text).toBe(TINY_GREETING_ANSWER);
    expect(outcome.unsure).toBeUndefined();
    expect(outcome.stats.meanConfidence).toBeGreaterThan(0.999);
  });

  it('keeps the conversation after checked answers: the next turns see the history, the keyword switch still works', async () => {
    const first = outcomeOf(await ask(engine, 'Hello!', { conversationId: 'K', check: CHECK }));
    expect(first.text).toBe(TINY_GREETING_ANSWER);
    const history: ChatTurn[] = [
      { role: 'user', content: 'Hello!' },
      { role: 'assistant', content: first.text },
    ];
    const second = outcomeOf(await ask(engine, 'What is the weather like?', { conversationId: 'K', history, check: CHECK }));
    expect(second).toMatchObject({ text: TINY_KEYWORD_ANSWER, stopped: false });
    expect(second.unsure).toBeUndefined();
    expect(second.stats.meanConfidence).toBeGreaterThan(0.999);
    // The conversation now mentions the keyword, so the model keeps to its keyword answer: an
    // unchecked third turn shows the session holds the checked turns.
    const third = outcomeOf(
      await ask(engine, 'And tomorrow?', {
        conversationId: 'K',
        history: [...history, { role: 'user', content: 'What is the weather like?' }, { role: 'assistant', content: second.text }],
      }),
    );
    expect(third.text).toBe(TINY_KEYWORD_ANSWER);
    // And another conversation in between does not see it.
    expect(outcomeOf(await ask(engine, 'Hi!', { conversationId: 'L', check: CHECK })).text).toBe(TINY_GREETING_ANSWER);
  });

  it('stops a checked answer when asked: stopped with the partial text, and the next question still works', async () => {
    const controller = new AbortController();
    const answer = await ask(engine, 'Hello!', { check: CHECK, signal: controller.signal, onChunk: (_, index) => index === 0 && controller.abort() });
    const outcome = outcomeOf(answer);
    expect(outcome.stopped).toBe(true);
    expect(outcome.unsure).toBeUndefined();
    expect(outcome.text).toBe(answer.chunks[0]);
    expect(TINY_GREETING_ANSWER.startsWith(outcome.text)).toBe(true);
    expect(outcome.text.length).toBeLessThan(TINY_GREETING_ANSWER.length);

    expect(outcomeOf(await ask(engine, 'Hello again!', { check: CHECK })).text).toBe(TINY_GREETING_ANSWER);
  });

  it('answers a checked question stopped before it started with an empty stopped answer', async () => {
    const controller = new AbortController();
    controller.abort();
    const answer = await ask(engine, 'Hello!', { check: CHECK, signal: controller.signal });
    expect(outcomeOf(answer)).toMatchObject({ text: '', stopped: true });
    expect(answer.chunks).toEqual([]);
  });

  it('refuses a check it cannot apply with invalid_request, and keeps answering', async () => {
    for (const check of [
      { threshold: 1.5, windowTokens: 4 },
      { threshold: -0.1, windowTokens: 4 },
      { threshold: Number.NaN, windowTokens: 4 },
      { threshold: 0.5, windowTokens: 0 },
      { threshold: 0.5, windowTokens: 2.5 },
    ]) {
      const answer = await ask(engine, 'Hello!', { check });
      expect(answer.result.ok).toBe(false);
      if (!answer.result.ok) expect(answer.result.error.code).toBe('invalid_request');
    }
    expect(outcomeOf(await ask(engine, 'Hello!', { check: CHECK })).text).toBe(TINY_GREETING_ANSWER);
  });
});

describe('confidence check on the unsure model', () => {
  let engine: LocalEngine;
  beforeAll(async () => {
    engine = await engineWith(UNSURE_MODEL_FILE);
  });

  it('stops early, unsure, with a confidence below the threshold, having generated at most the window', async () => {
    const answer = await ask(engine, 'Will it rain tomorrow?', { check: CHECK });
    const outcome = outcomeOf(answer);
    expect(outcome.unsure).toBeDefined();
    expect(outcome.unsure!.confidence).toBeLessThan(CHECK.threshold);
    // Each hesitant word has probability 1/8.
    expect(outcome.unsure!.confidence).toBeCloseTo(1 / 8, 3);
    expect(outcome.stats.meanConfidence).toBe(outcome.unsure!.confidence);
    expect(outcome.stopped).toBe(false);
    expect(outcome.stats.model).toBe(UNSURE_MODEL_NAME);
    expect(outcome.stats.tokens).toBeLessThanOrEqual(CHECK.windowTokens);
    // What it said so far is streamed and returned, and is only hesitation.
    expect(answer.chunks.join('')).toBe(outcome.text);
    expect(outcome.text).toMatch(HESITANT_START);
  });

  it('without a check answers to the end, unsure words and all', async () => {
    const outcome = outcomeOf(await ask(engine, 'Will it rain tomorrow?'));
    expect(outcome.text).toMatch(UNSURE_ANSWER_PATTERN);
    expect(outcome.stopped).toBe(false);
    expect(outcome.unsure).toBeUndefined();
    expect(outcome.stats.tokens).toBeGreaterThanOrEqual(5);
  });

  it('with a check it can pass, answers to the end and reports the mean it measured', async () => {
    const outcome = outcomeOf(await ask(engine, 'Will it rain tomorrow?', { check: { threshold: 0.1, windowTokens: 4 } }));
    expect(outcome.text).toMatch(UNSURE_ANSWER_PATTERN);
    expect(outcome.unsure).toBeUndefined();
    // Three words at 1/8, then " unclear" at ~1.
    expect(outcome.stats.meanConfidence).toBeCloseTo((3 / 8 + 1) / 4, 3);
  });

  it('judges an answer that ends inside the window on the whole answer: unsure, with all its text', async () => {
    // Six tokens: three at 1/8, three at ~1, mean 0.5625; the window of 100 never fills.
    const outcome = outcomeOf(await ask(engine, 'Will it rain tomorrow?', { check: { threshold: 0.6, windowTokens: 100 } }));
    expect(outcome.text).toMatch(UNSURE_ANSWER_PATTERN);
    expect(outcome.stopped).toBe(false);
    expect(outcome.unsure?.confidence).toBeCloseTo((3 / 8 + 3) / 6, 3);
  });

  it('after an unsure answer, the conversation goes on from the history the core keeps (the cloud answer)', async () => {
    const unsure = outcomeOf(await ask(engine, 'Will it rain?', { conversationId: 'U', check: CHECK }));
    expect(unsure.unsure).toBeDefined();
    const history: ChatTurn[] = [
      { role: 'user', content: 'Will it rain?' },
      { role: 'assistant', content: CLOUD_GREETING_ANSWER },
    ];
    const next = outcomeOf(await ask(engine, 'And the day after?', { conversationId: 'U', history }));
    expect(next.text).toMatch(UNSURE_ANSWER_PATTERN);
    const checked = outcomeOf(await ask(engine, 'And the day after?', { conversationId: 'U', history, check: CHECK }));
    expect(checked.unsure?.confidence).toBeLessThan(CHECK.threshold);
  });

  it('calls an unsure answer unsure when the first token settles it (window of one)', async () => {
    const outcome = outcomeOf(await ask(engine, 'Rain?', { check: { threshold: 0.5, windowTokens: 1 } }));
    expect(outcome.unsure?.confidence).toBeCloseTo(1 / 8, 3);
    expect(outcome.stopped).toBe(false);
    expect(outcome.stats.tokens).toBeLessThanOrEqual(1);
  });
});

// The benchmark model generates ~40 tokens/s here: slow enough to stop an answer while the check measures.
describe.skipIf(!existsSync(BENCH_MODEL_FILE))('confidence check on the benchmark model', () => {
  let engine: LocalEngine;
  beforeAll(async () => {
    // Greedy, so that an answer without the check is comparable token for token (the check itself
    // always measures greedily; after its window an answer samples with the model's settings).
    engine = await engineWith(BENCH_MODEL_FILE, { ...DEFAULT_MODEL_SETTINGS, temperature: 0, repeatPenalty: 1 });
  });

  it('stops a checked answer mid-window at once, and the worker really stops generating', async () => {
    // Threshold 0 never calls it unsure, so the answer runs until the stop, which comes inside the window.
    const answer = await askThenStop(engine, 'Write a long story.', 4, { maxTokens: 1000, check: { threshold: 0, windowTokens: 50 } });
    const outcome = outcomeOf(answer);
    expect(outcome.stopped).toBe(true);
    expect(outcome.unsure).toBeUndefined();
    expect(outcome.text).toBe(answer.chunks.slice(0, 5).join(''));
    expect(answer.resolvedAfterMs).toBeLessThan(2000);

    const started = performance.now();
    const next = outcomeOf(await ask(engine, 'Hi.', { maxTokens: 3 }));
    expect(next.stats.tokens).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('says the same greedy answer with a check as without, measuring only the window', async () => {
    const plain = outcomeOf(await ask(engine, 'Hi.', { maxTokens: 12 }));
    // The check measures 4 tokens, then hands over to plain evaluation for the other 8.
    const checked = outcomeOf(await ask(engine, 'Hi.', { maxTokens: 12, check: { threshold: 0, windowTokens: 4 } }));
    expect(checked.unsure).toBeUndefined();
    expect(checked.text).toBe(plain.text);
    expect(checked.stats.tokens).toBe(12);
    expect(checked.stats.meanConfidence).toBeGreaterThan(0);
    expect(checked.stats.meanConfidence).toBeLessThanOrEqual(1);
  });
});
