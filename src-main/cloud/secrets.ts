// Where the cloud API key lives. Never in SQLite, never in a plain file: the desktop app keeps it
// encrypted with the OS keychain (Electron's safeStorage), headless mode reads it from the environment.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The secret the cloud provider needs. */
export const CLOUD_API_KEY_SECRET = 'cloud-api-key';

export interface SecretStore {
  /** The secret, or null when none is stored. */
  get(name: string): Promise<string | null>;
  /** Stores the secret; rejects (with a message for the user) where it cannot be kept safely. */
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
  /** Whether secrets can be stored here at all. */
  available(): boolean;
}

/** The environment variable a secret is read from in headless mode: "cloud-api-key" → DUET_CLOUD_API_KEY. */
export function envNameFor(name: string): string {
  return `DUET_${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
}

/**
 * Headless mode's store: secrets come from the environment (DUET_CLOUD_API_KEY for the cloud key)
 * and are never written anywhere; set and delete refuse with a message that says so.
 */
export function createEnvSecretStore(env: NodeJS.ProcessEnv = process.env): SecretStore {
  const refuse = (name: string): Promise<never> =>
    Promise.reject(
      new Error(
        `In headless mode Duet reads secrets from the environment and never stores them: set ${envNameFor(name)} before starting Duet (and unset it to remove the secret).`,
      ),
    );
  return {
    async get(name) {
      const value = env[envNameFor(name)]?.trim();
      return value ? value : null;
    },
    set: (name) => refuse(name),
    delete: (name) => refuse(name),
    available: () => true,
  };
}

export interface EncryptedFileSecretStoreOptions {
  /** Folder the encrypted secrets go to (created with mode 0700). */
  dir: string;
  /** Electron: `safeStorage.encryptString`. */
  encrypt: (plaintext: string) => Buffer;
  /** Electron: `safeStorage.decryptString`. */
  decrypt: (ciphertext: Buffer) => string;
  /** Electron: `safeStorage.isEncryptionAvailable`. */
  isAvailable: () => boolean;
}

const SECRET_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

/**
 * The desktop app's store: each secret is one file `<dir>/<name>.secret` holding only ciphertext
 * (from the OS keychain via safeStorage), mode 0600. When encryption is unavailable it refuses to
 * store anything rather than fall back to plain text.
 */
export function createEncryptedFileSecretStore(options: EncryptedFileSecretStoreOptions): SecretStore {
  const fileFor = (name: string): string => {
    if (!SECRET_NAME.test(name) || name.includes('..')) throw new Error(`"${name}" is not a valid secret name.`);
    return path.join(options.dir, `${name}.secret`);
  };
  const unavailable = (): Error =>
    new Error(
      'This computer offers no encryption for stored secrets (on Linux: no keyring such as GNOME Keyring or KWallet is running), so Duet will not save the API key. Start a keyring and try again, or run Duet headless with DUET_CLOUD_API_KEY set.',
    );

  return {
    available: () => safely(options.isAvailable),
    async get(name) {
      const file = fileFor(name);
      let ciphertext: Buffer;
      try {
        ciphertext = await readFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      if (!safely(options.isAvailable)) throw unavailable();
      try {
        return options.decrypt(ciphertext);
      } catch {
        throw new Error('The stored API key could not be decrypted (the keychain may have changed). Enter the key again in Settings.');
      }
    },
    async set(name, value) {
      const file = fileFor(name);
      if (!safely(options.isAvailable)) throw unavailable();
      const ciphertext = options.encrypt(value);
      await mkdir(options.dir, { recursive: true, mode: 0o700 });
      // Written aside with mode 0600 from the start, then renamed: never a readable or half-written file.
      const partial = `${file}.${randomBytes(6).toString('hex')}.partial`;
      try {
        await writeFile(partial, ciphertext, { mode: 0o600 });
        await chmod(partial, 0o600); // the umask cannot loosen it, but an existing file's mode could differ
        await rename(partial, file);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    },
    async delete(name) {
      await rm(fileFor(name), { force: true });
    },
  };
}

function safely(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}
