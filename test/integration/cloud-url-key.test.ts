// A cloud URL with a key in it never reaches the settings: the core refuses it, and one saved by an
// older Duet is cleaned when Duet starts (the key moved to the key store where there is one).
import { OPEN_POLICY } from '../../src-main/contract/index.js';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppInfo } from '../../src-main/contract/index.js';
import { CLOUD_API_KEY_SECRET, createEncryptedFileSecretStore, createEnvSecretStore, type SecretStore } from '../../src-main/cloud/secrets.js';
import { createDuetCore } from '../../src-main/core/create-core.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { valueOf } from '../support/core-driver.js';
import { makeTempDir } from '../support/temp-dir.js';

const KEY = 'sk-live-NeverInSettings0042';
let temp: ReturnType<typeof makeTempDir> | null = null;
let core: DuetCore | null = null;

afterEach(async () => {
  await core?.close();
  core = null;
  temp?.remove();
  temp = null;
  vi.restoreAllMocks();
});

/** A reversible stand-in for Electron's safeStorage, so the desktop store runs for real on disk. */
function desktopStore(dir: string): SecretStore {
  const xor = (bytes: Buffer): Buffer => Buffer.from(bytes.map((b) => b ^ 0x5a));
  return createEncryptedFileSecretStore({
    dir: path.join(dir, 'secrets'),
    encrypt: (text) => xor(Buffer.from(text, 'utf8')),
    decrypt: (bytes) => xor(bytes).toString('utf8'),
    isAvailable: () => true,
  });
}

async function open(secrets: SecretStore, keyStorage: AppInfo['cloud']['keyStorage']): Promise<DuetCore> {
  temp ??= makeTempDir('cloud-url-key');
  core = await createDuetCore({ dataDir: temp.dir, version: 'test', policy: OPEN_POLICY, secrets, keyStorage });
  return core;
}

/** Every byte Duet keeps in its data folder's database files (after closing, so the WAL is checkpointed). */
function databaseBytes(dir: string): string {
  return readdirSync(dir)
    .filter((name) => name.startsWith('duet.sqlite'))
    .map((name) => readFileSync(path.join(dir, name)).toString('latin1'))
    .join('');
}

function storedSettings(dir: string): string {
  const db = new Database(path.join(dir, 'duet.sqlite'), { readonly: true });
  try {
    return JSON.stringify(db.prepare('SELECT key, value FROM settings').all());
  } finally {
    db.close();
  }
}

describe('a cloud URL with a key in it', () => {
  it.each([`https://user:${KEY}@api.example.com/v1`, `https://api.example.com/v1?api-key=${KEY}`, `https://api.example.com/v1?key=${KEY}`])(
    'is refused by cloud.configure and settings.update with a message saying where the key goes (%s)',
    async (baseUrl) => {
      const c = await open(desktopStore(makeTempDirFor()), 'encrypted');
      const configured = await c.call('cloud.configure', { presetId: 'custom', baseUrl, model: 'gpt-4o-mini' });
      expect(configured).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/API key field/) } });
      const updated = await c.call('settings.update', { cloud: { presetId: 'custom', baseUrl, model: 'gpt-4o-mini' } });
      expect(updated.ok).toBe(false);
      if (!updated.ok) expect(updated.error.message).not.toContain(KEY);
      if (!configured.ok) expect(configured.error.message).not.toContain(KEY);

      const info = valueOf<AppInfo>(await c.call('app.info', {}));
      expect(info.settings.cloud).toBeNull();
      expect(JSON.stringify(info)).not.toContain(KEY);
      await c.close();
      core = null;
      expect(storedSettings(temp!.dir)).not.toContain(KEY);
      expect(databaseBytes(temp!.dir)).not.toContain(KEY);
    },
  );

  it('saved by an older Duet is cleaned at start and its key moved to the encrypted key store', async () => {
    const secrets = desktopStore(makeTempDirFor());
    await open(secrets, 'encrypted');
    await core!.close();
    core = null;
    writeOldCloudSetting(temp!.dir, `https://me:${KEY}@api.example.com/v1`);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const c = await open(secrets, 'encrypted');
    const info = valueOf<AppInfo>(await c.call('app.info', {}));
    expect(info.settings.cloud).toEqual({ presetId: 'custom', baseUrl: 'https://api.example.com/v1', model: 'gpt-4o-mini' });
    expect(info.cloud).toMatchObject({ configured: true, hasApiKey: true });
    expect(JSON.stringify(info)).not.toContain(KEY);
    expect(await secrets.get(CLOUD_API_KEY_SECRET)).toBe(KEY);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/key store/);
    expect(warn.mock.calls.flat().join(' ')).not.toContain(KEY);
    await c.close();
    core = null;
    expect(storedSettings(temp!.dir)).not.toContain(KEY);
    expect(databaseBytes(temp!.dir)).not.toContain(KEY);
  });

  it('saved by an older Duet is dropped at start in headless mode, which never stores keys, and says so', async () => {
    const secrets = createEnvSecretStore({});
    await open(secrets, 'environment');
    await core!.close();
    core = null;
    writeOldCloudSetting(temp!.dir, `https://api.example.com/v1?key=${KEY}`);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const c = await open(secrets, 'environment');
    const info = valueOf<AppInfo>(await c.call('app.info', {}));
    expect(info.settings.cloud?.baseUrl).toBe('https://api.example.com/v1');
    expect(info.cloud.hasApiKey).toBe(false);
    expect(JSON.stringify(info)).not.toContain(KEY);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/DUET_CLOUD_API_KEY/);
    await c.close();
    core = null;
    expect(databaseBytes(temp!.dir)).not.toContain(KEY);
  });
});

/** The temp folder of this test (made on first use), for a secret store beside the data. */
function makeTempDirFor(): string {
  temp ??= makeTempDir('cloud-url-key');
  return temp.dir;
}

/** Writes the cloud setting as an older Duet did, without today's check. */
function writeOldCloudSetting(dir: string, baseUrl: string): void {
  const db = new Database(path.join(dir, 'duet.sqlite'));
  try {
    db.prepare("INSERT INTO settings (key, value) VALUES ('cloud', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
      JSON.stringify({ presetId: 'custom', baseUrl, model: 'gpt-4o-mini' }),
    );
  } finally {
    db.close();
  }
}

describe('headless start with a key in DUET_CLOUD_BASE_URL', () => {
  it('refuses to start, says where the key goes, and never prints the key', () => {
    temp = makeTempDir('cloud-url-cli');
    const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist-main', 'server', 'cli.js');
    const env: NodeJS.ProcessEnv = { ...process.env, DUET_CLOUD_BASE_URL: `https://user:${KEY}@api.example.com/v1`, DUET_CLOUD_MODEL: 'm' };
    delete env.DUET_CLOUD_API_KEY;
    const run = spawnSync(process.execPath, [cli, '--data', temp.dir, '--port', '0'], { env, encoding: 'utf8', timeout: 60_000 });
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status).not.toBe(0);
    expect(output).toMatch(/API key field/);
    expect(output).not.toContain(KEY);
  });
});
