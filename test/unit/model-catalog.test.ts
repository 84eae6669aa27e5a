// The shipped catalog (resources/models/catalog.json): every entry valid, and the list a new user needs.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hubFileUrl, loadCatalog } from '../../src-main/models/catalog.js';
import { defaultCatalogFile } from '../../src-main/core/model-downloads.js';
import { makeTempDir } from '../support/temp-dir.js';

describe('the model catalog', () => {
  const entries = loadCatalog(defaultCatalogFile());

  it('offers 6 to 10 instruct models from about 0.5B to 8B, mostly Q4_K_M, at least two strong in Chinese', () => {
    expect(entries.length).toBeGreaterThanOrEqual(6);
    expect(entries.length).toBeLessThanOrEqual(10);
    expect(entries.filter((e) => e.quantization === 'Q4_K_M').length).toBeGreaterThanOrEqual(entries.length - 1);
    expect(entries.filter((e) => e.languages.includes('zh')).length).toBeGreaterThanOrEqual(2);
    const sizes = entries.map((e) => e.sizeBytes).sort((a, b) => a - b);
    expect(sizes[0]).toBeLessThan(700e6);
    expect(sizes.at(-1)).toBeGreaterThan(4e9);
  });

  it.each(loadCatalog(defaultCatalogFile()).map((e) => [e.id, e] as const))('%s names its file, licence, context and languages', (_id, entry) => {
    expect(entry.uri.endsWith(`/${entry.fileName}`)).toBe(true);
    expect(entry.fileName.toUpperCase()).toContain(entry.quantization);
    expect(entry.license.length).toBeGreaterThan(2);
    expect(entry.contextLength).toBeGreaterThanOrEqual(4096);
    expect(entry.sizeBytes).toBeGreaterThan(100e6);
    expect(hubFileUrl(entry.uri, 'https://mirror.example/hf')).toMatch(/^https:\/\/mirror\.example\/hf\/[^/]+\/[^/]+\/resolve\/main\/[^/]+\.gguf$/);
  });

  it('refuses a catalog with a broken entry, naming it', () => {
    const temp = makeTempDir('catalog');
    try {
      const file = path.join(temp.dir, 'catalog.json');
      writeFileSync(file, JSON.stringify({ version: 1, models: [{ ...entries[0], uri: 'https://example.com/x.gguf' }] }));
      expect(() => loadCatalog(file)).toThrow(/models\.0\.uri: The uri must be hf:/);
      writeFileSync(file, JSON.stringify({ version: 1, models: [entries[0], entries[0]] }));
      expect(() => loadCatalog(file)).toThrow(/share an id/);
    } finally {
      temp.remove();
    }
  });
});
