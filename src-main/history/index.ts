// The conversation history on SQLite: open it with openHistory, map its errors with toDuetError.
export type { AnswerFacts, DayFacts, History, ImportedConversation, ImportedMessage, ImportResult, MessagePatch, NewMessage } from './history-types.js';
export { openHistory, createHistoryStore, type OpenHistoryOptions } from './history-store.js';
export { HistoryError, toHistoryError, toDuetError } from './history-error.js';
export { openDatabase, resolveNativeBinding, ELECTRON_NATIVE_BINDING, DEFAULT_BUSY_TIMEOUT_MS, type Db, type OpenDatabaseOptions } from './connection.js';
export { migrate, schemaVersion, latestVersion, refuseNewerSchema, type Migration, type MigrateResult } from './migrate.js';
export { migrations } from './migrations/index.js';
export {
  BACKUP_DIR_NAME,
  BACKUPS_KEPT,
  backupDirFor,
  backupFileName,
  backupHistory,
  listBackups,
  pruneBackups,
  purgeFromBackups,
  restoreNewestBackup,
  type BackupOptions,
  type RestoredBackup,
} from './backup.js';
export { planSearch, substringSnippet, DEFAULT_SEARCH_LIMIT, type SearchPlan } from './history-search.js';
