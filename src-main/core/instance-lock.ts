import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ELECTRON_NATIVE_BINDING, resolveNativeBinding } from '../history/index.js';
import { CoreError } from './core-error.js';
import { dataFolderError } from './data-folder.js';

/** The file whose OS lock says "a Duet runs on this data folder". Never deleted: see release(). */
export const INSTANCE_LOCK_FILE = 'instance.lock';
/** Who holds the lock, for the message a second Duet prints; informative only, never trusted as the lock. */
export const INSTANCE_OWNER_FILE = 'instance.json';

export type InstanceKind = 'desktop' | 'headless';

/** What the running Duet wrote about itself. */
export interface InstanceOwner {
  pid: number;
  kind: InstanceKind;
  /** The address a headless Duet listens on (without its token), once it listens. */
  url: string | null;
  startedAt: string;
}

export interface InstanceLock {
  /** Lets the next Duet in; safe to call twice. */
  release(): void;
}

/**
 * Takes the data folder for this process, or throws a CoreError ('busy') naming the Duet that has it.
 *
 * The lock is an exclusive transaction on a small SQLite file, held open for the process's life:
 * SQLite takes an OS file lock (fcntl on POSIX, LockFileEx on Windows), which the OS drops when the
 * process ends in any way, kill -9 included, so there is no stale pid file to guess about and pid
 * reuse cannot fool it. SQLite also refuses a second connection from the same process, so two cores
 * in one process (tests) are kept apart too.
 */
export function acquireInstanceLock(dataDir: string, options: { kind: InstanceKind; nativeBinding?: string }): InstanceLock {
  const lockFile = path.join(dataDir, INSTANCE_LOCK_FILE);
  const ownerFile = path.join(dataDir, INSTANCE_OWNER_FILE);
  const nativeBinding = resolveNativeBinding(options.nativeBinding ?? ELECTRON_NATIVE_BINDING);
  let db: Database.Database;
  try {
    db = new Database(lockFile, nativeBinding ? { nativeBinding } : {});
  } catch (error) {
    throw dataFolderError(dataDir, { code: 'EACCES', message: (error as Error).message });
  }
  try {
    // Fail at once instead of waiting: the other Duet will not let go.
    db.pragma('busy_timeout = 0');
    // EXCLUSIVE: the lock is kept for the connection's life, not dropped after each statement.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) {
      throw new CoreError('busy', alreadyRunning(dataDir, readOwner(ownerFile)));
    }
    throw dataFolderError(dataDir, { code: 'EACCES', message: (error as Error).message });
  }

  const owner: InstanceOwner = { pid: process.pid, kind: options.kind, url: null, startedAt: new Date().toISOString() };
  writeOwner(ownerFile, owner);
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      // Only our own record goes; the lock file stays, because deleting a file another process has
      // open and is waiting to lock would let two processes each lock "their" file.
      if (readOwner(ownerFile)?.pid === process.pid) fs.rmSync(ownerFile, { force: true });
      db.close();
    },
  };
}

/** Records the address the Duet holding `dataDir` (this process) answers on, so a second one can name it. */
export function announceInstanceAddress(dataDir: string, url: string): void {
  const ownerFile = path.join(dataDir, INSTANCE_OWNER_FILE);
  const owner = readOwner(ownerFile);
  if (owner?.pid === process.pid) writeOwner(ownerFile, { ...owner, url });
}

/** The sentence a second Duet prints: who runs, where, and what to do instead. */
export function alreadyRunning(dataDir: string, owner: InstanceOwner | null): string {
  const who = owner ? ` (${[`process ${owner.pid}`, owner.url ?? (owner.kind === 'desktop' ? 'the desktop app' : null)].filter(Boolean).join(', ')})` : '';
  return `Duet is already running with this data folder, ${dataDir}${who}. ` + `Use that one, or start this one with --data <another folder>.`;
}

function readOwner(file: string): InstanceOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<InstanceOwner>;
    if (typeof parsed.pid !== 'number' || (parsed.kind !== 'desktop' && parsed.kind !== 'headless')) return null;
    return { pid: parsed.pid, kind: parsed.kind, url: typeof parsed.url === 'string' ? parsed.url : null, startedAt: String(parsed.startedAt ?? '') };
  } catch {
    return null;
  }
}

function writeOwner(file: string, owner: InstanceOwner): void {
  // Best effort: the record only improves a message; the lock itself is already held.
  const partial = `${file}.${process.pid}.partial`;
  try {
    fs.writeFileSync(partial, `${JSON.stringify(owner)}\n`);
    fs.renameSync(partial, file);
  } catch {
    fs.rmSync(partial, { force: true });
  }
}
