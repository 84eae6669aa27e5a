import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Message, type Provenance } from '../../src-main/contract/index.js';
import { createHistoryStore, DEFAULT_BUSY_TIMEOUT_MS, HistoryError, migrate, openDatabase, openHistory, type Db, type History } from '../../src-main/history/index.js';
import { useHistoryFolder } from '../support/history-fixture.js';

const temp = useHistoryFolder('history-store');

function start(): Promise<History> {
  return temp.open();
}

/** A store whose connection the test can also query. */
function startWithDb(): { history: History; db: Db } {
  const db = openDatabase(temp.file);
  migrate(db);
  const history = temp.closeAfter(createHistoryStore(db));
  return { history, db };
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (e) {
    if (e instanceof HistoryError) return e.code;
    throw e;
  }
  return undefined;
}

const provenance: Provenance = {
  target: 'local',
  route: 'local',
  reasons: [
    { code: 'easy', message: 'short question' },
    { code: 'privacy', message: 'no private data' },
  ],
  score: 0.12,
  model: 'tiny-test.gguf',
  ttftMs: 42.5,
  tokens: 7,
  tokensPerSecond: 38.25,
  latencyMs: 310.5,
  promptTokens: null,
  costUsd: null,
  confidence: 0.83,
};

describe('conversations and messages', () => {
  it('creates a conversation and lists it with its message count', async () => {
    const h = await start();
    const c = h.createConversation('First chat');
    expect(c.title).toBe('First chat');
    expect(c.messageCount).toBe(0);
    expect(c.createdAt).toBe(c.updatedAt);
    expect(Math.abs(c.createdAt - Date.now())).toBeLessThan(5_000);
    expect(c.id).toMatch(/^[0-9a-f-]{36}$/);

    h.addMessage({ conversationId: c.id, role: 'user', content: 'Hello?', status: 'complete' });
    const [listed] = h.listConversations();
    expect(listed).toMatchObject({ id: c.id, title: 'First chat', messageCount: 1 });
    expect(listed!.updatedAt).toBeGreaterThan(c.updatedAt);
  });

  it('lists the most recently updated conversation first, even within one millisecond', async () => {
    const h = await start();
    const a = h.createConversation('a');
    const b = h.createConversation('b');
    const c = h.createConversation('c');
    expect(h.listConversations().map((x) => x.title)).toEqual(['c', 'b', 'a']);
    h.addMessage({ conversationId: a.id, role: 'user', content: 'back to a', status: 'complete' });
    expect(h.listConversations().map((x) => x.title)).toEqual(['a', 'c', 'b']);
    h.addMessage({ conversationId: b.id, role: 'user', content: 'now b', status: 'complete' });
    expect(h.listConversations().map((x) => x.id)).toEqual([b.id, a.id, c.id]);
  });

  it('returns messages in the order they were added, mapped to the contract', async () => {
    const h = await start();
    const c = h.createConversation('Ordering');
    const user = h.addMessage({ conversationId: c.id, role: 'user', content: 'Question', status: 'complete' });
    const answer = h.addMessage({
      conversationId: c.id,
      role: 'assistant',
      content: 'Answer',
      status: 'complete',
      provenance,
    });
    const third = h.addMessage({ conversationId: c.id, role: 'user', content: 'Follow-up', status: 'complete' });

    const detail = h.getConversation(c.id)!;
    expect(detail.conversation).toMatchObject({ id: c.id, messageCount: 3 });
    expect(detail.messages.map((m) => m.id)).toEqual([user.id, answer.id, third.id]);
    for (const m of detail.messages) expect(Message.parse(m)).toEqual(m);
    expect(detail.messages[0]).toEqual({
      id: user.id,
      conversationId: c.id,
      role: 'user',
      content: 'Question',
      status: 'complete',
      createdAt: user.createdAt,
      provenance: null,
      error: null,
      rerunOf: null,
    });
    expect(detail.messages[1]!.provenance).toEqual(provenance);
  });

  it('answers null for an unknown conversation and not_found when adding to one', async () => {
    const h = await start();
    expect(h.getConversation('nope')).toBeNull();
    expect(codeOf(() => h.addMessage({ conversationId: 'nope', role: 'user', content: 'x', status: 'complete' }))).toBe('not_found');
    expect(codeOf(() => h.updateMessage('nope', { content: 'x' }))).toBe('not_found');
  });

  it('updates a streaming answer field by field', async () => {
    const h = await start();
    const c = h.createConversation('Streaming');
    const m = h.addMessage({ conversationId: c.id, role: 'assistant', content: '', status: 'streaming' });

    expect(h.updateMessage(m.id, { content: 'Hel' }).content).toBe('Hel');
    const more = h.updateMessage(m.id, { content: 'Hello' });
    expect(more).toMatchObject({ content: 'Hello', status: 'streaming', provenance: null, error: null });

    const done = h.updateMessage(m.id, { status: 'complete', provenance });
    expect(done).toMatchObject({ content: 'Hello', status: 'complete', provenance });

    const failed = h.updateMessage(m.id, { status: 'error', error: { code: 'engine_crashed', message: 'The model stopped.' } });
    expect(failed).toMatchObject({ content: 'Hello', provenance, error: { code: 'engine_crashed', message: 'The model stopped.' } });

    const cleared = h.updateMessage(m.id, { provenance: null, error: null });
    expect(cleared).toMatchObject({ content: 'Hello', status: 'error', provenance: null, error: null });
    expect(h.getConversation(c.id)!.messages[0]).toEqual(cleared);
  });

  it('deletes a conversation with all its messages', () => {
    const { history: h, db } = startWithDb();
    const keep = h.createConversation('keep');
    const drop = h.createConversation('drop');
    h.addMessage({ conversationId: keep.id, role: 'user', content: 'stays', status: 'complete' });
    h.addMessage({ conversationId: drop.id, role: 'user', content: 'goes', status: 'complete' });
    h.addMessage({ conversationId: drop.id, role: 'assistant', content: 'goes too', status: 'complete' });

    expect(h.deleteConversation(drop.id)).toBe(true);
    expect(h.deleteConversation(drop.id)).toBe(false);
    expect(h.getConversation(drop.id)).toBeNull();
    expect(h.listConversations().map((c) => c.id)).toEqual([keep.id]);
    expect(db.prepare('SELECT content FROM messages').pluck().all()).toEqual(['stays']);
  });
});

describe('after a restart', () => {
  it('keeps everything across close and reopen', async () => {
    const first = await openHistory(temp.file);
    const c = first.createConversation('Survives');
    const u = first.addMessage({ conversationId: c.id, role: 'user', content: 'Remember me', status: 'complete' });
    const a = first.addMessage({ conversationId: c.id, role: 'assistant', content: 'I will', status: 'complete', provenance });
    first.saveSetting('showRouting', true);
    first.close();
    first.close(); // closing twice is harmless

    const second = await start();
    expect(second.listConversations()).toEqual([{ ...c, updatedAt: a.createdAt, messageCount: 2, localShare: 1 }]);
    expect(second.getConversation(c.id)!.messages).toEqual([u, a]);
    expect(second.getSettings()).toEqual({ showRouting: true });
    // New conversations still sort after the old ones.
    const d = second.createConversation('Later');
    expect(second.listConversations()[0]!.id).toBe(d.id);
  });

  it('marks answers cut off by a crash as interrupted', async () => {
    const first = await openHistory(temp.file);
    const c = first.createConversation('Crash');
    const done = first.addMessage({ conversationId: c.id, role: 'assistant', content: 'finished', status: 'complete' });
    const cut = first.addMessage({ conversationId: c.id, role: 'assistant', content: 'half an ans', status: 'streaming' });
    first.close();

    const second = await start();
    expect(second.markInterrupted()).toBe(1);
    expect(second.markInterrupted()).toBe(0);
    const messages = second.getConversation(c.id)!.messages;
    expect(messages.map((m) => [m.id, m.status, m.content])).toEqual([
      [done.id, 'complete', 'finished'],
      [cut.id, 'interrupted', 'half an ans'],
    ]);
  });
});

describe('settings', () => {
  it('saves JSON values by key and overwrites them', async () => {
    const h = await start();
    expect(h.getSettings()).toEqual({});
    h.saveSetting('showRouting', false);
    h.saveSetting('modelPath', '/models/tiny.gguf');
    h.saveSetting('showRouting', true);
    h.saveSetting('nested', { a: [1, null, 'x'] });
    expect(h.getSettings()).toEqual({ showRouting: true, modelPath: '/models/tiny.gguf', nested: { a: [1, null, 'x'] } });
    h.saveSetting('modelPath', null);
    expect(h.getSettings()['modelPath']).toBeNull();
    expect(codeOf(() => h.saveSetting('nothing', undefined))).toBe('invalid_request');
  });
});

describe('the connection', () => {
  it('runs with WAL, foreign keys, synchronous NORMAL and a busy timeout', () => {
    const { history: h, db } = startWithDb();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // 1 = NORMAL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(DEFAULT_BUSY_TIMEOUT_MS);
    h.createConversation('wal');
    expect(fs.existsSync(`${temp.file}-wal`)).toBe(true);
    // Foreign keys really enforced: a message for no conversation is refused by SQLite itself.
    expect(() =>
      db
        .prepare("INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at, updated_at) VALUES ('m', 'ghost', 1, 'user', '', 'complete', 1, 1)")
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
