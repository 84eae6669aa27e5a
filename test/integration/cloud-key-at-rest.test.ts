// API keys live only in the key store: after a cloud key is set and used for a real answer (from the
// loopback cloud, which refuses requests without it), its bytes are in no file of the data folder
// (database, WAL, journal, settings, backups, tokens) and in no log line, in neither plain text,
// base64 (any alignment, both alphabets), hex nor UTF-16. Headless takes the key from the environment;
// the desktop keeps it encrypted (safeStorage in main.ts; a reversible stand-in here, as Electron's
// safeStorage needs the Electron binary).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OPEN_POLICY, type AppInfo, type Message } from '../../src-main/contract/index.js';
import { CLOUD_API_KEY_SECRET, createEncryptedFileSecretStore, type SecretStore } from '../../src-main/cloud/secrets.js';
import { createDuetCore } from '../../src-main/core/create-core.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { CLOUD_GREETING_ANSWER } from '../fixtures/fixture-facts.js';
import { BridgeClient } from '../support/bridge-client.js';
import { askAndWait, valueOf } from '../support/core-driver.js';
import { startServer, type RunningServer } from '../support/headless-server.js';
import { startLoopbackCloud, type LoopbackCloud } from '../support/loopback-cloud.js';
import { makeTempDir } from '../support/temp-dir.js';

const KEY = 'sk-proj-AtRestCheck7Qx9LmN2vB4kPz0wYt6Rd';

let temp: ReturnType<typeof makeTempDir> | null = null;
let cloud: LoopbackCloud | null = null;
let server: RunningServer | null = null;
let core: DuetCore | null = null;

afterEach(async () => {
  await server?.stop();
  server = null;
  await core?.close();
  core = null;
  await cloud?.stop();
  cloud = null;
  temp?.remove();
  temp = null;
  vi.restoreAllMocks();
});

/** Every way the key's bytes could be written down: plain, base64 at each alignment (both alphabets), hex, UTF-16. */
function keyForms(key: string): string[] {
  const bytes = Buffer.from(key, 'utf8');
  const forms = [key, bytes.toString('hex'), bytes.toString('hex').toUpperCase(), Buffer.from(key, 'utf16le').toString('latin1')];
  for (let shift = 0; shift < 3; shift++) {
    const shifted = Buffer.concat([Buffer.alloc(shift), bytes]);
    // Only the characters that depend on the key's bytes alone: skip the group the prefix shares, and the last group.
    for (const encoding of ['base64', 'base64url'] as const) forms.push(shifted.toString(encoding).slice(shift === 0 ? 0 : 4, -4));
  }
  return forms;
}

/** Every regular file under `dir`, with its bytes as latin1 text (byte for byte). */
function filesUnder(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile())
    .map((file) => ({ file, text: readFileSync(file).toString('latin1') }));
}

/** The files (or the log) that hold the key in any form, with the form found. */
function whereKeyIs(texts: { file: string; text: string }[]): string[] {
  const forms = keyForms(KEY);
  return texts.flatMap(({ file, text }) => forms.filter((form) => text.includes(form)).map((form) => `${file}: ${form}`));
}

describe('the cloud API key at rest', () => {
  it('is checked in every form: the forms are found where they are written', () => {
    const bytes = Buffer.from(KEY, 'utf8');
    for (const written of [
      KEY,
      bytes.toString('hex'),
      `x${bytes.toString('base64')}`,
      Buffer.concat([Buffer.from('ab'), bytes]).toString('base64'),
      Buffer.concat([Buffer.from('a'), bytes]).toString('base64url'),
      Buffer.from(KEY, 'utf16le').toString('latin1'),
    ]) {
      expect(whereKeyIs([{ file: 'probe', text: `before ${written} after` }]), written).not.toEqual([]);
    }
  });

  it('headless (DUET_CLOUD_API_KEY): after a cloud answer, the key is in no file of the data folder and not in the log', async () => {
    temp = makeTempDir('key-at-rest');
    cloud = await startLoopbackCloud({ apiKey: KEY });
    const dataDir = path.join(temp.dir, 'data');
    server = await startServer({
      model: null,
      dataDir,
      env: { DUET_CLOUD_BASE_URL: cloud.baseUrl, DUET_CLOUD_MODEL: cloud.model, DUET_CLOUD_API_KEY: KEY, DUET_POLICY_FILE: path.join(temp.dir, 'no-policy.json') },
    });
    const client = new BridgeClient(server.url);
    const events = await client.events();
    expect((await client.call<AppInfo>('app.info')).cloud).toMatchObject({ configured: true, hasApiKey: true, keyStorage: 'environment' });
    await client.call('settings.update', { mode: 'cloud' });
    const sent = await client.call<{ assistantMessage: Message }>('chat.send', { conversationId: null, text: 'Hello cloud' });
    const ended = await events.waitFor(
      (event) => event.type === 'message.updated' && event.message.id === sent.assistantMessage.id && event.message.status !== 'streaming',
      120_000,
      'the cloud answer',
    );
    expect(ended.type === 'message.updated' && ended.message.content).toBe(CLOUD_GREETING_ANSWER);
    expect(cloud.chatRequests()).toBeGreaterThan(0);
    events.close();
    await server.stop();
    const output = server.output();
    server = null;

    const files = filesUnder(dataDir);
    expect(files.some(({ file }) => path.basename(file) === 'duet.sqlite')).toBe(true);
    expect(whereKeyIs([...files, { file: 'serve output', text: output }])).toEqual([]);
  }, 240_000);

  it('desktop (encrypted key store): after a cloud answer, only the key store holds the key, as ciphertext', async () => {
    temp = makeTempDir('key-at-rest');
    cloud = await startLoopbackCloud({ apiKey: KEY });
    const dataDir = path.join(temp.dir, 'data');
    const logged: string[] = [];
    for (const method of ['log', 'warn', 'error', 'info'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    }
    const xor = (bytes: Buffer): Buffer => Buffer.from(bytes.map((b) => b ^ 0x5a));
    const secrets: SecretStore = createEncryptedFileSecretStore({
      dir: path.join(dataDir, 'secrets'),
      encrypt: (text) => xor(Buffer.from(text, 'utf8')),
      decrypt: (bytes) => xor(bytes).toString('utf8'),
      isAvailable: () => true,
    });
    core = await createDuetCore({ dataDir, version: 'test', policy: OPEN_POLICY, secrets, keyStorage: 'encrypted' });
    valueOf(await core.call('cloud.configure', { presetId: 'custom', baseUrl: cloud.baseUrl, model: cloud.model, apiKey: KEY }));
    valueOf(await core.call('settings.update', { mode: 'cloud' }));
    const { answer } = await askAndWait(core, 'Hello cloud');
    expect(answer.content).toBe(CLOUD_GREETING_ANSWER);
    await core.close();
    core = null;

    expect(await secrets.get(CLOUD_API_KEY_SECRET)).toBe(KEY);
    const files = filesUnder(dataDir);
    expect(files.some(({ file }) => file.startsWith(path.join(dataDir, 'secrets') + path.sep))).toBe(true);
    expect(whereKeyIs([...files, { file: 'console', text: logged.join('\n') }])).toEqual([]);
  }, 240_000);
});
