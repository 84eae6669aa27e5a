// Issue 8, reproduction 3: a load that fails must not throw away the model that was working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelStatus } from '../../src-main/contract/index.js';
import { createDuetCore } from '../../src-main/core/create-core.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { createLocalEngine } from '../../src-main/local/engine-host.js';
import type { LocalEngine } from '../../src-main/local/engine-types.js';
import { writeEmptyFile, writeNotGguf, writeTruncatedModel, writeUnloadableGguf } from '../fixtures/bad-models.js';
import { TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { askAndWait, waitForModel } from '../support/core-driver.js';
import { ask, outcomeOf } from '../support/engine-driver.js';
import { makeTempDir } from '../support/temp-dir.js';

let temp: ReturnType<typeof makeTempDir>;
let engine: LocalEngine;

beforeAll(async () => {
  temp = makeTempDir('keep-model');
  engine = createLocalEngine();
  const loaded = await engine.load(TINY_MODEL_FILE);
  expect(loaded.ok && loaded.value.state).toBe('ready');
});

afterAll(async () => {
  await engine.close();
  temp.remove();
});

describe('a failed load keeps the working model', () => {
  const cases: Array<{ what: string; file: () => string; code: string; message: RegExp }> = [
    { what: 'an empty file', file: () => writeEmptyFile(temp.dir), code: 'model_invalid', message: /is not a GGUF model file: it is empty/ },
    { what: 'a file that is not GGUF', file: () => writeNotGguf(temp.dir), code: 'model_invalid', message: /is not a GGUF model file/ },
    { what: 'a truncated model', file: () => writeTruncatedModel(temp.dir), code: 'model_invalid', message: /is incomplete/ },
    // This one passes the file check and is refused by llama.cpp in the worker, after the old model was freed.
    { what: 'a GGUF llama.cpp cannot load', file: () => writeUnloadableGguf(temp.dir), code: 'model_load_failed', message: /Could not load .*duet-unknown/ },
  ];

  for (const { what, file, code, message } of cases) {
    it(`loading ${what} fails with ${code}, says the old model is still in use, and the old model answers`, async () => {
      const statuses: ModelStatus[] = [];
      const stop = engine.onStatus((status) => statuses.push(status));
      const result = await engine.load(file());
      stop();
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(message);
      expect(result.error.message).toMatch(/Duet is still using duet-tiny-chat\.$/);
      expect(engine.status()).toMatchObject({ state: 'ready', path: TINY_MODEL_FILE, name: 'duet-tiny-chat', error: null });
      // The user never sees the model reported as broken or missing on the way.
      expect(statuses.filter((s) => s.state === 'error' || s.state === 'none')).toEqual([]);
      expect(outcomeOf(await ask(engine, 'Hello?')).text).toBe(TINY_GREETING_ANSWER);
    });
  }
});

describe('a failed model.load through the core', () => {
  let core: DuetCore;
  let coreTemp: ReturnType<typeof makeTempDir>;

  beforeAll(async () => {
    coreTemp = makeTempDir('keep-model-core');
    core = await createDuetCore({ dataDir: coreTemp.dir, modelPath: TINY_MODEL_FILE, version: 'test' });
    expect((await waitForModel(core)).state).toBe('ready');
  });

  afterAll(async () => {
    await core.close();
    coreTemp.remove();
  });

  it('answers an error envelope, keeps the status ready, and the next question is answered by the old model', async () => {
    const result = await core.call('model.load', { path: writeEmptyFile(coreTemp.dir) });
    expect(result).toMatchObject({ ok: false, error: { code: 'model_invalid', message: expect.stringMatching(/empty.*Duet is still using duet-tiny-chat\./) } });
    const info = await core.call('app.info', {});
    expect(info.ok && (info.value as { model: ModelStatus }).model).toMatchObject({ state: 'ready', path: TINY_MODEL_FILE });
    const { answer } = await askAndWait(core, 'Hello');
    expect(answer.status).toBe('complete');
    expect(answer.content).toBe(TINY_GREETING_ANSWER);
  });
});
