import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../src-main/contract/index.js';
import { createDuetCore } from '../../src-main/core/create-core.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { TINY_GREETING_ANSWER, TINY_KEYWORD, TINY_KEYWORD_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { askAndWait, valueOf, waitForModel } from '../support/core-driver.js';
import { makeTempDir } from '../support/temp-dir.js';

let temp: ReturnType<typeof makeTempDir>;
let core: DuetCore | null = null;

beforeEach(() => {
  temp = makeTempDir('core');
});
afterEach(async () => {
  await core?.close();
  core = null;
  temp.remove();
});

async function open(modelPath: string | null): Promise<DuetCore> {
  core = await createDuetCore({ dataDir: temp.dir, modelPath, version: 'test' });
  return core;
}

describe('core', () => {
  it('answers through the local engine, streams it, records provenance and keeps it across a restart', async () => {
    const c = await open(TINY_MODEL_FILE);
    expect((await waitForModel(c)).state).toBe('ready');
    const { sent, answer, deltas } = await askAndWait(c, 'Hello');
    expect(answer.content).toBe(TINY_GREETING_ANSWER);
    expect(answer.status).toBe('complete');
    expect(deltas.join('')).toBe(TINY_GREETING_ANSWER);
    expect(deltas.length).toBeGreaterThan(1);
    expect(answer.provenance).toMatchObject({ target: 'local', model: expect.stringContaining('tiny') });
    expect(answer.provenance?.tokens).toBeGreaterThan(0);
    expect(answer.provenance?.ttftMs).toBeGreaterThan(0);
    expect(answer.provenance?.tokensPerSecond).toBeGreaterThan(0);

    const second = await askAndWait(c, `What is the ${TINY_KEYWORD} like?`, sent.conversationId);
    expect(second.answer.content).toBe(TINY_KEYWORD_ANSWER);

    await c.close();
    const reopened = await open(null);
    const list = valueOf<{ id: string; title: string; messageCount: number }[]>(await reopened.call('conversations.list', {}));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: sent.conversationId, title: 'Hello', messageCount: 4 });
    const detail = valueOf<{ messages: Message[] }>(await reopened.call('conversations.open', { id: sent.conversationId }));
    expect(detail.messages.map((m) => [m.role, m.content])).toEqual([
      ['user', 'Hello'],
      ['assistant', TINY_GREETING_ANSWER],
      ['user', `What is the ${TINY_KEYWORD} like?`],
      ['assistant', TINY_KEYWORD_ANSWER],
    ]);
    // The last model loaded is remembered for the next start.
    expect((await waitForModel(reopened)).path).toBe(path.resolve(TINY_MODEL_FILE));
  });

  it('keeps the question and explains the error when no model is loaded', async () => {
    const c = await open(null);
    const { answer } = await askAndWait(c, 'Hello');
    expect(answer.status).toBe('error');
    expect(answer.error?.code).toBe('model_missing');
    expect(answer.error?.message).toMatch(/GGUF/);
    const list = valueOf<{ id: string }[]>(await c.call('conversations.list', {}));
    const detail = valueOf<{ messages: Message[] }>(await c.call('conversations.open', { id: list[0]!.id }));
    expect(detail.messages[0]).toMatchObject({ role: 'user', content: 'Hello', status: 'complete' });
  });

  it('answers malformed requests with invalid_request and unknown ids with not_found', async () => {
    const c = await open(null);
    expect(await c.call('no.such.channel', {})).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await c.call('chat.send', { text: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await c.call('chat.send', null)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await c.call('conversations.open', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await c.call('chat.send', { conversationId: 'nope', text: 'Hi' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('saves settings', async () => {
    const c = await open(null);
    expect(valueOf(await c.call('settings.update', { showRouting: true }))).toMatchObject({ showRouting: true });
    await c.close();
    const reopened = await open(null);
    expect(valueOf<{ settings: { showRouting: boolean } }>(await reopened.call('app.info', {})).settings.showRouting).toBe(true);
  });

  it('refuses a database written by a newer Duet, without touching it', async () => {
    const file = path.join(temp.dir, 'duet.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    await expect(createDuetCore({ dataDir: temp.dir, version: 'test' })).rejects.toMatchObject({ code: 'storage_too_new' });
  });
});
