// Bare node-llama-cpp on a fixture model, for the tests that check the fixtures themselves.
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
import { afterAll, beforeAll } from 'vitest';

// node-llama-cpp would otherwise pick at least 4 threads, which is very slow on 2 cores.
export const threads = os.availableParallelism();

export interface Sampling {
  label: string;
  temperature?: number;
  topK?: number;
  topP?: number;
  seed?: number;
  repeatPenalty?: false | LlamaChatSessionRepeatPenalty;
}

/** Sampling settings a deterministic fixture must answer the same under. */
export const SAMPLINGS: Sampling[] = [
  { label: 'default settings' },
  { label: 'temperature 0', temperature: 0 },
  { label: 'temperature 0.8', temperature: 0.8, seed: 7 },
  { label: 'temperature 1.5, strong repeat penalty', temperature: 1.5, topK: 0, topP: 1, repeatPenalty: { penalty: 2, presencePenalty: 1 } },
];

export interface BareChat {
  model: () => LlamaModel;
  sequence: () => LlamaContextSequence;
  chatWrapper: () => ChatWrapper;
  /** Asks one question in a fresh conversation. */
  ask: (prompt: string, sampling?: Sampling) => Promise<string>;
}

/**
 * Loads a model for the enclosing describe block (beforeAll/afterAll) with one sequence for all
 * questions: a disposed sequence is reclaimed asynchronously, so getSequence() right after
 * dispose() fails with "No sequences left". The chat wrapper is resolved once (it is slow).
 */
export function useBareChat(modelPath: string, contextSize = 2048): BareChat {
  let llama: Llama;
  let model: LlamaModel;
  let context: LlamaContext;
  let sequence: LlamaContextSequence;
  let chatWrapper: ChatWrapper;
  beforeAll(async () => {
    llama = await getLlama({ gpu: false });
    model = await llama.loadModel({ modelPath });
    context = await model.createContext({ threads, contextSize });
    sequence = context.getSequence();
    chatWrapper = new LlamaChatSession({ contextSequence: sequence }).chatWrapper;
  });
  afterAll(async () => {
    await context?.dispose();
    await model?.dispose();
    await llama?.dispose();
  });
  return {
    model: () => model,
    sequence: () => sequence,
    chatWrapper: () => chatWrapper,
    async ask(prompt, sampling = { label: 'default settings' }) {
      await sequence.clearHistory();
      const session = new LlamaChatSession({ contextSequence: sequence, chatWrapper });
      try {
        const { label: _label, ...options } = sampling;
        return await session.prompt(prompt, { ...options, maxTokens: 40 });
      } finally {
        session.dispose();
      }
    },
  };
}
