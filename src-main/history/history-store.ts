import { randomUUID } from 'node:crypto';
import type { ConversationDetail, ConversationSummary, Message, RouteMode, SearchHit, SearchRequest } from '../contract/index.js';
import { backupDirFor, backupHistory, purgeFromBackups } from './backup.js';
import { openDatabase, type Db } from './connection.js';
import { HistoryError, toHistoryError } from './history-error.js';
import { HistoryTransferStore } from './history-import.js';
import {
  CONVERSATION_COLUMNS,
  conversationRowOf,
  MESSAGE_COLUMNS,
  messageRowOf,
  provenanceColumns,
  toMessage,
  toSummary,
  type ConversationRow,
  type MessageRow,
} from './history-rows.js';
import { HistorySearch } from './history-search.js';
import { HistoryStats } from './history-stats.js';
import type {
  AnswerFacts,
  DayFacts,
  History,
  ImportedConversation,
  ImportResult,
  ListCursor,
  MessagePatch,
  NewMessage,
  SearchPage,
  WriteOptions,
} from './history-types.js';
import { latestVersion, migrate, refuseNewerSchema, schemaVersion } from './migrate.js';

export interface OpenHistoryOptions {
  /** better-sqlite3 addon built for Electron; see openDatabase. */
  nativeBinding?: string;
  /** Open for reading only: every write fails with storage_readonly. */
  readonly?: boolean;
  /** Where the copy taken before a schema upgrade goes; defaults to `backups/` beside the file. */
  backupDir?: string;
}

/** How many of the newest messages recentScores reads: 500 scored answers fit in it many times over. */
const RECENT_SCORE_ROWS = 5000;

/**
 * Opens the history file (creating it when missing), refuses one from a newer Duet without touching it,
 * and brings the schema up to date. Before upgrading a file that already holds a history it copies it
 * into a dated backup; if that copy cannot be made, the file is left as it was. Throws HistoryError.
 */
export async function openHistory(file: string, options: OpenHistoryOptions = {}): Promise<History> {
  let db: Db | undefined;
  try {
    db = openDatabase(file, { ...options, beforeWrite: (d) => refuseNewerSchema(d) });
    const from = schemaVersion(db);
    // A new file has nothing to lose, and a read-only one cannot be upgraded anyway (migrate says so).
    if (from > 0 && from < latestVersion() && !db.readonly) {
      await backupHistory(db, from, options.backupDir ? { dir: options.backupDir } : {});
    }
    migrate(db);
    return new HistoryStore(db, { backupDir: options.backupDir ?? backupDirFor(file), nativeBinding: options.nativeBinding });
  } catch (e) {
    if (db?.open) db.close();
    throw toHistoryError(e, 'open your conversations', file);
  }
}

/** A store over a connection that is already open and migrated; the store owns it and closes it. */
export function createHistoryStore(db: Db): History {
  return new HistoryStore(db, { backupDir: backupDirFor(db.name) });
}

interface StoreOptions {
  /** Where the pre-upgrade copies are: a deleted conversation is removed from them too. */
  backupDir: string;
  nativeBinding?: string | undefined;
}

class HistoryStore implements History {
  private readonly file: string;
  /** Last conversation timestamp handed out; see tick(). */
  private lastTick: number;

  private readonly stmt;
  private readonly searcher: HistorySearch;
  private readonly stats: HistoryStats;
  private readonly transfer: HistoryTransferStore;

  constructor(
    private readonly db: Db,
    private readonly options: StoreOptions,
  ) {
    this.file = db.name;
    this.searcher = new HistorySearch(db);
    this.stats = new HistoryStats(db);
    this.transfer = new HistoryTransferStore(db);
    const p = <P extends unknown[] | object, R = unknown>(sql: string) => db.prepare<P, R>(sql);
    this.stmt = {
      insertConversation: p<[string, string, number, number, string | null]>(
        'INSERT INTO conversations (id, title, created_at, updated_at, client) VALUES (?, ?, ?, ?, ?)',
      ),
      clientConversations: p<[string], string>('SELECT id FROM conversations WHERE client = ? ORDER BY updated_at DESC LIMIT 20').pluck(),
      turnsOf: p<[string], { role: 'user' | 'assistant'; content: string }>('SELECT role, content FROM messages WHERE conversation_id = ? ORDER BY seq'),
      // Read backwards through conversations_in_list_order (0008); raw arrays, see conversationRowOf.
      listConversations: p<[number], unknown[]>(
        `SELECT ${CONVERSATION_COLUMNS} FROM conversations c ORDER BY c.pinned DESC, c.updated_at DESC, c.rowid DESC LIMIT ?`,
      ).raw(),
      // The page after an entry: a range of conversations_in_list_order, then rowid as the index does.
      // A cursor entry deleted since has no rowid: all of its (pinned, updated_at) comes again (the view
      // drops what it has), never less.
      listConversationsAfter: p<[0 | 1, number, string, number], unknown[]>(
        `SELECT ${CONVERSATION_COLUMNS} FROM conversations c
         WHERE (c.pinned, c.updated_at, c.rowid) < (?, ?, COALESCE((SELECT rowid FROM conversations WHERE id = ?), 9223372036854775807))
         ORDER BY c.pinned DESC, c.updated_at DESC, c.rowid DESC LIMIT ?`,
      ).raw(),
      conversation: p<[string], ConversationRow>(`SELECT ${CONVERSATION_COLUMNS} FROM conversations c WHERE c.id = ?`),
      messagesOf: p<[string], unknown[]>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY seq`).raw(),
      message: p<[string], MessageRow>('SELECT * FROM messages WHERE id = ?'),
      touchConversation: p<[number, string]>('UPDATE conversations SET updated_at = ? WHERE id = ?'),
      // RETURNING with .get() is safe only inside a transaction: the COMMIT, run on its own, reports a
      // full disk. addMessage always runs it in one (see updateMessage for what happens otherwise).
      insertMessage: p<Record<string, unknown>, MessageRow>(
        `INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at, updated_at,
           target, reasons, model, ttft_ms, tokens, tokens_per_second, route, score, latency_ms, prompt_tokens, cost_usd, confidence, rerun_of)
         VALUES (@id, @conversationId,
           (SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = @conversationId),
           @role, @content, @status, @now, @now,
           @target, @reasons, @model, @ttft_ms, @tokens, @tokens_per_second, @route, @score, @latency_ms, @prompt_tokens, @cost_usd, @confidence, @rerunOf)
         RETURNING *`,
      ),
      // One UPDATE whatever the patch holds: each @set* flag says whether its columns change. No
      // RETURNING: read with .get(), such a statement stops at its row and never reports its commit
      // failing (SQLITE_FULL when the -wal file cannot grow), so a lost save looked like a saved one.
      updateMessage: p<Record<string, unknown>>(
        `UPDATE messages SET
           content = CASE WHEN @setContent THEN @content ELSE content END,
           status = CASE WHEN @setStatus THEN @status ELSE status END,
           target = CASE WHEN @setProvenance THEN @target ELSE target END,
           reasons = CASE WHEN @setProvenance THEN @reasons ELSE reasons END,
           model = CASE WHEN @setProvenance THEN @model ELSE model END,
           ttft_ms = CASE WHEN @setProvenance THEN @ttft_ms ELSE ttft_ms END,
           confidence = CASE WHEN @setProvenance THEN @confidence ELSE confidence END,
           tokens = CASE WHEN @setProvenance THEN @tokens ELSE tokens END,
           tokens_per_second = CASE WHEN @setProvenance THEN @tokens_per_second ELSE tokens_per_second END,
           route = CASE WHEN @setProvenance THEN @route ELSE route END,
           score = CASE WHEN @setProvenance THEN @score ELSE score END,
           latency_ms = CASE WHEN @setProvenance THEN @latency_ms ELSE latency_ms END,
           prompt_tokens = CASE WHEN @setProvenance THEN @prompt_tokens ELSE prompt_tokens END,
           cost_usd = CASE WHEN @setProvenance THEN @cost_usd ELSE cost_usd END,
           error_code = CASE WHEN @setError THEN @error_code ELSE error_code END,
           error_message = CASE WHEN @setError THEN @error_message ELSE error_message END,
           updated_at = @now
         WHERE id = @id`,
      ),
      markInterrupted: p<[number]>("UPDATE messages SET status = 'interrupted', updated_at = ? WHERE status = 'streaming'"),
      deleteConversation: p<[string]>('DELETE FROM conversations WHERE id = ?'),
      keepFigures: p<[string]>(
        `INSERT INTO unkept_answers (created_at, target, model, prompt_tokens, tokens, cost_usd)
         SELECT created_at, target, COALESCE(model, ''), prompt_tokens, tokens, cost_usd FROM messages
         WHERE conversation_id = ? AND role = 'assistant' AND target IS NOT NULL AND status IN ('complete', 'stopped')`,
      ),
      setConversationMode: p<[RouteMode | null, string]>('UPDATE conversations SET mode = ? WHERE id = ?'),
      // Neither renaming nor pinning counts as activity: updated_at, and so the order within the list, stays.
      renameConversation: p<[string, string]>('UPDATE conversations SET title = ? WHERE id = ?'),
      setPinned: p<[0 | 1, string]>('UPDATE conversations SET pinned = ? WHERE id = ?'),
      // Only the newest RECENT_SCORE_ROWS messages are read (a rowid range), whatever the history's size:
      // an imported history of unscored answers must not make the settings panel read a million rows.
      recentScores: p<[number, number], number>(
        `SELECT score FROM messages
         WHERE rowid > (SELECT MAX(rowid) FROM messages) - ? AND role = 'assistant' AND score IS NOT NULL AND rerun_of IS NULL
         ORDER BY rowid DESC LIMIT ?`,
      ).pluck(),
      answerModels: p<[], string | null>(
        // Skips from one model to the next through messages_answer_models: one index seek per model.
        `WITH RECURSIVE models (model) AS (
           SELECT MIN(model) FROM messages WHERE role = 'assistant' AND model IS NOT NULL
           UNION ALL
           SELECT (SELECT MIN(m.model) FROM messages m WHERE m.role = 'assistant' AND m.model IS NOT NULL AND m.model > models.model)
           FROM models WHERE models.model IS NOT NULL
         )
         SELECT model FROM models WHERE model IS NOT NULL`,
      ).pluck(),
      settings: p<[], { key: string; value: string }>('SELECT key, value FROM settings'),
      saveSetting: p<[string, string]>('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      latestUpdate: p<[], number | null>('SELECT MAX(updated_at) FROM conversations').pluck(),
    };
    this.lastTick = this.stmt.latestUpdate.get() ?? 0;
  }

  createConversation(title: string, client: string | null = null): ConversationSummary {
    return this.guard('save the new conversation', () => {
      const id = randomUUID();
      const now = this.tick();
      this.stmt.insertConversation.run(id, title, now, now, client);
      return { id, title, createdAt: now, updatedAt: now, messageCount: 0, mode: null, localShare: null, pinned: false, client };
    });
  }

  findClientConversation(client: string, turns: readonly { role: 'user' | 'assistant'; content: string }[]): ConversationSummary | null {
    return this.guard('read the conversation', () =>
      this.db.transaction(() => {
        for (const id of this.stmt.clientConversations.all(client)) {
          const stored = this.stmt.turnsOf.all(id);
          const same = stored.length === turns.length && stored.every((m, i) => m.role === turns[i]?.role && m.content === turns[i]?.content);
          if (same) return toSummary(this.stmt.conversation.get(id)!);
        }
        return null;
      })(),
    );
  }

  listConversations(options: { limit?: number; after?: ListCursor } = {}): ConversationSummary[] {
    const limit = options.limit === undefined ? -1 : Math.max(0, Math.trunc(options.limit));
    const { after } = options;
    return this.guard('read your conversations', () =>
      (after ? this.stmt.listConversationsAfter.all(after.pinned ? 1 : 0, after.updatedAt, after.id, limit) : this.stmt.listConversations.all(limit)).map((a) =>
        toSummary(conversationRowOf(a)),
      ),
    );
  }

  getConversation(id: string): ConversationDetail | null {
    return this.guard('read the conversation', () =>
      this.db.transaction(() => {
        const row = this.stmt.conversation.get(id);
        if (!row) return null;
        return { conversation: toSummary(row), messages: this.stmt.messagesOf.all(id).map((a) => toMessage(messageRowOf(a))) };
      })(),
    );
  }

  /** One conversation's summary (title, counts, mode) without its messages; null when it is gone. */
  getConversationSummary(id: string): ConversationSummary | null {
    return this.guard('read the conversation', () => {
      const row = this.stmt.conversation.get(id);
      return row ? toSummary(row) : null;
    });
  }

  getMessage(id: string): Message | null {
    return this.guard('read the message', () => {
      const row = this.stmt.message.get(id);
      return row ? toMessage(row) : null;
    });
  }

  setConversationMode(id: string, mode: RouteMode | null): ConversationSummary {
    return this.guard('save the conversation', () => this.updateConversation(id, () => this.stmt.setConversationMode.run(mode, id).changes));
  }

  addMessage(message: NewMessage): Message {
    return this.guard('save the message', () =>
      this.db.transaction(() => {
        const now = this.tick();
        if (this.stmt.touchConversation.run(now, message.conversationId).changes === 0) {
          throw new HistoryError('not_found', 'That conversation no longer exists, so the message was not saved.');
        }
        const row = this.stmt.insertMessage.get({
          id: randomUUID(),
          conversationId: message.conversationId,
          role: message.role,
          content: message.content,
          status: message.status,
          now,
          rerunOf: message.rerunOf ?? null,
          ...provenanceColumns(message.provenance ?? null),
        });
        return toMessage(row!);
      })(),
    );
  }

  updateMessage(id: string, patch: MessagePatch, options: WriteOptions = {}): Message {
    return this.guard('save the message', () => {
      const changes = this.withBusyTimeout(
        options.waitMs,
        () =>
          this.stmt.updateMessage.run({
            id,
            now: Date.now(),
            setContent: flag(patch.content),
            content: patch.content ?? null,
            setStatus: flag(patch.status),
            status: patch.status ?? null,
            setProvenance: flag(patch.provenance),
            ...provenanceColumns(patch.provenance ?? null),
            setError: flag(patch.error),
            error_code: patch.error?.code ?? null,
            error_message: patch.error?.message ?? null,
          }).changes,
      );
      const row = changes > 0 ? this.stmt.message.get(id) : undefined;
      if (!row) throw new HistoryError('not_found', 'That message no longer exists, so the change was not saved.');
      return toMessage(row);
    });
  }

  markInterrupted(): number {
    return this.guard('mark unfinished answers', () => this.stmt.markInterrupted.run(Date.now()).changes);
  }

  deleteConversation(id: string, options: { keepFigures?: boolean } = {}): boolean {
    return this.guard('delete the conversation', () => {
      // Messages go by the cascade, their index entries by trigger, all in one transaction.
      const deleted = this.db
        .transaction(() => {
          if (options.keepFigures) this.stmt.keepFigures.run(id);
          return this.stmt.deleteConversation.run(id).changes > 0;
        })
        .immediate();
      if (deleted) {
        this.checkpoint();
        this.purgeBackups(id);
      }
      return deleted;
    });
  }

  renameConversation(id: string, title: string): ConversationSummary {
    return this.guard('rename the conversation', () => {
      const trimmed = title.trim();
      if (trimmed === '') throw new HistoryError('invalid_request', 'Give the conversation a name: the title cannot be empty.');
      return this.updateConversation(id, () => this.stmt.renameConversation.run(trimmed, id).changes);
    });
  }

  setPinned(id: string, pinned: boolean): ConversationSummary {
    return this.guard(pinned ? 'pin the conversation' : 'unpin the conversation', () =>
      this.updateConversation(id, () => this.stmt.setPinned.run(pinned ? 1 : 0, id).changes),
    );
  }

  search(request: SearchRequest): SearchHit[] {
    return this.guard('search your conversations', () => this.searcher.search(request));
  }

  searchPage(request: SearchRequest): SearchPage {
    return this.guard('search your conversations', () => this.searcher.page(request));
  }

  answerModels(): string[] {
    return this.guard('list the models that answered', () => this.stmt.answerModels.all() as string[]);
  }

  exportConversations(id: string | null): ConversationDetail[] {
    return this.guard('export your conversations', () => this.transfer.exportConversations(id));
  }

  importConversations(conversations: ImportedConversation[]): ImportResult {
    return this.guard('import the conversations, so none were added', () => {
      const { result, latest } = this.transfer.importConversations(conversations);
      // An imported conversation may be dated after anything this store handed out (another machine's
      // clock): new activity must still sort above it.
      this.lastTick = Math.max(this.lastTick, latest);
      return result;
    });
  }

  answerFacts(): AnswerFacts[] {
    return this.guard('read the savings figures', () => this.db.transaction(() => this.stats.answerFacts())());
  }

  dayFacts(since: number): DayFacts[] {
    return this.guard('read the savings figures', () => this.stats.dayFacts(since));
  }

  recentScores(limit: number): number[] {
    return this.guard('read the routing scores', () => this.stmt.recentScores.all(RECENT_SCORE_ROWS, limit));
  }

  getSettings(): Record<string, unknown> {
    return this.guard('read your settings', () => {
      const settings: Record<string, unknown> = {};
      for (const { key, value } of this.stmt.settings.all()) settings[key] = JSON.parse(value);
      return settings;
    });
  }

  saveSetting(key: string, value: unknown): void {
    this.guard('save the setting', () => {
      const json = JSON.stringify(value) as string | undefined;
      if (json === undefined) {
        throw new HistoryError('invalid_request', `The setting "${key}" has no value that can be saved.`);
      }
      this.stmt.saveSetting.run(key, json);
    });
  }

  close(): void {
    if (!this.db.open) return;
    try {
      // Keeps the query planner's statistics fresh; SQLite recommends it before closing.
      this.db.pragma('optimize');
    } catch {
      // A read-only or full disk cannot take new statistics; closing matters more.
    }
    this.db.close();
  }

  /**
   * Conversation timestamps: Date.now(), but never equal to or before the last one handed out, so
   * "newest first" stays a total order within one millisecond and when the clock steps back.
   */
  private tick(): number {
    this.lastTick = Math.max(Date.now(), this.lastTick + 1);
    return this.lastTick;
  }

  /** Runs an update of one conversation and returns its summary; not_found when it is gone. */
  private updateConversation(id: string, update: () => number): ConversationSummary {
    if (update() === 0) throw new HistoryError('not_found', 'That conversation no longer exists.');
    return toSummary(this.stmt.conversation.get(id)!);
  }

  /**
   * The backups taken before upgrades hold the conversation too. A backup that cannot be cleaned does
   * not undo the delete that already happened; it is reported in the log with where it is.
   */
  private purgeBackups(id: string): void {
    for (const failure of purgeFromBackups(this.options.backupDir, id, this.options.nativeBinding)) {
      console.warn(`Duet: the deleted conversation is still in the backup ${failure.file} (${failure.error}); delete that file to remove it.`);
    }
  }

  /**
   * Copies the WAL into the database and empties it, so deleted text does not survive in the -wal file.
   * A reader still on an older snapshot stops it from finishing: then the next checkpoint (automatic, or
   * the next delete, or closing) does it. Waits briefly rather than the full busy timeout, as a delete
   * must not hang on another program's read.
   */
  private checkpoint(): void {
    try {
      this.withBusyTimeout(200, () => this.db.pragma('wal_checkpoint(TRUNCATE)'));
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (typeof code !== 'string' || !code.startsWith('SQLITE_BUSY')) throw e;
    }
  }

  /**
   * Runs `run` waiting at most `waitMs` for another connection's lock instead of the connection's
   * own busy timeout (undefined keeps that). better-sqlite3 is synchronous: the wait blocks the thread.
   */
  private withBusyTimeout<T>(waitMs: number | undefined, run: () => T): T {
    if (waitMs === undefined) return run();
    const timeout = this.db.pragma('busy_timeout', { simple: true }) as number;
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(waitMs))}`);
    try {
      return run();
    } finally {
      this.db.pragma(`busy_timeout = ${timeout}`);
    }
  }

  private guard<T>(action: string, run: () => T): T {
    try {
      return run();
    } catch (e) {
      throw toHistoryError(e, action, this.file);
    }
  }
}

function flag(value: unknown): 0 | 1 {
  return value === undefined ? 0 : 1;
}
