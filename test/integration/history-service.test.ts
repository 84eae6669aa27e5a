import { OPEN_POLICY } from '../../src-main/contract/index.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  ConversationDetail,
  ConversationSummary,
  DistillationExport,
  ExportedFile,
  ImportSummary,
  Message,
  Savings,
  SearchResult,
} from '../../src-main/contract/index.js';
import { findPrice } from '../../src-main/cloud/prices.js';
import { createDuetCore } from '../../src-main/core/create-core.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { CLOUD_GREETING_ANSWER, TINY_GREETING_ANSWER, TINY_MODEL_FILE, TINY_KEYWORD_ANSWER } from '../fixtures/fixture-facts.js';
import { askAndWait, nextAnswer, valueOf, waitForModel } from '../support/core-driver.js';
import { startLoopbackCloud, type LoopbackCloud } from '../support/loopback-cloud.js';
import { makeTempDir } from '../support/temp-dir.js';

// The loopback cloud serves a priced model name, so cloud answers carry a cost.
const PRICED_MODEL = 'gpt-4o-mini';
let cloud: LoopbackCloud;
let temps: ReturnType<typeof makeTempDir>[] = [];
let cores: DuetCore[] = [];

beforeAll(async () => {
  cloud = await startLoopbackCloud({ model: PRICED_MODEL });
});
afterAll(async () => {
  await cloud.stop();
});
beforeEach(() => {
  cloud.setFault({ kind: 'none' });
});
afterEach(async () => {
  await Promise.all(cores.map((c) => c.close()));
  cores = [];
  for (const t of temps) t.remove();
  temps = [];
});

async function open(): Promise<DuetCore> {
  const temp = makeTempDir('history-service');
  temps.push(temp);
  const core = await createDuetCore({
    dataDir: temp.dir,
    modelPath: TINY_MODEL_FILE,
    version: '9.9.9',
    policy: OPEN_POLICY,
    cloud: { presetId: 'custom', baseUrl: cloud.baseUrl, model: PRICED_MODEL },
  });
  cores.push(core);
  await waitForModel(core);
  return core;
}

/** One local and one cloud answer, in two conversations. */
async function twoConversations(core: DuetCore): Promise<{ local: Message; cloudAnswer: Message }> {
  valueOf(await core.call('settings.update', { mode: 'local' }));
  const local = (await askAndWait(core, 'What is the weather like?')).answer;
  valueOf(await core.call('settings.update', { mode: 'cloud' }));
  const cloudAnswer = (await askAndWait(core, 'Hello')).answer;
  valueOf(await core.call('settings.update', { mode: 'auto' }));
  return { local, cloudAnswer };
}

const list = async (core: DuetCore) => valueOf<ConversationSummary[]>(await core.call('conversations.list', {}));

describe('organising conversations', () => {
  it('tells every window once per answer what changed, and what a settings change put in force', async () => {
    const core = await open();
    const seen: string[] = [];
    core.subscribe((e) => {
      if (e.type === 'conversations.changed' && (e.change.kind === 'created' || e.change.kind === 'answered')) {
        seen.push(`${e.change.kind} ${e.change.conversation.messageCount}`);
      }
      if (e.type === 'settings.changed') seen.push(`settings ${e.settings.mode} nudge ${e.routing.learnedNudge}`);
    });

    valueOf(await core.call('settings.update', { mode: 'local' }));
    const first = (await askAndWait(core, 'Hello')).answer;
    await askAndWait(core, 'Hello again', first.conversationId);
    // A new conversation shows at once with its question; each answer is told once, when it ends.
    expect(seen).toEqual(['settings local nudge 0', 'created 1', 'answered 2', 'answered 4']);

    // "Ask the other side" teaches the router: the threshold it moved arrives as an event, no re-read needed.
    seen.length = 0;
    valueOf(await core.call('settings.update', { mode: 'auto' }));
    valueOf(await core.call('chat.askOther', { messageId: first.id }));
    await nextAnswer(core);
    valueOf(await core.call('settings.resetLearning', {}));
    expect(seen).toEqual(['settings auto nudge 0', 'settings auto nudge -0.02', 'answered 5', 'settings auto nudge 0']);
  });

  it('renames, pins to the top and deletes, telling every window', async () => {
    const core = await open();
    const { local, cloudAnswer } = await twoConversations(core);
    const changes: string[] = [];
    core.subscribe((e) => {
      if (e.type !== 'conversations.changed') return;
      const { change } = e;
      changes.push(
        change.kind === 'deleted' ? `deleted ${change.conversationId}` : change.kind === 'imported' ? 'imported' : `${change.kind} ${change.conversation.title}`,
      );
    });

    const renamed = valueOf<ConversationSummary>(await core.call('conversations.rename', { id: local.conversationId, title: '  Sky talk  ' }));
    expect(renamed.title).toBe('Sky talk');
    // The weather conversation is the older one; pinning puts it first.
    valueOf(await core.call('conversations.pin', { id: cloudAnswer.conversationId, pinned: false }));
    expect((await list(core)).map((c) => c.id)).toEqual([cloudAnswer.conversationId, local.conversationId]);
    valueOf(await core.call('conversations.pin', { id: local.conversationId, pinned: true }));
    expect((await list(core)).map((c) => [c.id, c.pinned])).toEqual([
      [local.conversationId, true],
      [cloudAnswer.conversationId, false],
    ]);

    expect(valueOf(await core.call('conversations.delete', { id: local.conversationId }))).toEqual({ deleted: true });
    expect((await list(core)).map((c) => c.id)).toEqual([cloudAnswer.conversationId]);
    expect(valueOf(await core.call('conversations.delete', { id: local.conversationId }))).toEqual({ deleted: false });
    expect(await core.call('conversations.rename', { id: local.conversationId, title: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Each change is told once, with what changed; nothing is told for what did not happen.
    expect(changes).toEqual(['renamed Sky talk', 'pinned Hello', 'pinned Sky talk', `deleted ${local.conversationId}`]);
  });

  it('refuses to delete a conversation while it is being answered, and keeps it', async () => {
    const core = await open();
    valueOf(await core.call('settings.update', { mode: 'cloud' }));
    cloud.setFault({ kind: 'slow', delayMs: 400 });
    const finished = nextAnswer(core);
    const sent = valueOf<{ conversationId: string }>(await core.call('chat.send', { conversationId: null, text: 'Hello' }));
    const refused = await core.call('conversations.delete', { id: sent.conversationId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'busy' } });
    await finished;
    expect((await list(core)).map((c) => c.id)).toContain(sent.conversationId);
  });

  it('rejects an empty name with a clear message', async () => {
    const core = await open();
    const { local } = await twoConversations(core);
    const result = await core.call('conversations.rename', { id: local.conversationId, title: '   ' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request', message: /name/ } });
  });
});

describe('search', () => {
  it('finds answers by their words, filtered by where they ran, with the models for the filter', async () => {
    const core = await open();
    const { local } = await twoConversations(core);
    const found = valueOf<SearchResult>(await core.call('history.search', { query: 'sky' }));
    expect(found.hits.map((h) => h.messageId)).toEqual([local.id]);
    expect(found.hits[0]).toMatchObject({ conversationId: local.conversationId, role: 'assistant', target: 'local' });
    expect(found.hits[0]?.snippet).toContain('\u0002sky\u0003');
    expect(found.models).toEqual([...found.models].sort());
    expect(found.models).toContain(PRICED_MODEL);

    const cloudOnly = valueOf<SearchResult>(await core.call('history.search', { query: 'sky', target: 'cloud' }));
    expect(cloudOnly.hits).toEqual([]);
    const bad = await core.call('history.search', { query: '   ' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});

describe('export and import', () => {
  it('moves every conversation with its provenance to another Duet through a JSON export', async () => {
    const core = await open();
    await twoConversations(core);
    const file = valueOf<ExportedFile>(await core.call('history.export', { conversationId: null, format: 'json' }));
    expect(file.fileName).toMatch(/^duet-.*\.json$/);
    expect(file.mimeType).toBe('application/json');

    const other = await open();
    const summary = valueOf<ImportSummary>(await other.call('history.import', { fileName: file.fileName, content: file.content }));
    expect(summary).toEqual({ format: 'duet', conversations: 2, messages: 4, skipped: 0 });
    const again = valueOf<ImportSummary>(await other.call('history.import', { fileName: file.fileName, content: file.content }));
    expect(again).toMatchObject({ conversations: 0, skipped: 2 });

    const originals = await details(core);
    const copies = await details(other);
    expect(copies).toEqual(originals);
    expect(copies.flatMap((d) => d.messages).find((m) => m.provenance?.target === 'cloud')?.provenance?.costUsd).toBeGreaterThan(0);
  });

  it('exports one conversation as Markdown', async () => {
    const core = await open();
    const { local } = await twoConversations(core);
    const file = valueOf<ExportedFile>(await core.call('history.export', { conversationId: local.conversationId, format: 'markdown' }));
    expect(file.mimeType).toMatch(/^text\/markdown/);
    expect(file.content).toContain(TINY_KEYWORD_ANSWER);
    expect(file.content).not.toContain(CLOUD_GREETING_ANSWER);
    const missing = await core.call('history.export', { conversationId: 'no-such-id', format: 'markdown' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('says what is wrong with a file that is not an export, and imports nothing', async () => {
    const core = await open();
    const result = await core.call('history.import', { fileName: 'notes.json', content: '{"hello": "world"}' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await list(core)).toEqual([]);
  });
});

describe('the fine-tuning dataset', () => {
  it('is off until the user opts in, then holds only cloud answers without personal data', async () => {
    const core = await open();
    await twoConversations(core);
    const refused = await core.call('history.distill', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request', message: /Settings/ } });

    // A cloud answer about personal data can only come from outside (the router keeps it local): import one.
    const file = valueOf<ExportedFile>(await core.call('history.export', { conversationId: null, format: 'json' }));
    const exported = JSON.parse(file.content) as { conversations: ConversationDetail[] };
    const leaked = structuredClone(exported.conversations.find((d) => d.messages.some((m) => m.provenance?.target === 'cloud'))!);
    leaked.conversation.id = 'imported-private';
    leaked.messages = leaked.messages.map((m, i) => ({
      ...m,
      id: `private-${i}`,
      conversationId: 'imported-private',
      content: m.role === 'user' ? 'Mail jane.doe@example.com about it' : m.content,
    }));
    valueOf(await core.call('history.import', { fileName: 'x.json', content: JSON.stringify({ ...exported, conversations: [leaked] }) }));

    valueOf(await core.call('settings.update', { distillation: true }));
    const dataset = valueOf<DistillationExport>(await core.call('history.distill', {}));
    expect(dataset).toMatchObject({ pairs: 1, skippedPrivate: 1 });
    const lines = dataset.content
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { messages: { role: string; content: string }[] });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.messages.at(-1)).toEqual({ role: 'assistant', content: CLOUD_GREETING_ANSWER });
    expect(lines[0]?.messages.find((m) => m.role === 'user')?.content).toBe('Hello');
    expect(dataset.content).not.toContain(TINY_GREETING_ANSWER);
  });
});

describe('the savings dashboard', () => {
  it('counts local and cloud answers, the cloud spend and what the local answers saved', async () => {
    const core = await open();
    const { local, cloudAnswer } = await twoConversations(core);
    const savings = valueOf<Savings>(await core.call('history.savings', {}));
    expect(savings.localShare).toBe(0.5);
    expect(savings.local.answers).toBe(1);
    expect(savings.cloud.answers).toBe(1);
    expect(savings.cloudSpendUsd).toBeCloseTo(cloudAnswer.provenance!.costUsd!, 12);
    expect(savings.priceModel).toBe(PRICED_MODEL);
    const price = findPrice(PRICED_MODEL)!;
    const p = local.provenance!;
    expect(p.promptTokens).toBeGreaterThan(0);
    expect(savings.savedUsd).toBeCloseTo((p.promptTokens! * price.inputPerMillion + p.tokens * price.outputPerMillion) / 1e6, 12);
    expect(savings.local.medianTtftMs).toBeGreaterThan(0);
    expect(savings.days).toHaveLength(1);
    expect(savings.days[0]).toMatchObject({ local: 1, cloud: 1 });
  });
});

async function details(core: DuetCore): Promise<ConversationDetail[]> {
  const summaries = await list(core);
  const all = await Promise.all(summaries.map(async (s) => valueOf<ConversationDetail>(await core.call('conversations.open', { id: s.id }))));
  return all.sort((a, b) => a.conversation.createdAt - b.conversation.createdAt);
}
