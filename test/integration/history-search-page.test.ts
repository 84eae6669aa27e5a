import { describe, expect, it } from 'vitest';
import { RANKED_WINDOW } from '../../src-main/history/history-search.js';
import type { ImportedConversation } from '../../src-main/history/history-types.js';
import { provenance } from '../support/history-samples.js';
import { numberedCorpus, useImportedHistory } from '../support/imported-history.js';

// A history where one word is in each of 30,000 messages: the page a search returns must be the one the
// rules in history-search.ts promise (best of the newest matches, filters exact, nothing findable missed),
// on a real SQLite file. Message i (0 = oldest) was written at T0 + i minutes, in storage order.

const MESSAGES = 30_000;
const PER_CONVERSATION = 50;
const T0 = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;
const at = (i: number) => T0 + i * MINUTE;

/** Messages where "alpha" is three times in a short text: bm25 ranks them above the others. */
const STRONG = new Set([1_000, 10_050, MESSAGES - RANKED_WINDOW - 10, MESSAGES - 900, MESSAGES - 500, MESSAGES - 10]);
/** The only answers of this model, all older than the newest RANKED_WINDOW matches. */
const RARE_MODEL = new Set([101, 5_001, 12_001, 20_001, 28_001]);

const target = (i: number) => (i % 2 === 0 ? null : i % 4 === 1 ? 'local' : 'cloud');
const model = (i: number) => (RARE_MODEL.has(i) ? 'rare-model' : target(i) === 'local' ? 'tiny' : 'gpt');

function corpus(): ImportedConversation[] {
  return numberedCorpus(MESSAGES, PER_CONVERSATION, at, (i) => {
    const t = target(i);
    return {
      role: t === null ? 'user' : 'assistant',
      content: STRONG.has(i) ? `alpha alpha alpha beta ${i}` : `alpha beta and some ordinary words in message number ${i}`,
      provenance: t === null ? null : provenance({ target: t, route: t, model: model(i), tokens: 3 }),
    };
  });
}

/** What the rules give for "alpha" among messages `from`..`to` (inclusive): strong ones first, then newest first. */
function expected(passes: (i: number) => boolean, newest = MESSAGES - 1, oldest = 0, limit = 20): string[] {
  const window: number[] = [];
  for (let i = newest, seen = 0; i >= oldest && seen < RANKED_WINDOW; i--, seen++) if (passes(i)) window.push(i);
  return [...window.filter((i) => STRONG.has(i)), ...window.filter((i) => !STRONG.has(i))].slice(0, limit).map((i) => `m${i}`);
}

const { history, ids } = useImportedHistory('history-search-page', corpus);

describe('a search with tens of thousands of matches', () => {
  it('returns the best of the newest matches, newer first among equals', () => {
    // m1000 and m28990 are as strong but older than the newest RANKED_WINDOW matches: not ranked.
    expect(ids({ query: 'alpha' })).toEqual(expected(() => true));
    expect(ids({ query: 'alpha' }).slice(0, 4)).toEqual(['m29990', 'm29500', 'm29100', 'm29999']);
    expect(ids({ query: 'alp', limit: 50 })).toEqual(expected(() => true, MESSAGES - 1, 0, 50));
  });

  it('shows the newest first when ranking would read more of the index than it may (two words in every message)', () => {
    expect(ids({ query: 'alpha beta' })).toEqual(Array.from({ length: 20 }, (_, k) => `m${MESSAGES - 1 - k}`));
  });

  it('applies a filter within the newest matches', () => {
    const hits = history().search({ query: 'alpha', target: 'cloud' });
    expect(hits.map((x) => x.messageId)).toEqual(expected((i) => target(i) === 'cloud'));
    for (const hit of hits) expect(hit.target).toBe('cloud');
  });

  it('reads on past the newest matches for a filter that passes few, and finds every one', () => {
    expect(ids({ query: 'alpha', model: 'rare-model' })).toEqual(['m28001', 'm20001', 'm12001', 'm5001', 'm101']);
    expect(ids({ query: 'alpha', model: 'rare-model', from: at(12_001), to: at(20_001) })).toEqual(['m12001']);
    expect(ids({ query: 'alpha', model: 'never-used' })).toEqual([]);
  });

  it('limits by date exactly, ranking within the range', () => {
    const hits = history().search({ query: 'alpha', from: at(10_000), to: at(10_100) });
    expect(hits.map((x) => x.messageId)).toEqual(expected(() => true, 10_099, 10_000));
    expect(hits[0]!.messageId).toBe('m10050');
    expect(ids({ query: 'alpha', from: at(MESSAGES) })).toEqual([]);
    expect(ids({ query: 'alpha', to: at(0) })).toEqual([]);
    expect(ids({ query: 'alpha', from: at(5) + 1, to: at(7) + 1 })).toEqual(['m7', 'm6']);
  });

  it('finds old messages imported last, by their dates', () => {
    // Stored after every other message, dated in the middle of the history: out of rowid order.
    const late = at(10_020) + 30_000;
    history().importConversations([
      {
        id: 'late',
        title: 'Imported late',
        createdAt: late,
        updatedAt: late + 1,
        mode: null,
        pinned: false,
        messages: [0, 1].map((k) => ({
          id: `late${k}`,
          role: 'user' as const,
          content: `alpha imported ${k}`,
          status: 'complete' as const,
          createdAt: late + k,
          provenance: null,
          error: null,
          rerunOf: null,
        })),
      },
    ]);
    const inRange = ids({ query: 'alpha', from: at(10_000), to: at(10_100), limit: 200 });
    expect(inRange).toHaveLength(102);
    expect(new Set(inRange)).toEqual(new Set([...Array.from({ length: 100 }, (_, k) => `m${10_000 + k}`), 'late0', 'late1']));
    expect(ids({ query: 'imported', from: at(10_020), to: at(10_021) })).toEqual(['late1', 'late0']);
    expect(ids({ query: 'imported', from: at(10_021) })).toEqual([]);
  });
});
