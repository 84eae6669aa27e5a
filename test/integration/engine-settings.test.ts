// A model's own settings, end to end through a real worker running node-llama-cpp: the context it
// gets, the GPU facts it reports, how it samples (seed, temperature, length) and its system prompt.
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SETTINGS, ModelSettings } from '../../src-main/contract/index.js';
import { createLocalEngine } from '../../src-main/local/engine-host.js';
import type { LocalEngine } from '../../src-main/local/engine-types.js';
import { modelOptions, promptOptions, samplingOf } from '../../src-main/local/generation-settings.js';
import { BENCH_MODEL_FILE, TINY_GREETING_ANSWER, TINY_KEYWORD_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { ask, closeEngines, outcomeOf } from '../support/engine-driver.js';

/** The tiny fixture's `llama.context_length`. */
const TINY_TRAINED_CONTEXT = 4096;

const engines: LocalEngine[] = [];

/** An engine whose model settings are whatever `settings.current` holds when it loads or answers. */
function engineWith(initial: Partial<ModelSettings> = {}): { engine: LocalEngine; settings: { current: ModelSettings } } {
  const settings = { current: { ...DEFAULT_MODEL_SETTINGS, ...initial } };
  const engine = createLocalEngine({ modelSettings: () => settings.current });
  engines.push(engine);
  return { engine, settings };
}

afterAll(() => closeEngines(engines));

describe('model settings: defaults and validation', () => {
  it('defaults to sampling that does not loop (not greedy), automatic fit, and the Duet system prompt', () => {
    expect(ModelSettings.parse(DEFAULT_MODEL_SETTINGS)).toEqual(DEFAULT_MODEL_SETTINGS);
    expect(DEFAULT_MODEL_SETTINGS).toMatchObject({
      contextSize: 'auto',
      gpuLayers: 'auto',
      temperature: 0.7,
      topP: 0.9,
      topK: 40,
      minP: 0.05,
      repeatPenalty: 1.1,
      repeatLastTokens: 64,
      seed: null,
    });
    expect(DEFAULT_MODEL_SETTINGS.systemPrompt).toMatch(/Duet/);
  });

  it('refuses values llama.cpp cannot use', () => {
    for (const bad of [
      { temperature: -1 },
      { topP: 0 },
      { topK: 1.5 },
      { minP: 2 },
      { repeatPenalty: 0.5 },
      { seed: -1 },
      { maxTokens: 0 },
      { contextSize: 10 },
      { gpuLayers: -2 },
    ]) {
      expect(ModelSettings.safeParse({ ...DEFAULT_MODEL_SETTINGS, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('passes the settings to node-llama-cpp as they are, and a manual layer count as that number', () => {
    const custom: ModelSettings = { ...DEFAULT_MODEL_SETTINGS, temperature: 0.3, topP: 0.8, topK: 20, minP: 0.1, repeatPenalty: 1.2, repeatLastTokens: 128, seed: 7 };
    expect(promptOptions(99, samplingOf(custom))).toEqual({
      maxTokens: 99,
      temperature: 0.3,
      topP: 0.8,
      topK: 20,
      minP: 0.1,
      seed: 7,
      repeatPenalty: { penalty: 1.2, lastTokens: 128 },
      stopOnAbortSignal: true,
    });
    // No seed: a new one for every answer (node-llama-cpp's own would repeat within a second). Penalty 1: off.
    const loose = promptOptions(5, samplingOf({ ...custom, seed: null, repeatPenalty: 1 }));
    const seeds = new Set(Array.from({ length: 5 }, () => promptOptions(5, samplingOf({ ...custom, seed: null })).seed));
    expect(seeds.size).toBeGreaterThan(1);
    expect(loose.repeatPenalty).toBe(false);
    expect(modelOptions('m.gguf', { contextSize: 'auto', gpuLayers: 12 })).toEqual({ modelPath: 'm.gguf', gpuLayers: 12 });
    expect(modelOptions('m.gguf', { contextSize: 'auto', gpuLayers: 0 })).toEqual({ modelPath: 'm.gguf', gpuLayers: 0 });
    expect(modelOptions('m.gguf', { contextSize: 'auto', gpuLayers: 'auto' })).toEqual({ modelPath: 'm.gguf', gpuLayers: 'auto' });
    // A fixed context is what the automatic layer fit leaves room for.
    expect(modelOptions('m.gguf', { contextSize: 2048, gpuLayers: 'auto' })).toEqual({ modelPath: 'm.gguf', gpuLayers: { fitContext: { contextSize: 2048 } } });
  });
});

describe('context size and GPU facts on the tiny model', () => {
  it("'auto' gets the model's whole trained context, and reports the backend, devices, VRAM and layers", async () => {
    const { engine } = engineWith();
    const loaded = await engine.load(TINY_MODEL_FILE);
    expect(loaded.ok).toBe(true);
    const status = engine.status();
    expect(status).toMatchObject({ state: 'ready', contextSize: TINY_TRAINED_CONTEXT, trainedContextSize: TINY_TRAINED_CONTEXT, fitNote: null });
    if (status.gpu === 'cpu') {
      // This machine: no GPU, so nothing offloaded and no VRAM to speak of.
      expect(status).toMatchObject({ gpuLayers: 0, gpuDevices: [], vram: null });
    } else {
      expect(status.gpuDevices?.length).toBeGreaterThan(0);
      expect(status.vram?.totalBytes).toBeGreaterThan(0);
    }
  });

  it('uses a context size set by hand, and says so when it is more than the model was trained on', async () => {
    const { engine, settings } = engineWith({ contextSize: 1024 });
    await engine.load(TINY_MODEL_FILE);
    expect(engine.status()).toMatchObject({ state: 'ready', contextSize: 1024, fitNote: null });

    settings.current = { ...settings.current, contextSize: 16_384 };
    await engine.load(TINY_MODEL_FILE);
    const status = engine.status();
    expect(status.contextSize).toBe(TINY_TRAINED_CONTEXT);
    expect(status.fitNote).toBe(`The model was trained on ${TINY_TRAINED_CONTEXT} tokens, so its context is ${TINY_TRAINED_CONTEXT}, not 16384.`);
    expect(outcomeOf(await ask(engine, 'Hello')).text).toBe(TINY_GREETING_ANSWER);
  });

  it('CPU only (0 layers) and a manual layer count both load; without a GPU the note says it runs on the CPU', async () => {
    const { engine, settings } = engineWith({ gpuLayers: 0 });
    await engine.load(TINY_MODEL_FILE);
    expect(engine.status()).toMatchObject({ state: 'ready', gpuLayers: 0, fitNote: null });

    settings.current = { ...settings.current, gpuLayers: 3 };
    await engine.load(TINY_MODEL_FILE);
    const status = engine.status();
    expect(status.state).toBe('ready');
    if (status.gpu === 'cpu') {
      expect(status.gpuLayers).toBe(0);
      expect(status.fitNote).toBe('llama.cpp found no GPU it can use, so the model runs on the CPU.');
    } else {
      expect(status.gpuLayers).toBe(3);
    }
    expect(outcomeOf(await ask(engine, 'Hello')).text).toBe(TINY_GREETING_ANSWER);
  });
});

describe('sampling and the system prompt on the tiny model', () => {
  it('still answers its fixed text with the chat defaults, a hot temperature and no seed', async () => {
    const { engine, settings } = engineWith();
    await engine.load(TINY_MODEL_FILE);
    expect(outcomeOf(await ask(engine, 'Hello')).text).toBe(TINY_GREETING_ANSWER);
    settings.current = { ...settings.current, temperature: 1.5, topK: 0, minP: 0, topP: 1 };
    expect(outcomeOf(await ask(engine, 'Hello')).text).toBe(TINY_GREETING_ANSWER);
    expect(outcomeOf(await ask(engine, 'What is the weather?')).text).toBe(TINY_KEYWORD_ANSWER);
  });

  it('starts every conversation with the system prompt set for the model, also one already under way', async () => {
    const { engine, settings } = engineWith({ systemPrompt: 'x'.repeat(5000) });
    await engine.load(TINY_MODEL_FILE);
    // The tiny tokenizer spends about a token a character: this system prompt leaves no room for an answer.
    const refused = await ask(engine, 'Hello', { conversationId: 'c1' });
    expect(refused.result).toMatchObject({ ok: false, error: { code: 'context_too_long' } });

    settings.current = { ...settings.current, systemPrompt: 'Be brief.' };
    const first = outcomeOf(await ask(engine, 'Hello', { conversationId: 'c1' }));
    expect(first.text).toBe(TINY_GREETING_ANSWER);
    // Changed between two turns of the same conversation: the next turn is counted with the new one.
    settings.current = { ...settings.current, systemPrompt: 'y'.repeat(5000) };
    const next = await ask(engine, 'Hello again', {
      conversationId: 'c1',
      history: [
        { role: 'user', content: 'Hello' },
        { role: 'assistant', content: first.text },
      ],
    });
    expect(next.result).toMatchObject({ ok: false, error: { code: 'context_too_long' } });
  });
});

// The benchmark model has random weights: its next-token distribution is wide, so sampling shows.
// So wide that the last bits of a logit matter: the first evaluation of a prompt and one that reuses
// the cached prefix can pick differently. The test compares like with like: answer n of one engine
// with answer n of another, both started afresh with the same seed.
describe.skipIf(!existsSync(BENCH_MODEL_FILE))('sampling on the benchmark model', () => {
  const story = async (engine: LocalEngine): Promise<string[]> => [
    outcomeOf(await ask(engine, 'Tell me a story.')).text,
    outcomeOf(await ask(engine, 'Tell me a story.')).text,
  ];

  it('gives the same answers again with the same seed, other answers with another seed, and stops at the max tokens set', async () => {
    const sampled = { temperature: 1, seed: 42, maxTokens: 8 };
    const first = engineWith(sampled);
    await first.engine.load(BENCH_MODEL_FILE);
    const answers = await story(first.engine);
    await first.engine.close();

    const second = engineWith(sampled);
    await second.engine.load(BENCH_MODEL_FILE);
    expect(await story(second.engine)).toEqual(answers);
    expect(outcomeOf(await ask(second.engine, 'Tell me a story.')).stats.tokens).toBe(8);

    second.settings.current = { ...second.settings.current, seed: 4242 };
    expect(outcomeOf(await ask(second.engine, 'Tell me a story.')).text).not.toBe(answers[1]);

    second.settings.current = { ...second.settings.current, maxTokens: 4 };
    expect(outcomeOf(await ask(second.engine, 'Tell me a story.')).stats.tokens).toBe(4);
  });
});
