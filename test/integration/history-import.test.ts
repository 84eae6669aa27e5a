import { describe, expect, it } from 'vitest';
import type { Provenance } from '../../src-main/contract/index.js';
import { HistoryError, type History, type ImportedConversation } from '../../src-main/history/index.js';
import { useHistoryFolder } from '../support/history-fixture.js';
import { asImported } from '../support/history-samples.js';

const temp = useHistoryFolder('history-import');

function start(name?: string): Promise<History> {
  return temp.open(name);
}

const provenance: Provenance = {
  target: 'cloud',
  route: 'escalated',
  reasons: [{ code: 'local-unsure', message: 'the local model was unsure' }],
  score: 0.81,
  model: 'gpt-x',
  ttftMs: 350.5,
  tokens: 42,
  tokensPerSecond: 61.25,
  latencyMs: 1200,
  promptTokens: 17,
  costUsd: 0.0042,
  confidence: null,
};

describe('export and import', () => {
  it('exports every conversation oldest first, or one by id', async () => {
    const h = await start();
    const a = h.createConversation('first');
    const b = h.createConversation('second');
    h.addMessage({ conversationId: a.id, role: 'user', content: 'bump a', status: 'complete' });
    expect(h.exportConversations(null).map((d) => d.conversation.title)).toEqual(['first', 'second']);
    expect(h.exportConversations(b.id)).toEqual([h.getConversation(b.id)]);
    expect(h.exportConversations('nope')).toEqual([]);
  });

  it('moves conversations with their provenance, errors, re-runs, pins and times to another history', async () => {
    const source = await start('source.sqlite');
    const c = source.createConversation('Round trip');
    source.setConversationMode(c.id, 'cloud');
    source.setPinned(c.id, true);
    source.addMessage({ conversationId: c.id, role: 'user', content: 'Question 中文', status: 'complete' });
    const first = source.addMessage({
      conversationId: c.id,
      role: 'assistant',
      content: 'Local try',
      status: 'error',
      provenance: { ...provenance, target: 'local', route: 'local', model: 'tiny.gguf', costUsd: null },
    });
    source.updateMessage(first.id, { error: { code: 'engine_crashed', message: 'The model stopped.' } });
    source.addMessage({ conversationId: c.id, role: 'assistant', content: 'Cloud answer', status: 'complete', provenance, rerunOf: first.id });
    const other = source.createConversation('Empty one');
    const exported = source.exportConversations(null);

    const target = await start('target.sqlite');
    expect(target.importConversations(exported.map(asImported))).toEqual({ conversations: 2, messages: 3, skipped: 0 });
    expect(target.getConversation(c.id)).toEqual(source.getConversation(c.id));
    expect(target.getConversation(other.id)).toEqual(source.getConversation(other.id));
    expect(target.listConversations()).toEqual(source.listConversations());
    expect(target.search({ query: 'cloud answer' }).map((x) => x.messageId)).toHaveLength(1);
    expect(target.search({ query: '中文' })).toHaveLength(1);

    // Importing the same file again adds nothing.
    expect(target.importConversations(exported.map(asImported))).toEqual({ conversations: 0, messages: 0, skipped: 2 });
    expect(target.listConversations()).toHaveLength(2);
  });

  it('gives a message a new id when its id is taken, and keeps its re-run pointing at it', async () => {
    const h = await start();
    const c = h.createConversation('Original');
    const taken = h.addMessage({ conversationId: c.id, role: 'assistant', content: 'here first', status: 'complete', provenance });
    const copy = asImported(h.getConversation(c.id)!);
    copy.id = 'another-conversation';
    copy.messages.push({ ...copy.messages[0]!, id: 'rerun', content: 'second try', rerunOf: taken.id });

    expect(h.importConversations([copy])).toEqual({ conversations: 1, messages: 2, skipped: 0 });
    const [moved, rerun] = h.getConversation('another-conversation')!.messages;
    expect(moved!.id).not.toBe(taken.id);
    expect(moved!.content).toBe('here first');
    expect(rerun).toMatchObject({ id: 'rerun', rerunOf: moved!.id });
    expect(h.getMessage(taken.id)!.conversationId).toBe(c.id);
  });

  it('keeps new activity above a conversation imported with a time in the future', async () => {
    const h = await start();
    const future = Date.now() + 86_400_000;
    h.importConversations([{ id: 'future', title: 'From a fast clock', createdAt: future, updatedAt: future, mode: null, pinned: false, messages: [] }]);
    const fresh = h.createConversation('Made now');
    expect(fresh.createdAt).toBeGreaterThan(future);
    expect(h.listConversations().map((x) => x.id)).toEqual([fresh.id, 'future']);
  });

  it('imports nothing when one conversation is invalid', async () => {
    const h = await start();
    const good: ImportedConversation = { id: 'good', title: 'ok', createdAt: 1, updatedAt: 1, mode: null, pinned: false, messages: [] };
    const bad: ImportedConversation = {
      ...good,
      id: 'bad',
      messages: [{ id: 'm', role: 'user', content: 'x', status: 'thinking' as 'complete', createdAt: 1, provenance: null, error: null, rerunOf: null }],
    };
    let thrown: unknown;
    try {
      h.importConversations([good, bad]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(HistoryError);
    expect((thrown as HistoryError).code).toBe('invalid_request');
    expect((thrown as HistoryError).message).toMatch(/import the conversations, so none were added/);
    expect(h.listConversations()).toEqual([]);
  });
});
