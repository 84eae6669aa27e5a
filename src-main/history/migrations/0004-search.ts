import type { Migration } from '../migrate.js';

/**
 * Characters of scripts written without spaces between words (Chinese, Japanese kana, Korean, Thai), as a
 * GLOB pattern. Messages holding any of them also go into the substring index, and a query holding any of
 * them is searched by substring. Kept here, with the index it defines, because the triggers below bake it
 * into the file: the search code must agree with what this migration wrote.
 */
export const UNSPACED_SCRIPT_GLOB = '*[぀-ヿ㐀-䶿一-鿿가-힯฀-๿]*';

/** The same characters as a regular expression, for classifying a query. */
export const UNSPACED_SCRIPT = /[぀-ヿ㐀-䶿一-鿿가-힯฀-๿]/u;

/**
 * Search, pins and the savings figures.
 *
 * Search runs on two FTS5 indexes, because no single tokenizer suits every script:
 * - messages_fts: words (unicode61, accents folded, so "cafe" finds "café") with bm25 ranking and
 *   snippets. External content: the text lives only in messages, the index holds tokens and positions.
 * - messages_cjk: trigrams of the messages written in scripts without spaces. unicode61 would take a whole
 *   Chinese sentence as one token, so "苹果" could not be found inside "我喜欢吃苹果". A trigram index of
 *   every message would double the index size for nothing in English; this one holds only the messages
 *   that need it (so it must never get 'rebuild', which would index every message) and keeps no positions
 *   (detail=none): the search checks each candidate's text itself. Terms shorter than three characters
 *   have no trigram and are found by scanning the indexed messages (see history-search.ts). External
 *   content like messages_fts, not contentless_delete: that option deletes through tombstones, which leave
 *   the deleted tokens in the file until a merge, whatever secure-delete says.
 * Both keep in step with messages through triggers, and both run FTS5's secure-delete, so a deleted or
 * rewritten message leaves no tokens behind in the index.
 *
 * messages has no INTEGER PRIMARY KEY, so its rowid is what the indexes point at. VACUUM may renumber
 * such rowids: after any VACUUM, rebuild messages_fts ('rebuild') and refill messages_cjk as below.
 */
export const migration0004: Migration = {
  version: 4,
  name: '0004-search',
  up(db) {
    const unspaced = `GLOB '${UNSPACED_SCRIPT_GLOB}'`;
    db.exec(`
      ALTER TABLE conversations ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1));

      CREATE VIRTUAL TABLE messages_fts USING fts5(
        content,
        content = 'messages',
        content_rowid = 'rowid',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '3 4 5'
      );
      INSERT INTO messages_fts (messages_fts, rank) VALUES ('secure-delete', 1);
      INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');

      CREATE VIRTUAL TABLE messages_cjk USING fts5(
        content,
        content = 'messages',
        content_rowid = 'rowid',
        detail = 'none',
        tokenize = 'trigram remove_diacritics 1'
      );
      INSERT INTO messages_cjk (messages_cjk, rank) VALUES ('secure-delete', 1);
      INSERT INTO messages_cjk (rowid, content) SELECT rowid, content FROM messages WHERE content ${unspaced};

      CREATE TRIGGER messages_search_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts (rowid, content) VALUES (new.rowid, new.content);
        INSERT INTO messages_cjk (rowid, content) SELECT new.rowid, new.content WHERE new.content ${unspaced};
      END;

      CREATE TRIGGER messages_search_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
        INSERT INTO messages_cjk (messages_cjk, rowid, content) SELECT 'delete', old.rowid, old.content WHERE old.content ${unspaced};
      END;

      -- A streaming answer is saved as it grows: the index always holds its latest text. An external-content
      -- index must be told the exact old text to delete; the same GLOB decides, so it only ever removes
      -- what it added.
      CREATE TRIGGER messages_search_update AFTER UPDATE OF content ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
        INSERT INTO messages_fts (rowid, content) VALUES (new.rowid, new.content);
        INSERT INTO messages_cjk (messages_cjk, rowid, content) SELECT 'delete', old.rowid, old.content WHERE old.content ${unspaced};
        INSERT INTO messages_cjk (rowid, content) SELECT new.rowid, new.content WHERE new.content ${unspaced};
      END;

      -- Finished answers (the condition below, word for word in every query that uses these indexes: SQLite
      -- uses a partial index only for a query whose WHERE contains the index's).
      -- Per-day and all-time sums read this index alone, never the large message rows.
      CREATE INDEX messages_finished_answers
        ON messages (created_at, target, model, tokens, prompt_tokens, cost_usd)
        WHERE role = 'assistant' AND target IS NOT NULL AND status IN ('complete', 'stopped');
      -- Medians read the middle entry of an ordered index instead of sorting every answer.
      CREATE INDEX messages_finished_by_ttft
        ON messages (target, ttft_ms)
        WHERE role = 'assistant' AND target IS NOT NULL AND status IN ('complete', 'stopped');
      CREATE INDEX messages_finished_by_speed
        ON messages (target, tokens_per_second)
        WHERE role = 'assistant' AND target IS NOT NULL AND status IN ('complete', 'stopped');
      -- Each conversation's local share, from the index alone. Replaces 0003's index, which lacked the
      -- status condition and so read every answer's row for the sidebar.
      DROP INDEX messages_by_conversation_target;
      CREATE INDEX messages_finished_by_conversation
        ON messages (conversation_id, target)
        WHERE role = 'assistant' AND target IS NOT NULL AND status IN ('complete', 'stopped');
      -- Deleting a message sets rerun_of to NULL in the answers that re-ran it (0003's ON DELETE SET NULL):
      -- without this index SQLite scans every message for each one deleted (3 s per conversation at 100,000).
      CREATE INDEX messages_by_rerun_of ON messages (rerun_of) WHERE rerun_of IS NOT NULL;
      -- The search's model filter lists each model once by skipping through this index.
      CREATE INDEX messages_answer_models ON messages (model) WHERE role = 'assistant' AND model IS NOT NULL;
    `);
  },
};
