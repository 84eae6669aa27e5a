import { randomUUID } from 'node:crypto';
import type { ConversationDetail, RouteMode } from '../contract/index.js';
import type { Db } from './connection.js';
import { CONVERSATION_COLUMNS, provenanceColumns, toMessage, toSummary, type ConversationRow, type MessageRow } from './history-rows.js';
import type { ImportedConversation, ImportResult } from './history-types.js';

/** Reads conversations out whole and writes imported ones in, keeping their ids and times. */
export class HistoryTransferStore {
  private readonly stmt;

  constructor(private readonly db: Db) {
    const p = <P extends unknown[] | object, R = unknown>(sql: string) => db.prepare<P, R>(sql);
    this.stmt = {
      all: p<[], ConversationRow>(`SELECT ${CONVERSATION_COLUMNS} FROM conversations c ORDER BY c.created_at, c.rowid`),
      one: p<[string], ConversationRow>(`SELECT ${CONVERSATION_COLUMNS} FROM conversations c WHERE c.id = ?`),
      messagesOf: p<[string], MessageRow>('SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq'),
      conversationExists: p<[string], number>('SELECT 1 FROM conversations WHERE id = ?').pluck(),
      messageExists: p<[string], number>('SELECT 1 FROM messages WHERE id = ?').pluck(),
      insertConversation: p<[string, string, number, number, RouteMode | null, 0 | 1, string | null]>(
        'INSERT INTO conversations (id, title, created_at, updated_at, mode, pinned, client) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      insertMessage: p<Record<string, unknown>>(
        `INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at, updated_at,
           target, reasons, model, ttft_ms, tokens, tokens_per_second, route, score, latency_ms, prompt_tokens, cost_usd, confidence,
           error_code, error_message)
         VALUES (@id, @conversationId, @seq, @role, @content, @status, @createdAt, @createdAt,
           @target, @reasons, @model, @ttft_ms, @tokens, @tokens_per_second, @route, @score, @latency_ms, @prompt_tokens, @cost_usd, @confidence,
           @error_code, @error_message)`,
      ),
      setRerunOf: p<[string, string]>('UPDATE messages SET rerun_of = ? WHERE id = ?'),
    };
  }

  /** One conversation by id (none when unknown), or all, oldest first; read in one snapshot. */
  exportConversations(id: string | null): ConversationDetail[] {
    return this.db.transaction(() => {
      const rows = id === null ? this.stmt.all.all() : [this.stmt.one.get(id)].filter((r) => r !== undefined);
      return rows.map((row) => ({ conversation: toSummary(row), messages: this.stmt.messagesOf.all(row.id).map(toMessage) }));
    })();
  }

  /**
   * Writes the conversations in one IMMEDIATE transaction: all or nothing. A conversation whose id is
   * already here is skipped (importing a file twice adds nothing). A message keeps its id unless another
   * message has it; then it gets a new one and re-runs pointing at it follow. Returns the newest
   * updated_at written, so the store's clock can move past it.
   */
  importConversations(list: readonly ImportedConversation[]): { result: ImportResult; latest: number } {
    return this.db
      .transaction(() => {
        const result: ImportResult = { conversations: 0, messages: 0, skipped: 0 };
        let latest = 0;
        for (const c of list) {
          if (this.stmt.conversationExists.get(c.id)) {
            result.skipped++;
            continue;
          }
          this.stmt.insertConversation.run(c.id, c.title, c.createdAt, c.updatedAt, c.mode, c.pinned ? 1 : 0, c.client ?? null);
          latest = Math.max(latest, c.updatedAt);
          // From the file's message ids to the ids written, and the id written for each message in order.
          const ids = new Map<string, string>();
          const written: string[] = [];
          c.messages.forEach((m, i) => {
            const id = this.stmt.messageExists.get(m.id) ? randomUUID() : m.id;
            if (!ids.has(m.id)) ids.set(m.id, id);
            written.push(id);
            this.stmt.insertMessage.run({
              id,
              conversationId: c.id,
              seq: i + 1,
              role: m.role,
              content: m.content,
              status: m.status,
              createdAt: m.createdAt,
              ...provenanceColumns(m.provenance),
              error_code: m.error?.code ?? null,
              error_message: m.error?.message ?? null,
            });
          });
          // After every message is in, so a re-run may point at one listed after it. A re-run of a message
          // outside this conversation is dropped: that message is not in the file.
          c.messages.forEach((m, i) => {
            const rerunOf = m.rerunOf === null ? undefined : ids.get(m.rerunOf);
            if (rerunOf !== undefined) this.stmt.setRerunOf.run(rerunOf, written[i]!);
          });
          result.conversations++;
          result.messages += c.messages.length;
        }
        return { result, latest };
      })
      .immediate();
  }
}
