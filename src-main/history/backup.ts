import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from './connection.js';
import { toHistoryError } from './history-error.js';

/** The folder, next to the history file, that holds the copies taken before each schema upgrade. */
export const BACKUP_DIR_NAME = 'backups';

/** How many pre-upgrade copies are kept; older ones are deleted after a new one is written. */
export const BACKUPS_KEPT = 5;

// duet-YYYYMMDD-HHMMSS-v<from>.sqlite, with -<n> when two are taken within one second.
const BACKUP_NAME = /^duet-(\d{8}-\d{6})-v(\d+)(?:-(\d+))?\.sqlite$/;

export interface BackupOptions {
  /** Where the copies go; defaults to `backups/` beside the history file. */
  dir?: string;
  /** The clock, for tests. */
  now?: Date;
  keep?: number;
}

/** The default backup folder for a history file. */
export function backupDirFor(file: string): string {
  return path.join(path.dirname(path.resolve(file)), BACKUP_DIR_NAME);
}

/** The file name of a copy of a schema-`from` history taken at `now` (UTC, so names sort in time order). */
export function backupFileName(now: Date, from: number, n = 0): string {
  const pad = (x: number, width = 2) => String(x).padStart(width, '0');
  const stamp =
    `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}-` + `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`;
  return `duet-${stamp}-v${from}${n > 0 ? `-${n}` : ''}.sqlite`;
}

/**
 * Copies the open history with SQLite's online backup (consistent even with a WAL in use) into a dated
 * file, then keeps only the newest few. Returns the copy's path. Throws a HistoryError, and leaves no
 * partial copy, when the copy cannot be written: the caller must then not upgrade.
 */
export async function backupHistory(db: Db, from: number, options: BackupOptions = {}): Promise<string> {
  const dir = options.dir ?? backupDirFor(db.name);
  const now = options.now ?? new Date();
  let partial: string | undefined;
  try {
    fs.mkdirSync(dir, { recursive: true });
    let n = 0;
    while (fs.existsSync(path.join(dir, backupFileName(now, from, n)))) n++;
    const target = path.join(dir, backupFileName(now, from, n));
    // Written under another name first, so a copy cut short by a full disk never passes for a backup.
    partial = `${target}.partial`;
    await db.backup(partial);
    fs.renameSync(partial, target);
    partial = undefined;
    pruneBackups(dir, options.keep ?? BACKUPS_KEPT);
    return target;
  } catch (e) {
    if (partial) fs.rmSync(partial, { force: true });
    throw toHistoryError(e, 'back up your conversations before upgrading them, so nothing was changed', dir);
  }
}

/** Deletes all but the newest `keep` backups in `dir`; files not named like a backup are left alone. */
export function pruneBackups(dir: string, keep: number = BACKUPS_KEPT): string[] {
  const backups = listBackups(dir);
  const old = backups.slice(0, Math.max(0, backups.length - keep));
  for (const name of old) fs.rmSync(path.join(dir, name), { force: true });
  return old;
}

/** Backup file names in `dir`, oldest first. */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const found: { name: string; stamp: string; n: number }[] = [];
  for (const name of fs.readdirSync(dir)) {
    const m = BACKUP_NAME.exec(name);
    if (m) found.push({ name, stamp: m[1]!, n: Number(m[3] ?? 0) });
  }
  found.sort((a, b) => (a.stamp === b.stamp ? a.n - b.n : a.stamp < b.stamp ? -1 : 1));
  return found.map((f) => f.name);
}

/**
 * Deletes a conversation from every backup as well, so "delete" leaves no copy of it behind in the
 * backups folder either. Works on any schema a backup may have (1 and up): messages are deleted
 * explicitly with foreign keys off, which also spares old schemas a scan per message for the
 * rerun_of references they have no index for. Freed pages are zeroed (secure_delete, set by
 * openDatabase) and the log is emptied. Returns the backups that could not be cleaned, with why.
 */
export function purgeFromBackups(dir: string, conversationId: string, nativeBinding?: string): { file: string; error: string }[] {
  const failures: { file: string; error: string }[] = [];
  for (const name of listBackups(dir)) {
    const file = path.join(dir, name);
    let db: Db | undefined;
    try {
      db = openDatabase(file, nativeBinding ? { nativeBinding } : {});
      const copy = db;
      copy.pragma('foreign_keys = OFF');
      const removed = copy.transaction(() => {
        const messages = copy.prepare('DELETE FROM messages WHERE conversation_id = ?').run(conversationId).changes;
        return messages + copy.prepare('DELETE FROM conversations WHERE id = ?').run(conversationId).changes;
      })();
      if (removed > 0) copy.pragma('wal_checkpoint(TRUNCATE)');
    } catch (e) {
      failures.push({ file, error: e instanceof Error ? e.message : String(e) });
    } finally {
      db?.close();
    }
  }
  return failures;
}

/** What restoreNewestBackup did: which copy is now the history, and where the file it replaced went. */
export interface RestoredBackup {
  /** The backup now in place (its path in the backups folder; the copy there is left as it was). */
  backup: string;
  /** The replaced history file, renamed, or null when there was none. */
  damagedAs: string | null;
}

/**
 * Replaces the history file with a copy of the newest backup, keeping the file it replaces (and its
 * write-ahead log, which belongs to it and must never be applied to the copy) as
 * `duet.sqlite.damaged-<date>`, so nothing is lost. Returns null when there is no backup. Only the
 * Duet that holds the data folder may call this, with the history closed.
 */
export function restoreNewestBackup(file: string, options: { dir?: string; now?: Date } = {}): RestoredBackup | null {
  const dir = options.dir ?? backupDirFor(file);
  const newest = listBackups(dir).at(-1);
  if (!newest) return null;
  const backup = path.join(dir, newest);
  const incoming = `${file}.restoring`;
  try {
    // Copied first under another name: a copy cut short (full disk) never replaces anything.
    fs.copyFileSync(backup, incoming);
    let damagedAs: string | null = null;
    if (fs.existsSync(file)) {
      const stamp = backupFileName(options.now ?? new Date(), 0).slice('duet-'.length, -'-v0.sqlite'.length);
      damagedAs = `${file}.damaged-${stamp}`;
      for (let n = 1; fs.existsSync(damagedAs); n++) damagedAs = `${file}.damaged-${stamp}-${n}`;
      fs.renameSync(file, damagedAs);
      if (fs.existsSync(`${file}-wal`)) fs.renameSync(`${file}-wal`, `${damagedAs}-wal`);
    }
    // The shared-memory index is rebuilt from the log; a stale one must not describe the new file.
    fs.rmSync(`${file}-shm`, { force: true });
    fs.rmSync(`${file}-wal`, { force: true });
    fs.renameSync(incoming, file);
    return { backup, damagedAs };
  } catch (e) {
    fs.rmSync(incoming, { force: true });
    throw toHistoryError(e, `restore your conversations from ${backup}`, file);
  }
}
