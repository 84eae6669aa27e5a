// The generated GGUF models load in the real node-llama-cpp and behave as the tests downstream rely on.
import { existsSync } from 'node:fs';
import { getLlama, LlamaChatSession } from 'node-llama-cpp';
import { describe, expect, it } from 'vitest';
import { BENCH_MODEL_FILE, TINY_GREETING_ANSWER, TINY_KEYWORD, TINY_KEYWORD_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { SAMPLINGS, threads, useBareChat } from '../support/bare-chat.js';

describe('tiny chat model', () => {
  const { ask, model, chatWrapper } = useBareChat(TINY_MODEL_FILE);

  it('loads without tokenizer warnings and uses the ChatML format', () => {
    expect(model().getWarnings()).toEqual([]);
    expect(chatWrapper().wrapperName).toBe('ChatML');
  });

  for (const sampling of SAMPLINGS) {
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
    const llama = await getLlama({ gpu: false });
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
      await llama.dispose();
    }
  });
});
