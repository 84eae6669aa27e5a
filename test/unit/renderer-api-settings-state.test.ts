import { describe, expect, it } from 'vitest';
import type { ApiServerInfo, ApiSettings } from '../../src-main/contract/endpoint.js';
import type { Settings } from '../../src-main/contract/entities.js';
import { DEFAULT_SETTINGS } from '../../src-main/core/settings-service.js';
import { ApiSettingsState, readOrigins, readPort, type ApiServerHolder } from '../../src-renderer/lib/state/api-settings.svelte.js';
import { SettingsState } from '../../src-renderer/lib/state/settings.svelte.js';
import { ScriptedClient } from '../support/scripted-client.js';

// What a fresh Duet has saved, idle unload off.
const SAVED: Settings = { ...DEFAULT_SETTINGS, unloadIdleMinutes: null };

const RUNNING: ApiServerInfo = { running: true, baseUrl: 'http://127.0.0.1:4311/v1', key: 'sk-duet-old', problem: null };

function withApi(api: Partial<ApiSettings>): Settings {
  return { ...SAVED, api: { ...SAVED.api, ...api } };
}

function setup(): { client: ScriptedClient; settings: SettingsState; server: ApiServerHolder; state: ApiSettingsState } {
  const client = new ScriptedClient();
  const settings = new SettingsState(client);
  settings.apply(SAVED);
  const server: ApiServerHolder = { api: { running: false, baseUrl: null, key: null, problem: null } };
  return { client, settings, server, state: new ApiSettingsState(client, settings, server) };
}

describe('ApiSettingsState', () => {
  it('shows the switch on at once and saves the whole API object', async () => {
    const { client, settings, state } = setup();
    const saving = state.setEnabled(true);
    expect(state.shown?.enabled).toBe(true);
    const call = client.take('settings.update');
    expect(call.request).toEqual({ api: { enabled: true, port: 4311, allowedOrigins: [], keepConversations: true } });
    call.ok(withApi({ enabled: true }));
    expect(await saving).toBe(true);
    expect(settings.api?.enabled).toBe(true);
    expect(state.shown?.enabled).toBe(true);
    expect(state.saved).toBe('enabled');
  });

  it('goes back to the saved port and says why, next to the port, when the core refuses it', async () => {
    const { client, state } = setup();
    const saving = state.setPort(80);
    expect(state.shown?.port).toBe(80);
    const error = client.take('settings.update').fail('invalid_request', 'That request is not valid: Pick a port from 1024 to 65535.');
    expect(await saving).toBe(false);
    expect(state.shown?.port).toBe(4311);
    expect(state.errors).toEqual({ port: error });
  });

  it('keeps a port error shown while the switch saves', async () => {
    const { client, state } = setup();
    const port = state.setPort(4312);
    const portError = client.take('settings.update').fail('storage_full', 'The disk is full.');
    await port;
    const saving = state.setEnabled(true);
    client.take('settings.update').ok(withApi({ enabled: true }));
    await saving;
    expect(state.errors).toEqual({ port: portError });
    expect(state.saved).toBe('enabled');
  });

  it('lets only the newest save decide: a slow failure of an older one leaves the newer choice', async () => {
    const { client, state } = setup();
    const first = state.setEnabled(true);
    const second = state.setPort(5000);
    const [older, newer] = client.twoWaiting('settings.update');
    // The newer save builds on the change still on its way.
    expect(newer.request).toEqual({ api: { enabled: true, port: 5000, allowedOrigins: [], keepConversations: true } });

    newer.ok(withApi({ enabled: true, port: 5000 }));
    await second;
    older.fail('storage_full');
    await first;

    expect(state.shown).toEqual({ enabled: true, port: 5000, allowedOrigins: [], keepConversations: true });
    expect(state.errors).toEqual({});
  });

  it('keeps the choice on its way shown while an older settings.changed event arrives', async () => {
    const { client, settings, state } = setup();
    const saving = state.setEnabled(true);
    // Another window saved something else meanwhile; its event still says the API is off.
    settings.applyChanged(
      { ...SAVED, showRouting: true },
      { defaultThreshold: 0.5, effectiveThreshold: 0.5, learnedNudge: 0, learnedChoices: 0, escalationThreshold: 0.6, localShareCurve: null, localShareQuestions: 0 },
    );
    expect(state.shown?.enabled).toBe(true);
    client.take('settings.update').ok(withApi({ enabled: true }));
    await saving;
    expect(state.shown?.enabled).toBe(true);
  });

  it('shows the renewed key from the answer when no status event came first', async () => {
    const { client, server, state } = setup();
    server.api = RUNNING;
    const renewing = state.renewKey();
    expect(state.renewing).toBe(true);
    client.take('api.renewKey').ok({ ...RUNNING, key: 'sk-duet-new' });
    expect(await renewing).toBe(true);
    expect(server.api.key).toBe('sk-duet-new');
    expect(state.renewing).toBe(false);
  });

  it('leaves a newer api.status event standing over the renew answer', async () => {
    const { client, server, state } = setup();
    server.api = RUNNING;
    const renewing = state.renewKey();
    // The endpoint was turned off (in another window) after the renewal: the event is newer.
    const stopped: ApiServerInfo = { running: false, baseUrl: null, key: 'sk-duet-new', problem: null };
    server.api = stopped;
    client.take('api.renewKey').ok({ ...RUNNING, key: 'sk-duet-new' });
    await renewing;
    expect(server.api).toBe(stopped);
  });

  it('says why a renewal failed and keeps the old key', async () => {
    const { client, server, state } = setup();
    server.api = RUNNING;
    const renewing = state.renewKey();
    const error = client.take('api.renewKey').fail('storage_readonly', 'The key cannot be saved.');
    expect(await renewing).toBe(false);
    expect(state.renewError).toEqual(error);
    expect(server.api.key).toBe('sk-duet-old');
  });
});

describe('readPort and readOrigins', () => {
  it('reads a port typed, and refuses what is not one from 1024 to 65535', () => {
    expect(readPort(' 5000 ')).toEqual({ ok: true, value: 5000 });
    expect(readPort('1024')).toEqual({ ok: true, value: 1024 });
    // The contract's words, before anything is sent.
    expect(readPort('80')).toEqual({ ok: false, message: 'Pick a port from 1024 to 65535.' });
    expect(readPort('65536')).toMatchObject({ ok: false });
    expect(readPort('50a')).toMatchObject({ ok: false });
    expect(readPort('')).toMatchObject({ ok: false });
  });

  it('reads origins one per line, without blanks, trailing slashes or repeats', () => {
    expect(readOrigins('http://localhost:3000/\n\n  https://app.example.com \nhttp://localhost:3000')).toEqual(['http://localhost:3000', 'https://app.example.com']);
    expect(readOrigins('  \n')).toEqual([]);
  });
});
