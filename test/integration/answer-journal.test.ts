// The answer journal keeps answer saves the history could not take (locked, full) in memory, retries
// them, and shows the kept text meanwhile. Real SQLite throughout: a second connection holds the
// write lock as another program would; `max_page_count` makes the file refuse to grow like a full disk.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DuetEvent, Message } from '../../src-main/contract/index.js';
import { AnswerJournal } from '../../src-main/core/answer-journal.js';
import { createDuetCore } from '../../src-main/core/create-core.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { EventHub } from '../../src-main/core/event-hub.js';
import { createHistoryStore, migrate, openDatabase, type Db, type History } from '../../src-main/history/index.js';
import { TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { valueOf, waitForModel } from '../support/core-driver.js';
import { useHistoryFolder } from '../support/history-fixture.js';

const temp = useHistoryFolder('answer-journal');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Setup {
  db: Db;
  history: History;
  events: DuetEvent[];
  journal: AnswerJournal;
  conversationId: string;
  answer: Message;
}

function setup(options: ConstructorParameters<typeof AnswerJournal>[2] = {}): Setup {
  const db = openDatabase(temp.file);
  migrate(db);
  const history = temp.closeAfter(createHistoryStore(db));
  const hub = new EventHub();
  const events: DuetEvent[] = [];
  hub.subscribe((event) => events.push(event));
  const journal = new AnswerJournal(history, hub, { retryFirstMs: 20, retryMaxMs: 50, ...options });
  const c = history.createConversation('Kept');
  history.addMessage({ conversationId: c.id, role: 'user', content: 'Tell me', status: 'complete' });
  const answer = history.addMessage({ conversationId: c.id, role: 'assistant', content: '', status: 'streaming' });
  return { db, history, events, journal, conversationId: c.id, answer };
}

/** Another program's write lock on the file, held until release(). */
function holdWriteLock(file: string): { release(): void } {
  const other = new Database(file);
  other.exec('BEGIN IMMEDIATE');
  return {
    release() {
      other.exec('COMMIT');
      other.close();
    },
  };
}

async function until<T>(get: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(10)) {
    const value = get();
    if (value !== undefined) return value;
  }
  throw new Error(`Waited in vain for ${what}`);
}

const updatedFor = (events: DuetEvent[], id: string, from = 0) =>
  events.slice(from).filter((e): e is Extract<DuetEvent, { type: 'message.updated' }> => e.type === 'message.updated' && e.message.id === id);

describe('answer journal', () => {
  it('keeps a save the lock refused, shows it as saved, and writes it once the lock is gone', async () => {
    const { history, events, journal, conversationId, answer } = setup();
    const lock = holdWriteLock(temp.file);
    const outcome = journal.write(answer, { content: 'All of it.', status: 'complete' });
    // A short lock is waited out: no failure for the user, the answer simply is not on disk yet.
    expect(outcome).toEqual({ saved: false, failure: null });
    expect(history.getMessage(answer.id)).toMatchObject({ content: '', status: 'streaming' });
    const shown = journal.overlay(history.getConversation(conversationId)!).messages[1];
    expect(shown).toMatchObject({ content: 'All of it.', status: 'complete', error: null });

    lock.release();
    const saved = await until(() => updatedFor(events, answer.id)[0], 'the saved answer');
    expect(saved.message).toMatchObject({ content: 'All of it.', status: 'complete' });
    expect(history.getMessage(answer.id)).toMatchObject({ content: 'All of it.', status: 'complete' });
    expect(journal.has(answer.id)).toBe(false);
  });

  it('tells the user once a lock outlasts its patience, and still saves the answer as it was', async () => {
    const { history, events, journal, answer } = setup({ busyPatienceMs: 150 });
    const lock = holdWriteLock(temp.file);
    try {
      journal.write(answer, { content: 'Finished answer.', status: 'complete' });
      const told = await until(() => updatedFor(events, answer.id)[0], 'word that the answer is not saved');
      expect(told.message).toMatchObject({ content: 'Finished answer.', status: 'error', error: { code: 'busy' } });
      expect(told.message.error!.message).toMatch(/another program .* holding the history file/i);
      expect(told.message.error!.message).toMatch(/kept/);
    } finally {
      lock.release();
    }
    const saved = await until(() => updatedFor(events, answer.id).find((e) => e.message.status !== 'error'), 'the saved answer');
    expect(saved.message).toMatchObject({ content: 'Finished answer.', status: 'complete', error: null });
    expect(history.getMessage(answer.id)).toMatchObject({ content: 'Finished answer.', status: 'complete' });
  });

  it('fails a save to a full disk at once with what to do, keeps the text, and saves it when there is room', async () => {
    const { db, history, events, journal, answer } = setup();
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const text = 'x'.repeat(200_000);
    const outcome = journal.write(answer, { content: text }, { live: true });
    expect(outcome).toMatchObject({ saved: false, failure: { code: 'storage_full' } });
    // A live answer is retried by its own writer; the final patch hands it to the background retry.
    journal.write(answer, { status: 'error', error: { code: 'storage_full', message: 'stopped here' } });
    const shown = journal.current(answer);
    expect(shown).toMatchObject({ content: text, status: 'error', error: { code: 'storage_full' } });
    expect(shown.error!.message).toMatch(/disk is full.*free some space/i);
    expect(history.getMessage(answer.id)!.content).toBe('');

    db.pragma('max_page_count = 1073741823');
    const saved = await until(() => updatedFor(events, answer.id)[0], 'the saved answer');
    expect(saved.message).toMatchObject({ content: text, status: 'error', error: { code: 'storage_full', message: 'stopped here' } });
    expect(history.getMessage(answer.id)!.content).toBe(text);
  });

  it('drops what it kept for a conversation deleted meanwhile, and reports on flush what it could not save', async () => {
    const { db, history, journal, conversationId, answer } = setup();
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    journal.write(answer, { content: 'y'.repeat(200_000), status: 'complete' });
    expect(journal.has(answer.id)).toBe(true);
    // Another answer in another conversation, also kept.
    const other = history.createConversation('Other');
    const otherAnswer = history.addMessage({ conversationId: other.id, role: 'assistant', content: '', status: 'streaming' });
    journal.write(otherAnswer, { content: 'z'.repeat(200_000), status: 'complete' });

    db.pragma('max_page_count = 1073741823');
    history.deleteConversation(conversationId);
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    await until(() => (journal.has(answer.id) ? undefined : true), 'the deleted answer to be dropped');
    const lost = journal.flush();
    expect(lost).toEqual([{ messageId: otherAnswer.id, error: expect.objectContaining({ code: 'storage_full' }) }]);
    expect(journal.has(otherAnswer.id)).toBe(false);
  });
});

describe('core with a locked history', () => {
  let core: DuetCore | null = null;
  afterEach(async () => {
    await core?.close();
    core = null;
  });
  let dataDir: string;
  beforeEach(() => {
    dataDir = path.join(temp.dir, 'data');
  });

  it('shows the finished answer while the lock keeps it off the disk, then saves it and says so', async () => {
    core = await createDuetCore({ dataDir, modelPath: TINY_MODEL_FILE, version: 'test' });
    expect((await waitForModel(core)).state).toBe('ready');
    const file = path.join(dataDir, 'duet.sqlite');
    const events: DuetEvent[] = [];
    let lock: { release(): void } | null = null;
    // Taken at the first token, after the question and the empty answer are saved, before the answer ends.
    core.subscribe((event) => {
      events.push(event);
      if (event.type === 'message.delta' && !lock) lock = holdWriteLock(file);
    });
    const sent = valueOf<{ conversationId: string; assistantMessage: Message }>(await core.call('chat.send', { conversationId: null, text: 'Hello' }));
    const id = sent.assistantMessage.id;
    try {
      const ended = await until(() => updatedFor(events, id).find((e) => e.message.status !== 'streaming'), 'the end of the answer');
      expect(ended.message).toMatchObject({ content: TINY_GREETING_ANSWER, status: 'complete' });
      const reopened = valueOf<{ messages: Message[] }>(await core.call('conversations.open', { id: sent.conversationId }));
      expect(reopened.messages[1]).toMatchObject({ id, content: TINY_GREETING_ANSWER, status: 'complete' });
      const onDisk = new Database(file, { readonly: true });
      expect(onDisk.prepare('SELECT status FROM messages WHERE id = ?').pluck().get(id)).toBe('streaming');
      onDisk.close();
    } finally {
      lock!.release();
    }
    const from = events.length;
    await until(() => updatedFor(events, id, from)[0], 'word that the answer was saved');
    const onDisk = new Database(file, { readonly: true });
    expect(onDisk.prepare('SELECT content, status FROM messages WHERE id = ?').get(id)).toEqual({ content: TINY_GREETING_ANSWER, status: 'complete' });
    onDisk.close();
  });

  it('refuses a question while another program holds the history, says what to do, and takes it once the lock is gone', async () => {
    core = await createDuetCore({ dataDir, modelPath: TINY_MODEL_FILE, version: 'test' });
    expect((await waitForModel(core)).state).toBe('ready');
    const lock = holdWriteLock(path.join(dataDir, 'duet.sqlite'));
    let refused;
    try {
      refused = await core.call('chat.send', { conversationId: null, text: 'Hello' });
      // The rest of Duet still answers meanwhile: reading needs no write lock.
      expect((await core.call('conversations.list', {})).ok).toBe(true);
    } finally {
      lock.release();
    }
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'busy', message: expect.stringMatching(/in use by another copy of Duet or another program.*Close the other one and try again/) },
    });
    expect(valueOf<unknown[]>(await core.call('conversations.list', {}))).toEqual([]);
    const sent = valueOf<{ assistantMessage: Message }>(await core.call('chat.send', { conversationId: null, text: 'Hello' }));
    expect(sent.assistantMessage.status).toBe('streaming');
  });

  it('never shows an answer as being written when none is', async () => {
    core = await createDuetCore({ dataDir, modelPath: null, version: 'test' });
    const file = path.join(dataDir, 'duet.sqlite');
    const c = valueOf<{ conversationId: string }>(await core.call('chat.send', { conversationId: null, text: 'Hello' }));
    // A row left 'streaming' while this Duet runs (a save lost before this fix, or another program's write).
    const other = new Database(file);
    other.prepare("UPDATE messages SET status = 'streaming', content = 'half an ans' WHERE conversation_id = ? AND role = 'assistant'").run(c.conversationId);
    other.close();
    const detail = valueOf<{ messages: Message[] }>(await core.call('conversations.open', { id: c.conversationId }));
    expect(detail.messages.map((m) => m.status)).toEqual(['complete', 'interrupted']);
    expect(detail.messages[1]!.content).toBe('half an ans');
  });
});
