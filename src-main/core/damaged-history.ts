import path from 'node:path';
import { backupDirFor, listBackups } from '../history/index.js';
import { HISTORY_FILE } from './open-data-folder.js';

/** A history file that cannot be read, and the copies it could be restored from. */
export interface DamagedHistory {
  file: string;
  backupDir: string;
  /** The newest backup's path, or null when there is none. */
  newest: string | null;
}

/** Where the damaged history of `dataDir` is and which backup would replace it. */
export function findDamagedHistory(dataDir: string): DamagedHistory {
  const file = path.join(dataDir, HISTORY_FILE);
  const backupDir = backupDirFor(file);
  const newest = listBackups(backupDir).at(-1);
  return { file, backupDir, newest: newest ? path.join(backupDir, newest) : null };
}

/**
 * What to tell a user whose history is damaged: where the backups are and how to restore the newest
 * (`restoreHow` names the command or button), or, with none, how to start fresh without losing the file.
 */
export function damagedHistoryMessage(damaged: DamagedHistory, restoreHow: string): string {
  const head = `Duet's history file ${damaged.file} is damaged or is not a Duet database.`;
  if (damaged.newest) {
    return (
      `${head} Backups taken before updates are in ${damaged.backupDir}; the newest is ${path.basename(damaged.newest)}. ` +
      `To restore it, ${restoreHow}. The damaged file is kept beside it as ${HISTORY_FILE}.damaged-<date>, so nothing is lost ` +
      `(conversations newer than the backup are only in that file).`
    );
  }
  return (
    `${head} There are no backups in ${damaged.backupDir}. To start a new history, quit Duet, move ${damaged.file} ` +
    `(and ${HISTORY_FILE}-wal beside it, if there is one) to another folder to keep a copy, and start Duet again.`
  );
}
