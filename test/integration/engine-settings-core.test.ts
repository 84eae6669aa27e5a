// Per-model settings through the core: kept in the real SQLite history across restarts, checked
// when saved, applied to the active model (a new context reloads it), and the router's context gate
// reading the window the model really got.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SETTINGS, type ModelSettingsInfo, type ModelStatus } from '../../src-main/contract/index.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { CLOUD_GREETING_ANSWER, TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { askAndWait, valueOf } from '../support/core-driver.js';
import { modelStatus as status, useCoreWithCloud } from '../support/core-with-cloud.js';

const duet = useCoreWithCloud('model-settings');

const open = (withCloud = false): Promise<DuetCore> => duet.open({ withCloud });

/** Waits until the model reports `contextSize` (a reload after a settings change runs in the background). */
async function waitForContext(c: DuetCore, contextSize: number): Promise<ModelStatus> {
  for (let i = 0; i < 600; i++) {
    const now = await status(c);
    if (now.state === 'ready' && now.contextSize === contextSize) return now;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the model never reached a ${contextSize}-token context: ${JSON.stringify(await status(c))}`);
}

describe('per-model settings in the core', () => {
  it('starts from the defaults, keeps what the user changed across a restart, and only for that model', async () => {
    let c = await open();
    const fresh = valueOf<ModelSettingsInfo>(await c.call('models.settings', { path: TINY_MODEL_FILE }));
    expect(fresh).toEqual({ path: TINY_MODEL_FILE, settings: DEFAULT_MODEL_SETTINGS, defaults: DEFAULT_MODEL_SETTINGS });

    const saved = valueOf<ModelSettingsInfo>(
      await c.call('models.saveSettings', { path: TINY_MODEL_FILE, changes: { temperature: 0.2, seed: 123, systemPrompt: 'Answer in French.' } }),
    );
    expect(saved.settings).toEqual({ ...DEFAULT_MODEL_SETTINGS, temperature: 0.2, seed: 123, systemPrompt: 'Answer in French.' });
    // Answers go on with the new sampling (the tiny model says its text whatever is sampled).
    expect((await askAndWait(c, 'Hello')).answer.content).toBe(TINY_GREETING_ANSWER);

    await duet.close();
    c = await open();
    expect(valueOf<ModelSettingsInfo>(await c.call('models.settings', { path: TINY_MODEL_FILE })).settings).toEqual(saved.settings);
    const other = path.join(path.dirname(TINY_MODEL_FILE), 'other.gguf');
    expect(valueOf<ModelSettingsInfo>(await c.call('models.settings', { path: other })).settings).toEqual(DEFAULT_MODEL_SETTINGS);

    // Back to a default value: stored as "not changed", so a better default in a later Duet applies.
    const reset = valueOf<ModelSettingsInfo>(
      await c.call('models.saveSettings', { path: TINY_MODEL_FILE, changes: { temperature: DEFAULT_MODEL_SETTINGS.temperature } }),
    );
    expect(reset.settings.temperature).toBe(DEFAULT_MODEL_SETTINGS.temperature);
    expect(reset.settings.seed).toBe(123);
  });

  it('refuses a setting llama.cpp cannot use, with what is wrong, and keeps the old one', async () => {
    const c = await open();
    const refused = await c.call('models.saveSettings', { path: TINY_MODEL_FILE, changes: { temperature: 5 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/temperature|2/i);
    const unknown = await c.call('models.saveSettings', { path: TINY_MODEL_FILE, changes: { warmth: 1 } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(valueOf<ModelSettingsInfo>(await c.call('models.settings', { path: TINY_MODEL_FILE })).settings.temperature).toBe(DEFAULT_MODEL_SETTINGS.temperature);
  });

  it('reloads the active model with a new context size, and the router gates on that window', async () => {
    const c = await open(true);
    // The loopback cloud answers long questions too (its own model's window is the tiny one's).
    duet.cloud.setFault({ kind: 'large-window' });
    expect((await status(c)).contextSize).toBe(4096);
    valueOf(await c.call('settings.update', { threshold: 1 }));
    valueOf(await c.call('models.saveSettings', { path: TINY_MODEL_FILE, changes: { contextSize: 1024 } }));
    const reloaded = await waitForContext(c, 1024);
    expect(reloaded.path).toBe(TINY_MODEL_FILE);

    // About 1,300 tokens by the router's estimate: it fits 4,096, not 1,024, so the router sends it to the cloud itself.
    const question = 'lorem ipsum dolor sit amet '.repeat(190).trim();
    const { answer } = await askAndWait(c, question);
    expect(answer.content).toBe(CLOUD_GREETING_ANSWER);
    expect(answer.provenance).toMatchObject({ target: 'cloud', route: 'cloud' });
    const reason = answer.provenance?.reasons.find((r) => r.code === 'context-too-long');
    expect(reason?.message).toContain('1024-token window');

    // Back to automatic: the whole trained window again, and a short question stays local.
    valueOf(await c.call('models.saveSettings', { path: TINY_MODEL_FILE, changes: { contextSize: 'auto' } }));
    await waitForContext(c, 4096);
    expect((await askAndWait(c, 'Hello')).answer.content).toBe(TINY_GREETING_ANSWER);
  });
});
