// The download channels through the core, as the welcome screen and `serve --model <id>` use them:
// the shipped catalog with fit, a download from the loopback mirror (the catalog has no hash for it,
// so the hub's published one is used), progress events, then the model loads.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogItem, DownloadState, DuetEvent, ModelStatus } from '../../src-main/contract/index.js';
import { createDuetCore } from '../../src-main/core/create-core.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { valueOf } from '../support/core-driver.js';
import { mirrorFile, startModelMirror, type ModelMirror } from '../support/model-mirror.js';
import { makeTempDir } from '../support/temp-dir.js';

// The mirror plays the hub for the catalog's smallest model, serving the tiny fixture under its name.
const QWEN_PATH = 'Qwen/Qwen2.5-0.5B-Instruct-GGUF/qwen2.5-0.5b-instruct-q4_k_m.gguf';
let mirror: ModelMirror | null = null;
let core: DuetCore | null = null;
let temp: ReturnType<typeof makeTempDir> | null = null;

afterEach(async () => {
  await core?.close();
  core = null;
  await mirror?.close();
  mirror = null;
  temp?.remove();
  temp = null;
});

describe('model downloads through the core', () => {
  it('lists the catalog with fit, downloads from the mirror with progress events, and the file loads', async () => {
    mirror = await startModelMirror([mirrorFile(QWEN_PATH, TINY_MODEL_FILE), mirrorFile('duet-test/Other-GGUF/other.gguf', TINY_MODEL_FILE)]);
    temp = makeTempDir('download-core');
    core = await createDuetCore({ dataDir: temp.dir, version: 'test', modelHub: mirror.url });
    const events: DuetEvent[] = [];
    core.subscribe((event) => events.push(event));

    const catalog = valueOf<CatalogItem[]>(await core.call('models.catalog', {}));
    expect(catalog.length).toBeGreaterThanOrEqual(6);
    const qwen = catalog.find((item) => item.entry.id === 'qwen2.5-0.5b-instruct')!;
    expect(qwen.fit?.level).toBe('fits');
    expect(qwen.fit?.contextSize).toBeGreaterThan(0);
    const other = catalog.find((item) => item.entry.id === 'qwen3-8b')!;
    expect(other.fit).toBeNull();
    expect(other.fitError?.message).toMatch(/HTTP 404/);

    const started = valueOf<DownloadState>(await core.call('models.download', { id: 'qwen2.5-0.5b-instruct' }));
    // The answer comes once the mirror was asked: the download is under way, its size known.
    expect(started).toMatchObject({ phase: 'downloading', totalBytes: readFileSync(TINY_MODEL_FILE).length });
    await expect.poll(() => events.some((e) => e.type === 'model.download' && e.download.phase === 'done'), { timeout: 20_000 }).toBe(true);
    const progress = events.flatMap((e) => (e.type === 'model.download' ? [e.download] : []));
    expect(progress.some((d) => d.phase === 'downloading' && d.totalBytes === readFileSync(TINY_MODEL_FILE).length)).toBe(true);
    const done = progress.at(-1)!;
    expect(done.path).toBe(path.join(temp.dir, 'models', 'qwen2.5-0.5b-instruct-q4_k_m.gguf'));
    expect(valueOf<DownloadState[]>(await core.call('models.downloads', {}))).toEqual([expect.objectContaining({ id: 'qwen2.5-0.5b-instruct', phase: 'done' })]);
    expect(valueOf<CatalogItem[]>(await core.call('models.catalog', {})).find((i) => i.entry.id === 'qwen2.5-0.5b-instruct')?.downloadedPath).toBe(done.path);

    const loaded = valueOf<ModelStatus>(await core.call('model.load', { path: done.path! }));
    expect(loaded.state).toBe('ready');

    // An hf: URI outside the catalog downloads too, checked with the hub's hash.
    await core.call('models.download', { id: 'hf:duet-test/Other-GGUF/other.gguf' });
    await expect
      .poll(() => events.some((e) => e.type === 'model.download' && e.download.id === 'hf:duet-test/Other-GGUF/other.gguf' && e.download.phase === 'done'), {
        timeout: 20_000,
      })
      .toBe(true);
  });

  it('takes the mirror from Settings, keeps it across a restart, and refuses one that is not a URL', async () => {
    mirror = await startModelMirror([mirrorFile(QWEN_PATH, TINY_MODEL_FILE)]);
    temp = makeTempDir('download-core');
    core = await createDuetCore({ dataDir: temp.dir, version: 'test' });
    const refused = await core.call('settings.update', { modelMirror: 'mirror.example' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/Enter the mirror as an http\(s\) URL/) } });
    await core.call('settings.update', { modelMirror: mirror.url });
    await core.close();

    core = await createDuetCore({ dataDir: temp.dir, version: 'test' });
    const catalog = valueOf<CatalogItem[]>(await core.call('models.catalog', {}));
    expect(catalog.find((item) => item.entry.id === 'qwen2.5-0.5b-instruct')?.fit?.level).toBe('fits');
    expect(mirror.requests.some((r) => r.path.endsWith('qwen2.5-0.5b-instruct-q4_k_m.gguf'))).toBe(true);
  });

  it('answers an unknown model id with what to do', async () => {
    temp = makeTempDir('download-core');
    core = await createDuetCore({ dataDir: temp.dir, version: 'test', modelHub: 'http://127.0.0.1:9/' });
    const result = await core.call('models.download', { id: 'no-such-model' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/not in the model catalog\. Choose a model from the list/) } });
  });
});
