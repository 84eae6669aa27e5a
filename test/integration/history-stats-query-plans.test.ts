import { describe, expect, it } from 'vitest';
import { createHistoryStore, migrate, openDatabase, type Db, type History } from '../../src-main/history/index.js';
import { useHistoryFolder } from '../support/history-fixture.js';
import { provenance } from '../support/history-samples.js';

// Every statement the history prepares, through EXPLAIN QUERY PLAN: none may read every message or every
// conversation (what made the sidebar, the savings and startup slow at 1,000,000 messages), and the
// queries a user waits for use the index they were written for.

const temp = useHistoryFolder('history-query-plans');

/** Statements allowed to read a whole table: exporting everything reads everything. */
const WHOLE_TABLE_ALLOWED = [/^SELECT c\.id, c\.title[\s\S]*FROM conversations c ORDER BY c\.created_at/];

/** A plan line that reads every row of messages or conversations (under any alias) without an index. */
const FULL_SCAN = /^SCAN (messages|m|conversations|c)$/;

/** The key line each query a user waits for must keep, by a piece of its SQL. */
const KEY_LINES: [RegExp, string][] = [
  [/FROM conversations c ORDER BY c\.pinned DESC/, 'SCAN c USING INDEX conversations_in_list_order'],
  [/FROM messages WHERE conversation_id = \? ORDER BY seq/, 'SEARCH messages USING INDEX messages_by_conversation_seq (conversation_id=?)'],
  [/SELECT ttft_ms FROM messages/, 'SEARCH messages USING INDEX messages_finished_by_ttft (target=? AND ttft_ms>?)'],
  [/SELECT tokens_per_second FROM messages/, 'SEARCH messages USING INDEX messages_finished_by_speed (target=? AND tokens_per_second>?)'],
  [/FROM answer_quarters WHERE quarter >= \?/, 'SEARCH answer_quarters USING PRIMARY KEY (quarter>?)'],
  [/CROSS JOIN answer_quarters q/, 'SEARCH q USING PRIMARY KEY (quarter>? AND quarter<?)'],
  [/FROM answer_median_buckets/, 'SEARCH answer_median_buckets USING PRIMARY KEY (target=? AND metric=?)'],
  [/WHERE status = 'streaming'/, 'SEARCH messages USING COVERING INDEX messages_streaming (status=?)'],
  [/^DELETE FROM conversations WHERE id = \?/, 'SEARCH messages USING COVERING INDEX messages_by_conversation_seq (conversation_id=?)'],
  // Search: the word index walked newest first within rowid bounds (M: match, ><: rowid range; no sort),
  // each match's row read by rowid to check the filters, the page's rows by rowid. (The day bounds,
  // message_days, are one row a day: SQLite may well read them all.)
  [/SELECT rowid, 1, 1 FROM messages_fts/, 'SCAN messages_fts VIRTUAL TABLE INDEX 192:M1><'],
  [/CROSS JOIN messages m ON m\.rowid = f\.rowid/, 'SCAN f VIRTUAL TABLE INDEX 192:M1><'],
  [/CROSS JOIN messages m ON m\.rowid = f\.rowid/, 'SEARCH m USING INTEGER PRIMARY KEY (rowid=?)'],
  [/FROM json_each\(\?\) AS page/, 'SEARCH m USING INTEGER PRIMARY KEY (rowid=?)'],
  [/SELECT MAX\(updated_at\) FROM conversations/, 'SEARCH conversations USING COVERING INDEX conversations_by_updated_at'],
  [/SELECT score FROM messages/, 'SEARCH messages USING INTEGER PRIMARY KEY (rowid>?)'],
];

/** Opens a store on `db`, recording the SQL of every statement it prepares, and uses it so lazy ones are prepared too. */
function recordStatements(db: Db): { history: History; statements: string[] } {
  const statements: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = (sql: string) => {
    statements.push(sql);
    return prepare(sql);
  };
  try {
    const history = createHistoryStore(db);
    history.search({ query: 'garden pla' });
    history.search({ query: 'garden', target: 'local' });
    history.search({ query: 'garden', from: 1, to: 2 });
    history.search({ query: '苹果' });
    history.search({ query: '我喜欢吃苹果' });
    history.exportConversations(null);
    return { history, statements: [...new Set(statements)] };
  } finally {
    db.prepare = prepare;
  }
}

/** A statement on one line, for matching (the SQL itself keeps its lines: it has -- comments). */
function flat(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}

/** The plan's lines, with every parameter bound to NULL (the plan does not depend on the values). */
function planOf(db: Db, sql: string): string[] {
  const named = [...new Set([...sql.matchAll(/@(\w+)/g)].map((m) => m[1]!))];
  const params = named.length > 0 ? [Object.fromEntries(named.map((n) => [n, null]))] : Array<null>((sql.match(/\?/g) ?? []).length).fill(null);
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
}

/** A history with some rows and the planner's statistics, as a used install has after closing once. */
function usedHistory(db: Db, history: History): void {
  const at = Date.UTC(2026, 10, 1);
  history.importConversations(
    Array.from({ length: 60 }, (_, c) => ({
      id: `c${c}`,
      title: `Chat ${c}`,
      createdAt: at + c,
      updatedAt: at + c,
      mode: null,
      pinned: c % 20 === 0,
      messages: Array.from({ length: 10 }, (_, i) => ({
        id: `c${c}-m${i}`,
        role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
        content: `the garden plan number ${c * 10 + i}`,
        status: 'complete' as const,
        createdAt: at + c * 1000 + i,
        provenance: i % 2 === 0 ? null : provenance({ target: i % 4 === 1 ? 'local' : 'cloud', route: 'local', model: 'tiny', ttftMs: 100 + i, tokensPerSecond: 20 + c }),
        error: null,
        rerunOf: null,
      })),
    })),
  );
  db.exec('ANALYZE');
}

describe('query plans of the history', () => {
  for (const state of ['empty', 'used and analysed'] as const) {
    it(`read no whole table of messages or conversations, and keep their indexes (${state})`, () => {
      const db = temp.closeAfter(openDatabase(temp.file));
      migrate(db);
      const { history, statements } = recordStatements(db);
      if (state !== 'empty') usedHistory(db, history);

      const scans = statements
        .filter((sql) => !WHOLE_TABLE_ALLOWED.some((allowed) => allowed.test(sql)))
        .flatMap((sql) =>
          planOf(db, sql)
            .filter((line) => FULL_SCAN.test(line))
            .map((line) => `${line} in: ${sql.slice(0, 160)}`),
        );
      expect(scans).toEqual([]);

      for (const [pattern, line] of KEY_LINES) {
        const matching = statements.filter((sql) => pattern.test(flat(sql)));
        expect(matching, `a statement matching ${String(pattern)}`).not.toEqual([]);
        for (const sql of matching) expect(planOf(db, sql), flat(sql).slice(0, 160)).toContain(line);
      }
    });
  }
});
