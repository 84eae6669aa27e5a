// The price table and the presets: what a cloud answer probably cost, and where a cloud can live.
import { describe, expect, it } from 'vitest';
import { CLOUD_PRESETS, findPreset, placeholdersIn } from '../../src-main/cloud/presets.js';
import { DEFAULT_PRICES, estimateCost, findPrice, type PriceTable } from '../../src-main/cloud/prices.js';

describe('estimateCost', () => {
  it('prices input and output tokens per million', () => {
    const table: PriceTable = { asOf: 'test', models: { m: { inputPerMillion: 2, outputPerMillion: 8 } } };
    expect(estimateCost('m', { promptTokens: 1_000_000, completionTokens: 500_000 }, table)).toBeCloseTo(6, 10);
    expect(estimateCost('m', { promptTokens: 0, completionTokens: 0 }, table)).toBe(0);
  });

  it('is null for a model the table does not know', () => {
    expect(estimateCost('my-own-finetune', { promptTokens: 10, completionTokens: 10 })).toBeNull();
    expect(estimateCost('gpt-4o-mini', { promptTokens: 10, completionTokens: 10 }, { asOf: 'test', models: {} })).toBeNull();
  });

  it('has defaults for common models, dated', () => {
    expect(DEFAULT_PRICES.asOf).toMatch(/^\d{4}-\d{2}$/);
    const cost = estimateCost('gpt-4o-mini', { promptTokens: 1000, completionTokens: 1000 });
    expect(cost).toBeGreaterThan(0);
    expect(cost).toBeLessThan(0.01);
    for (const price of Object.values(DEFAULT_PRICES.models)) {
      expect(price.inputPerMillion).toBeGreaterThanOrEqual(0);
      expect(price.outputPerMillion).toBeGreaterThanOrEqual(price.inputPerMillion);
    }
  });

  it('finds dated, vendor-prefixed and differently cased ids', () => {
    const base = findPrice('gpt-4o-mini');
    expect(base).not.toBeNull();
    expect(findPrice('gpt-4o-mini-2024-07-18')).toEqual(base);
    expect(findPrice('openai/gpt-4o-mini')).toEqual(base);
    expect(findPrice('GPT-4o-mini')).toEqual(base);
    expect(findPrice('anthropic/claude-sonnet-4')).toEqual({ inputPerMillion: 3, outputPerMillion: 15 });
    // A longer name is not confused with a shorter one it starts with.
    expect(findPrice('gpt-4o')).not.toEqual(base);
  });

  it("counts OpenRouter's free variants as free", () => {
    expect(estimateCost('meta-llama/llama-3.3-70b-instruct:free', { promptTokens: 1000, completionTokens: 1000 })).toBe(0);
  });
});

describe('presets', () => {
  it('covers the common clouds and self-hosted servers, each with a usable address', () => {
    const ids = CLOUD_PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['openai', 'azure-openai', 'openrouter', 'groq', 'together', 'mistral', 'vllm', 'ollama', 'llama-cpp']));
    for (const preset of CLOUD_PRESETS) {
      const url = new URL(preset.baseUrl.replace(/\{[^}]+\}/g, 'x'));
      expect(['https:', 'http:']).toContain(url.protocol);
      expect(preset.defaultModel).not.toBe('');
      expect(preset.notes.length).toBeGreaterThan(20);
    }
  });

  it('needs no key for self-hosted servers, which live on this machine', () => {
    for (const id of ['vllm', 'ollama', 'llama-cpp']) {
      const preset = findPreset(id)!;
      expect(preset.needsApiKey).toBe(false);
      expect(new URL(preset.baseUrl).hostname).toBe('localhost');
    }
    expect(findPreset('vllm')!.baseUrl).toBe('http://localhost:8000/v1');
    expect(findPreset('ollama')!.baseUrl).toBe('http://localhost:11434/v1');
    expect(findPreset('llama-cpp')!.baseUrl).toBe('http://localhost:8080/v1');
    for (const preset of CLOUD_PRESETS.filter((p) => new URL(p.baseUrl.replace(/\{[^}]+\}/g, 'x')).protocol === 'https:')) {
      expect(preset.needsApiKey).toBe(true);
    }
  });

  it("marks Azure's resource placeholder and api-version", () => {
    const azure = findPreset('azure-openai')!;
    expect(placeholdersIn(azure.baseUrl)).toEqual(['resource']);
    expect(azure.azure?.apiVersion).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(azure.notes).toMatch(/deployment/);
    expect(placeholdersIn('https://api.openai.com/v1')).toEqual([]);
    expect(findPreset('nope')).toBeNull();
  });
});
