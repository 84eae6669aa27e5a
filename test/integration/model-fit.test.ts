// Fit before download: the tiny model's header read from the loopback mirror and scored by
// node-llama-cpp's GGUF insights with this machine's memory.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../src-main/contract/index.js';
import { ModelCatalog } from '../../src-main/models/model-catalog.js';
import { TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { mirrorFile, sha256Of, startModelMirror, type ModelMirror } from '../support/model-mirror.js';
import { makeTempDir } from '../support/temp-dir.js';

const TINY = readFileSync(TINY_MODEL_FILE);
const entry: CatalogEntry = {
  id: 'tiny-chat',
  name: 'Tiny Chat',
  uri: 'hf:duet-test/Tiny-GGUF/tiny-chat.gguf',
  fileName: 'tiny-chat.gguf',
  sizeBytes: TINY.length,
  quantization: 'Q8_0',
  parameters: '0.1M',
  contextLength: 256,
  languages: ['en'],
  license: 'MIT',
  sha256: sha256Of(TINY),
  description: '',
};
let mirror: ModelMirror | null = null;
let catalog: ModelCatalog | null = null;
const temp = makeTempDir('fit');

afterEach(async () => {
  await catalog?.close();
  await mirror?.close();
});
afterAll(() => temp.remove());

describe('fit before download', () => {
  it('says the tiny model fits, with its context and GPU layers, and reports an unreadable header', async () => {
    mirror = await startModelMirror([mirrorFile('duet-test/Tiny-GGUF/tiny-chat.gguf', TINY_MODEL_FILE)]);
    const missing: CatalogEntry = { ...entry, id: 'missing', uri: 'hf:duet-test/Tiny-GGUF/missing.gguf', fileName: 'missing.gguf' };
    catalog = new ModelCatalog({ entries: () => [entry, missing], hub: () => mirror!.url, modelsDir: temp.dir });
    const [tiny, gone] = await catalog.list();
    expect(tiny!.fitError).toBeNull();
    expect(tiny!.fit).toMatchObject({ level: 'fits' });
    expect(tiny!.fit!.contextSize).toBeGreaterThan(0);
    expect(tiny!.fit!.gpuLayers).toBeGreaterThanOrEqual(0);
    expect(tiny!.downloadedPath).toBeNull();
    expect(gone!.fit).toBeNull();
    expect(gone!.fitError?.message).toMatch(/has no file missing\.gguf \(HTTP 404\)/);

    // Cached: a second look reads no header again.
    const before = mirror.requests.length;
    await catalog.list();
    expect(mirror.requests.filter((r) => r.path.includes('tiny-chat')).length).toBe(mirror.requests.slice(0, before).filter((r) => r.path.includes('tiny-chat')).length);
  });
});
