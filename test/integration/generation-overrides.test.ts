// A request's own generation options (an OpenAI client's system prompt, temperature, top-p, length,
// stop texts and seed), end to end: through a real worker running node-llama-cpp on the fixture
// models, and through the real `openai` SDK to the loopback cloud, which records what it received.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SETTINGS, type GenerationOverrides } from '../../src-main/contract/index.js';
import { createCloudProvider, maxTokensFieldOf, type CloudProviderConfig, type CloudRequest } from '../../src-main/cloud/cloud-provider.js';
import { createLocalEngine } from '../../src-main/local/engine-host.js';
import type { GenerateRequest, LocalEngine } from '../../src-main/local/engine-types.js';
import { TINY_GREETING_ANSWER, TINY_KEYWORD_ANSWER, TINY_MODEL_FILE, UNSURE_ANSWER_PATTERN, UNSURE_HESITATIONS, UNSURE_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { closeEngines, outcomeOf, type Answer } from '../support/engine-driver.js';
import { startLoopbackCloud, type LoopbackCloud } from '../support/loopback-cloud.js';

const engines: LocalEngine[] = [];
let tiny: LocalEngine;
let unsure: LocalEngine;
let conversations = 0;

beforeAll(async () => {
  tiny = createLocalEngine();
  unsure = createLocalEngine();
  engines.push(tiny, unsure);
  for (const [engine, file] of [
    [tiny, TINY_MODEL_FILE],
    [unsure, UNSURE_MODEL_FILE],
  ] as const) {
    const loaded = await engine.load(file);
    if (!loaded.ok) throw new Error(`the fixture model did not load: ${loaded.error.message}`);
  }
});
afterAll(() => closeEngines(engines));

/** Asks with the given overrides (a new conversation unless `request` names one) and collects the streamed chunks. */
async function askWith(engine: LocalEngine, prompt: string, overrides: GenerationOverrides | undefined, request: Partial<GenerateRequest> = {}): Promise<Answer> {
  const chunks: string[] = [];
  const result = await engine.generate(
    { conversationId: `overrides-${++conversations}`, history: [], prompt, ...(overrides ? { overrides } : {}), ...request },
    (chunk) => chunks.push(chunk),
    new AbortController().signal,
  );
  return { result, chunks };
}

async function textOf(engine: LocalEngine, prompt: string, overrides: GenerationOverrides): Promise<string> {
  return outcomeOf(await askWith(engine, prompt, overrides)).text;
}

describe('per-request options on the local model', () => {
  it('ends the answer where a stop text begins, leaving the stop text out of the answer and of the stream', async () => {
    const stopped = await askWith(tiny, 'Hello', { stop: ['tiny'] });
    const outcome = outcomeOf(stopped);
    expect(outcome.text.trimEnd()).toBe('Hello from the');
    expect(outcome.text).not.toContain('tiny');
    expect(stopped.chunks.join('')).toBe(outcome.text);
    expect(outcome.stopped).toBe(false);

    // The first of several stop texts the answer reaches ends it; one it never says changes nothing.
    expect((await textOf(tiny, 'Hello', { stop: ['nowhere', 'model', 'from'] })).trimEnd()).toBe('Hello');
    expect(await textOf(tiny, 'Hello', { stop: ['nowhere'] })).toBe(TINY_GREETING_ANSWER);
  });

  it('stops at the request’s own answer length, over the request’s and the model’s', async () => {
    const short = outcomeOf(await askWith(tiny, 'Hello', { maxTokens: 3 }, { maxTokens: 50 }));
    expect(short.stats.tokens).toBe(3);
    expect(short.text).toBe('Hello from the');
    expect(outcomeOf(await askWith(tiny, 'Hello', {})).text).toBe(TINY_GREETING_ANSWER);
  });

  it('puts the request’s system prompt in the chat, and a new one for the same conversation is not answered from the old one', async () => {
    // The tiny model switches answers when the keyword is anywhere in what it reads, system prompt included.
    const conversationId = 'system-switch';
    const weather = outcomeOf(await askWith(tiny, 'Hello', { system: 'Talk about the weather.' }, { conversationId }));
    expect(weather.text).toBe(TINY_KEYWORD_ANSWER);
    const history: GenerateRequest['history'] = [
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: weather.text },
    ];
    expect(outcomeOf(await askWith(tiny, 'Hello again', { system: 'Be brief.' }, { conversationId, history })).text).toBe(TINY_GREETING_ANSWER);
    expect(outcomeOf(await askWith(tiny, 'Hello again', { system: 'The weather, please.' }, { conversationId, history })).text).toBe(TINY_KEYWORD_ANSWER);
    // '' is no system prompt at all; absent is the model's own.
    expect(outcomeOf(await askWith(tiny, 'Hello again', { system: '' }, { conversationId, history })).text).toBe(TINY_GREETING_ANSWER);
    expect(DEFAULT_MODEL_SETTINGS.systemPrompt).not.toMatch(/weather/i);
    expect(outcomeOf(await askWith(tiny, 'Hello again', undefined, { conversationId, history })).text).toBe(TINY_GREETING_ANSWER);
  });

  it('replaces the system prompt of the model’s settings', async () => {
    const engine = createLocalEngine({ modelSettings: () => ({ ...DEFAULT_MODEL_SETTINGS, systemPrompt: 'Always mention the weather.' }) });
    engines.push(engine);
    expect((await engine.load(TINY_MODEL_FILE)).ok).toBe(true);
    expect(await textOf(engine, 'Hello', {})).toBe(TINY_KEYWORD_ANSWER);
    expect(await textOf(engine, 'Hello', { system: 'Be brief.' })).toBe(TINY_GREETING_ANSWER);
    await engine.close();
  });

  // The unsure model's first three words are fair draws among eight (flat logits), so sampling shows.
  const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

  it('gives the same answer again for the same seed and temperature, and other answers for other seeds', async () => {
    const first = await textOf(unsure, 'Hi', { seed: 42, temperature: 1 });
    expect(first).toMatch(UNSURE_ANSWER_PATTERN);
    expect(await textOf(unsure, 'Hi', { seed: 42, temperature: 1 })).toBe(first);
    const sampled = new Set<string>();
    for (const seed of SEEDS) sampled.add(await textOf(unsure, 'Hi', { seed, temperature: 1 }));
    expect(sampled.size).toBeGreaterThan(1);
    // Any integer is a seed, as in OpenAI, taken modulo 2^32 - 1: llama.cpp's own 2^32 - 1 would mean "random".
    expect(await textOf(unsure, 'Hi', { seed: -1, temperature: 1 })).toBe(await textOf(unsure, 'Hi', { seed: 2 ** 32 - 2, temperature: 1 }));
    const top = new Set<string>();
    for (let i = 0; i < 4; i++) top.add(await textOf(unsure, 'Hi', { seed: 2 ** 32 - 1, temperature: 1 }));
    expect(top.size).toBe(1);
  });

  it('decodes greedily at temperature 0, and keeps only the likeliest word under a small top-p, whatever the seed', async () => {
    const greedy = new Set<string>();
    const narrow = new Set<string>();
    for (const seed of SEEDS) {
      greedy.add(await textOf(unsure, 'Hi', { seed, temperature: 0 }));
      narrow.add(await textOf(unsure, 'Hi', { seed, temperature: 1, topP: 0.1 }));
    }
    expect(greedy.size).toBe(1);
    expect(narrow.size).toBe(1);
    expect([...greedy, ...narrow].every((text) => UNSURE_ANSWER_PATTERN.test(text))).toBe(true);
  });

  it('still measures confidence greedily over the whole vocabulary when a request sets its own sampling', async () => {
    // Under top-p 0.1 the chosen word would look certain; the check measures before sampling narrows it.
    const checked = outcomeOf(
      await askWith(unsure, 'Hi', { temperature: 1.5, topP: 0.1, seed: 3 }, { confidenceCheck: { threshold: 0.5, windowTokens: UNSURE_HESITATIONS.length } }),
    );
    expect(checked.unsure?.confidence).toBeCloseTo(1 / 8, 2);
  });

  it('refuses options out of range, saying which, and answers the next request', async () => {
    const cases: [GenerationOverrides, RegExp][] = [
      [{ temperature: 3 }, /temperature/],
      [{ topP: 1.5 }, /top-p/],
      [{ maxTokens: 0 }, /length/],
      [{ stop: [''] }, /stop/],
      [{ seed: 1.5 }, /seed/],
    ];
    for (const [bad, words] of cases) {
      const refused = await askWith(tiny, 'Hello', bad);
      expect(refused.result, JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(words) } });
    }
    expect(await textOf(tiny, 'Hello', { temperature: 2, topP: 0 })).toBe(TINY_GREETING_ANSWER);
  });
});

describe('per-request options passed on to the cloud', () => {
  let cloud: LoopbackCloud;
  beforeAll(async () => {
    cloud = await startLoopbackCloud();
  });
  afterAll(async () => {
    await cloud?.stop();
  });

  /** Sends one request through the real SDK and returns the body the loopback cloud received. */
  async function sent(request: CloudRequest, config: Partial<CloudProviderConfig> = {}): Promise<Record<string, unknown>> {
    const before = cloud.chatBodies().length;
    const provider = createCloudProvider({ baseUrl: cloud.baseUrl, model: cloud.model, apiKey: null, maxRetries: 0, timeoutMs: 30_000, ...config });
    const result = await provider.generate(request, () => undefined, new AbortController().signal);
    if (!result.ok) throw new Error(`expected an answer, got ${result.error.code}: ${result.error.message}`);
    const bodies = cloud.chatBodies();
    expect(bodies).toHaveLength(before + 1);
    return bodies.at(-1) as Record<string, unknown>;
  }

  it('sends temperature, top_p, max_tokens, stop, seed and the request’s system message first, as given', async () => {
    const body = await sent({
      history: [
        { role: 'user', content: 'Earlier' },
        { role: 'assistant', content: 'Reply' },
      ],
      prompt: 'Hi',
      systemPrompt: 'You are Duet.',
      overrides: { system: 'Answer in French.', temperature: 0.2, topP: 0.5, maxTokens: 3, stop: ['END', 'STOP'], seed: 7 },
    });
    expect(body).toMatchObject({ temperature: 0.2, top_p: 0.5, max_tokens: 3, stop: ['END', 'STOP'], seed: 7 });
    expect(body).not.toHaveProperty('max_completion_tokens');
    expect(body.messages).toEqual([
      { role: 'system', content: 'Answer in French.' },
      { role: 'user', content: 'Earlier' },
      { role: 'assistant', content: 'Reply' },
      { role: 'user', content: 'Hi' },
    ]);
  });

  it('sends none of them when the request sets none, so the server’s defaults apply', async () => {
    const body = await sent({ history: [], prompt: 'Hi', systemPrompt: 'You are Duet.' });
    for (const field of ['temperature', 'top_p', 'max_tokens', 'max_completion_tokens', 'stop', 'seed']) expect(body).not.toHaveProperty(field);
    expect(body.messages).toEqual([
      { role: 'system', content: 'You are Duet.' },
      { role: 'user', content: 'Hi' },
    ]);
    // An empty system prompt of the request's own sends no system message at all.
    const none = await sent({ history: [], prompt: 'Hi', systemPrompt: 'You are Duet.', overrides: { system: '' } });
    expect(none.messages).toEqual([{ role: 'user', content: 'Hi' }]);
  });

  it('names the length max_completion_tokens for OpenAI itself, max_tokens for every other server', async () => {
    const body = await sent({ history: [], prompt: 'Hi', overrides: { maxTokens: 2 } }, { maxTokensField: 'max_completion_tokens' });
    expect(body).toMatchObject({ max_completion_tokens: 2 });
    expect(body).not.toHaveProperty('max_tokens');
    expect(maxTokensFieldOf({ baseUrl: 'https://api.openai.com/v1' })).toBe('max_completion_tokens');
    for (const baseUrl of ['https://api.mistral.ai/v1', 'http://localhost:11434/v1', 'https://openrouter.ai/api/v1', cloud.baseUrl]) {
      expect(maxTokensFieldOf({ baseUrl }), baseUrl).toBe('max_tokens');
    }
    expect(maxTokensFieldOf({ baseUrl: 'https://example.openai.azure.com', azure: { apiVersion: '2024-10-21' } })).toBe('max_tokens');
  });
});
