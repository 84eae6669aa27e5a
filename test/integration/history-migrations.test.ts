import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HistoryError, latestVersion, migrate, migrations, openDatabase, openHistory, schemaVersion, type Db, type Migration } from '../../src-main/history/index.js';
import { useHistoryFolder } from '../support/history-fixture.js';

const temp = useHistoryFolder('history-migrations');

function connect(): Db {
  return temp.closeAfter(openDatabase(temp.file));
}

function tables(db: Db): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
}

function isStrict(db: Db, table: string): boolean {
  const row = db.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').get(table) as { strict: number };
  return row.strict === 1;
}

describe('the migration runner', () => {
  it('builds the whole schema in an empty file and records the version', () => {
    const db = connect();
    expect(schemaVersion(db)).toBe(0);
    const result = migrate(db);
    expect(result).toEqual({ from: 0, to: latestVersion(), applied: migrations.map((m) => m.name) });
    expect(schemaVersion(db)).toBe(migrations.length);
    // The search indexes are FTS5 virtual tables, each with shadow tables of its own.
    const shadows = (fts: string) => [fts, `${fts}_config`, `${fts}_data`, `${fts}_docsize`, `${fts}_idx`];
    expect(tables(db)).toEqual([
      'answer_median_buckets',
      'answer_quarters',
      'answer_totals',
      'conversations',
      'message_days',
      'messages',
      ...shadows('messages_cjk'),
      ...shadows('messages_fts'),
      'settings',
      'unkept_answers',
    ]);
    for (const t of ['conversations', 'messages', 'settings', 'unkept_answers']) expect(isStrict(db, t)).toBe(true);
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").pluck().all();
    expect(indexes).toEqual([
      'conversations_by_client',
      'conversations_by_updated_at',
      'conversations_in_list_order',
      'messages_answer_models',
      'messages_by_conversation_seq',
      'messages_by_rerun_of',
      'messages_finished_answers',
      'messages_finished_by_conversation',
      'messages_finished_by_speed',
      'messages_finished_by_ttft',
      'messages_streaming',
      'unkept_answers_by_time',
    ]);
  });

  it('does nothing when the file is up to date, and a re-open keeps the data', async () => {
    const history = await openHistory(temp.file);
    const c = history.createConversation('kept');
    history.close();

    const db = connect();
    expect(migrate(db)).toEqual({ from: latestVersion(), to: latestVersion(), applied: [] });
    db.close();

    const again = await openHistory(temp.file);
    expect(again.listConversations().map((x) => x.id)).toEqual([c.id]);
    again.close();
  });

  it('rolls back every step of a failed upgrade, version included', () => {
    const db = connect();
    const broken: Migration = {
      version: migrations.length + 1,
      name: '9999-broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        throw new Error('step failed');
      },
    };
    expect(() => migrate(db, { migrations: [...migrations, broken] })).toThrow('step failed');
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
  });

  it('insists on versions 1, 2, 3… in order', () => {
    const db = connect();
    const skipped = [{ ...migrations[0]!, version: 2 }];
    expect(() => migrate(db, { migrations: skipped })).toThrow(/expected 1/);
  });
});

describe('0001-conversations', () => {
  it('goes from version 0 to 1 with STRICT tables, checks and the cascade', () => {
    const db = connect();
    expect(migrate(db, { to: 1 })).toEqual({ from: 0, to: 1, applied: ['0001-conversations'] });
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['conversations', 'messages']);

    db.prepare("INSERT INTO conversations VALUES ('c1', 'T', 1, 1)").run();
    const insert = db.prepare("INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at, updated_at) VALUES (?, 'c1', ?, ?, 'x', ?, 1, 1)");
    insert.run('m1', 1, 'user', 'complete');
    expect(() => insert.run('m2', 2, 'system', 'complete')).toThrow(/CHECK/);
    expect(() => insert.run('m3', 3, 'user', 'thinking')).toThrow(/CHECK/);
    expect(() => insert.run('m4', 1, 'user', 'complete')).toThrow(/UNIQUE/);
    // STRICT: text in an INTEGER column is refused instead of stored.
    expect(() => db.prepare("INSERT INTO conversations VALUES ('c2', 'T', 'yesterday', 1)").run()).toThrow(/cannot store TEXT/);
    expect(() => db.prepare("UPDATE messages SET target = 'local', reasons = '{\"a\":1}', model = 'm', tokens = 1 WHERE id = 'm1'").run()).toThrow(/CHECK/);

    db.prepare("DELETE FROM conversations WHERE id = 'c1'").run();
    expect(db.prepare('SELECT COUNT(*) FROM messages').pluck().get()).toBe(0);
  });
});

describe('0002-settings', () => {
  it('adds settings to a version 1 file and keeps its conversations', () => {
    const db = connect();
    migrate(db, { to: 1 });
    db.prepare("INSERT INTO conversations VALUES ('c1', 'Before settings', 1, 1)").run();
    db.prepare(
      "INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at, updated_at) VALUES ('m1', 'c1', 1, 'user', 'hi', 'complete', 1, 1)",
    ).run();

    expect(migrate(db, { to: 2 })).toEqual({ from: 1, to: 2, applied: ['0002-settings'] });
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT title FROM conversations').pluck().all()).toEqual(['Before settings']);
    expect(db.prepare('SELECT content FROM messages').pluck().all()).toEqual(['hi']);
    db.prepare("INSERT INTO settings VALUES ('showRouting', 'true')").run();
    expect(() => db.prepare("INSERT INTO settings VALUES ('bad', 'not json')").run()).toThrow(/CHECK/);
    expect(isStrict(db, 'settings')).toBe(true);
  });
});

describe('0003-routing', () => {
  it('adds routing provenance to a version 2 file and turns plain-text reasons into coded ones', () => {
    const db = connect();
    migrate(db, { to: 2 });
    db.prepare("INSERT INTO conversations VALUES ('c1', 'Before routing', 1, 1)").run();
    db.prepare(
      `INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at, updated_at, target, reasons, model, tokens)
       VALUES ('m1', 'c1', 1, 'assistant', 'hi', 'complete', 1, 1, 'local', '["no cloud model is set up"]', 'tiny', 3)`,
    ).run();

    expect(migrate(db, { to: 3 })).toEqual({ from: 2, to: 3, applied: ['0003-routing'] });
    const row = db.prepare('SELECT route, reasons, score, cost_usd, rerun_of FROM messages').get();
    expect(row).toEqual({
      route: 'local',
      reasons: JSON.stringify([{ code: 'local-only', message: 'no cloud model is set up' }]),
      score: null,
      cost_usd: null,
      rerun_of: null,
    });
    expect(db.prepare('SELECT mode FROM conversations').pluck().get()).toBeNull();
    expect(() => db.prepare("UPDATE messages SET route = 'sideways'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE conversations SET mode = 'sometimes'").run()).toThrow(/CHECK/);
    expect(isStrict(db, 'messages')).toBe(true);
  });
});

describe('0004-search', () => {
  it('adds pins and indexes the messages already there for search', async () => {
    const db = connect();
    migrate(db, { to: 3 });
    db.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'Before search', 1, 1)").run();
    const insert = db.prepare(
      "INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at, updated_at) VALUES (?, 'c1', ?, ?, ?, 'complete', 1, 1)",
    );
    insert.run('m1', 1, 'user', 'Where is the Café Rouge?');
    insert.run('m2', 2, 'assistant', '它在老城区的中心广场旁边。');

    expect(migrate(db, { to: 4 })).toEqual({ from: 3, to: 4, applied: ['0004-search'] });
    expect(db.prepare('SELECT pinned FROM conversations').pluck().get()).toBe(0);
    expect(() => db.prepare('UPDATE conversations SET pinned = 2').run()).toThrow(/CHECK/);
    db.close();

    const history = await openHistory(temp.file);
    try {
      expect(history.listConversations()[0]).toMatchObject({ id: 'c1', pinned: false });
      expect(history.search({ query: 'cafe rouge' }).map((h) => h.messageId)).toEqual(['m1']);
      expect(history.search({ query: '中心广场' }).map((h) => h.messageId)).toEqual(['m2']);
      expect(history.search({ query: '广场' }).map((h) => h.messageId)).toEqual(['m2']);
    } finally {
      history.close();
    }
  });

  it("adds the asking app to a version 4 file: older conversations are the chat window's, an app's follow-up finds its own", async () => {
    const db = connect();
    migrate(db, { to: 4 });
    db.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'From the window', 1, 1)").run();
    expect(migrate(db, { to: 5 })).toEqual({ from: 4, to: 5, applied: ['0005-clients'] });
    db.close();

    const history = await openHistory(temp.file);
    try {
      expect(history.listConversations()[0]).toMatchObject({ id: 'c1', client: null });
      const asked = history.createConversation('Hi', 'notes-app');
      history.addMessage({ conversationId: asked.id, role: 'user', content: 'Hi', status: 'complete' });
      history.addMessage({ conversationId: asked.id, role: 'assistant', content: 'Hello', status: 'complete' });
      const turns = [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello' },
      ] as const;
      expect(history.findClientConversation('notes-app', turns)?.id).toBe(asked.id);
      // Another app, or another history, is another conversation.
      expect(history.findClientConversation('other-app', turns)).toBeNull();
      expect(history.findClientConversation('notes-app', turns.slice(0, 1))).toBeNull();
    } finally {
      history.close();
    }
  });

  it("adds each answer's confidence to a version 6 file: older answers have none, and it stays within 0..1", () => {
    const db = connect();
    migrate(db, { to: 6 });
    db.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'Before', 1, 1)").run();
    db.prepare(
      "INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at, updated_at, target, reasons, model, tokens) VALUES ('m1', 'c1', 1, 'assistant', 'Hi', 'complete', 1, 1, 'local', '[]', 'tiny', 3)",
    ).run();
    expect(migrate(db, { to: 7 })).toEqual({ from: 6, to: 7, applied: ['0007-confidence'] });
    expect(db.prepare('SELECT confidence FROM messages').pluck().get()).toBeNull();
    expect(() => db.prepare("UPDATE messages SET confidence = 1.5 WHERE id = 'm1'").run()).toThrow(/CHECK/);
    db.close();
  });

  it('adds running totals to a version 7 file: the counts and sums of the answers already there', () => {
    const db = connect();
    migrate(db, { to: 7 });
    db.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'Before', 1, 1)").run();
    const answer = db.prepare(
      "INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at, updated_at, target, reasons, model, tokens, prompt_tokens, cost_usd, ttft_ms) VALUES (?, 'c1', ?, 'assistant', 'Hi', ?, 1, 1, ?, '[]', ?, 3, 2, ?, 100)",
    );
    answer.run('m1', 1, 'complete', 'local', 'tiny', null);
    answer.run('m2', 2, 'complete', 'cloud', 'gpt', 0.25);
    answer.run('m3', 3, 'error', 'cloud', 'gpt', 9);
    expect(migrate(db, { to: 8 })).toEqual({ from: 7, to: 8, applied: ['0008-running-totals'] });
    expect(db.prepare('SELECT message_count, finished_answers, local_answers FROM conversations').get()).toEqual({
      message_count: 3,
      finished_answers: 2,
      local_answers: 1,
    });
    expect(db.prepare('SELECT target, model, answers, prompt_tokens, completion_tokens, cost_usd FROM answer_totals ORDER BY target').all()).toEqual([
      { target: 'cloud', model: 'gpt', answers: 1, prompt_tokens: 2, completion_tokens: 3, cost_usd: 0.25 },
      { target: 'local', model: 'tiny', answers: 1, prompt_tokens: 2, completion_tokens: 3, cost_usd: 0 },
    ]);
    expect(db.prepare("SELECT target, bucket, n FROM answer_median_buckets WHERE metric = 'ttft' ORDER BY target").all()).toEqual([
      { target: 'cloud', bucket: 12, n: 1 },
      { target: 'local', bucket: 12, n: 1 },
    ]);
    for (const t of ['answer_quarters', 'answer_totals', 'answer_median_buckets']) expect(isStrict(db, t)).toBe(true);
    db.close();
  });

  it('turns on FTS5 secure-delete in both search indexes', () => {
    const db = connect();
    migrate(db, { to: 4 });
    for (const table of ['messages_fts_config', 'messages_cjk_config']) {
      expect(db.prepare(`SELECT v FROM ${table} WHERE k = 'secure-delete'`).pluck().get()).toBe(1);
    }
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
  });
});

describe('a database from a newer Duet', () => {
  // A newer Duet could have written the file in either journal mode; neither may be touched.
  it.each([
    ['rollback journal', false],
    ['WAL', true],
  ])('is refused without changing a byte (%s)', async (_label, wal) => {
    const raw = new Database(temp.file);
    if (wal) raw.pragma('journal_mode = WAL');
    raw.exec("CREATE TABLE future_things (x TEXT) STRICT; INSERT INTO future_things VALUES ('from the future')");
    raw.pragma('user_version = 99');
    raw.close();
    const before = fs.readFileSync(temp.file);
    const mtime = fs.statSync(temp.file).mtimeMs;

    let thrown: unknown;
    try {
      await openHistory(temp.file);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(HistoryError);
    expect((thrown as HistoryError).code).toBe('storage_too_new');
    expect((thrown as HistoryError).message).toMatch(/newer version of Duet/);
    expect((thrown as HistoryError).message).toMatch(/Update Duet/);

    expect(fs.readFileSync(temp.file).equals(before)).toBe(true);
    expect(fs.statSync(temp.file).mtimeMs).toBe(mtime);
    const check = new Database(temp.file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(99);
    expect(check.pragma('journal_mode', { simple: true })).toBe(wal ? 'wal' : 'delete');
    check.close();
  });

  it('is refused by the runner itself too', () => {
    const db = connect();
    db.pragma('user_version = 99');
    expect(() => migrate(db)).toThrow(HistoryError);
    expect(schemaVersion(db)).toBe(99);
  });
});
