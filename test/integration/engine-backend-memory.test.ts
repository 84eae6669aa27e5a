// Issue 14: the llama.cpp backend that worked is remembered per machine, so a start need not probe
// for it; a remembered backend that is stale (it no longer starts, or a load failed) is probed again.
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../src-main/local/engine-host.js';
import type { LocalEngine } from '../../src-main/local/engine-types.js';
import { backendKey, type Backend } from '../../src-main/local/llama-backend.js';
import { writeUnloadableGguf } from '../fixtures/bad-models.js';
import { TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { ask, outcomeOf } from '../support/engine-driver.js';
import { makeTempDir } from '../support/temp-dir.js';

let temp: ReturnType<typeof makeTempDir>;
let backendFile: string;
const engines: LocalEngine[] = [];

/** An engine that starts its worker at once and remembers the backend in this test's folder. */
function startEngine(): LocalEngine {
  const engine = createLocalEngine({ backendFile, startNow: true });
  engines.push(engine);
  return engine;
}

function remembered(): { key: string; backend: Backend } {
  return JSON.parse(readFileSync(backendFile, 'utf8')) as { key: string; backend: Backend };
}

/** The backend a ready status says the model runs on, as node-llama-cpp names it. */
function backendOf(engine: LocalEngine): Backend {
  const gpu = engine.status().gpu;
  return gpu === 'cpu' || gpu === null ? false : (gpu as Backend);
}

async function loadsAndAnswers(engine: LocalEngine): Promise<void> {
  const loaded = await engine.load(TINY_MODEL_FILE);
  expect(loaded.ok && loaded.value.state).toBe('ready');
  expect(outcomeOf(await ask(engine, 'Hello')).text).toBe(TINY_GREETING_ANSWER);
}

beforeEach(() => {
  temp = makeTempDir('backend-memory');
  backendFile = path.join(temp.dir, 'llama-backend.json');
});

afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.close()));
  temp.remove();
});

describe('the llama.cpp backend is remembered per machine', () => {
  it('a first start probes, answers, and remembers the backend it runs on, keyed by version, platform and GPU setting', { timeout: 240_000 }, async () => {
    const engine = startEngine();
    await loadsAndAnswers(engine);
    const saved = remembered();
    expect(saved.backend).toBe(backendOf(engine));
    expect(saved.key).toBe(backendKey('"auto"'));
    expect(saved.key).toMatch(new RegExp(`^node-llama-cpp@\\d+\\.\\d+\\.\\d+ ${process.platform}-${process.arch} gpu="auto"$`));

    // The next start uses it, and still answers.
    const again = startEngine();
    await loadsAndAnswers(again);
    expect(backendOf(again)).toBe(saved.backend);
  });

  it('a remembered backend that no longer starts is probed again: the model loads, answers, and the backend that works is remembered', { timeout: 240_000 }, async () => {
    const probe = startEngine();
    await loadsAndAnswers(probe);
    const working = backendOf(probe);
    await probe.close();
    // On a machine without CUDA a remembered CUDA backend is stale; on one with CUDA, Vulkan is the test.
    const stale: Backend = working === 'cuda' ? 'vulkan' : 'cuda';
    writeFileSync(backendFile, JSON.stringify({ key: backendKey('"auto"'), backend: stale, probedAt: Date.now() }));

    const engine = startEngine();
    await loadsAndAnswers(engine);
    // Whatever it runs on now is what is remembered: a backend that worked, never the stale guess
    // unless it truly works here.
    expect(remembered().backend).toBe(backendOf(engine));
    if (working === false) expect(backendOf(engine)).toBe(false);
  });

  it('a load that fails forgets the remembered backend, and the next load remembers it again', { timeout: 240_000 }, async () => {
    const engine = startEngine();
    await loadsAndAnswers(engine);
    expect(existsSync(backendFile)).toBe(true);
    const failed = await engine.load(writeUnloadableGguf(temp.dir));
    expect(failed.ok).toBe(false);
    expect(existsSync(backendFile)).toBe(false);
    // The working model is kept (reloaded), and answers.
    expect(engine.status()).toMatchObject({ state: 'ready', path: TINY_MODEL_FILE });
    expect(outcomeOf(await ask(engine, 'Hello')).text).toBe(TINY_GREETING_ANSWER);

    const next = startEngine();
    await loadsAndAnswers(next);
    expect(remembered().backend).toBe(backendOf(next));
  });
});
