import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HistoryError, type History } from '../../src-main/history/index.js';
import { useHistoryFolder } from '../support/history-fixture.js';

const temp = useHistoryFolder('history-delete');

function start(): Promise<History> {
  return temp.open();
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

const MARKER = 'zebra-quartz-4471';

/** Every file SQLite keeps for the history (database, WAL, shared memory), as raw bytes. */
function filesHoldMarker(): string[] {
  const needle = Buffer.from(MARKER, 'utf8');
  return [temp.file, `${temp.file}-wal`, `${temp.file}-shm`].filter((f) => fs.existsSync(f) && fs.readFileSync(f).includes(needle));
}

/**
 * FTS5 shadow tables whose raw blobs still hold a token of the secret. The index stores each term
 * prefix-compressed against the one before it, so it looks for terms no other text shares a first
 * character with: "zebra" (words) and the trigram "秘密内" (Chinese).
 */
function shadowTablesHoldMarker(): string[] {
  const db = new Database(temp.file, { readonly: true });
  try {
    const found: string[] = [];
    const needles: Record<string, string> = {
      messages_fts_data: 'zebra',
      messages_fts_idx: 'zebra',
      messages_cjk_data: '秘密内',
      messages_cjk_idx: '秘密内',
    };
    for (const [table, needle] of Object.entries(needles)) {
      const rows = db.prepare(`SELECT * FROM ${table}`).raw().all() as unknown[][];
      const bytes = Buffer.concat(rows.flat().map((v) => (Buffer.isBuffer(v) ? v : Buffer.from(String(v)))));
      if (bytes.includes(Buffer.from(needle, 'utf8'))) found.push(table);
    }
    return found;
  } finally {
    db.close();
  }
}

/** Lots of ordinary conversations, so the secret shares pages with text that stays. */
function fill(h: History, conversations: number): void {
  for (let i = 0; i < conversations; i++) {
    const c = h.createConversation(`Other ${i}`);
    h.addMessage({ conversationId: c.id, role: 'user', content: `ordinary question ${i} about lunch`, status: 'complete' });
    h.addMessage({ conversationId: c.id, role: 'assistant', content: `ordinary answer ${i} `.repeat(20), status: 'complete' });
  }
}

describe('deleting a conversation', () => {
  it.each([
    ['without reopening', false],
    ['after a reopen', true],
  ])('leaves none of its text in the database, WAL or search index (%s)', async (_label, reopen) => {
    let h = await start();
    fill(h, 40);
    const secret = h.createConversation(`Secret ${MARKER}`);
    h.addMessage({ conversationId: secret.id, role: 'user', content: `my code is ${MARKER}, keep it`, status: 'complete' });
    const a = h.addMessage({ conversationId: secret.id, role: 'assistant', content: 'Noted', status: 'streaming' });
    h.updateMessage(a.id, { content: `Noted: ${MARKER}`, status: 'complete' });
    h.addMessage({ conversationId: secret.id, role: 'user', content: `中文 ${MARKER} 秘密内容`, status: 'complete' });
    fill(h, 40);
    if (reopen) {
      h.close();
      h = await start();
    }
    // The check can fail: before the delete it finds the marker in the file and the index.
    expect(h.search({ query: MARKER }).length).toBeGreaterThan(0);
    expect(filesHoldMarker().length).toBeGreaterThan(0);
    expect(shadowTablesHoldMarker()).toEqual(expect.arrayContaining(['messages_fts_data', 'messages_cjk_data']));

    expect(h.deleteConversation(secret.id)).toBe(true);
    expect(h.search({ query: MARKER })).toEqual([]);
    expect(h.search({ query: '秘密内容' })).toEqual([]);
    // Even while the store is still open, the WAL was emptied.
    expect(filesHoldMarker()).toEqual([]);
    h.close();

    expect(filesHoldMarker()).toEqual([]);
    expect(shadowTablesHoldMarker()).toEqual([]);
    const again = await start();
    expect(again.listConversations()).toHaveLength(80);
    expect(again.search({ query: 'lunch' }).length).toBeGreaterThan(0);
  });

  it('answers false for an unknown conversation', async () => {
    const h = await start();
    expect(h.deleteConversation('nope')).toBe(false);
  });

  it('still deletes while another connection holds a read snapshot (the checkpoint waits for later)', async () => {
    const h = await start();
    const c = h.createConversation('to delete');
    h.addMessage({ conversationId: c.id, role: 'user', content: 'bye', status: 'complete' });
    const reader = new Database(temp.file, { readonly: true });
    try {
      reader.prepare('BEGIN').run();
      reader.prepare('SELECT COUNT(*) FROM messages').get();
      const started = Date.now();
      expect(h.deleteConversation(c.id)).toBe(true);
      expect(Date.now() - started).toBeLessThan(2_000);
      reader.prepare('COMMIT').run();
    } finally {
      reader.close();
    }
    expect(h.getConversation(c.id)).toBeNull();
  });
});

describe('renaming and pinning', () => {
  it('renames with the title trimmed, refuses an empty one, and says when the conversation is gone', async () => {
    const h = await start();
    const c = h.createConversation('Old');
    const renamed = h.renameConversation(c.id, '  New name \n');
    expect(renamed).toMatchObject({ id: c.id, title: 'New name', updatedAt: c.updatedAt, pinned: false });
    expect(h.getConversation(c.id)!.conversation.title).toBe('New name');
    expect(codeOf(() => h.renameConversation(c.id, '   '))).toBe('invalid_request');
    expect(codeOf(() => h.renameConversation('nope', 'x'))).toBe('not_found');
  });

  it('lists pinned conversations first, newest first within each group', async () => {
    const h = await start();
    const a = h.createConversation('a');
    const b = h.createConversation('b');
    h.createConversation('c');
    expect(h.listConversations().map((x) => x.title)).toEqual(['c', 'b', 'a']);
    expect(h.setPinned(a.id, true)).toMatchObject({ id: a.id, pinned: true });
    expect(h.listConversations().map((x) => [x.title, x.pinned])).toEqual([
      ['a', true],
      ['c', false],
      ['b', false],
    ]);
    h.setPinned(b.id, true);
    expect(h.listConversations().map((x) => x.title)).toEqual(['b', 'a', 'c']);
    h.addMessage({ conversationId: a.id, role: 'user', content: 'bump', status: 'complete' });
    expect(h.listConversations().map((x) => x.title)).toEqual(['a', 'b', 'c']);
    h.setPinned(a.id, false);
    expect(h.listConversations().map((x) => x.title)).toEqual(['b', 'a', 'c']);
    expect(h.getConversation(b.id)!.conversation.pinned).toBe(true);
    expect(codeOf(() => h.setPinned('nope', true))).toBe('not_found');
  });
});
