// The local engine end to end: a real worker process running node-llama-cpp on the generated models.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelStatus } from '../../src-main/contract/index.js';
import { createLocalEngine } from '../../src-main/local/engine-host.js';
import type { ChatTurn, LocalEngine } from '../../src-main/local/engine-types.js';
import { writeEmptyFile, writeNotGguf, writeTruncatedModel, writeUnloadableGguf } from '../fixtures/bad-models.js';
import { BENCH_MODEL_FILE, TINY_GREETING_ANSWER, TINY_KEYWORD, TINY_KEYWORD_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { ask, askThenStop, outcomeOf, waitForStatus } from '../support/engine-driver.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number, timeoutMs = 5000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return !isAlive(pid);
}

const engines: LocalEngine[] = [];
function newEngine(options: Parameters<typeof createLocalEngine>[0] = {}): LocalEngine {
  const engine = createLocalEngine(options);
  engines.push(engine);
  return engine;
}

let badDir: string;

beforeAll(() => {
  badDir = mkdtempSync(path.join(os.tmpdir(), 'duet-engine-'));
});

afterAll(async () => {
  const pids = engines.map((e) => e.workerPid()).filter((p): p is number => p !== null);
  await Promise.all(engines.map((e) => e.close()));
  for (const pid of pids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(badDir, { recursive: true, force: true });
});

describe('local engine on the tiny model', () => {
  let engine: LocalEngine;
  const statuses: ModelStatus[] = [];

  beforeAll(async () => {
    engine = newEngine();
    engine.onStatus((status) => statuses.push(status));
    await engine.load(TINY_MODEL_FILE);
  });

  it('loads the model: ready, named, with the GPU it runs on and the layers offloaded to it', () => {
    const status = engine.status();
    expect(status).toMatchObject({ state: 'ready', path: TINY_MODEL_FILE, name: 'duet-tiny-chat', error: null });
    expect(['cpu', 'cuda', 'vulkan', 'metal']).toContain(status.gpu);
    // On the CPU nothing is offloaded; on a GPU the fitting puts this tiny model there whole.
    if (status.gpu === 'cpu') expect(status.gpuLayers).toBe(0);
    else expect(status.gpuLayers).toBeGreaterThan(0);
    expect(statuses.map((s) => s.state)).toEqual(['loading', 'ready']);
    expect(engine.workerPid()).toEqual(expect.any(Number));
  });

  it('answers with the exact greeting, streamed in several chunks, with stats', async () => {
    const answer = await ask(engine, 'Hello there!');
    const outcome = outcomeOf(answer);
    expect(outcome.text).toBe(TINY_GREETING_ANSWER);
    expect(outcome.stopped).toBe(false);
    expect(answer.chunks.length).toBeGreaterThan(1);
    expect(answer.chunks.join('')).toBe(TINY_GREETING_ANSWER);
    expect(outcome.stats.model).toBe('duet-tiny-chat');
    expect(outcome.stats.ttftMs).toBeGreaterThan(0);
    expect(outcome.stats.tokens).toBeGreaterThanOrEqual(answer.chunks.length);
    expect(outcome.stats.tokensPerSecond).toBeGreaterThan(0);
  });

  it('answers with the keyword answer when the question has the keyword', async () => {
    const outcome = outcomeOf(await ask(engine, `What is the ${TINY_KEYWORD} like today?`));
    expect(outcome.text).toBe(TINY_KEYWORD_ANSWER);
  });

  it('keeps each conversation its own history when two are interleaved', async () => {
    // The tiny model answers the keyword answer whenever its conversation mentions the keyword, so
    // a second turn shows whose history the model saw.
    const a1 = outcomeOf(await ask(engine, `Tell me about the ${TINY_KEYWORD}.`, { conversationId: 'A' }));
    const b1 = outcomeOf(await ask(engine, 'Hi!', { conversationId: 'B' }));
    expect([a1.text, b1.text]).toEqual([TINY_KEYWORD_ANSWER, TINY_GREETING_ANSWER]);

    const historyA: ChatTurn[] = [
      { role: 'user', content: `Tell me about the ${TINY_KEYWORD}.` },
      { role: 'assistant', content: a1.text },
    ];
    const historyB: ChatTurn[] = [
      { role: 'user', content: 'Hi!' },
      { role: 'assistant', content: b1.text },
    ];
    const a2 = outcomeOf(await ask(engine, 'And tomorrow?', { conversationId: 'A', history: historyA }));
    const b2 = outcomeOf(await ask(engine, 'How are you?', { conversationId: 'B', history: historyB }));
    expect([a2.text, b2.text]).toEqual([TINY_KEYWORD_ANSWER, TINY_GREETING_ANSWER]);
  });

  it('rebuilds a conversation from the history it is given when it has none (as after a restart)', async () => {
    const history: ChatTurn[] = [
      { role: 'user', content: `Is the ${TINY_KEYWORD} nice?` },
      { role: 'assistant', content: TINY_KEYWORD_ANSWER },
    ];
    const fresh = outcomeOf(await ask(engine, 'Go on.', { conversationId: 'never-seen', history }));
    expect(fresh.text).toBe(TINY_KEYWORD_ANSWER);
    // And a history that differs from what the worker holds for a conversation replaces it.
    const rewritten = outcomeOf(await ask(engine, 'Go on.', { conversationId: 'never-seen', history: [] }));
    expect(rewritten.text).toBe(TINY_GREETING_ANSWER);
  });

  it('stops when asked: resolves stopped with the partial text, and the next question still works', async () => {
    const controller = new AbortController();
    const answer = await ask(engine, 'Hello!', { signal: controller.signal, onChunk: (_, index) => index === 0 && controller.abort() });
    const outcome = outcomeOf(answer);
    expect(outcome.stopped).toBe(true);
    expect(outcome.text).toBe(answer.chunks[0]);
    expect(TINY_GREETING_ANSWER.startsWith(outcome.text)).toBe(true);
    expect(outcome.text.length).toBeLessThan(TINY_GREETING_ANSWER.length);

    expect(outcomeOf(await ask(engine, 'Hello again!')).text).toBe(TINY_GREETING_ANSWER);
  });

  it('answers a question stopped before it started with an empty stopped answer', async () => {
    const controller = new AbortController();
    controller.abort();
    const answer = await ask(engine, 'Hello!', { signal: controller.signal });
    expect(outcomeOf(answer)).toMatchObject({ text: '', stopped: true });
    expect(answer.chunks).toEqual([]);
  });

  it('queues a second question asked while one runs; both get their full answers', async () => {
    const [first, second] = await Promise.all([ask(engine, 'Hello!'), ask(engine, `${TINY_KEYWORD}?`)]);
    expect(outcomeOf(first).text).toBe(TINY_GREETING_ANSWER);
    expect(outcomeOf(second).text).toBe(TINY_KEYWORD_ANSWER);
  });
});

describe('local engine with bad model files', () => {
  const cases: Array<{ what: string; file: () => string; code: string; message: RegExp }> = [
    { what: 'a missing file', file: () => path.join(badDir, 'missing.gguf'), code: 'model_missing', message: /^No model file at .*missing\.gguf\. Choose a \.gguf file/ },
    {
      what: 'a folder',
      file: () => {
        const folder = path.join(badDir, 'folder.gguf');
        mkdirSync(folder, { recursive: true });
        return folder;
      },
      code: 'model_invalid',
      message: /is a folder, not a model file/,
    },
    { what: 'an empty file', file: () => writeEmptyFile(badDir), code: 'model_invalid', message: /is not a GGUF model file: it is empty/ },
    { what: 'a file that is not GGUF', file: () => writeNotGguf(badDir), code: 'model_invalid', message: /not-a-model\.gguf is not a GGUF model file/ },
    { what: 'a truncated model', file: () => writeTruncatedModel(badDir), code: 'model_invalid', message: /is incomplete: .* download it again/ },
    {
      what: 'a GGUF llama.cpp cannot load',
      file: () => writeUnloadableGguf(badDir),
      code: 'model_load_failed',
      message: /Could not load .*unknown-architecture\.gguf: .*duet-unknown/,
    },
  ];

  // With no model loaded before (a failed load keeps a working one: engine-keep-model.test.ts).
  for (const { what, file, code, message } of cases) {
    it(`reports ${what} as ${code} with a clear message, then loads the good model`, async () => {
      const engine = newEngine();
      const loaded = await engine.load(file());
      expect(loaded).toEqual({ ok: false, error: { code, message: expect.stringMatching(message) } });
      const status = engine.status();
      expect(status.state).toBe('error');
      expect(status.error).toEqual(loaded.ok ? null : loaded.error);

      const answer = await ask(engine, 'Hello?');
      expect(answer.result).toEqual({ ok: false, error: status.error });

      expect(await engine.load(TINY_MODEL_FILE)).toMatchObject({ ok: true, value: { state: 'ready' } });
      expect(outcomeOf(await ask(engine, 'Hello?')).text).toBe(TINY_GREETING_ANSWER);
      await engine.close();
    });
  }

  it('answers model_missing when asked before any model is loaded', async () => {
    const fresh = newEngine();
    const answer = await ask(fresh, 'Hello?');
    expect(answer.result.ok).toBe(false);
    if (!answer.result.ok) expect(answer.result.error.code).toBe('model_missing');
    expect(fresh.workerPid()).toBeNull();
  });
});

describe('local engine when the worker dies', () => {
  it('ends the answer in flight with engine_crashed, restarts, and answers the next question', async () => {
    const engine = newEngine();
    await engine.load(TINY_MODEL_FILE);
    const statuses: ModelStatus[] = [];
    engine.onStatus((status) => statuses.push(status));
    const pid = engine.workerPid();
    if (pid === null) throw new Error('no worker');

    // Killed while the question is with the worker: the tiny model answers in milliseconds, so the
    // kill goes out with the request rather than after a token (the bench-model test below does that).
    const pending = ask(engine, 'Hello!');
    process.kill(pid, 'SIGKILL');
    const answer = await pending;
    expect(answer.result.ok).toBe(false);
    if (!answer.result.ok) {
      expect(answer.result.error.code).toBe('engine_crashed');
      expect(answer.result.error.message).toMatch(/^The local model stopped unexpectedly \(.*\)\. Your question is kept; send it again/);
    }

    const ready = await waitForStatus(engine, (s) => s.state === 'ready');
    expect(ready).toMatchObject({ state: 'ready', path: TINY_MODEL_FILE, name: 'duet-tiny-chat' });
    expect(statuses.map((s) => s.error?.code ?? s.state)).toEqual(['engine_crashed', 'loading', 'ready']);
    expect(engine.workerPid()).not.toBe(pid);
    expect(outcomeOf(await ask(engine, 'Hello again!')).text).toBe(TINY_GREETING_ANSWER);
  });

  it('restarts after a crash while idle, and a question asked meanwhile waits for the restart', async () => {
    const engine = newEngine();
    await engine.load(TINY_MODEL_FILE);
    const pid = engine.workerPid();
    if (pid === null) throw new Error('no worker');
    process.kill(pid, 'SIGKILL');
    await waitForStatus(engine, (s) => s.error?.code === 'engine_crashed');
    expect(outcomeOf(await ask(engine, 'Hello?')).text).toBe(TINY_GREETING_ANSWER);
  });

  it('stops restarting after repeated quick crashes, and a new load starts afresh', async () => {
    const engine = newEngine({ crashLimit: { crashes: 2, windowMs: 60_000 } });
    await engine.load(TINY_MODEL_FILE);
    const first = engine.workerPid()!;
    process.kill(first, 'SIGKILL');
    await waitForStatus(engine, (s) => s.state === 'ready' && engine.workerPid() !== first);
    process.kill(engine.workerPid()!, 'SIGKILL');
    const gaveUp = await waitForStatus(engine, (s) => s.state === 'error' && /crashed 2 times/.test(s.error?.message ?? ''));
    expect(gaveUp.error?.code).toBe('engine_crashed');
    expect(gaveUp.error?.message).toMatch(/stopped restarting it\. Load the model again/);
    await new Promise((r) => setTimeout(r, 300));
    expect(engine.status().state).toBe('error');
    expect(engine.workerPid()).toBeNull();

    const answer = await ask(engine, 'Hello?');
    expect(answer.result.ok || answer.result.error.code).toBe('engine_crashed');

    expect(await engine.load(TINY_MODEL_FILE)).toMatchObject({ ok: true, value: { state: 'ready' } });
    expect(outcomeOf(await ask(engine, 'Hello?')).text).toBe(TINY_GREETING_ANSWER);
  });

  it('close() ends the worker process', async () => {
    const engine = newEngine();
    await engine.load(TINY_MODEL_FILE);
    const pid = engine.workerPid()!;
    await engine.close();
    expect(await waitUntilGone(pid)).toBe(true);
    expect(engine.workerPid()).toBeNull();
  });
});

// The benchmark model generates ~40 tokens/s here: long enough to stop or kill an answer mid-stream.
describe.skipIf(!existsSync(BENCH_MODEL_FILE))('local engine on the benchmark model', () => {
  let engine: LocalEngine;
  beforeAll(async () => {
    engine = newEngine();
    expect(await engine.load(BENCH_MODEL_FILE)).toMatchObject({ ok: true, value: { state: 'ready' } });
  });

  it('stops a long answer mid-stream at once, and the worker really stops generating', async () => {
    const answer = await askThenStop(engine, 'Write a long story.', 4, { maxTokens: 1000 });
    const outcome = outcomeOf(answer);
    expect(outcome.stopped).toBe(true);
    expect(outcome.text).toBe(answer.chunks.slice(0, 5).join(''));
    expect(answer.resolvedAfterMs).toBeLessThan(2000);

    // Had the worker gone on to 1000 tokens (~25 s), this short answer would wait for it.
    const started = performance.now();
    const next = outcomeOf(await ask(engine, 'Hi.', { maxTokens: 3 }));
    expect(next.stats.tokens).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('ends an answer killed mid-stream with engine_crashed, keeping what was streamed, then recovers', async () => {
    const pid = engine.workerPid()!;
    const answer = await ask(engine, 'Write a long story.', {
      maxTokens: 1000,
      onChunk: (_, index) => index === 2 && process.kill(pid, 'SIGKILL'),
    });
    expect(answer.result.ok).toBe(false);
    if (!answer.result.ok) expect(answer.result.error.code).toBe('engine_crashed');
    expect(answer.chunks.length).toBeGreaterThanOrEqual(3);
    await waitForStatus(engine, (s) => s.state === 'ready' && engine.workerPid() !== pid, 60_000);
    expect(outcomeOf(await ask(engine, 'Hi.', { maxTokens: 3 })).stats.tokens).toBeGreaterThan(0);
  });
});
