// The library: Duet's downloaded models (DATA/models) with their facts and which one is active, and
// removal, which deletes only files in that folder (the active one is unloaded first).
import { copyFileSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo, FoundModels, ModelLibrary, RemovedModel, Result } from '../../src-main/contract/index.js';
import { createDuetCore } from '../../src-main/core/create-core.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { listLibrary } from '../../src-main/models/library.js';
import { writeTruncatedModel } from '../fixtures/bad-models.js';
import { TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { nextAnswer, valueOf, waitForModel } from '../support/core-driver.js';
import { buildFakeApps } from '../support/fake-model-apps.js';
import { makeTempDir } from '../support/temp-dir.js';

let temp: ReturnType<typeof makeTempDir>;
let core: DuetCore | null = null;
let dataDir: string;
let modelsDir: string;

beforeEach(() => {
  temp = makeTempDir('library');
  dataDir = path.join(temp.dir, 'data');
  modelsDir = path.join(dataDir, 'models');
  mkdirSync(modelsDir, { recursive: true });
});
afterEach(async () => {
  await core?.close();
  core = null;
  temp.remove();
});

function copyTiny(to: string): string {
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(TINY_MODEL_FILE, to);
  return to;
}

async function open(modelPath: string | null, home = path.join(temp.dir, 'home')): Promise<DuetCore> {
  core = await createDuetCore({ dataDir, modelPath, version: 'test', modelSearch: { home, env: {}, platform: 'linux', systemFolders: false } });
  return core;
}

function errorOf(result: Result<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('model library', () => {
  it('lists downloaded models with their facts, damaged ones with their problem, and the active one from elsewhere', async () => {
    const downloaded = copyTiny(path.join(modelsDir, 'tiny-chat.gguf'));
    const nested = copyTiny(path.join(modelsDir, 'someone', 'tiny-nested.gguf'));
    const broken = writeTruncatedModel(modelsDir);
    copyTiny(path.join(modelsDir, '.partial', 'half.gguf'));
    writeFileSync(path.join(modelsDir, 'tiny-chat.gguf.ipull'), 'progress');
    const elsewhere = copyTiny(path.join(temp.dir, 'my-models', 'mine.gguf'));

    const library = await listLibrary({ folder: modelsDir, activePath: elsewhere });
    expect(library.folder).toBe(modelsDir);
    // The active model first, then the folder's files in name order; partial downloads are not models yet.
    expect(library.models.map((m) => m.path)).toEqual([elsewhere, nested, downloaded, broken]);
    const [active, , plain, damaged] = library.models;
    expect(active).toMatchObject({ active: true, removable: false, problem: null, facts: { architecture: 'llama' } });
    expect(plain).toMatchObject({
      name: 'duet-tiny-chat',
      active: false,
      removable: true,
      problem: null,
      facts: { architecture: 'llama', quantisation: 'F32', contextLength: 4096 },
    });
    expect(plain?.sizeBytes).toBeGreaterThan(200_000);
    expect(damaged).toMatchObject({ facts: null, removable: true, problem: expect.stringContaining('incomplete') });

    const activeInside = await listLibrary({ folder: modelsDir, activePath: downloaded });
    expect(activeInside.models.filter((m) => m.active).map((m) => m.path)).toEqual([downloaded]);
    expect(activeInside.models).toHaveLength(3);
  });

  it('removes a downloaded model only after confirmation, and never a file Duet only points to', async () => {
    const downloaded = copyTiny(path.join(modelsDir, 'tiny-chat.gguf'));
    const elsewhere = copyTiny(path.join(temp.dir, 'my-models', 'mine.gguf'));
    const link = path.join(modelsDir, 'linked.gguf');
    symlinkSync(elsewhere, link);
    const partial = copyTiny(path.join(modelsDir, '.partial', 'half.gguf'));
    const c = await open(null);

    const unconfirmed = errorOf(await c.call('models.remove', { path: downloaded }));
    expect(unconfirmed.code).toBe('invalid_request');
    expect(unconfirmed.message).toContain('Confirm the removal');
    expect(existsSync(downloaded)).toBe(true);

    for (const file of [elsewhere, link, TINY_MODEL_FILE]) {
      const refused = errorOf(await c.call('models.remove', { path: file, confirmed: true }));
      expect(refused.code).toBe('model_not_removable');
      expect(refused.message).toContain('will not delete it');
    }
    expect(existsSync(elsewhere)).toBe(true);
    expect(existsSync(link)).toBe(true);
    expect(errorOf(await c.call('models.remove', { path: partial, confirmed: true })).message).toContain('Cancel the download');
    expect(errorOf(await c.call('models.remove', { path: path.join(modelsDir, 'gone.gguf'), confirmed: true })).code).toBe('not_found');

    const removed = valueOf<RemovedModel>(await c.call('models.remove', { path: downloaded, confirmed: true }));
    expect(removed).toMatchObject({ path: downloaded, wasActive: false });
    expect(removed.freedBytes).toBeGreaterThan(200_000);
    expect(existsSync(downloaded)).toBe(false);
    const library = valueOf<ModelLibrary>(await c.call('models.library', {}));
    expect(library.models.map((m) => m.path)).not.toContain(downloaded);
  });

  it('unloads the active model before removing it; the next start loads nothing', async () => {
    const downloaded = copyTiny(path.join(modelsDir, 'tiny-chat.gguf'));
    const c = await open(downloaded);
    expect((await waitForModel(c)).state).toBe('ready');
    const before = valueOf<ModelLibrary>(await c.call('models.library', {}));
    expect(before.models).toEqual([expect.objectContaining({ path: downloaded, active: true, removable: true })]);

    // An answer in progress ends cleanly (whole, or stopped), never with an error, before the file goes.
    const finished = nextAnswer(c);
    valueOf(await c.call('chat.send', { conversationId: null, text: 'Hello' }));
    const removed = valueOf<RemovedModel>(await c.call('models.remove', { path: downloaded, confirmed: true }));
    expect(['complete', 'stopped']).toContain((await finished).answer.status);
    expect(removed.wasActive).toBe(true);
    expect(existsSync(downloaded)).toBe(false);
    const info = valueOf<AppInfo>(await c.call('app.info', {}));
    expect(info.model.state).toBe('none');
    expect(info.settings.modelPath).toBeNull();
    expect(valueOf<ModelLibrary>(await c.call('models.library', {})).models).toEqual([]);

    await c.close();
    const reopened = await open(null);
    expect(valueOf<AppInfo>(await reopened.call('app.info', {})).model.state).toBe('none');
  });

  it('finds other apps’ models through the core and loads one in place, without copying it', async () => {
    const home = path.join(temp.dir, 'home');
    const apps = buildFakeApps(home);
    const c = await open(null, home);
    const found = valueOf<FoundModels>(await c.call('models.found', {}));
    expect(found.models.map((m) => m.path)).toContain(apps.lmStudio);

    valueOf(await c.call('model.load', { path: apps.lmStudio }));
    const library = valueOf<ModelLibrary>(await c.call('models.library', {}));
    expect(library.models).toEqual([expect.objectContaining({ path: apps.lmStudio, active: true, removable: false })]);
    expect(errorOf(await c.call('models.remove', { path: apps.lmStudio, confirmed: true })).code).toBe('model_not_removable');
    expect(existsSync(apps.lmStudio)).toBe(true);
    expect(existsSync(path.join(modelsDir, path.basename(apps.lmStudio)))).toBe(false);
  });
});
