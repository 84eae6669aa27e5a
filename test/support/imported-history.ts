import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { SearchRequest } from '../../src-main/contract/index.js';
import { openHistory, type History } from '../../src-main/history/index.js';
import type { ImportedConversation, ImportedMessage } from '../../src-main/history/history-types.js';
import { makeTempDir } from './temp-dir.js';

/** A real history file filled once for a test file, and the ids its searches return. */
export interface ImportedHistory {
  readonly history: () => History;
  /** The message ids a search returns, in order. */
  readonly ids: (request: SearchRequest) => string[];
}

/**
 * Registers hooks that import `corpus()` into a new history file before the file's tests (100
 * conversations per import, as the import path takes them) and remove it after them.
 */
export function useImportedHistory(name: string, corpus: () => ImportedConversation[]): ImportedHistory {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  let h: History | undefined;
  beforeAll(async () => {
    temp = makeTempDir(name);
    h = await openHistory(path.join(temp.dir, 'duet.sqlite'));
    const all = corpus();
    for (let i = 0; i < all.length; i += 100) expect(h.importConversations(all.slice(i, i + 100)).skipped).toBe(0);
  });
  afterAll(() => {
    h?.close();
    temp?.remove();
  });
  const history = (): History => {
    if (!h) throw new Error('The history is opened in beforeAll.');
    return h;
  };
  return {
    history,
    ids: (request) =>
      history()
        .search(request)
        .map((x) => x.messageId),
  };
}

/**
 * `messages` messages numbered 0 (oldest) up, `perConversation` to a conversation, message i written
 * at `at(i)`; `message(i)` gives what differs (role, content, provenance), the rest is a plain
 * complete message `m<i>` in conversation `c<n>`.
 */
export function numberedCorpus(
  messages: number,
  perConversation: number,
  at: (i: number) => number,
  message: (i: number) => Pick<ImportedMessage, 'role' | 'content'> & Partial<ImportedMessage>,
): ImportedConversation[] {
  return Array.from({ length: messages / perConversation }, (_, c) => ({
    id: `c${c}`,
    title: `Chat ${c}`,
    createdAt: at(c * perConversation),
    updatedAt: at(c * perConversation + perConversation - 1),
    mode: null,
    pinned: false,
    messages: Array.from({ length: perConversation }, (_, k) => {
      const i = c * perConversation + k;
      return { id: `m${i}`, status: 'complete' as const, createdAt: at(i), provenance: null, error: null, rerunOf: null, ...message(i) };
    }),
  }));
}
