// The remembered llama.cpp backend is used only for the same node-llama-cpp, platform and GPU
// setting, and only for a week; anything unreadable counts as nothing remembered.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backendKey, forgetBackend, rememberBackend, rememberedBackend } from '../../src-main/local/llama-backend.js';
import { makeTempDir } from '../support/temp-dir.js';

let temp: ReturnType<typeof makeTempDir>;
let file: string;

beforeEach(() => {
  temp = makeTempDir('llama-backend');
  file = path.join(temp.dir, 'nested', 'llama-backend.json');
});
afterEach(() => temp.remove());

describe('remembered llama.cpp backend', () => {
  const now = Date.UTC(2026, 10, 30);
  const key = backendKey('"auto"', '3.21.1');

  it('gives back what was remembered for the same key', () => {
    rememberBackend(file, key, 'cuda', now);
    expect(rememberedBackend(file, key, now + 1000)).toBe('cuda');
    rememberBackend(file, key, false, now);
    expect(rememberedBackend(file, key, now)).toBe(false);
  });

  it('ignores it for another node-llama-cpp version or GPU setting, after a week, and once forgotten', () => {
    rememberBackend(file, key, 'vulkan', now);
    expect(rememberedBackend(file, backendKey('"auto"', '3.22.0'), now)).toBeNull();
    expect(rememberedBackend(file, backendKey('false', '3.21.1'), now)).toBeNull();
    expect(rememberedBackend(file, key, now + 8 * 24 * 3600 * 1000)).toBeNull();
    forgetBackend(file);
    expect(rememberedBackend(file, key, now)).toBeNull();
  });

  it('treats a damaged or foreign file as nothing remembered', () => {
    rememberBackend(file, key, 'cuda', now);
    writeFileSync(file, '{not json');
    expect(rememberedBackend(file, key, now)).toBeNull();
    writeFileSync(file, JSON.stringify({ key, backend: 'opencl', probedAt: now }));
    expect(rememberedBackend(file, key, now)).toBeNull();
  });

  it('names the node-llama-cpp version, the platform and the GPU setting in its key', () => {
    expect(key).toBe(`node-llama-cpp@3.21.1 ${process.platform}-${process.arch} gpu="auto"`);
  });
});
