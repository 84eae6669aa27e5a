// Unload after idle time: the model goes to sleep (its memory given back, its name kept), the next
// question loads it again and is answered, an answer is never cut, and null keeps it loaded.
// A "minute" of the setting is made a few milliseconds long (CoreOptions.idleMinuteMs).
import { OPEN_POLICY } from '../../src-main/contract/index.js';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DuetEvent, Message, ModelStatus, Settings } from '../../src-main/contract/index.js';
import { createDuetCore } from '../../src-main/core/create-core.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { TINY_GREETING_ANSWER, TINY_MODEL_FILE, UNSURE_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { askAndWait, valueOf } from '../support/core-driver.js';
import { startLoopbackCloud, type LoopbackCloud } from '../support/loopback-cloud.js';
import { makeTempDir } from '../support/temp-dir.js';

let temp: ReturnType<typeof makeTempDir>;
let core: DuetCore | null = null;
let cloud: LoopbackCloud;

beforeAll(async () => {
  cloud = await startLoopbackCloud();
});
afterAll(async () => {
  await cloud.stop();
});
beforeEach(() => {
  temp = makeTempDir('idle-unload');
});
afterEach(async () => {
  await core?.close();
  core = null;
  temp.remove();
});

/** A core with no model yet (so the setting is in place before one loads), the loopback cloud, and short minutes. */
async function open(minuteMs: number, withCloud = false): Promise<DuetCore> {
  core = await createDuetCore({
    dataDir: path.join(temp.dir, 'data'),
    modelPath: null,
    version: 'test',
    policy: OPEN_POLICY,
    idleMinuteMs: minuteMs,
    cloud: withCloud ? { presetId: 'custom', baseUrl: cloud.baseUrl, model: cloud.model } : null,
  });
  return core;
}

async function setIdle(c: DuetCore, minutes: number | null): Promise<void> {
  valueOf<Settings>(await c.call('settings.update', { unloadIdleMinutes: minutes }));
}

async function loadModel(c: DuetCore, file: string): Promise<ModelStatus> {
  return valueOf<ModelStatus>(await c.call('model.load', { path: file }));
}

async function currentStatus(c: DuetCore): Promise<ModelStatus> {
  return valueOf<{ model: ModelStatus }>(await c.call('app.info', {})).model;
}

/** Resolves with the model status as soon as it matches (now, or from a later `model.status` event). */
function statusWhere(c: DuetCore, matches: (status: ModelStatus) => boolean): Promise<ModelStatus> {
  return new Promise((resolve) => {
    const stop = c.subscribe((event) => {
      if (event.type === 'model.status' && matches(event.status)) {
        stop();
        resolve(event.status);
      }
    });
    void currentStatus(c).then((status) => {
      if (matches(status)) {
        stop();
        resolve(status);
      }
    });
  });
}

const asleep = (status: ModelStatus): boolean => status.state === 'none' && status.sleeping;
const codes = (m: Message): string[] => m.provenance?.reasons.map((r) => r.code) ?? [];

describe('unload after idle time', () => {
  it('puts the model to sleep with its name kept; the next question loads it again and is answered locally', async () => {
    const c = await open(100, true);
    await setIdle(c, 1);
    const loaded = await loadModel(c, TINY_MODEL_FILE);
    expect(loaded.state).toBe('ready');

    const sleeping = await statusWhere(c, asleep);
    expect(sleeping).toMatchObject({ state: 'none', sleeping: true, path: loaded.path, name: loaded.name, error: null });
    expect(sleeping.gpuLayers).toBeNull();
    expect(await currentStatus(c)).toMatchObject({ state: 'none', sleeping: true, path: loaded.path });

    const seen: ModelStatus[] = [];
    const stop = c.subscribe((event: DuetEvent) => {
      if (event.type === 'model.status') seen.push(event.status);
    });
    const { answer } = await askAndWait(c, 'Hello');
    stop();
    expect(answer.status).toBe('complete');
    expect(answer.content).toBe(TINY_GREETING_ANSWER);
    // Asleep, the model still counts as set up: Auto routes as usual, not to the cloud.
    expect(answer.provenance).toMatchObject({ target: 'local', route: 'local' });
    expect(codes(answer)).not.toContain('no-local-model');
    // The user sees it loading, then ready, before the answer.
    const states = seen.map((status) => status.state);
    expect(states.indexOf('loading')).toBeGreaterThanOrEqual(0);
    expect(states.indexOf('ready')).toBeGreaterThan(states.indexOf('loading'));
    expect(seen.find((status) => status.state === 'ready')).toMatchObject({ path: loaded.path, name: loaded.name, sleeping: false });

    // Idle again after the answer: asleep again.
    expect(await statusWhere(c, asleep)).toMatchObject({ path: loaded.path });
  });

  it('never cuts an answer that runs longer than the idle time', async () => {
    // One "minute" is 1 ms: every answer runs longer than that.
    const c = await open(1);
    await setIdle(c, 1);
    await loadModel(c, TINY_MODEL_FILE);
    await statusWhere(c, asleep);

    const order: string[] = [];
    const stop = c.subscribe((event: DuetEvent) => {
      if (event.type === 'message.delta') order.push('token');
      if (event.type === 'model.status') order.push(event.status.sleeping ? 'asleep' : event.status.state);
      if (event.type === 'message.updated' && event.message.role === 'assistant' && event.message.status !== 'streaming') order.push('done');
    });
    const { answer, deltas } = await askAndWait(c, 'Hello');
    await statusWhere(c, asleep);
    stop();
    expect(answer.status).toBe('complete');
    expect(answer.content).toBe(TINY_GREETING_ANSWER);
    expect(deltas.join('')).toBe(TINY_GREETING_ANSWER);
    expect(answer.provenance?.latencyMs).toBeGreaterThan(1);
    // Between its first token and its end the model was never unloaded; after it, it was.
    const first = order.indexOf('token');
    const done = order.indexOf('done');
    expect(first).toBeGreaterThan(order.indexOf('ready'));
    expect(order.slice(first, done)).not.toContain('asleep');
    expect(order.slice(done)).toContain('asleep');
  });

  it('null never unloads; setting a time again applies from the last answer', async () => {
    const c = await open(1);
    await setIdle(c, null);
    await loadModel(c, TINY_MODEL_FILE);
    const { answer } = await askAndWait(c, 'Hello');
    expect(answer.content).toBe(TINY_GREETING_ANSWER);
    let slept = false;
    const stop = c.subscribe((event) => {
      if (event.type === 'model.status' && event.status.sleeping) slept = true;
    });
    // Hundreds of "minutes" pass; with null nothing is due, so there is no event to wait for.
    await new Promise((resolve) => setTimeout(resolve, 400));
    stop();
    expect(slept).toBe(false);
    expect(await currentStatus(c)).toMatchObject({ state: 'ready', sleeping: false });

    await setIdle(c, 1);
    expect(await statusWhere(c, asleep)).toMatchObject({ sleeping: true });
  });

  it('while asleep: a bad file keeps the model, a switch loads the new one, and removing it leaves no model', async () => {
    const c = await open(20);
    await setIdle(c, 1);
    const models = path.join(temp.dir, 'data', 'models');
    mkdirSync(models, { recursive: true });
    const downloaded = path.join(models, 'tiny-chat.gguf');
    copyFileSync(TINY_MODEL_FILE, downloaded);

    const unsure = await loadModel(c, UNSURE_MODEL_FILE);
    await statusWhere(c, asleep);
    // A file that does not load does not cost the user the sleeping model.
    const bad = await c.call('model.load', { path: path.join(temp.dir, 'missing.gguf') });
    expect(bad).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Duet is still using/) } });
    expect(await currentStatus(c)).toMatchObject({ state: 'none', sleeping: true, path: unsure.path });

    // Switching while asleep loads the new model.
    const switched = await loadModel(c, downloaded);
    expect(switched).toMatchObject({ state: 'ready', path: downloaded, sleeping: false });
    expect(valueOf<Settings>(await c.call('settings.update', {})).modelPath).toBe(downloaded);
    await statusWhere(c, (status) => asleep(status) && status.path === downloaded);

    // Removing the sleeping model: gone from disk, no model left, nothing to load at the next start.
    const removed = valueOf<{ wasActive: boolean }>(await c.call('models.remove', { path: downloaded, confirmed: true }));
    expect(removed.wasActive).toBe(true);
    expect(existsSync(downloaded)).toBe(false);
    expect(await currentStatus(c)).toMatchObject({ state: 'none', sleeping: false, path: null });
    expect(valueOf<Settings>(await c.call('settings.update', {})).modelPath).toBeNull();
    const { answer } = await askAndWait(c, 'Hello');
    expect(answer.error?.code).toBe('model_missing');
  });
});
