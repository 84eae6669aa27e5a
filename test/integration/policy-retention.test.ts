// The administrator's history retention on a real history file: conversations whose last activity is
// older than the policy's days are deleted at start (pinned ones too) with their messages and search
// entries, and a running Duet keeps deleting them as they age.
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OPEN_POLICY, type ConversationSummary, type SearchResult } from '../../src-main/contract/index.js';
import { createDuetCore } from '../../src-main/core/create-core.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { HistoryRetention } from '../../src-main/core/history-retention.js';
import { openHistory, type History } from '../../src-main/history/index.js';
import { valueOf } from '../support/core-driver.js';
import { makeTempDir } from '../support/temp-dir.js';

const DAY_MS = 24 * 60 * 60 * 1000;
let temp: ReturnType<typeof makeTempDir> | null = null;
let core: DuetCore | null = null;
let history: History | null = null;

afterEach(async () => {
  await core?.close();
  core = null;
  history?.close();
  history = null;
  temp?.remove();
  temp = null;
});

/** A conversation with a question and an answer holding `word`. */
function converse(h: History, title: string, word: string): string {
  const conversation = h.createConversation(title);
  h.addMessage({ conversationId: conversation.id, role: 'user', content: `Tell me about ${word}`, status: 'complete' });
  h.addMessage({ conversationId: conversation.id, role: 'assistant', content: `Here is what I know about ${word}.`, status: 'complete' });
  return conversation.id;
}

/** Sets a conversation's last activity (and its messages' times) `days` ago, in the SQLite file itself. */
function age(file: string, id: string, days: number): void {
  const db = new Database(file);
  const at = Date.now() - days * DAY_MS;
  db.prepare('UPDATE conversations SET updated_at = ?, created_at = ? WHERE id = ?').run(at, at, id);
  db.prepare('UPDATE messages SET updated_at = ?, created_at = ? WHERE conversation_id = ?').run(at, at, id);
  db.close();
}

describe('policy: history retention', () => {
  it('deletes conversations past the retention days at start, pinned ones too, with their messages and search entries', async () => {
    temp = makeTempDir('policy-retention');
    const dataDir = path.join(temp.dir, 'data');
    const file = path.join(dataDir, 'duet.sqlite');
    // A history written by an earlier run of Duet.
    const first = await createDuetCore({ dataDir, version: 'test', policy: OPEN_POLICY });
    await first.close();
    history = await openHistory(file);
    const old = converse(history, 'Old one', 'quokkaold');
    const pinned = converse(history, 'Old pinned', 'quokkapinned');
    const recent = converse(history, 'Recent', 'quokkarecent');
    history.setPinned(pinned, true);
    history.close();
    history = null;
    age(file, old, 45);
    age(file, pinned, 31);
    age(file, recent, 29);

    core = await createDuetCore({ dataDir, version: 'test', policy: { ...OPEN_POLICY, source: 'test policy', historyRetentionDays: 30 } });
    const left = valueOf<ConversationSummary[]>(await core.call('conversations.list', {}));
    expect(left.map((c) => c.title)).toEqual(['Recent']);
    for (const word of ['quokkaold', 'quokkapinned']) {
      expect(valueOf<SearchResult>(await core.call('history.search', { query: word })).hits).toEqual([]);
    }
    expect(valueOf<SearchResult>(await core.call('history.search', { query: 'quokkarecent' })).hits.length).toBeGreaterThan(0);
    expect(await core.call('conversations.open', { id: old })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await core.close();
    core = null;

    // Gone from the file itself: no message rows, nothing in the search index, no bytes left behind.
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM messages WHERE conversation_id IN (?, ?)').get(old, pinned)).toEqual({ n: 0 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM messages_fts WHERE messages_fts MATCH 'quokkaold OR quokkapinned'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?').get(recent)).toEqual({ n: 2 });
    db.close();
    for (const f of [file, `${file}-wal`]) {
      if (existsSync(f)) expect(readFileSync(f).includes(Buffer.from('quokkaold'))).toBe(false);
    }
  });

  it('keeps deleting conversations as they age while Duet runs', async () => {
    temp = makeTempDir('policy-retention');
    history = await openHistory(path.join(temp.dir, 'duet.sqlite'));
    const h = history;
    const id = converse(h, 'Today', 'wombat');
    let now = Date.now();
    // The test's clock and a short interval stand in for days passing and the daily sweep.
    const retention = new HistoryRetention({ days: 1, list: () => h.listConversations(), remove: (c) => h.deleteConversation(c), now: () => now, everyMs: 20 });
    try {
      expect(await retention.start()).toBe(0);
      expect(h.listConversations().map((c) => c.id)).toEqual([id]);
      now += 2 * DAY_MS;
      await expect.poll(() => h.listConversations().length, { timeout: 10_000 }).toBe(0);
      expect(h.search({ query: 'wombat' })).toEqual([]);
    } finally {
      await retention.close();
    }
  });
});
