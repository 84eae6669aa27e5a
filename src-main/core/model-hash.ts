// The administrator's list of approved model files (policy `allowedModelHashes`): a file is loaded only
// when its SHA-256 is on the list. A hash is computed once per file, kept in the history's settings
// table by path, size and modification time, and read as a stream so that hashing gigabytes leaves
// the core answering.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { PolicyInfo } from '../contract/index.js';
import type { History } from '../history/history-types.js';
import { sha256File } from '../models/file-hash.js';
import { CoreError } from './core-error.js';

/** The settings key of the hash cache: `{ [path]: { size, mtimeMs, sha256 } }`. */
export const MODEL_HASHES_KEY = 'modelHashes';

interface CachedHash {
  size: number;
  mtimeMs: number;
  sha256: string;
}

/** SHA-256 of model files, each computed once while the file stays the same (same size and time). */
export class ModelHashes {
  /** Hashes being computed, so that two loads of one file read it once. */
  private readonly running = new Map<string, Promise<string>>();

  constructor(private readonly history: History) {}

  /** The file's SHA-256 (lower-case hex), from the cache when its size and modification time are unchanged. */
  async of(file: string): Promise<string> {
    const resolved = path.resolve(file);
    const facts = await stat(resolved);
    const cached = this.cache()[resolved];
    if (cached && cached.size === facts.size && cached.mtimeMs === facts.mtimeMs) return cached.sha256;
    const key = `${resolved} ${facts.size} ${facts.mtimeMs}`;
    let running = this.running.get(key);
    if (!running) {
      running = sha256File(resolved).finally(() => this.running.delete(key));
      this.running.set(key, running);
    }
    const sha256 = await running;
    this.remember(resolved, { size: facts.size, mtimeMs: facts.mtimeMs, sha256 });
    return sha256;
  }

  /** Keeps a hash already known for a file (a download checked against it), so it is not read again. */
  async record(file: string, sha256: string): Promise<void> {
    const resolved = path.resolve(file);
    const facts = await stat(resolved);
    this.remember(resolved, { size: facts.size, mtimeMs: facts.mtimeMs, sha256 });
  }

  /** Forgets a file's hash (it was deleted). */
  forget(file: string): void {
    const all = this.cache();
    const resolved = path.resolve(file);
    if (!(resolved in all)) return;
    delete all[resolved];
    this.history.saveSetting(MODEL_HASHES_KEY, all);
  }

  private remember(file: string, entry: CachedHash): void {
    this.history.saveSetting(MODEL_HASHES_KEY, { ...this.cache(), [file]: entry });
  }

  private cache(): Record<string, CachedHash> {
    const value = this.history.getSettings()[MODEL_HASHES_KEY];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const valid: Record<string, CachedHash> = {};
    for (const [file, entry] of Object.entries(value as Record<string, unknown>)) {
      const e = entry as Partial<CachedHash> | null;
      if (e && typeof e.size === 'number' && typeof e.mtimeMs === 'number' && typeof e.sha256 === 'string') valid[file] = e as CachedHash;
    }
    return valid;
  }
}

/** The policy's approved hashes in lower case, or null when any model may be loaded. */
export function approvedHashes(policy: PolicyInfo): Set<string> | null {
  return policy.allowedModelHashes === null ? null : new Set(policy.allowedModelHashes.map((hash) => hash.trim().toLowerCase()));
}

/** What a user reads when a file is not on the administrator's list. */
export function notApprovedMessage(file: string): string {
  return `${path.basename(file)} is not an approved model: your administrator allows only approved model files on this computer (checked by their SHA-256). Choose an approved model, or ask your administrator to approve this one.`;
}

/**
 * Throws `forbidden_by_policy` unless the policy allows any model or the file's SHA-256 is on its list.
 * A file that cannot be read is left to the load, which says why.
 */
export async function checkModelApproved(file: string, policy: PolicyInfo, hashes: ModelHashes): Promise<void> {
  const approved = approvedHashes(policy);
  if (approved === null) return;
  let sha256: string;
  try {
    sha256 = await hashes.of(file);
  } catch {
    return;
  }
  if (!approved.has(sha256)) throw new CoreError('forbidden_by_policy', notApprovedMessage(file));
}
