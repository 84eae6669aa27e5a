// Sample history data for tests, with no database behind it (unit tests can use it too).
import type { ConversationDetail, Provenance } from '../../src-main/contract/index.js';
import type { ImportedConversation } from '../../src-main/history/history-types.js';

/** A provenance with the figures left out empty: no reasons, score, timings, prompt tokens or cost, 0 tokens. */
export function provenance(p: Partial<Provenance> & Pick<Provenance, 'target' | 'route' | 'model'>): Provenance {
  return {
    reasons: [],
    score: null,
    ttftMs: null,
    tokens: 0,
    tokensPerSecond: null,
    latencyMs: null,
    promptTokens: null,
    costUsd: null,
    confidence: null,
    ...p,
  };
}

/** An exported conversation as the store imports it (what an export file holds), field by field. */
export function asImported({ conversation: c, messages }: ConversationDetail): ImportedConversation {
  return {
    id: c.id,
    title: c.title,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    mode: c.mode,
    pinned: c.pinned,
    client: c.client,
    messages: messages.map((m) => ({
      id: m.id,
      role: m.role,
      content: m.content,
      status: m.status,
      createdAt: m.createdAt,
      provenance: m.provenance,
      error: m.error,
      rerunOf: m.rerunOf,
    })),
  };
}
