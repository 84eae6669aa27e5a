import { describe, expect, it } from 'vitest';
import type { ModelStatus } from '../../src-main/contract/entities.js';
import { DEFAULT_MODEL_SETTINGS, ModelSettings } from '../../src-main/contract/model-settings.js';
import { Settings } from '../../src-main/contract/entities.js';
import { IDLE_MINUTES_MAX, readIdleMinutes, readMirror } from '../../src-renderer/lib/mirror-idle-fields.js';
import { backendName, contextText, factsSummary, layersText } from '../../src-renderer/lib/model-facts.js';
import { changesReload, draftFrom, NUMBER_RULES, readDraft, readNumber, SYSTEM_PROMPT_MAX, type NumberKey } from '../../src-renderer/lib/model-settings-form.js';

describe('the model settings form', () => {
  it('checks each number field with the limits the core enforces', () => {
    for (const [key, rule] of Object.entries(NUMBER_RULES)) {
      const schema = ModelSettings.shape[key as NumberKey];
      const step = rule.integer ? 1 : 0.001;
      expect(schema.safeParse(rule.max).success, `${key} max`).toBe(true);
      expect(schema.safeParse(rule.max + step).success, `${key} above max`).toBe(false);
      expect(readNumber(String(rule.max + step), rule).ok, `${key} form above max`).toBe(false);
      // The form's lowest value is one the core takes (GPU layers start at 1 there: 0 is "CPU only").
      const lowest = rule.minExclusive ? rule.min + step : rule.min;
      expect(schema.safeParse(lowest).success, `${key} min`).toBe(true);
      expect(readNumber(String(lowest), rule).ok, `${key} form min`).toBe(true);
      const below = rule.minExclusive ? rule.min : rule.min - step;
      if (key !== 'gpuLayers') expect(schema.safeParse(below).success, `${key} below min`).toBe(false);
      expect(readNumber(String(below), rule).ok, `${key} form below min`).toBe(false);
    }
    expect(ModelSettings.shape.systemPrompt.safeParse('x'.repeat(SYSTEM_PROMPT_MAX)).success).toBe(true);
    expect(ModelSettings.shape.systemPrompt.safeParse('x'.repeat(SYSTEM_PROMPT_MAX + 1)).success).toBe(false);
  });

  it('names the field and its range when a value is not acceptable', () => {
    expect(readNumber('5', NUMBER_RULES.temperature)).toEqual({ ok: false, message: 'Temperature must be a number from 0 to 2.' });
    expect(readNumber('abc', NUMBER_RULES.topK)).toEqual({ ok: false, message: 'Top-k must be a whole number from 0 to 100,000.' });
    expect(readNumber('0', NUMBER_RULES.topP)).toEqual({ ok: false, message: 'Top-p must be a number above 0, up to 1.' });
    expect(readNumber('', NUMBER_RULES.maxTokens).ok).toBe(false);
    expect(readNumber('1.5', NUMBER_RULES.seed).ok).toBe(false);
    // A decimal comma, as many keyboards type it, is a decimal point.
    expect(readNumber('0,8', NUMBER_RULES.temperature)).toEqual({ ok: true, value: 0.8 });
  });

  it('sends only what changed, and nothing when a field is wrong', () => {
    const draft = draftFrom(DEFAULT_MODEL_SETTINGS);
    expect(readDraft(draft, DEFAULT_MODEL_SETTINGS)).toEqual({ ok: true, changes: {} });

    const changed = readDraft({ ...draft, temperature: '0.2', seed: '42', contextMode: 'fixed', contextSize: '1024' }, DEFAULT_MODEL_SETTINGS);
    expect(changed).toEqual({ ok: true, changes: { temperature: 0.2, seed: 42, contextSize: 1024 } });
    expect(changed.ok && changesReload(changed.changes)).toBe(true);

    const wrong = readDraft({ ...draft, temperature: '0.2', repeatPenalty: '0.5' }, DEFAULT_MODEL_SETTINGS);
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && Object.keys(wrong.errors)).toEqual(['repeatPenalty']);
  });

  it('round-trips CPU only, a layer count and a random seed', () => {
    const saved = { ...DEFAULT_MODEL_SETTINGS, gpuLayers: 0 as const, seed: null };
    const draft = draftFrom(saved);
    expect(draft.gpuMode).toBe('cpu');
    expect(draft.seed).toBe('');
    expect(readDraft({ ...draft, gpuMode: 'fixed', gpuLayers: '12' }, saved)).toEqual({ ok: true, changes: { gpuLayers: 12 } });
    expect(readDraft({ ...draft, seed: '  ' }, saved)).toEqual({ ok: true, changes: {} });
    expect(changesReload({ temperature: 1 })).toBe(false);
  });
});

describe('mirror and idle unload fields', () => {
  it('takes an http(s) mirror or none, and explains anything else', () => {
    expect(readMirror('  ')).toEqual({ ok: true, value: null });
    expect(readMirror('https://models.example.com')).toEqual({ ok: true, value: 'https://models.example.com' });
    for (const bad of ['models.example.com', 'ftp://example.com', 'not a url']) {
      const read = readMirror(bad);
      expect(read.ok).toBe(false);
      // What the form lets through, the core takes too.
      expect(Settings.shape.modelMirror.safeParse(bad).success).toBe(false);
    }
    expect(Settings.shape.modelMirror.safeParse('https://models.example.com').success).toBe(true);
  });

  it('takes whole minutes up to a week', () => {
    expect(readIdleMinutes('15')).toEqual({ ok: true, value: 15 });
    expect(readIdleMinutes('0').ok).toBe(false);
    expect(readIdleMinutes('2.5').ok).toBe(false);
    expect(readIdleMinutes(String(IDLE_MINUTES_MAX + 1)).ok).toBe(false);
    expect(Settings.shape.unloadIdleMinutes.safeParse(IDLE_MINUTES_MAX).success).toBe(true);
    expect(Settings.shape.unloadIdleMinutes.safeParse(IDLE_MINUTES_MAX + 1).success).toBe(false);
  });
});

describe('model facts in words', () => {
  const ready: ModelStatus = {
    state: 'ready',
    path: '/m/qwen.gguf',
    name: 'Qwen',
    gpuLayers: 28,
    gpu: 'cuda',
    contextSize: 8192,
    trainedContextSize: 32768,
    gpuDevices: ['NVIDIA H200'],
    vram: { totalBytes: 1e10, usedBytes: 2e9, freeBytes: 8e9 },
    fitNote: null,
    sleeping: false,
    error: null,
  };

  it('says the backend, layers and context as people read them', () => {
    expect(backendName('cuda')).toBe('CUDA');
    expect(backendName('metal')).toBe('Metal');
    expect(backendName('cpu')).toBe('CPU');
    expect(layersText(0)).toMatch(/CPU/);
    expect(layersText(1)).toBe('1 layer on the GPU');
    expect(contextText(8192, 32768)).toBe('8,192 tokens (trained on 32,768)');
    expect(factsSummary(ready)).toBe('Runs on CUDA · 28 GPU layers · 8,192-token context');
    expect(factsSummary({ ...ready, gpu: 'cpu', gpuLayers: 0 })).toBe('Runs on CPU · no GPU layers · 8,192-token context');
  });
});
