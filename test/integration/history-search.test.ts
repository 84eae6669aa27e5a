import { beforeEach, describe, expect, it } from 'vitest';
import { SearchHit, SNIPPET_MARK_END, SNIPPET_MARK_START, type Provenance } from '../../src-main/contract/index.js';
import { planSearch, type History } from '../../src-main/history/index.js';
import { useHistoryFolder } from '../support/history-fixture.js';
import { provenance } from '../support/history-samples.js';

const temp = useHistoryFolder('history-search');
let h: History;

beforeEach(async () => {
  h = await temp.open();
});

function answer(p: Partial<Provenance> = {}): Provenance {
  return provenance({
    target: 'local',
    route: p.target ?? 'local',
    model: 'tiny.gguf',
    ttftMs: 10,
    tokens: 5,
    tokensPerSecond: 20,
    latencyMs: 100,
    promptTokens: 3,
    ...p,
  });
}

/** One conversation with a question and its answer; returns the ids. */
function chat(title: string, question: string, reply: string, provenance: Partial<Provenance> = {}) {
  const c = h.createConversation(title);
  const q = h.addMessage({ conversationId: c.id, role: 'user', content: question, status: 'complete' });
  const a = h.addMessage({ conversationId: c.id, role: 'assistant', content: reply, status: 'complete', provenance: answer(provenance) });
  return { c, q, a };
}

const ids = (hits: SearchHit[]) => hits.map((x) => x.messageId);
const plain = (snippet: string) => snippet.replaceAll(SNIPPET_MARK_START, '').replaceAll(SNIPPET_MARK_END, '');

describe('search', () => {
  it('ranks the best match first and returns hits in the contract shape with the conversation title', () => {
    const weak = chat('Weak', 'Tell me about gardens', 'A garden has many plants, and one of them might be a tomato.');
    const strong = chat('Strong', 'Which sauce?', 'Tomato sauce: tomato, garlic, olive oil. Simmer the tomato slowly.');
    const question = h.addMessage({ conversationId: strong.c.id, role: 'user', content: 'And the tomato variety?', status: 'complete' });
    chat('Other', 'Nothing related', 'Entirely about bicycles.');

    const hits = h.search({ query: 'tomato' });
    // bm25: more occurrences in a shorter text rank higher; the long answer mentioning it once comes last.
    expect(ids(hits)).toEqual([strong.a.id, question.id, weak.a.id]);
    for (const hit of hits) expect(SearchHit.parse(hit)).toEqual(hit);
    expect(hits[0]).toMatchObject({
      conversationId: strong.c.id,
      conversationTitle: 'Strong',
      role: 'assistant',
      target: 'local',
      model: 'tiny.gguf',
      createdAt: strong.a.createdAt,
    });
    expect(hits[1]).toMatchObject({ role: 'user', target: null, model: null, conversationTitle: 'Strong' });
  });

  it('marks the matched words in a short snippet with an ellipsis where the text was cut', () => {
    const long = `${'filler '.repeat(40)}the quick brown zebra jumps ${'padding '.repeat(40)}`;
    const { a } = chat('Snippets', 'q', long);
    const [hit] = h.search({ query: 'zebra' });
    expect(hit!.messageId).toBe(a.id);
    expect(hit!.snippet).toContain(`${SNIPPET_MARK_START}zebra${SNIPPET_MARK_END}`);
    expect(hit!.snippet.startsWith('…')).toBe(true);
    expect(hit!.snippet.endsWith('…')).toBe(true);
    expect(
      plain(hit!.snippet)
        .split(/\s+/)
        .filter((w) => w !== '…' && w !== '').length,
    ).toBeLessThanOrEqual(12);
  });

  it('matches the last word as a prefix while typing, and folds case and accents', () => {
    const { a } = chat('Typing', 'q', 'We discussed Photosynthesis at the café.');
    expect(ids(h.search({ query: 'photosyn' }))).toEqual([a.id]);
    expect(ids(h.search({ query: 'PHOTOSYNTHESIS' }))).toEqual([a.id]);
    expect(ids(h.search({ query: 'cafe' }))).toEqual([a.id]);
    // Only the last term is a prefix: an unfinished earlier word does not match.
    expect(h.search({ query: 'photosyn cafe' })).toEqual([]);
    expect(ids(h.search({ query: 'photosynthesis caf' }))).toEqual([a.id]);
  });

  it('never parses what the user typed as query syntax', () => {
    const { a } = chat('Syntax', 'q', 'Use AND, OR and NEAR carefully; a "quoted" word and x-ray (maybe) *stars*.');
    for (const query of ['"', '""', 'AND', 'OR', 'NOT', '*', '(', ')', 'NEAR', 'NEAR(', '-', '^', ':', '"quoted', 'col:x', 'a AND', '(maybe']) {
      expect(() => h.search({ query }), query).not.toThrow();
    }
    expect(ids(h.search({ query: 'NEAR' }))).toEqual([a.id]);
    expect(ids(h.search({ query: '"quoted"' }))).toEqual([a.id]);
    expect(ids(h.search({ query: 'x-ray' }))).toEqual([a.id]);
    expect(ids(h.search({ query: '(maybe)' }))).toEqual([a.id]);
    expect(h.search({ query: '* ( - "' })).toEqual([]);
    expect(planSearch('* ( -')).toEqual({ kind: 'none' });
  });

  it('finds Chinese text by any part of a sentence, long or short', () => {
    const { a } = chat('中文', '你好', '我喜欢吃苹果，今天天气很好。');
    chat('Other', 'q', '这是另一段完全无关的文字。');
    for (const query of ['苹果', '吃苹果', '今天天气很好', '果', '天气 苹果']) {
      const hits = h.search({ query });
      expect(ids(hits), query).toEqual([a.id]);
      expect(hits[0]!.snippet, query).toContain(SNIPPET_MARK_START);
    }
    expect(h.search({ query: '香蕉' })).toEqual([]);
    expect(h.search({ query: '吃香蕉' })).toEqual([]);
    expect(h.search({ query: '苹果 bicycle' })).toEqual([]);
  });

  it('filters by target, model and time', () => {
    const local = chat('L', 'question one', 'shared answer text', { target: 'local', model: 'tiny.gguf' });
    const cloud = chat('C', 'question two', 'shared answer text', { target: 'cloud', model: 'gpt-x' });
    expect(new Set(ids(h.search({ query: 'shared' })))).toEqual(new Set([local.a.id, cloud.a.id]));
    expect(ids(h.search({ query: 'shared', target: 'cloud' }))).toEqual([cloud.a.id]);
    expect(ids(h.search({ query: 'shared', model: 'tiny.gguf' }))).toEqual([local.a.id]);
    // Questions have no target: a target filter leaves them out.
    expect(h.search({ query: 'question', target: 'local' })).toEqual([]);
    expect(h.search({ query: 'question' })).toHaveLength(2);
    expect(ids(h.search({ query: 'shared', from: cloud.a.createdAt }))).toEqual([cloud.a.id]);
    expect(ids(h.search({ query: 'shared', to: cloud.a.createdAt }))).toEqual([local.a.id]);
    expect(h.search({ query: 'shared', target: 'local', model: 'gpt-x' })).toEqual([]);
    expect(h.search({ query: 'shared', limit: 1 })).toHaveLength(1);
  });

  it('no longer finds deleted messages, and finds a streamed answer by its latest text only', () => {
    const gone = chat('Gone', 'q', 'ephemeral words here');
    h.deleteConversation(gone.c.id);
    expect(h.search({ query: 'ephemeral' })).toEqual([]);

    const c = h.createConversation('Streaming');
    const m = h.addMessage({ conversationId: c.id, role: 'assistant', content: 'draft about otters', status: 'streaming' });
    expect(ids(h.search({ query: 'otters' }))).toEqual([m.id]);
    h.updateMessage(m.id, { content: 'final answer about beavers 苹果园' });
    expect(h.search({ query: 'otters' })).toEqual([]);
    expect(ids(h.search({ query: 'beavers' }))).toEqual([m.id]);
    expect(ids(h.search({ query: '苹果园' }))).toEqual([m.id]);
    h.updateMessage(m.id, { content: 'plain english now' });
    expect(h.search({ query: '苹果园' })).toEqual([]);
  });

  it('lists each model that answered once, sorted', () => {
    expect(h.answerModels()).toEqual([]);
    chat('a', 'q', 'a', { model: 'zeta' });
    chat('b', 'q', 'b', { model: 'alpha' });
    chat('c', 'q', 'c', { model: 'zeta' });
    expect(h.answerModels()).toEqual(['alpha', 'zeta']);
  });
});
