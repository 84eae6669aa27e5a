import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  type ConversationDetail,
  type ConversationSummary,
  type DuetError,
  type Message,
  type MessageStatus,
  type Provenance,
  type RouteKind,
  type RouteMode,
  type RouteReason,
  type Target,
} from '../contract/index.js';
import { openDatabase, type Db } from './connection.js';
import { HistoryError, toHistoryError } from './history-error.js';
import type { History, MessagePatch, NewMessage } from './history-types.js';
import { migrate, refuseNewerSchema } from './migrate.js';

export interface OpenHistoryOptions {
  /** better-sqlite3 addon built for Electron; see openDatabase. */
  nativeBinding?: string;
  /** Open for reading only: every write fails with storage_readonly. */
  readonly?: boolean;
}

/**
 * Opens the history file (creating it when missing), refuses one from a newer Duet without touching it,
 * and brings the schema up to date. Throws HistoryError.
 */
export function openHistory(file: string, options: OpenHistoryOptions = {}): History {
  let db: Db | undefined;
  try {
    db = openDatabase(file, { ...options, beforeWrite: (d) => refuseNewerSchema(d) });
    migrate(db);
    return new HistoryStore(db);
  } catch (e) {
    if (db?.open) db.close();
    throw toHistoryError(e, 'open your conversations', file);
  }
}

/** A store over a connection that is already open and migrated; the store owns it and closes it. */
export function createHistoryStore(db: Db): History {
  return new HistoryStore(db);
}

interface ConversationRow {
  id: string;
  title: string;
  created_at: number;
  updated_at: number;
  message_count: number;
  mode: RouteMode | null;
  local_share: number | null;
}

interface MessageRow {
  id: string;
  conversation_id: string;
  seq: number;
  role: 'user' | 'assistant';
  content: string;
  status: MessageStatus;
  created_at: number;
  updated_at: number;
  target: Target | null;
  reasons: string | null;
  model: string | null;
  ttft_ms: number | null;
  tokens: number | null;
  tokens_per_second: number | null;
  error_code: string | null;
  error_message: string | null;
  route: RouteKind | null;
  score: number | null;
  latency_ms: number | null;
  prompt_tokens: number | null;
  cost_usd: number | null;
  rerun_of: string | null;
}

type ProvenanceColumns = Pick<
  MessageRow,
  'target' | 'reasons' | 'model' | 'ttft_ms' | 'tokens' | 'tokens_per_second' | 'route' | 'score' | 'latency_ms' | 'prompt_tokens' | 'cost_usd'
>;

const CONVERSATION_COLUMNS = `c.id, c.title, c.created_at, c.updated_at, c.mode,
  (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id) AS message_count,
  (SELECT AVG(m.target = 'local') FROM messages m
    WHERE m.conversation_id = c.id AND m.role = 'assistant' AND m.target IS NOT NULL AND m.status IN ('complete', 'stopped')) AS local_share`;

class HistoryStore implements History {
  private readonly file: string;
  /** Last conversation timestamp handed out; see tick(). */
  private lastTick: number;

  private readonly stmt;

  constructor(private readonly db: Db) {
    this.file = db.name;
    const p = <P extends unknown[] | object, R = unknown>(sql: string) => db.prepare<P, R>(sql);
    this.stmt = {
      insertConversation: p<[string, string, number, number]>(
        'INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)',
      ),
      listConversations: p<[], ConversationRow>(
        `SELECT ${CONVERSATION_COLUMNS} FROM conversations c ORDER BY c.updated_at DESC, c.rowid DESC`,
      ),
      conversation: p<[string], ConversationRow>(`SELECT ${CONVERSATION_COLUMNS} FROM conversations c WHERE c.id = ?`),
      messagesOf: p<[string], MessageRow>('SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq'),
      message: p<[string], MessageRow>('SELECT * FROM messages WHERE id = ?'),
      touchConversation: p<[number, string]>('UPDATE conversations SET updated_at = ? WHERE id = ?'),
      insertMessage: p<Record<string, unknown>, MessageRow>(
        `INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at, updated_at,
           target, reasons, model, ttft_ms, tokens, tokens_per_second, route, score, latency_ms, prompt_tokens, cost_usd, rerun_of)
         VALUES (@id, @conversationId,
           (SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = @conversationId),
           @role, @content, @status, @now, @now,
           @target, @reasons, @model, @ttft_ms, @tokens, @tokens_per_second, @route, @score, @latency_ms, @prompt_tokens, @cost_usd, @rerunOf)
         RETURNING *`,
      ),
      // One UPDATE whatever the patch holds: each @set* flag says whether its columns change.
      updateMessage: p<Record<string, unknown>, MessageRow>(
        `UPDATE messages SET
           content = CASE WHEN @setContent THEN @content ELSE content END,
           status = CASE WHEN @setStatus THEN @status ELSE status END,
           target = CASE WHEN @setProvenance THEN @target ELSE target END,
           reasons = CASE WHEN @setProvenance THEN @reasons ELSE reasons END,
           model = CASE WHEN @setProvenance THEN @model ELSE model END,
           ttft_ms = CASE WHEN @setProvenance THEN @ttft_ms ELSE ttft_ms END,
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
         WHERE id = @id
         RETURNING *`,
      ),
      markInterrupted: p<[number]>(
        "UPDATE messages SET status = 'interrupted', updated_at = ? WHERE status = 'streaming'",
      ),
      deleteConversation: p<[string]>('DELETE FROM conversations WHERE id = ?'),
      setConversationMode: p<[RouteMode | null, string]>('UPDATE conversations SET mode = ? WHERE id = ?'),
      settings: p<[], { key: string; value: string }>('SELECT key, value FROM settings'),
      saveSetting: p<[string, string]>(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
      latestUpdate: p<[], number | null>('SELECT MAX(updated_at) FROM conversations').pluck(),
    };
    this.lastTick = this.stmt.latestUpdate.get() ?? 0;
  }

  createConversation(title: string): ConversationSummary {
    return this.guard('save the new conversation', () => {
      const id = randomUUID();
      const now = this.tick();
      this.stmt.insertConversation.run(id, title, now, now);
      return { id, title, createdAt: now, updatedAt: now, messageCount: 0, mode: null, localShare: null };
    });
  }

  listConversations(): ConversationSummary[] {
    return this.guard('read your conversations', () => this.stmt.listConversations.all().map(toSummary));
  }

  getConversation(id: string): ConversationDetail | null {
    return this.guard('read the conversation', () =>
      this.db.transaction(() => {
        const row = this.stmt.conversation.get(id);
        if (!row) return null;
        return { conversation: toSummary(row), messages: this.stmt.messagesOf.all(id).map(toMessage) };
      })(),
    );
  }

  getMessage(id: string): Message | null {
    return this.guard('read the message', () => {
      const row = this.stmt.message.get(id);
      return row ? toMessage(row) : null;
    });
  }

  setConversationMode(id: string, mode: RouteMode | null): ConversationSummary {
    return this.guard('save the conversation', () => {
      if (this.stmt.setConversationMode.run(mode, id).changes === 0) {
        throw new HistoryError('not_found', 'That conversation no longer exists.');
      }
      return toSummary(this.stmt.conversation.get(id)!);
    });
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

  updateMessage(id: string, patch: MessagePatch): Message {
    return this.guard('save the message', () => {
      const row = this.stmt.updateMessage.get({
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
      });
      if (!row) throw new HistoryError('not_found', 'That message no longer exists, so the change was not saved.');
      return toMessage(row);
    });
  }

  markInterrupted(): number {
    return this.guard('mark unfinished answers', () => this.stmt.markInterrupted.run(Date.now()).changes);
  }

  deleteConversation(id: string): boolean {
    return this.guard('delete the conversation', () => this.stmt.deleteConversation.run(id).changes > 0);
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

function provenanceColumns(p: Provenance | null): ProvenanceColumns {
  return {
    target: p?.target ?? null,
    reasons: p ? JSON.stringify(p.reasons) : null,
    model: p?.model ?? null,
    ttft_ms: p?.ttftMs ?? null,
    tokens: p?.tokens ?? null,
    tokens_per_second: p?.tokensPerSecond ?? null,
    route: p?.route ?? null,
    score: p?.score ?? null,
    latency_ms: p?.latencyMs ?? null,
    prompt_tokens: p?.promptTokens ?? null,
    cost_usd: p?.costUsd ?? null,
  };
}

function toSummary(row: ConversationRow): ConversationSummary {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    messageCount: row.message_count,
    mode: row.mode,
    localShare: row.local_share,
  };
}

function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    role: row.role,
    content: row.content,
    status: row.status,
    createdAt: row.created_at,
    provenance:
      row.target === null
        ? null
        : {
            target: row.target,
            route: row.route ?? row.target,
            reasons: JSON.parse(row.reasons ?? '[]') as RouteReason[],
            score: row.score,
            model: row.model ?? '',
            ttftMs: row.ttft_ms,
            tokens: row.tokens ?? 0,
            tokensPerSecond: row.tokens_per_second,
            latencyMs: row.latency_ms,
            promptTokens: row.prompt_tokens,
            costUsd: row.cost_usd,
          },
    error: toError(row),
    rerunOf: row.rerun_of,
  };
}

function toError(row: MessageRow): DuetError | null {
  if (row.error_code === null) return null;
  const code = ErrorCode.safeParse(row.error_code);
  return { code: code.success ? code.data : 'internal', message: row.error_message ?? '' };
}
