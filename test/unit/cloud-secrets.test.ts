// Where the cloud API key is kept: from the environment in headless mode, encrypted on disk in the
// desktop app (safeStorage there; a reversible test cipher here), never as plain text.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CLOUD_API_KEY_SECRET,
  createEncryptedFileSecretStore,
  createEnvSecretStore,
  envNameFor,
  type EncryptedFileSecretStoreOptions,
} from '../../src-main/cloud/secrets.js';
import { makeTempDir } from '../support/temp-dir.js';

const KEY = 'sk-proj-VerySecret0123456789';

describe('environment secret store (headless)', () => {
  it('reads the cloud key from DUET_CLOUD_API_KEY', async () => {
    expect(envNameFor(CLOUD_API_KEY_SECRET)).toBe('DUET_CLOUD_API_KEY');
    const store = createEnvSecretStore({ DUET_CLOUD_API_KEY: ` ${KEY}\n` });
    expect(store.available()).toBe(true);
    expect(await store.get(CLOUD_API_KEY_SECRET)).toBe(KEY);
  });

  it('has no key when the variable is unset or blank', async () => {
    expect(await createEnvSecretStore({}).get(CLOUD_API_KEY_SECRET)).toBeNull();
    expect(await createEnvSecretStore({ DUET_CLOUD_API_KEY: '  ' }).get(CLOUD_API_KEY_SECRET)).toBeNull();
  });

  it('refuses to store or delete, saying where keys come from', async () => {
    const env: NodeJS.ProcessEnv = {};
    const store = createEnvSecretStore(env);
    await expect(store.set(CLOUD_API_KEY_SECRET, KEY)).rejects.toThrow(/DUET_CLOUD_API_KEY/);
    await expect(store.set(CLOUD_API_KEY_SECRET, KEY)).rejects.toThrow(/environment/);
    await expect(store.delete(CLOUD_API_KEY_SECRET)).rejects.toThrow(/DUET_CLOUD_API_KEY/);
    expect(env).toEqual({});
  });
});

describe('encrypted file secret store (desktop)', () => {
  let temp: { dir: string; remove: () => void };
  let dir: string;
  let encryptionAvailable: boolean;

  // A reversible stand-in for safeStorage: a marker, then the bytes XOR-ed (the key's text never shows).
  const MARK = Buffer.from('TESTENC1');
  const xor = (bytes: Buffer): Buffer => Buffer.from(bytes.map((b) => b ^ 0xa5));
  const options = (): EncryptedFileSecretStoreOptions => ({
    dir,
    encrypt: (plaintext) => Buffer.concat([MARK, xor(Buffer.from(plaintext, 'utf8'))]),
    decrypt: (ciphertext) => {
      if (!ciphertext.subarray(0, MARK.length).equals(MARK)) throw new Error('not ours');
      return xor(ciphertext.subarray(MARK.length)).toString('utf8');
    },
    isAvailable: () => encryptionAvailable,
  });

  beforeEach(() => {
    temp = makeTempDir('secrets');
    dir = path.join(temp.dir, 'secrets');
    encryptionAvailable = true;
  });
  afterEach(() => temp.remove());

  it('stores only ciphertext, in a file only the user can read', async () => {
    const store = createEncryptedFileSecretStore(options());
    expect(store.available()).toBe(true);
    await store.set(CLOUD_API_KEY_SECRET, KEY);
    expect(await store.get(CLOUD_API_KEY_SECRET)).toBe(KEY);

    const files = readdirSync(dir);
    expect(files).toEqual([`${CLOUD_API_KEY_SECRET}.secret`]); // nothing half-written left behind
    const file = path.join(dir, files[0]!);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, MARK.length).equals(MARK)).toBe(true);
    expect(bytes.includes(Buffer.from(KEY, 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from(KEY, 'utf16le'))).toBe(false);
    expect(bytes.toString('latin1')).not.toContain('VerySecret');
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
    }
  });

  it('replaces and deletes a key', async () => {
    const store = createEncryptedFileSecretStore(options());
    expect(await store.get(CLOUD_API_KEY_SECRET)).toBeNull();
    await store.set(CLOUD_API_KEY_SECRET, KEY);
    await store.set(CLOUD_API_KEY_SECRET, 'sk-second');
    expect(await store.get(CLOUD_API_KEY_SECRET)).toBe('sk-second');
    await store.delete(CLOUD_API_KEY_SECRET);
    expect(await store.get(CLOUD_API_KEY_SECRET)).toBeNull();
    await store.delete(CLOUD_API_KEY_SECRET); // deleting nothing is fine
  });

  it('tightens the mode of a key file that was left readable', async () => {
    const store = createEncryptedFileSecretStore(options());
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${CLOUD_API_KEY_SECRET}.secret`), 'old', { mode: 0o644 });
    await store.set(CLOUD_API_KEY_SECRET, KEY);
    if (process.platform !== 'win32') expect(statSync(path.join(dir, `${CLOUD_API_KEY_SECRET}.secret`)).mode & 0o777).toBe(0o600);
  });

  it('refuses to store a key when encryption is unavailable, rather than write plain text', async () => {
    encryptionAvailable = false;
    const store = createEncryptedFileSecretStore(options());
    expect(store.available()).toBe(false);
    await expect(store.set(CLOUD_API_KEY_SECRET, KEY)).rejects.toThrow(/encryption|keyring/i);
    expect(() => readdirSync(dir)).toThrow(); // not even the folder was made
  });

  it('cannot read a stored key once encryption is gone, and says so', async () => {
    await createEncryptedFileSecretStore(options()).set(CLOUD_API_KEY_SECRET, KEY);
    encryptionAvailable = false;
    await expect(createEncryptedFileSecretStore(options()).get(CLOUD_API_KEY_SECRET)).rejects.toThrow(/will not|keyring/);
  });

  it('reports a key it cannot decrypt', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${CLOUD_API_KEY_SECRET}.secret`), 'garbage');
    await expect(createEncryptedFileSecretStore(options()).get(CLOUD_API_KEY_SECRET)).rejects.toThrow(/could not be decrypted.*again/);
  });

  it('treats an isAvailable that throws as unavailable', () => {
    const store = createEncryptedFileSecretStore({
      ...options(),
      isAvailable: () => {
        throw new Error('app not ready');
      },
    });
    expect(store.available()).toBe(false);
  });

  it('refuses secret names that could escape its folder', async () => {
    const store = createEncryptedFileSecretStore(options());
    for (const name of ['../evil', 'a/b', '', '.hidden', 'a..b']) {
      await expect(store.set(name, KEY)).rejects.toThrow(/not a valid secret name/);
    }
  });
});
