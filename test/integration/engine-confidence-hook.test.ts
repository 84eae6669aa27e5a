// The cascade's confidence hook against node-llama-cpp itself, in this process: it must see every
// token a LlamaChatSession generates, or no local answer would ever escalate, and nothing would say
// so (the engine's answers look the same either way). The hook patches LlamaContextSequence.evaluate
// (src-main/local/confidence-hook.ts explains why), which node-llama-cpp does not promise to keep
// calling: these tests fail, naming the cause, when an upgrade stops routing generation through it.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getLlama, LlamaChatSession, resolveChatWrapper, type Llama, type LlamaContext, type LlamaModel } from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchConfidence } from '../../src-main/local/confidence-hook.js';
import { ConfidenceWindow } from '../../src-main/local/confidence-window.js';
import { TINY_GREETING_ANSWER, TINY_MODEL_FILE, UNSURE_MODEL_FILE } from '../fixtures/fixture-facts.js';

/** The node-llama-cpp release the hook was last checked against, line by line (LlamaChat.js, LlamaContext.js). */
const HOOK_VERIFIED_WITH = '3.21.1';
const DISABLED =
  'node-llama-cpp no longer generates through LlamaContextSequence.evaluate, so the confidence hook ' +
  '(src-main/local/confidence-hook.ts) sees none of the tokens and the cascade never escalates an unsure answer. ' +
  'Find where LlamaChat now evaluates tokens and hook that instead.';

function packageVersion(file: string): string {
  return (
    (JSON.parse(fs.readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8')) as { version?: string; dependencies?: Record<string, string> }).version ?? ''
  );
}

let llama: Llama;
const opened: { model: LlamaModel; context: LlamaContext }[] = [];

beforeAll(async () => {
  llama = await getLlama({ gpu: false, progressLogs: false });
});
afterAll(async () => {
  for (const { context, model } of opened) {
    await context.dispose();
    await model.dispose();
  }
  await llama?.dispose();
});

async function sessionFor(modelPath: string): Promise<LlamaChatSession> {
  const model = await llama.loadModel({ modelPath, gpuLayers: 0 });
  const context = await model.createContext({ contextSize: 512, sequences: 1 });
  opened.push({ model, context });
  return new LlamaChatSession({ contextSequence: context.getSequence(), chatWrapper: resolveChatWrapper(model) });
}

/** A window that measures every token and never calls an answer unsure, recording each confidence. */
function recordingWindow(threshold = 0, windowTokens = 10_000): { window: ConfidenceWindow; seen: number[] } {
  const window = new ConfidenceWindow({ threshold, windowTokens });
  const seen: number[] = [];
  const add = window.add.bind(window);
  window.add = (confidence: number) => {
    seen.push(confidence);
    return add(confidence);
  };
  return { window, seen };
}

/** Asks once, greedily, from an empty conversation; returns the text and how many tokens were generated. */
async function answer(session: LlamaChatSession, prompt: string, signal?: AbortSignal): Promise<{ text: string; tokens: number }> {
  session.resetChatHistory();
  let tokens = 0;
  let text = '';
  try {
    text = await session.prompt(prompt, { temperature: 0, maxTokens: 48, onToken: (t) => (tokens += t.length), ...(signal ? { signal, stopOnAbortSignal: true } : {}) });
  } catch (error) {
    if (!signal?.aborted) throw error;
  }
  return { text, tokens };
}

describe('confidence hook on node-llama-cpp', () => {
  it(`runs on the node-llama-cpp it was verified with (${HOOK_VERIFIED_WITH}): an upgrade must re-check the hook`, () => {
    const installed = packageVersion('../../node_modules/node-llama-cpp/package.json');
    expect(installed, `node-llama-cpp ${installed} is installed; re-check src-main/local/confidence-hook.ts against it, then update HOOK_VERIFIED_WITH`).toBe(
      HOOK_VERIFIED_WITH,
    );
  });

  it('measures every token a LlamaChatSession generates, and changes nothing in the answer', async () => {
    const session = await sessionFor(TINY_MODEL_FILE);
    const plain = await answer(session, 'Hello there!');
    expect(plain.text).toBe(TINY_GREETING_ANSWER);

    const sequence = session.sequence;
    const { window, seen } = recordingWindow();
    const unhook = watchConfidence(sequence, window, () => {});
    let hooked: { text: string; tokens: number };
    try {
      hooked = await answer(session, 'Hello there!');
    } finally {
      unhook();
    }
    expect(seen.length, DISABLED).toBeGreaterThan(0);
    // Every token the answer reports, and the end-of-generation token it sampled but does not report.
    expect(seen.length, DISABLED).toBeGreaterThanOrEqual(hooked.tokens);
    expect(seen.length).toBeLessThanOrEqual(hooked.tokens + 1);
    for (const c of seen) {
      expect(c).toBeGreaterThan(0);
      expect(c).toBeLessThanOrEqual(1);
    }
    expect(hooked).toEqual(plain);
    // Taken off again: the sequence evaluates through node-llama-cpp's own method.
    expect(Object.hasOwn(sequence, 'evaluate')).toBe(false);
  });

  it('tells an unsure model apart, and its verdict can stop the answer', async () => {
    const session = await sessionFor(UNSURE_MODEL_FILE);
    // Each hesitant word has probability 1/8: after three of them a 4-token window cannot reach 0.5.
    const { window, seen } = recordingWindow(0.5, 4);
    const controller = new AbortController();
    let unsure = 0;
    const unhook = watchConfidence(session.sequence, window, () => {
      unsure++;
      controller.abort();
    });
    try {
      await answer(session, 'Will it rain tomorrow?', controller.signal);
    } finally {
      unhook();
    }
    expect(seen.length, DISABLED).toBeGreaterThan(0);
    expect(unsure, 'the hook measured the tokens but never found the unsure model unsure').toBe(1);
    expect(window.verdict).toBe('unsure');
    expect(window.mean!).toBeLessThan(0.5);
    expect(seen.length).toBeLessThanOrEqual(4);
  });
});
