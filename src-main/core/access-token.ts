import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The file in the data folder that keeps headless Duet's access token between starts. */
export const ACCESS_TOKEN_FILE = 'access-token';

// 24 random bytes in base64url; anything else in the file is treated as damaged and replaced.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,200}$/;
const OWNER_ONLY = 0o600;

export interface AccessToken {
  token: string;
  /** Where it came from: the environment (DUET_TOKEN), the data folder, or made just now. */
  source: 'environment' | 'file' | 'new';
  /** A message for the terminal, e.g. that the file's permissions were tightened. */
  note: string | null;
}

/**
 * The headless bridge's access token. DUET_TOKEN wins; otherwise the one kept in the data folder,
 * so a tab opened before a restart keeps working; `renew` (or a missing or damaged file) makes a
 * new one, which locks out every tab that had the old one.
 */
export function loadAccessToken(dataDir: string, options: { renew?: boolean; env?: NodeJS.ProcessEnv } = {}): AccessToken {
  return loadKeptSecret(path.join(dataDir, ACCESS_TOKEN_FILE), (options.env ?? process.env).DUET_TOKEN, options.renew ?? false, '');
}

/** The file in the data folder that keeps the OpenAI-compatible endpoint's key. */
export const API_KEY_FILE = 'api-key';

/**
 * The key apps send to Duet's OpenAI-compatible endpoint, kept like the access token (0600, in the
 * data folder). DUET_API_KEY wins; `renew` makes a new one, which every app must then be given.
 */
export function loadApiKey(dataDir: string, options: { renew?: boolean; env?: NodeJS.ProcessEnv } = {}): AccessToken {
  return loadKeptSecret(path.join(dataDir, API_KEY_FILE), (options.env ?? process.env).DUET_API_KEY, options.renew ?? false, 'sk-duet-');
}

/** A secret from the environment, else kept in `file`, else made (random, after `prefix`) and kept. */
function loadKeptSecret(file: string, fromEnv: string | undefined, renew: boolean, prefix: string): AccessToken {
  if (fromEnv) return { token: fromEnv, source: 'environment', note: null };
  if (!renew) {
    const kept = readKeptToken(file);
    if (kept) return { token: kept.token, source: 'file', note: kept.note };
  }
  const token = prefix + randomBytes(24).toString('base64url');
  writeTokenFile(file, token);
  return { token, source: 'new', note: null };
}

function readKeptToken(file: string): { token: string; note: string | null } | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`Duet could not read ${file} (${(error as Error).message}). Delete that file to make a new one.`);
  }
  if (!TOKEN_SHAPE.test(text)) return null;
  return { token: text, note: tightenMode(file) };
}

/**
 * The token is a password to every conversation: only its owner may read it. A file that others can
 * read (copied, restored from a backup, or edited with a lax umask) is set back to 0600.
 * On Windows the mode bits do little (files there are guarded by ACLs; the data folder under
 * %APPDATA% is private to the user already), so this check is a no-op in effect there.
 */
function tightenMode(file: string): string | null {
  if (process.platform === 'win32') return null;
  const mode = fs.statSync(file).mode & 0o777;
  if ((mode & 0o077) === 0) return null;
  fs.chmodSync(file, OWNER_ONLY);
  return `Duet: ${file} could be read by other users (mode ${mode.toString(8)}); it is now readable only by you.`;
}

/** Writes the token beside the final name first, created 0600, then renames it over: never half a token. */
function writeTokenFile(file: string, token: string): void {
  const partial = `${file}.${process.pid}.partial`;
  try {
    fs.rmSync(partial, { force: true });
    fs.writeFileSync(partial, `${token}\n`, { mode: OWNER_ONLY, flag: 'wx' });
    // The umask cannot widen 0600, but a file system may ignore the create mode: set it outright.
    if (process.platform !== 'win32') fs.chmodSync(partial, OWNER_ONLY);
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new Error(`Duet could not save ${path.basename(file)} in ${path.dirname(file)} (${(error as Error).message}). Check that the data folder can be written to.`);
  }
}
