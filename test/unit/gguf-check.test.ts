import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkModelFile } from '../../src-main/local/gguf-check.js';
import { writeEmptyFile, writeNotGguf, writeTruncatedModel, writeUnloadableGguf } from '../fixtures/bad-models.js';
import { encodeGguf, encodeGgufHeader } from '../fixtures/gguf-writer.js';
import { buildTinyModel, encodeTinyModel } from '../fixtures/tiny-model.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'duet-gguf-check-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writeBytes(name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** The tiny model with some metadata keys removed or replaced. */
function tinyVariant(name: string, change: (metadata: ReturnType<typeof buildTinyModel>['metadata']) => void): string {
  const { metadata, tensors } = buildTinyModel();
  change(metadata);
  return writeBytes(name, encodeGguf(metadata, tensors));
}

async function errorOf(file: string): Promise<{ code: string; message: string }> {
  const result = await checkModelFile(file);
  if (result.ok) throw new Error(`expected ${file} to fail the check`);
  return result.error;
}

describe('checkModelFile', () => {
  it('accepts the tiny model and reports its name, architecture, context length and size', async () => {
    // Written here rather than read from test/fixtures/models: the unit project runs without the fixture setup.
    const result = await checkModelFile(writeBytes('tiny-chat.gguf', encodeTinyModel()));
    expect(result).toEqual({
      ok: true,
      value: { name: 'duet-tiny-chat', architecture: 'llama', contextLength: 4096, sizeBytes: encodeTinyModel().length },
    });
  });

  it('says model_missing, naming the path, when there is no file', async () => {
    const missing = path.join(dir, 'nowhere', 'model.gguf');
    const error = await errorOf(missing);
    expect(error.code).toBe('model_missing');
    expect(error.message).toContain(`No model file at ${missing}`);
    expect(error.message).toMatch(/Choose a \.gguf file/);
  });

  it('says model_invalid for a folder', async () => {
    const folder = path.join(dir, 'a-folder.gguf');
    mkdirSync(folder);
    const error = await errorOf(folder);
    expect(error.code).toBe('model_invalid');
    expect(error.message).toContain('is a folder');
  });

  it('says model_invalid for an empty file', async () => {
    const error = await errorOf(writeEmptyFile(dir));
    expect(error.code).toBe('model_invalid');
    expect(error.message).toMatch(/not a GGUF model file: it is empty/);
  });

  it('says model_invalid for a file that is not GGUF', async () => {
    const file = writeNotGguf(dir);
    const error = await errorOf(file);
    expect(error).toEqual({ code: 'model_invalid', message: expect.stringContaining(`${file} is not a GGUF model file`) });
  });

  it('says model_invalid for a file shorter than the GGUF magic', async () => {
    const error = await errorOf(writeBytes('short.gguf', 'GG'));
    expect(error.message).toContain('is not a GGUF model file');
  });

  it('says the file is incomplete when its tensor data is cut short', async () => {
    const error = await errorOf(writeTruncatedModel(dir));
    expect(error.code).toBe('model_invalid');
    expect(error.message).toMatch(/is incomplete: the file has [\d,]+ bytes but its header describes at least [\d,]+/);
  });

  it('says the file is incomplete when only the last byte is missing', async () => {
    const model = encodeTinyModel();
    const error = await errorOf(writeBytes('one-short.gguf', model.subarray(0, model.length - 1)));
    expect(error.message).toContain('is incomplete');
  });

  it('says the file is incomplete when it is cut inside the header, instead of reading zeros', async () => {
    const model = encodeTinyModel();
    for (const fraction of [0.01, 0.3, 0.6]) {
      const { metadata, tensors } = buildTinyModel();
      const headerLength = encodeGgufHeader(metadata, tensors).length;
      const cut = writeBytes(`header-cut-${fraction}.gguf`, model.subarray(0, Math.max(24, Math.floor(headerLength * fraction))));
      const error = await errorOf(cut);
      expect(error.code).toBe('model_invalid');
      expect(error.message).toContain('is incomplete');
    }
  });

  it('refuses a header whose counts promise more than the file holds, without trying to read them', async () => {
    const header = Buffer.alloc(24);
    header.write('GGUF', 0, 'latin1');
    header.writeUInt32LE(3, 4);
    header.writeBigUInt64LE(0n, 8);
    header.writeBigUInt64LE(2n ** 60n, 16); // a damaged metadata count
    const error = await errorOf(writeBytes('absurd-count.gguf', header));
    expect(error.code).toBe('model_invalid');
  });

  it('refuses GGUF version 1, which llama.cpp no longer reads', async () => {
    const bytes = Buffer.from(encodeTinyModel());
    bytes.writeUInt32LE(1, 4);
    const error = await errorOf(writeBytes('v1.gguf', bytes));
    expect(error.message).toContain('GGUF version 1');
  });

  for (const key of ['llama.feed_forward_length', 'llama.attention.head_count', 'llama.block_count', 'llama.embedding_length', 'llama.context_length']) {
    it(`refuses a llama model without ${key} (llama.cpp would abort on some of these)`, async () => {
      const file = tinyVariant(`no-${key}.gguf`, (metadata) => delete metadata[key]);
      const error = await errorOf(file);
      expect(error.code).toBe('model_invalid');
      expect(error.message).toContain(`it lacks ${key}`);
    });
  }

  it('refuses a KV head count of zero', async () => {
    const file = tinyVariant('kv-zero.gguf', (metadata) => {
      metadata['llama.attention.head_count_kv'] = { type: 'uint32', value: 0 };
    });
    const error = await errorOf(file);
    expect(error.message).toContain('head_count_kv');
  });

  it('refuses a model that does not name its architecture', async () => {
    const file = tinyVariant('no-arch.gguf', (metadata) => delete metadata['general.architecture']);
    const error = await errorOf(file);
    expect(error.message).toContain('general.architecture');
  });

  it('passes a well-formed GGUF of an architecture it does not know: llama.cpp decides', async () => {
    const result = await checkModelFile(writeUnloadableGguf(dir));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject({ name: 'duet-unloadable', architecture: 'duet-unknown', contextLength: null });
  });

  it('falls back to the file name when the model has no general.name', async () => {
    const file = tinyVariant('Nameless-Model.Q8_0.gguf', (metadata) => delete metadata['general.name']);
    const result = await checkModelFile(file);
    expect(result.ok && result.value.name).toBe('Nameless-Model.Q8_0');
  });

  it.skipIf(process.getuid?.() === 0)('says model_invalid with "permission denied" for an unreadable file', async () => {
    const file = writeBytes('locked.gguf', encodeTinyModel());
    chmodSync(file, 0o000);
    try {
      const error = await errorOf(file);
      expect(error.code).toBe('model_invalid');
      expect(error.message).toContain('permission denied');
    } finally {
      chmodSync(file, 0o644);
    }
  });
});
