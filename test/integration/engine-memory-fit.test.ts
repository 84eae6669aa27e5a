// Issue 9, item 6: a load that fails for lack of memory retries with a smaller context and says so,
// instead of failing or crashing. Each test caps a real worker's memory (RLIMIT_DATA via prlimit,
// measured from what the worker holds with the tiny model loaded), so llama.cpp's allocation of a
// KV cache past the cap really fails. node-llama-cpp's own estimate looks at the machine's free RAM,
// not at this cap, so it lets the first try through: the failure is the allocation's, as when memory
// runs out between the estimate and the load. The model is the tiny model with wide attention (64 KiB
// of KV cache per token), so that a few thousand tokens of context cost hundreds of MiB.
//
// Headroom values are measured, not guessed: the worker's context needs its KV cache plus ~120 MiB
// (compute buffers, graph). Each value sits mid-way between two of node-llama-cpp's shrink steps
// (16 % apart), at least 50 MiB from either, so the outcome is the same on every run.
//
// Not here: the case where no context fits at all. With so little room (150 MiB) the worker itself
// can run out of memory before llama.cpp reports a clean failure: one CI run in about eight hung
// past the test's timeout, so that path (its "not enough memory to run it" message) has no test yet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../../src-main/contract/index.js';
import { createLocalEngine } from '../../src-main/local/engine-host.js';
import type { LocalEngine } from '../../src-main/local/engine-types.js';
import { TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { ask, closeEngines, outcomeOf } from '../support/engine-driver.js';
import { makeTempDir } from '../support/temp-dir.js';
import { WIDE_KV_BYTES_PER_TOKEN, WIDE_TRAINED_CONTEXT, writeWideKvModel } from '../support/wide-kv-model.js';
import { capWorkerMemory, PRLIMIT } from '../support/worker-memory.js';

const MiB = 1024 * 1024;
/** Room for ~9600 tokens of the wide model's context (600 MiB of KV cache), not for 11 400. */
const ROOMY = 790 * MiB;

let temp: ReturnType<typeof makeTempDir>;
let wideModel: string;
const engines: LocalEngine[] = [];

/**
 * An engine with the tiny model loaded and answering, its worker then capped at `headroom` more
 * memory. The wide model runs on the CPU (its KV cache in RAM, where the cap applies) with `wide`.
 */
async function cappedEngine(headroom: number, wide: Partial<ModelSettings>): Promise<{ engine: LocalEngine; pid: number }> {
  const engine = createLocalEngine({
    modelSettings: (modelPath) => (modelPath === wideModel ? { ...DEFAULT_MODEL_SETTINGS, gpuLayers: 0, ...wide } : DEFAULT_MODEL_SETTINGS),
  });
  engines.push(engine);
  expect((await engine.load(TINY_MODEL_FILE)).ok).toBe(true);
  expect(outcomeOf(await ask(engine, 'Hello')).text).toBe(TINY_GREETING_ANSWER);
  const pid = engine.workerPid();
  if (pid === null) throw new Error('the engine has no worker');
  capWorkerMemory(pid, headroom);
  return { engine, pid };
}

beforeAll(() => {
  temp = makeTempDir('memory-fit');
  wideModel = writeWideKvModel(temp.dir);
});

afterAll(async () => {
  await closeEngines(engines);
  temp.remove();
});

// Each test loads two models and retries up to 17 allocations; on a busy 2-core machine that takes ~20 s.
describe.skipIf(process.platform !== 'linux' || PRLIMIT === null)('a context that does not fit in memory', { timeout: 120_000 }, () => {
  it('a fixed context too large for memory loads with a smaller one, says so, and the model answers', async () => {
    const { engine, pid } = await cappedEngine(ROOMY, { contextSize: 65_536 });
    const loaded = await engine.load(wideModel);
    expect(loaded.ok, JSON.stringify(loaded)).toBe(true);
    const status = engine.status();
    expect(status).toMatchObject({ state: 'ready', path: wideModel, gpuLayers: 0 });
    expect(status.contextSize).toBeLessThan(65_536);
    // What it got fits in the room there was, and is no stub either.
    expect(status.contextSize! * WIDE_KV_BYTES_PER_TOKEN).toBeLessThan(ROOMY);
    expect(status.contextSize).toBeGreaterThanOrEqual(4096);
    expect(status.fitNote).toBe(`A 65536-token context did not fit in memory, so Duet uses ${status.contextSize} tokens.`);
    expect(outcomeOf(await ask(engine, 'Hello')).text).toBe(TINY_GREETING_ANSWER);
    // The failed allocations were handled in the worker: no crash, no restart.
    expect(engine.workerPid()).toBe(pid);
  });

  it("'auto' gets the largest context that fits, less than the model was trained on, and says why", async () => {
    const { engine, pid } = await cappedEngine(ROOMY, { contextSize: 'auto' });
    const loaded = await engine.load(wideModel);
    expect(loaded.ok, JSON.stringify(loaded)).toBe(true);
    const status = engine.status();
    expect(status).toMatchObject({ state: 'ready', trainedContextSize: WIDE_TRAINED_CONTEXT });
    expect(status.contextSize! * WIDE_KV_BYTES_PER_TOKEN).toBeLessThan(ROOMY);
    expect(status.fitNote).toBe(`The context is ${status.contextSize} tokens, less than the ${WIDE_TRAINED_CONTEXT} the model was trained on, to fit in memory.`);
    expect(outcomeOf(await ask(engine, 'Hello')).text).toBe(TINY_GREETING_ANSWER);
    expect(engine.workerPid()).toBe(pid);
  });
});
