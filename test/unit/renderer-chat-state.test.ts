import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConversationSummary, Message } from '../../src-main/contract/entities.js';
import type { DuetEvent } from '../../src-main/contract/events.js';
import { ChatState } from '../../src-renderer/lib/state/chat.svelte.js';
import { ScriptedClient, settle } from '../support/scripted-client.js';

function message(id: string, conversationId: string, fields: Partial<Message> = {}): Message {
  return {
    id,
    conversationId,
    role: 'assistant',
    content: '',
    status: 'complete',
    createdAt: 1,
    provenance: null,
    error: null,
    rerunOf: null,
    ...fields,
  };
}

function summary(id: string, fields: Partial<ConversationSummary> = {}): ConversationSummary {
  return { id, title: `Chat ${id}`, createdAt: 1, updatedAt: 1, messageCount: 2, mode: null, localShare: null, pinned: false, client: null, ...fields };
}

function delta(conversationId: string, messageId: string, text: string): DuetEvent {
  return { type: 'message.delta', conversationId, messageId, text };
}

/** A chat wired to a scripted client the way app.svelte.ts wires it to the real one. */
function setup(): { client: ScriptedClient; chat: ChatState } {
  const client = new ScriptedClient();
  const chat = new ChatState(client);
  client.subscribe((event) => chat.handle(event));
  return { client, chat };
}

/** Opens a conversation and lets the core answer with these messages. */
async function openWith(client: ScriptedClient, chat: ChatState, id: string, messages: Message[]): Promise<void> {
  const opening = chat.open(id);
  client.take('conversations.open').ok({ conversation: summary(id), messages });
  await opening;
}

function contents(chat: ChatState): string[] {
  return chat.messages.map((m) => m.content);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ChatState: streaming an answer', () => {
  it('keeps text that streams in before chat.send has answered', async () => {
    const { client, chat } = setup();
    const sending = chat.send('Hello');
    expect(chat.sending).toBe(true);
    // The core starts streaming before its answer to chat.send reaches the renderer.
    client.push(delta('c1', 'a1', 'Hi '));
    client.push(delta('c1', 'a1', 'there'));
    expect(chat.messages).toEqual([]);

    client.take('chat.send').ok({
      conversationId: 'c1',
      userMessage: message('u1', 'c1', { role: 'user', content: 'Hello', createdAt: 1 }),
      assistantMessage: message('a1', 'c1', { status: 'streaming', createdAt: 2 }),
    });
    expect(await sending).toBe(true);

    expect(chat.openId).toBe('c1');
    expect(contents(chat)).toEqual(['Hello', 'Hi there']);
    expect(chat.streaming).toBe(true);
    client.push(delta('c1', 'a1', '!'));
    expect(contents(chat)).toEqual(['Hello', 'Hi there!']);
  });

  it('keeps a final answer that arrives before chat.send has answered', async () => {
    const { client, chat } = setup();
    const sending = chat.send('Hello');
    client.push(delta('c1', 'a1', 'Hi'));
    client.push({ type: 'message.updated', message: message('a1', 'c1', { content: 'Hi, all of it.', createdAt: 2 }) });
    client.take('chat.send').ok({
      conversationId: 'c1',
      userMessage: message('u1', 'c1', { role: 'user', content: 'Hello' }),
      assistantMessage: message('a1', 'c1', { status: 'streaming', createdAt: 2 }),
    });
    await sending;
    expect(contents(chat)).toEqual(['Hello', 'Hi, all of it.']);
    expect(chat.busy).toBe(false);
  });

  it('replaces the streamed text with the final message, and ignores a delta that comes after it', async () => {
    const { client, chat } = setup();
    await openWith(client, chat, 'c1', [message('u1', 'c1', { role: 'user', content: 'Hello' })]);
    const sending = chat.send('Again');
    client.take('chat.send').ok({
      conversationId: 'c1',
      userMessage: message('u2', 'c1', { role: 'user', content: 'Again', createdAt: 2 }),
      assistantMessage: message('a2', 'c1', { status: 'streaming', createdAt: 3 }),
    });
    await sending;
    client.push(delta('c1', 'a2', 'Half an ans'));
    expect(chat.streaming).toBe(true);

    client.push({ type: 'message.updated', message: message('a2', 'c1', { content: 'The whole answer.', createdAt: 3 }) });
    client.push(delta('c1', 'a2', 'wer'));

    expect(contents(chat)).toEqual(['Hello', 'Again', 'The whole answer.']);
    expect(chat.streaming).toBe(false);
    expect(chat.busy).toBe(false);
  });

  it('ignores deltas and updates for another conversation', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { client, chat } = setup();
    await openWith(client, chat, 'c1', [message('a1', 'c1', { content: 'Mine', status: 'streaming' })]);

    client.push(delta('c2', 'b1', 'Not yours'));
    client.push({ type: 'message.updated', message: message('b1', 'c2', { content: 'Not yours either' }) });
    vi.runAllTimers();

    expect(contents(chat)).toEqual(['Mine']);
    // Nothing to re-read either: the other conversation is not on screen.
    expect(client.waiting('conversations.open')).toEqual([]);
  });

  it('re-reads the open conversation once when deltas come for a message it does not know', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { client, chat } = setup();
    await openWith(client, chat, 'c1', [message('u1', 'c1', { role: 'user', content: 'Hi' })]);

    // Another window asked in this conversation: its answer streams in here unannounced.
    client.push(delta('c1', 'x1', 'one'));
    client.push(delta('c1', 'x1', 'two'));
    vi.runAllTimers();

    expect(client.waiting('conversations.open')).toHaveLength(1);
    client.take('conversations.open').ok({
      conversation: summary('c1'),
      messages: [message('u1', 'c1', { role: 'user', content: 'Hi' }), message('x1', 'c1', { content: 'onetwo', status: 'streaming', createdAt: 2 })],
    });
    await settle();
    expect(contents(chat)).toEqual(['Hi', 'onetwo']);
  });
});

describe('ChatState: sequence guards', () => {
  it('shows B when B is opened while A is still loading, whatever order the answers come in', async () => {
    const { client, chat } = setup();
    const openingA = chat.open('A');
    const openingB = chat.open('B');
    const [loadA, loadB] = client.twoWaiting('conversations.open');

    loadB.ok({ conversation: summary('B'), messages: [message('b1', 'B', { content: 'From B' })] });
    await openingB;
    loadA.ok({ conversation: summary('A'), messages: [message('a1', 'A', { content: 'From A' })] });
    await openingA;

    expect(chat.openId).toBe('B');
    expect(contents(chat)).toEqual(['From B']);
    expect(chat.loading).toBe(false);
  });

  it('keeps loading B when the answer for A comes first, and drops A failing', async () => {
    const { client, chat } = setup();
    const openingA = chat.open('A');
    const openingB = chat.open('B');
    const [loadA, loadB] = client.twoWaiting('conversations.open');

    loadA.fail('not_found');
    await openingA;
    expect(chat.loading).toBe(true);
    expect(chat.openError).toBeNull();
    expect(chat.messages).toEqual([]);

    loadB.ok({ conversation: summary('B'), messages: [message('b1', 'B', { content: 'From B' })] });
    await openingB;
    expect(contents(chat)).toEqual(['From B']);
  });

  it('does not pour an answer to chat.send into a conversation opened meanwhile', async () => {
    const { client, chat } = setup();
    await openWith(client, chat, 'A', [message('a1', 'A', { content: 'In A' })]);
    const sending = chat.send('Question for A');
    await openWith(client, chat, 'B', [message('b1', 'B', { content: 'In B' })]);

    client.take('chat.send').ok({
      conversationId: 'A',
      userMessage: message('a2', 'A', { role: 'user', content: 'Question for A', createdAt: 2 }),
      assistantMessage: message('a3', 'A', { status: 'streaming', createdAt: 3 }),
    });
    expect(await sending).toBe(true);
    expect(chat.openId).toBe('B');
    expect(contents(chat)).toEqual(['In B']);
  });

  it('keeps the newest conversation list when an older refresh answers last', async () => {
    const { client, chat } = setup();
    const first = chat.refreshList();
    const second = chat.refreshList();
    const [older, newer] = client.twoWaiting('conversations.list');
    newer.ok([summary('new')]);
    await second;
    older.ok([summary('old')]);
    await first;
    expect(chat.conversations.map((c) => c.id)).toEqual(['new']);
  });
});

describe('ChatState: failures', () => {
  it('shows why a send failed and tells the composer to keep the text', async () => {
    const { client, chat } = setup();
    await openWith(client, chat, 'c1', [message('u1', 'c1', { role: 'user', content: 'Before' })]);
    const sending = chat.send('Lost?');
    // Text that streamed for the failed send must not show up later.
    client.push(delta('c1', 'a9', 'stray'));
    const error = client.take('chat.send').fail('model_missing', 'Choose a model first.');

    expect(await sending).toBe(false);
    expect(chat.sendError).toEqual(error);
    expect(chat.sending).toBe(false);
    expect(chat.busy).toBe(false);
    expect(contents(chat)).toEqual(['Before']);
  });

  it('sends nothing while an answer streams, or when the text is blank', async () => {
    const { client, chat } = setup();
    await openWith(client, chat, 'c1', [message('a1', 'c1', { status: 'streaming' })]);
    expect(await chat.send('More')).toBe(false);
    const stopping = chat.stop();
    client.take('chat.stop').ok({ stopped: true });
    await stopping;
    chat.newChat();
    expect(await chat.send('   ')).toBe(false);
    expect(client.waiting('chat.send')).toEqual([]);
  });

  it('puts the conversation mode back and says why when saving it fails', async () => {
    const { client, chat } = setup();
    const listing = chat.refreshList();
    client.take('conversations.list').ok([summary('c1', { mode: null })]);
    await listing;
    await openWith(client, chat, 'c1', []);

    const saving = chat.setMode('cloud');
    expect(chat.openSummary?.mode).toBe('cloud');
    const error = client.take('conversations.setMode').fail('invalid_request', 'Policy forbids the cloud.');
    await saving;

    expect(chat.openSummary?.mode).toBeNull();
    expect(chat.modeError).toEqual(error);
  });

  it('turns the view into a new chat when the open conversation is deleted', async () => {
    const { client, chat } = setup();
    const listing = chat.refreshList();
    client.take('conversations.list').ok([summary('c1'), summary('c2')]);
    await listing;
    await openWith(client, chat, 'c1', [message('a1', 'c1', { content: 'Gone soon' })]);

    const removing = chat.remove('c1');
    client.take('conversations.delete').ok({ deleted: true });
    await settle();
    expect(chat.openId).toBeNull();
    expect(chat.messages).toEqual([]);
    expect(chat.conversations.map((c) => c.id)).toEqual(['c2']);
    expect(await removing).toBe(true);
    // The list is not read again: the core's conversations.changed event says what went.
    expect(client.waiting('conversations.list')).toEqual([]);
  });
});

describe('ChatState: the conversation list follows what the core says changed', () => {
  async function listed(conversations: ConversationSummary[]): Promise<{ client: ScriptedClient; chat: ChatState }> {
    const { client, chat } = setup();
    const listing = chat.refreshList();
    client.take('conversations.list').ok(conversations);
    await listing;
    return { client, chat };
  }

  it('moves an answered conversation to the top, under the pinned ones, without reading the list again', async () => {
    const { client, chat } = await listed([summary('pin', { pinned: true, updatedAt: 1 }), summary('a', { updatedAt: 3 }), summary('b', { updatedAt: 2 })]);
    client.push({ type: 'conversations.changed', change: { kind: 'answered', conversation: summary('b', { updatedAt: 9, messageCount: 4 }) } });
    expect(chat.conversations.map((c) => [c.id, c.messageCount])).toEqual([
      ['pin', 2],
      ['b', 4],
      ['a', 2],
    ]);
    client.push({ type: 'conversations.changed', change: { kind: 'created', conversation: summary('new', { updatedAt: 10 }) } });
    client.push({ type: 'conversations.changed', change: { kind: 'deleted', conversationId: 'a' } });
    expect(chat.conversations.map((c) => c.id)).toEqual(['pin', 'new', 'b']);
    expect(client.waiting('conversations.list')).toEqual([]);
  });

  it('keeps a change told while a refresh was on its way, and re-reads the list after an import', async () => {
    const { client, chat } = await listed([summary('a')]);
    const refreshing = chat.refreshList();
    client.push({ type: 'conversations.changed', change: { kind: 'renamed', conversation: summary('a', { title: 'Renamed' }) } });
    // The refresh was answered from before the rename.
    client.take('conversations.list').ok([summary('a')]);
    await refreshing;
    expect(chat.conversations.map((c) => c.title)).toEqual(['Renamed']);

    client.push({ type: 'conversations.changed', change: { kind: 'imported', conversations: 2 } });
    client.take('conversations.list').ok([summary('a', { title: 'Renamed' }), summary('x'), summary('y')]);
    await settle();
    expect(chat.conversations.map((c) => c.id)).toEqual(['a', 'x', 'y']);
  });
});
