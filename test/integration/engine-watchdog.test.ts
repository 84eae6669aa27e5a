// A frozen engine worker (SIGSTOP on its pid): the watchdog ends the answer or the load in hand with a
// clear message, restarts the worker, and the next question is answered.
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalEngine, type LocalEngineOptions } from '../../src-main/local/engine-host.js';
import type { LocalEngine } from '../../src-main/local/engine-types.js';
import { BENCH_MODEL_FILE, TINY_GREETING_ANSWER, TINY_MODEL_FILE, UNSURE_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { ask, closeEngines, outcomeOf, waitForStatus } from '../support/engine-driver.js';

// Short for the test; a healthy worker beats every second, so even a busy machine stays well inside it.
const WATCHDOG_MS = 4000;

const engines: LocalEngine[] = [];
const stopped: number[] = [];

async function readyEngine(modelPath: string, options: LocalEngineOptions = {}): Promise<LocalEngine> {
  const engine = createLocalEngine({ watchdogMs: WATCHDOG_MS, ...options });
  engines.push(engine);
  expect(await engine.load(modelPath)).toMatchObject({ ok: true, value: { state: 'ready' } });
  return engine;
}

function freeze(pid: number): void {
  stopped.push(pid);
  process.kill(pid, 'SIGSTOP');
}

// Whatever a failing test left stopped must not linger.
afterAll(() => closeEngines(engines, stopped));

describe('the engine watchdog', () => {
  it('ends an answer whose worker froze with a clear message, restarts it, and answers the next question', async () => {
    const engine = await readyEngine(TINY_MODEL_FILE);
    const pid = engine.workerPid()!;
    // Stopped with the question on its way: the worker never answers it.
    const pending = ask(engine, 'Hello!');
    freeze(pid);
    const answer = await pending;
    expect(answer.result).toEqual({
      ok: false,
      error: {
        code: 'engine_crashed',
        message: expect.stringMatching(/^The local model stopped responding for \d+ s, so Duet restarted it\. Send your question again\.$/),
      },
    });
    const ready = await waitForStatus(engine, (s) => s.state === 'ready' && engine.workerPid() !== pid);
    expect(ready).toMatchObject({ path: TINY_MODEL_FILE, error: null });
    expect(outcomeOf(await ask(engine, 'Hello again!')).text).toBe(TINY_GREETING_ANSWER);
  });

  it('ends a load whose worker froze with an error, keeps the model that was working, and answers', async () => {
    const engine = await readyEngine(TINY_MODEL_FILE);
    const pid = engine.workerPid()!;
    const pending = engine.load(UNSURE_MODEL_FILE);
    // The file check runs in this process first; stop the worker once the load is in its hands.
    await waitForStatus(engine, (s) => s.state === 'loading');
    await new Promise((resolve) => setTimeout(resolve, 50));
    freeze(pid);
    const loaded = await pending;
    expect(loaded).toEqual({
      ok: false,
      error: {
        code: 'model_load_failed',
        message: expect.stringMatching(/^Loading .*unsure-chat\.gguf stopped responding for \d+ s, so Duet stopped it\..* Duet is still using duet-tiny-chat\.$/),
      },
    });
    expect(engine.status()).toMatchObject({ state: 'ready', path: TINY_MODEL_FILE });
    expect(engine.workerPid()).not.toBe(pid);
    expect(outcomeOf(await ask(engine, 'Hello?')).text).toBe(TINY_GREETING_ANSWER);
  });

  it('close() ends a frozen worker too', async () => {
    const engine = await readyEngine(TINY_MODEL_FILE);
    const pid = engine.workerPid()!;
    freeze(pid);
    await engine.close();
    expect(() => process.kill(pid, 0)).toThrow();
  });
});

// The benchmark model takes seconds to load and streams for many seconds: a healthy worker keeps
// beating through both, so the watchdog must not fire; a frozen one mid-stream is caught.
describe.skipIf(!existsSync(BENCH_MODEL_FILE))('the engine watchdog on the benchmark model', () => {
  it('lets a long load and a long answer run, and catches a freeze mid-stream', async () => {
    const engine = await readyEngine(BENCH_MODEL_FILE, { watchdogMs: 2500 });
    const first = engine.workerPid()!;
    const long = outcomeOf(await ask(engine, 'Write a long story.', { maxTokens: 200 }));
    expect(long.stats.tokens).toBeGreaterThan(100);
    expect(engine.workerPid()).toBe(first);

    const answer = await ask(engine, 'Write a long story.', { maxTokens: 1000, onChunk: (_, index) => index === 3 && freeze(first) });
    expect(answer.result.ok || answer.result.error.message).toMatch(/stopped responding for \d+ s, so Duet restarted it/);
    expect(answer.chunks.length).toBeGreaterThanOrEqual(4);
    await waitForStatus(engine, (s) => s.state === 'ready' && engine.workerPid() !== first);
    expect(outcomeOf(await ask(engine, 'Hi.', { maxTokens: 3 })).stats.tokens).toBeGreaterThan(0);
  });
});
