// Headless Duet forks its engine worker before it imports the core (server/cli.ts): the engine the
// core creates must adopt that worker, hear what it said before anyone listened, and answer with it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prestartEngineWorker } from '../../src-main/local/early-worker.js';
import { createLocalEngine } from '../../src-main/local/engine-host.js';
import type { LocalEngine } from '../../src-main/local/engine-types.js';
import { TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { ask, outcomeOf } from '../support/engine-driver.js';
import { makeTempDir } from '../support/temp-dir.js';

const temp = makeTempDir('engine-prestart');
const engines: LocalEngine[] = [];

afterAll(async () => {
  await Promise.all(engines.map((engine) => engine.close()));
  temp.remove();
});

/** The engine workers this test process has running (Linux: /proc lists a process's children). */
function workerChildren(): number[] {
  const pids = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return pids.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('engine-worker');
    } catch {
      return false;
    }
  });
}

describe.skipIf(process.platform !== 'linux')('an engine worker started before the core', () => {
  it('is the one the engine loads the model in and answers with, and the only one', async () => {
    const backendFile = path.join(temp.dir, 'llama-backend.json');
    const before = workerChildren();
    const pid = prestartEngineWorker(backendFile);
    expect(pid).toEqual(expect.any(Number));
    // It starts llama.cpp on its own, told where the backend is remembered, before any engine exists.
    await expect.poll(() => existsSync(backendFile), { timeout: 60_000, interval: 100 }).toBe(true);

    const engine = createLocalEngine({ backendFile });
    engines.push(engine);
    expect(await engine.load(TINY_MODEL_FILE)).toMatchObject({ ok: true, value: { state: 'ready' } });
    expect(engine.workerPid()).toBe(pid);
    expect(workerChildren().filter((child) => !before.includes(child))).toEqual([pid]);
    expect(outcomeOf(await ask(engine, 'Hello?')).text).toBe(TINY_GREETING_ANSWER);
  });

  it('is adopted once: the next engine starts a worker of its own', async () => {
    const engine = createLocalEngine();
    engines.push(engine);
    expect(await engine.load(TINY_MODEL_FILE)).toMatchObject({ ok: true });
    expect(engine.workerPid()).not.toBe(engines[0]!.workerPid());
    expect(outcomeOf(await ask(engine, 'Hello?')).text).toBe(TINY_GREETING_ANSWER);
  });
});
