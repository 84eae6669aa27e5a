import { describe, expect, it } from 'vitest';
import type { Settings } from '../../src-main/contract/entities.js';
import { DEFAULT_SETTINGS } from '../../src-main/core/settings-service.js';
import { SettingsState } from '../../src-renderer/lib/state/settings.svelte.js';
import { ScriptedClient } from '../support/scripted-client.js';

// What a fresh Duet has saved, idle unload off.
const SAVED: Settings = { ...DEFAULT_SETTINGS, unloadIdleMinutes: null };

function setup(): { client: ScriptedClient; settings: SettingsState } {
  const client = new ScriptedClient();
  const settings = new SettingsState(client);
  settings.apply(SAVED);
  return { client, settings };
}

describe('SettingsState', () => {
  it('shows a new mode at once and keeps what the core saved', async () => {
    const { client, settings } = setup();
    const saving = settings.setMode('local');
    expect(settings.mode).toBe('local');
    const call = client.take('settings.update');
    expect(call.request).toEqual({ mode: 'local' });
    call.ok({ ...SAVED, mode: 'local' });
    await saving;
    expect(settings.mode).toBe('local');
    expect(settings.error).toBeNull();
  });

  it('puts the old mode back and says why when the save fails', async () => {
    const { client, settings } = setup();
    const saving = settings.setMode('cloud');
    const error = client.take('settings.update').fail('storage_readonly', 'Settings cannot be saved.');
    await saving;
    expect(settings.mode).toBe('auto');
    expect(settings.error).toEqual(error);
  });

  it('does not let a slow failed save of the mode put back a newer choice', async () => {
    const { client, settings } = setup();
    const first = settings.setMode('cloud');
    const second = settings.setMode('local');
    const [older, newer] = client.twoWaiting('settings.update');

    newer.ok({ ...SAVED, mode: 'local' });
    await second;
    older.fail('storage_full');
    await first;

    expect(settings.mode).toBe('local');
    expect(settings.error).toBeNull();
  });

  it('keeps each switch to itself: a failed mode save leaves a newer routing switch alone', async () => {
    const { client, settings } = setup();
    const mode = settings.setMode('cloud');
    const routing = settings.setShowRouting(true);
    const [modeCall, routingCall] = client.twoWaiting('settings.update');

    routingCall.ok({ ...SAVED, showRouting: true });
    await routing;
    modeCall.fail('storage_full');
    await mode;

    expect(settings.showRouting).toBe(true);
    expect(settings.mode).toBe('auto');
    expect(settings.error?.code).toBe('storage_full');
  });
});
