// A question (with the conversation before it) longer than the local model's window: the engine says
// so instead of answering with part of it silently dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../src-main/local/engine-host.js';
import type { ChatTurn, LocalEngine } from '../../src-main/local/engine-types.js';
import { TINY_GREETING_ANSWER, TINY_KEYWORD, TINY_KEYWORD_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { createDuetCore } from '../../src-main/core/create-core.js';
import { askAndWait, waitForModel } from '../support/core-driver.js';
import { ask, outcomeOf } from '../support/engine-driver.js';
import { makeTempDir } from '../support/temp-dir.js';

let engine: LocalEngine;
let window: number;

beforeAll(async () => {
  engine = createLocalEngine();
  const loaded = await engine.load(TINY_MODEL_FILE);
  if (!loaded.ok || loaded.value.contextSize === null) throw new Error('the tiny model did not load');
  window = loaded.value.contextSize;
});

afterAll(async () => {
  await engine.close();
});

/** Filler text of about `tokens` characters (as many tokens or fewer). */
function filler(tokens: number): string {
  return 'lorem ipsum dolor sit amet '.repeat(Math.ceil(tokens / 27) + 1);
}

const TOO_LONG =
  /^This question and the conversation before it are too long for the local model \((\d+) tokens; its window holds (\d+), with room for an answer\)\. Start a new chat, shorten the question, or ask the cloud\.$/;

function tooLong(answer: Awaited<ReturnType<typeof ask>>): { tokens: number; window: number } {
  expect(answer.result.ok).toBe(false);
  if (answer.result.ok) throw new Error('answered');
  expect(answer.result.error.code).toBe('context_too_long');
  const match = TOO_LONG.exec(answer.result.error.message);
  expect(match, answer.result.error.message).not.toBeNull();
  return { tokens: Number(match![1]), window: Number(match![2]) };
}

describe('a prompt longer than the local window', () => {
  it('fails with context_too_long and the counts, instead of answering part of the question', async () => {
    // Tokens are rarely longer than four characters, so five times the window is well over it.
    const answer = await ask(engine, filler(window * 5));
    const counts = tooLong(answer);
    expect(counts.window).toBe(window);
    expect(counts.tokens).toBeGreaterThan(window);
    expect(answer.chunks).toEqual([]);
  });

  it('fails when the earlier turns make it too long, rather than dropping the oldest turns', async () => {
    // The tiny model answers its keyword answer when the conversation mentions the keyword: had the
    // first turn been dropped to fit, it would answer with the greeting.
    const history: ChatTurn[] = [
      { role: 'user', content: `Tell me about the ${TINY_KEYWORD}.` },
      { role: 'assistant', content: TINY_KEYWORD_ANSWER },
      { role: 'user', content: filler(window * 5) },
      { role: 'assistant', content: 'Noted.' },
    ];
    const counts = tooLong(await ask(engine, 'And now?', { history }));
    expect(counts.tokens).toBeGreaterThan(window);
  });

  it('answers a long conversation that fits, having seen all of it', async () => {
    const history: ChatTurn[] = [
      { role: 'user', content: `Tell me about the ${TINY_KEYWORD}.` },
      { role: 'assistant', content: TINY_KEYWORD_ANSWER },
      { role: 'user', content: filler(Math.floor(window / 8)) },
      { role: 'assistant', content: 'Noted.' },
    ];
    expect(outcomeOf(await ask(engine, 'And now?', { history })).text).toBe(TINY_KEYWORD_ANSWER);
    expect(outcomeOf(await ask(engine, 'Hello!')).text).toBe(TINY_GREETING_ANSWER);
  });
});

describe('a question too long for the local window, asked through the core', () => {
  it('ends the answer with the error and keeps the question', async () => {
    const temp = makeTempDir('context-limit');
    const core = await createDuetCore({ dataDir: temp.dir, modelPath: TINY_MODEL_FILE, version: 'test' });
    try {
      expect((await waitForModel(core)).state).toBe('ready');
      // The router's estimate (four characters a token) thinks this fits; the tiny model's tokenizer
      // spends about a token a character, so only the engine's exact count finds it too long.
      const question = filler(window * 2).trim();
      const { sent, answer } = await askAndWait(core, question);
      expect(answer.status).toBe('error');
      expect(answer.error?.code).toBe('context_too_long');
      expect(answer.error?.message).toMatch(TOO_LONG);
      const detail = await core.call('conversations.open', { id: sent.conversationId });
      expect(detail.ok && (detail.value as { messages: Array<{ role: string; content: string }> }).messages[0]).toMatchObject({ role: 'user', content: question });
    } finally {
      await core.close();
      temp.remove();
    }
  });
});
