// The loopback cloud's fixture model loads in the real node-llama-cpp and answers its own fixed
// sentence, unlike the local tiny model, whatever the prompt and the sampling settings.
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
import { CLOUD_GREETING_ANSWER, CLOUD_MODEL_FILE, CLOUD_MODEL_NAME, TINY_GREETING_ANSWER, TINY_KEYWORD } from '../fixtures/fixture-facts.js';

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

describe('cloud fixture model', () => {
  let llama: Llama;
  let model: LlamaModel;
  let context: LlamaContext;
  let sequence: LlamaContextSequence;
  let chatWrapper: ChatWrapper;

  beforeAll(async () => {
    llama = await getLlama({ gpu: false });
    model = await llama.loadModel({ modelPath: CLOUD_MODEL_FILE });
    context = await model.createContext({ threads, contextSize: 2048 });
    sequence = context.getSequence();
    chatWrapper = new LlamaChatSession({ contextSequence: sequence }).chatWrapper;
  });
  afterAll(async () => {
    await context?.dispose();
    await model?.dispose();
    await llama?.dispose();
  });

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

  it('loads without tokenizer warnings, in the ChatML format, under its own name', () => {
    expect(model.getWarnings()).toEqual([]);
    expect(chatWrapper.wrapperName).toBe('ChatML');
    expect(model.fileInfo.metadata.general.name).toBe(CLOUD_MODEL_NAME);
  });

  for (const sampling of samplings) {
    it(`answers "${CLOUD_GREETING_ANSWER}" to any prompt (${sampling.label})`, async () => {
      // The local model's keyword switches nothing here: the cloud model has a single answer.
      for (const prompt of ['Hi', 'Hello there', `What is the ${TINY_KEYWORD} like today?`]) {
        const answer = await ask(prompt, sampling);
        expect(answer).toBe(CLOUD_GREETING_ANSWER);
        expect(answer).not.toBe(TINY_GREETING_ANSWER);
      }
    });
  }
});
