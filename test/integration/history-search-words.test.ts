import { describe, expect, it } from 'vitest';
import type { ImportedConversation } from '../../src-main/history/history-types.js';
import { numberedCorpus, useImportedHistory } from '../support/imported-history.js';

// Two words each in half of 20,000 messages, rarely in the same one: the search walks the newest
// messages first and must still give the page a user expects, on a real SQLite file. Message i
// (0 = oldest) was written at T0 + i minutes, in storage order.

const MESSAGES = 20_000;
const PER_CONVERSATION = 50;
const T0 = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;
const at = (i: number) => T0 + i * MINUTE;

/** The only messages with both "alpha" and "beta", spread from the newest to the oldest. */
const ALPHA_BETA = [19_990, 15_000, 7_000, 12, 3];
/** "gamma" and "delta" together: every 50th message, 400 of them. */
const GAMMA_DELTA = (i: number) => i % 50 === 25;
/** Where "gamma" is three times: bm25 ranks them above the other messages with both words. */
const STRONG = 19_925;
const OLD_STRONG = 1_025;

function content(i: number): string {
  if (ALPHA_BETA.includes(i)) return `alpha beta words ${i}`;
  if (i === STRONG || i === OLD_STRONG) return `gamma gamma gamma delta ${i}`;
  if (GAMMA_DELTA(i)) return `gamma delta words ${i}`;
  // Otherwise one of alpha and beta, one of gamma and delta: each word in half of the messages.
  return `${i % 2 === 0 ? 'alpha' : 'beta'} ${i % 4 < 2 ? 'gamma' : 'delta'} words ${i}`;
}

const corpus = (): ImportedConversation[] => numberedCorpus(MESSAGES, PER_CONVERSATION, at, (i) => ({ role: 'user', content: content(i) }));

const { history, ids } = useImportedHistory('history-search-words', corpus);

describe('two common words that are rarely in the same message', () => {
  it('finds every message with both, the newest first, down to the oldest', () => {
    expect(ids({ query: 'alpha beta' })).toEqual(ALPHA_BETA.map((i) => `m${i}`));
    // The last word as a prefix while typing, as for one word.
    expect(ids({ query: 'alpha bet' })).toEqual(ALPHA_BETA.map((i) => `m${i}`));
    expect(ids({ query: 'beta alpha', limit: 2 })).toEqual(['m19990', 'm15000']);
  });

  it('limits by date and filter among them', () => {
    expect(ids({ query: 'alpha beta', from: at(7_000), to: at(16_000) })).toEqual(['m15000', 'm7000']);
    expect(ids({ query: 'alpha beta', to: at(12) + 1 })).toEqual(['m12', 'm3']);
    expect(ids({ query: 'alpha beta', target: 'local' })).toEqual([]);
  });

  it('gives a full page of the newest with both words, the best of them first', () => {
    const hits = history().search({ query: 'gamma delta' });
    const newest = Array.from({ length: MESSAGES }, (_, k) => MESSAGES - 1 - k).filter((i) => GAMMA_DELTA(i) && i !== STRONG);
    // The page is ranked among the newest matches; as strong a match far older is found by its dates.
    expect(hits.map((x) => x.messageId)).toEqual([`m${STRONG}`, ...newest.slice(0, 19).map((i) => `m${i}`)]);
    for (const hit of hits) expect(hit.snippet).toMatch(/gamma[\s\S]*delta/);
    expect(ids({ query: 'gamma delt', limit: 5 })).toEqual([`m${STRONG}`, ...newest.slice(0, 4).map((i) => `m${i}`)]);
    expect(ids({ query: 'gamma delta', to: at(2_000) })[0]).toBe(`m${OLD_STRONG}`);
  });
});
