import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../src-main/contract/entities.js';
import { ChatState } from '../../src-renderer/lib/state/chat.svelte.js';
import { LIST_PAGE } from '../../src-renderer/lib/state/conversation-list.svelte.js';
import { ScriptedClient } from '../support/scripted-client.js';

function summary(id: string, fields: Partial<ConversationSummary> = {}): ConversationSummary {
  return { id, title: `Chat ${id}`, createdAt: 1, updatedAt: 1, messageCount: 2, mode: null, localShare: null, pinned: false, client: null, ...fields };
}

/** `count` conversations, newest first, the first at updatedAt `top`. */
function page(from: number, count: number, top = 100_000): ConversationSummary[] {
  return Array.from({ length: count }, (_, i) => summary(`c${from + i}`, { updatedAt: top - from - i }));
}

function setup(): { client: ScriptedClient; chat: ChatState } {
  const client = new ScriptedClient();
  const chat = new ChatState(client);
  client.subscribe((event) => chat.handle(event));
  return { client, chat };
}

/** A chat whose first page (a full one: more may follow) is read. */
async function withFirstPage(): Promise<{ client: ScriptedClient; chat: ChatState }> {
  const { client, chat } = setup();
  const listing = chat.refreshList();
  const call = client.take('conversations.list');
  // bench:history times this very page (100 conversations, none after).
  expect(call.request).toEqual({ limit: 100 });
  expect(LIST_PAGE).toBe(100);
  call.ok(page(0, LIST_PAGE));
  await listing;
  return { client, chat };
}

const ids = (chat: ChatState): string[] => chat.conversations.map((c) => c.id);

describe('ChatState: the conversation list is read a page at a time', () => {
  it('reads the page after the last entry when asked, until a short page ends it', async () => {
    const { client, chat } = await withFirstPage();
    expect(chat.moreConversations).toBe(true);

    const loading = chat.loadMoreConversations();
    // A second ask while one is on its way reads nothing more.
    void chat.loadMoreConversations();
    const call = client.take('conversations.list');
    expect(call.request).toEqual({ limit: LIST_PAGE, after: { pinned: false, updatedAt: 100_000 - 99, id: 'c99' } });
    expect(client.waiting('conversations.list')).toHaveLength(1);
    // The page repeats an entry already read (it shared the cursor's timestamp): shown once.
    call.ok([summary('c99', { updatedAt: 100_000 - 99 }), ...page(100, 30)]);
    await loading;
    expect(ids(chat)).toHaveLength(130);
    expect(ids(chat).at(-1)).toBe('c129');
    expect(chat.moreConversations).toBe(false);

    await chat.loadMoreConversations();
    expect(client.waiting('conversations.list')).toEqual([]);
  });

  it('re-reads as many as are read when the list is refreshed (an import)', async () => {
    const { client, chat } = await withFirstPage();
    const loading = chat.loadMoreConversations();
    client.take('conversations.list').ok(page(100, LIST_PAGE));
    await loading;
    client.push({ type: 'conversations.changed', change: { kind: 'imported', conversations: 3 } });
    expect(client.take('conversations.list').request).toEqual({ limit: 2 * LIST_PAGE });
  });

  it('drops a page that answers after a refresh began', async () => {
    const { client, chat } = await withFirstPage();
    const loading = chat.loadMoreConversations();
    const refreshing = chat.refreshList();
    const [more, refresh] = client.waiting('conversations.list');
    refresh!.ok([summary('fresh'), ...page(0, 10)]);
    await refreshing;
    more!.ok(page(100, 5));
    await loading;
    expect(ids(chat)).toEqual(['fresh', ...page(0, 10).map((c) => c.id)]);
  });

  it('puts a new chat at the top, and leaves out an entry that moved past the last one read', async () => {
    const { client, chat } = await withFirstPage();
    client.push({ type: 'conversations.changed', change: { kind: 'created', conversation: summary('new', { updatedAt: 200_000 }) } });
    expect(ids(chat)[0]).toBe('new');
    // Unpinned, an old conversation goes back among those not read yet: its page brings it in its place.
    client.push({ type: 'conversations.changed', change: { kind: 'pinned', conversation: summary('old', { updatedAt: 5 }) } });
    expect(ids(chat)).not.toContain('old');
    expect(ids(chat)).toHaveLength(LIST_PAGE + 1);
    // An answer in a conversation not read yet brings it to the top.
    client.push({ type: 'conversations.changed', change: { kind: 'answered', conversation: summary('old', { updatedAt: 300_000 }) } });
    expect(ids(chat).slice(0, 2)).toEqual(['old', 'new']);
  });

  it('knows the open conversation a search opened beyond the pages read, and follows its changes', async () => {
    const { client, chat } = await withFirstPage();
    const opening = chat.open('far');
    client.take('conversations.open').ok({ conversation: summary('far', { updatedAt: 3, mode: 'local' }), messages: [] });
    await opening;
    expect(ids(chat)).not.toContain('far');
    expect(chat.openSummary).toMatchObject({ id: 'far', mode: 'local' });

    client.push({ type: 'conversations.changed', change: { kind: 'renamed', conversation: summary('far', { updatedAt: 3, title: 'Far away' }) } });
    expect(chat.openSummary?.title).toBe('Far away');
    client.push({ type: 'conversations.changed', change: { kind: 'deleted', conversationId: 'far' } });
    expect(chat.findConversation('far')).toBeNull();
  });
});
