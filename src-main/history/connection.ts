import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Where the Electron start script puts better-sqlite3 rebuilt for Electron's ABI, relative to the app root. */
export const ELECTRON_NATIVE_BINDING = path.join('.electron-native', 'better_sqlite3.node');

// This file sits two folders below the app root both as source (src-main/history) and compiled (dist-main/history).
const APP_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface OpenDatabaseOptions {
  /**
   * A better-sqlite3 addon built for Electron (absolute, or relative to the app root). Used only inside
   * Electron and only when the file exists: under Node the default addon matches the ABI.
   */
  nativeBinding?: string;
  /** Open without write access (SQLite refuses every write). */
  readonly?: boolean;
  /** How long a statement waits for another connection's lock before failing with SQLITE_BUSY (DEFAULT_BUSY_TIMEOUT_MS). */
  busyTimeoutMs?: number;
  /**
   * Runs after the file is opened and before anything can be written to it (setting WAL rewrites the
   * header): the place to refuse a file without touching it. If it throws, the connection is closed.
   */
  beforeWrite?: (db: Db) => void;
}

/**
 * How long a write waits for another program's lock by default. better-sqlite3 is synchronous, so the
 * wait freezes every call and every stream of this process: half a second is the most a user should
 * feel. Only other programs contend (one Duet per data folder), so a lock that outlasts it is theirs,
 * and the write fails with `busy` and what to do rather than hanging.
 */
export const DEFAULT_BUSY_TIMEOUT_MS = 500;

export interface BindingEnvironment {
  versions?: NodeJS.ProcessVersions;
  exists?: (file: string) => boolean;
  appRoot?: string;
}

/** The addon path to hand better-sqlite3, or undefined for its default (always the case outside Electron). */
export function resolveNativeBinding(candidate: string | undefined, env: BindingEnvironment = {}): string | undefined {
  const versions = env.versions ?? process.versions;
  const exists = env.exists ?? fs.existsSync;
  if (!candidate || !versions.electron) return undefined;
  const file = path.resolve(env.appRoot ?? APP_ROOT, candidate);
  return exists(file) ? file : undefined;
}

/**
 * Opens (creating when missing) a SQLite file configured for Duet: WAL, foreign keys, synchronous NORMAL,
 * secure_delete, a busy timeout. Errors are SQLite's own; callers map them with toHistoryError.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const nativeBinding = resolveNativeBinding(options.nativeBinding);
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    // None of these three writes to the file.
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`);
    // Per connection, off by default in SQLite: without it ON DELETE CASCADE and REFERENCES do nothing.
    db.pragma('foreign_keys = ON');
    options.beforeWrite?.(db);
    if (!options.readonly) {
      try {
        // WAL: readers never block the writer, and a commit appends to the log instead of rewriting pages.
        db.pragma('journal_mode = WAL');
      } catch (e) {
        // A write-protected file cannot switch modes; keep it open so the history can still be read.
        // Every write then fails with SQLITE_READONLY, which the store reports as storage_readonly.
        if (!isSqliteReadonly(e)) throw e;
      }
    }
    // NORMAL is safe in WAL mode: the database cannot be corrupted, and a commit survives a crash of Duet.
    // Only a power cut or OS crash may lose the last commits, since the WAL is synced at checkpoints
    // rather than on every commit. That trade suits chat history: a streaming answer is saved many times
    // a second, and FULL would add an fsync to each of those saves.
    db.pragma('synchronous = NORMAL');
    // Deleted rows and freed pages are overwritten with zeros instead of lingering in the file, so a
    // deleted conversation cannot be read back from the raw bytes. Per connection; writes nothing by itself.
    db.pragma('secure_delete = ON');
    // A search joins its matches to their message rows; SQLite's default 2 MiB page cache re-reads them
    // from the OS on each keystroke. 32 MiB keeps a large history's hot pages in memory.
    db.pragma(`cache_size = -${32 * 1024}`);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function isSqliteReadonly(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_READONLY');
}
