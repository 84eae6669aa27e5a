import path from 'node:path';
import { ELECTRON_NATIVE_BINDING, openHistory, restoreNewestBackup, backupDirFor, type History } from '../history/index.js';
import { CoreError, toEnvelopeError } from './core-error.js';
import { prepareDataFolder } from './data-folder.js';
import { acquireInstanceLock, type InstanceKind, type InstanceLock } from './instance-lock.js';

/** The history file's name in the data folder. */
export const HISTORY_FILE = 'duet.sqlite';

/**
 * Takes the data folder for this Duet, in the one safe order: create it, lock it against a second
 * Duet, and only then open the history and mark answers a crash cut off (doing that while another
 * Duet runs would mark its live answers "interrupted"). With `restoreBackup`, a damaged history is
 * replaced by the newest backup; a healthy one is left as it is.
 */
export async function openDataFolder(options: {
  dataDir: string;
  instanceKind?: InstanceKind;
  restoreBackup?: boolean;
}): Promise<{ history: History; lock: InstanceLock }> {
  prepareDataFolder(options.dataDir);
  const lock = acquireInstanceLock(options.dataDir, { kind: options.instanceKind ?? 'headless' });
  try {
    const file = path.join(options.dataDir, HISTORY_FILE);
    try {
      return { history: await openAndMark(file), lock };
    } catch (error) {
      // Only a damaged history is replaced: a --restore-backup left in a script must not roll a
      // healthy history back to an old copy at every start.
      if (!options.restoreBackup || toEnvelopeError(error).code !== 'storage_corrupt') throw error;
    }
    const restored = restoreNewestBackup(file);
    if (!restored) throw new CoreError('not_found', `There is no backup to restore in ${backupDirFor(file)}.`);
    console.warn(`Duet: restored your history from ${restored.backup}` + (restored.damagedAs ? `; the file it replaced is kept as ${restored.damagedAs}.` : '.'));
    return { history: await openAndMark(file), lock };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Opens the history and marks the answers a crash cut off; closes it again if that fails. */
async function openAndMark(file: string): Promise<History> {
  const history = await openHistory(file, { nativeBinding: ELECTRON_NATIVE_BINDING });
  try {
    const interrupted = history.markInterrupted();
    if (interrupted > 0) console.warn(`Duet: ${interrupted} answer(s) were cut off by a crash and are marked "interrupted".`);
    return history;
  } catch (error) {
    history.close();
    throw error;
  }
}
