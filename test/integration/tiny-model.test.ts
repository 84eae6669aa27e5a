// The generated GGUF models load in the real node-llama-cpp and behave as the tests downstream rely on.
import { existsSync } from 'node:fs';
import os from 'node:os';
import {
  getLlama,
  LlamaChatSession,
  type ChatWrapper,
  type Llama,
  type LlamaChatSessionRepeatPenalty,
  type LlamaContext,
  type LlamaContextSequence,
  type LlamaModel,
} from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BENCH_MODEL_FILE,
  TINY_GREETING_ANSWER,
  TINY_KEYWORD,
  TINY_KEYWORD_ANSWER,
  TINY_MODEL_FILE,
} from '../fixtures/fixture-facts.js';

// node-llama-cpp would otherwise pick at least 4 threads, which is very slow on 2 cores.
const threads = os.availableParallelism();

interface Sampling {
  label: string;
  temperature?: number;
  topK?: number;
  topP?: number;
  seed?: number;
  repeatPenalty?: false | LlamaChatSessionRepeatPenalty;
}
const samplings: Sampling[] = [
  { label: 'default settings' },
  { label: 'temperature 0', temperature: 0 },
  { label: 'temperature 0.8', temperature: 0.8, seed: 7 },
  { label: 'temperature 1.5, strong repeat penalty', temperature: 1.5, topK: 0, topP: 1, repeatPenalty: { penalty: 2, presencePenalty: 1 } },
];

let llama: Llama;
beforeAll(async () => {
  llama = await getLlama({ gpu: false });
});
afterAll(async () => {
  await llama?.dispose();
});

describe('tiny chat model', () => {
  let model: LlamaModel;
  let context: LlamaContext;
  let sequence: LlamaContextSequence;
  let chatWrapper: ChatWrapper;

  beforeAll(async () => {
    model = await llama.loadModel({ modelPath: TINY_MODEL_FILE });
    context = await model.createContext({ threads, contextSize: 2048 });
    // One sequence for all questions: a disposed sequence is reclaimed asynchronously, so
    // getSequence() right after dispose() fails with "No sequences left".
    sequence = context.getSequence();
    // Resolving the chat wrapper from the template is slow; do it once.
    chatWrapper = new LlamaChatSession({ contextSequence: sequence }).chatWrapper;
  });
  afterAll(async () => {
    await context?.dispose();
    await model?.dispose();
  });

  /** Asks one question in a fresh conversation. */
  async function ask(prompt: string, sampling: Sampling): Promise<string> {
    await sequence.clearHistory();
    const session = new LlamaChatSession({ contextSequence: sequence, chatWrapper });
    try {
      const { label: _label, ...options } = sampling;
      return await session.prompt(prompt, { ...options, maxTokens: 40 });
    } finally {
      session.dispose();
    }
  }

  it('loads without tokenizer warnings and uses the ChatML format', () => {
    expect(model.getWarnings()).toEqual([]);
    expect(chatWrapper.wrapperName).toBe('ChatML');
  });

  for (const sampling of samplings) {
    it(`greets with the fixed answer (${sampling.label})`, async () => {
      for (const prompt of ['Hi', 'Hello there', 'How are you?']) {
        expect(await ask(prompt, sampling)).toBe(TINY_GREETING_ANSWER);
      }
    });

    it(`answers the keyword prompt with the second answer (${sampling.label})`, async () => {
      for (const prompt of [`What is the ${TINY_KEYWORD} like today?`, TINY_KEYWORD, `Tell me about the ${TINY_KEYWORD}.`]) {
        expect(await ask(prompt, sampling)).toBe(TINY_KEYWORD_ANSWER);
      }
    });
  }

  it('still finds the keyword far back in a long prompt', async () => {
    const prompt = `${TINY_KEYWORD}? ${'Please answer briefly and kindly. '.repeat(40)}`;
    expect(await ask(prompt, { label: 'temperature 0.8', temperature: 0.8 })).toBe(TINY_KEYWORD_ANSWER);
  });
});

describe.skipIf(!existsSync(BENCH_MODEL_FILE))('bench model', () => {
  it('loads on CPU and generates tokens', async () => {
    const model = await llama.loadModel({ modelPath: BENCH_MODEL_FILE });
    const context = await model.createContext({ threads, contextSize: 512 });
    try {
      const session = new LlamaChatSession({ contextSequence: context.getSequence() });
      let tokens = 0;
      const answer = await session.prompt('Tell me a story.', {
        maxTokens: 8,
        temperature: 0.8,
        seed: 1,
        repeatPenalty: false, // the default repeat penalty slows this 16k-vocabulary model a lot
        onToken: (chunk) => {
          tokens += chunk.length;
        },
      });
      expect(tokens).toBeGreaterThan(0);
      expect(answer.length).toBeGreaterThan(0);
    } finally {
      await context.dispose();
      await model.dispose();
    }
  });
});
