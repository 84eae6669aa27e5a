// The sidebar reads the conversation list a page at a time (`conversations.list` with `limit` and
// `after`): walking the pages must give exactly the whole list, in its order, even when entries share
// a timestamp (an import), and even when the entry a page ends at is deleted before the next is read.
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../src-main/contract/index.js';
import { createDuetCore } from '../../src-main/core/create-core.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import type { History, ImportedConversation } from '../../src-main/history/index.js';
import { valueOf } from '../support/core-driver.js';
import { useHistoryFolder } from '../support/history-fixture.js';

const temp = useHistoryFolder('history-list');
let core: DuetCore | null = null;

afterEach(async () => {
  await core?.close();
  core = null;
});

/** `count` conversations; every third shares its timestamp with the one before, every tenth is pinned. */
function conversations(count: number): ImportedConversation[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `conv-${String(i).padStart(3, '0')}`,
    title: `Conversation ${i}`,
    createdAt: 1_000 + i,
    updatedAt: 1_000 + i - (i % 3 === 2 ? 1 : 0),
    mode: null,
    pinned: i % 10 === 0,
    messages: [],
  }));
}

/** Every page of `size` after the first, each asked for after the last entry of the one before. */
function walk(history: History, size: number): string[] {
  const ids: string[] = [];
  let page = history.listConversations({ limit: size });
  while (page.length > 0) {
    ids.push(...page.map((c) => c.id));
    const last = page.at(-1)!;
    page = history.listConversations({ limit: size, after: cursorOf(last) });
  }
  return ids;
}

function cursorOf(c: ConversationSummary): { pinned: boolean; updatedAt: number; id: string } {
  return { pinned: c.pinned, updatedAt: c.updatedAt, id: c.id };
}

describe('the conversation list, a page at a time', () => {
  it('walks every conversation once, pinned first, newest first, ties included', async () => {
    const history = await temp.open();
    history.importConversations(conversations(95));
    const whole = history.listConversations().map((c) => c.id);
    expect(whole).toHaveLength(95);
    expect(whole.slice(0, 10)).toEqual(['conv-090', 'conv-080', 'conv-070', 'conv-060', 'conv-050', 'conv-040', 'conv-030', 'conv-020', 'conv-010', 'conv-000']);
    for (const size of [1, 7, 10, 100]) expect(walk(history, size)).toEqual(whole);
  });

  it('goes on from the right place when the last entry read is deleted, and after a new chat', async () => {
    const history = await temp.open();
    history.importConversations(conversations(40));
    const whole = history.listConversations();
    // The first page ends at an entry that shares its timestamp with the one before it.
    const end = whole.findIndex((c, i) => i >= 10 && !c.pinned && whole[i - 1]!.updatedAt === c.updatedAt);
    const first = history.listConversations({ limit: end + 1 });
    const last = first.at(-1)!;
    history.deleteConversation(last.id);
    // A new chat goes to the top, among what is read already: the pages after are not moved by it.
    history.createConversation('Brand new');
    const rest: string[] = [];
    let page = history.listConversations({ limit: 5, after: cursorOf(last) });
    while (page.length > 0) {
      rest.push(...page.map((c) => c.id));
      page = history.listConversations({ limit: 5, after: cursorOf(page.at(-1)!) });
    }
    // Its tie-break gone with it, the entry before it may come again (the sidebar drops it); none is skipped.
    const seen = [...new Set([...first.map((c) => c.id), ...rest])];
    expect(seen).toEqual(whole.map((c) => c.id));
    expect(rest).not.toContain(last.id);
  });

  it('answers the channel with every conversation for {} and a page for { limit, after }; refuses a bad page', async () => {
    core = await createDuetCore({ dataDir: temp.dir, modelPath: null, version: 'test' });
    const c = core;
    const created: string[] = [];
    for (let i = 0; i < 5; i++)
      created.push(valueOf<{ conversationId: string }>(await c.call('chat.send', { conversationId: null, text: `Question ${i}` })).conversationId);
    // With no model each answer ends at once as an error; wait for those, so nothing moves the order.
    const listAll = async () => valueOf<ConversationSummary[]>(await c.call('conversations.list', {}));
    await expect.poll(async () => (await listAll()).every((s) => s.messageCount === 2)).toBe(true);
    const all = await listAll();
    expect(all.map((s) => s.id).sort()).toEqual([...created].sort());

    const page = valueOf<ConversationSummary[]>(await c.call('conversations.list', { limit: 2 }));
    expect(page.map((c) => c.id)).toEqual(all.slice(0, 2).map((c) => c.id));
    const rest = valueOf<ConversationSummary[]>(await c.call('conversations.list', { limit: 10, after: cursorOf(page[1]!) }));
    expect(rest.map((c) => c.id)).toEqual(all.slice(2).map((c) => c.id));

    for (const bad of [{ limit: 0 }, { limit: 1.5 }, { after: { pinned: false, updatedAt: 1 } }]) {
      const result = await c.call('conversations.list', bad);
      expect(result.ok).toBe(false);
    }
  });
});
