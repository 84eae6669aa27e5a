import { describe, expect, it } from 'vitest';
import type { SearchRequest } from '../../src-main/contract/index.js';
import type { ImportedConversation } from '../../src-main/history/history-types.js';
import { numberedCorpus, useImportedHistory } from '../support/imported-history.js';

// A search of two common words reads the newest messages first and stops once it has a page (see
// WALK_BUDGET): the result says where it stopped, so the app can tell the user that older messages were
// not searched and offer dates that reach them. On a real SQLite file; message i (0 = oldest) was
// written at T0 + i minutes, in storage order.

const MESSAGES = 20_000;
const T0 = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;
const at = (i: number) => T0 + i * MINUTE;

/** The only messages with both "alpha" and "beta": the newest and the oldest. */
const ALPHA_BETA = [19_990, 3];
/** "gamma" and "delta" together: every 50th message, 400 of them; three times "gamma" in an old one. */
const GAMMA_DELTA = (i: number) => i % 50 === 25;
const OLD_STRONG = 1_025;

function content(i: number): string {
  if (ALPHA_BETA.includes(i)) return `alpha beta words ${i}`;
  if (i === OLD_STRONG) return `gamma gamma gamma delta ${i}`;
  if (GAMMA_DELTA(i)) return `gamma delta words ${i}`;
  return `${i % 2 === 0 ? 'alpha' : 'beta'} ${i % 4 < 2 ? 'gamma' : 'delta'} words ${i}`;
}

const large = useImportedHistory('history-search-reach', (): ImportedConversation[] => numberedCorpus(MESSAGES, 50, at, (i) => ({ role: 'user', content: content(i) })));
/** One page of matches in all: every message has both words. */
const small = useImportedHistory('history-search-reach-small', (): ImportedConversation[] =>
  numberedCorpus(30, 10, at, (i) => ({ role: 'user', content: `gamma delta words ${i}` })),
);

/** Follows "search older messages" from `request` until the search reads back to the oldest: each page's ids. */
function olderPages(request: SearchRequest, searchedFrom: number): string[][] {
  const pages: string[][] = [];
  for (let to: number | null = searchedFrom; to !== null;) {
    const page = large.history().searchPage({ ...request, to });
    for (const hit of page.hits) expect(hit.createdAt).toBeLessThan(to);
    // Each step reaches further back, so the user gets to the oldest message in a few.
    if (page.searchedFrom !== null) expect(page.searchedFrom).toBeLessThan(to);
    pages.push(page.hits.map((hit) => hit.messageId));
    to = page.searchedFrom;
    expect(pages.length).toBeLessThan(20);
  }
  return pages;
}

describe('where a search stopped reading the history', () => {
  it('is given when two common words filled a page from the newest messages', () => {
    const page = large.history().searchPage({ query: 'gamma delta' });
    expect(page.hits).toHaveLength(20);
    expect(page.searchedFrom).not.toBeNull();
    const from = page.searchedFrom!;
    // A message of the history, older than every hit and newer than the strong old match left unread.
    expect((from - T0) % MINUTE).toBe(0);
    expect(from).toBeGreaterThan(at(OLD_STRONG));
    for (const hit of page.hits) expect(hit.createdAt).toBeGreaterThanOrEqual(from);
    expect(page.hits.map((hit) => hit.messageId)).not.toContain(`m${OLD_STRONG}`);

    // Dates before that reach the older matches, the strong old one among them, ranked first on its page.
    const pages = olderPages({ query: 'gamma delta' }, from);
    const withStrong = pages.find((ids) => ids.includes(`m${OLD_STRONG}`));
    expect(withStrong?.[0]).toBe(`m${OLD_STRONG}`);
  });

  it('is given when one word is in more messages than are ranked', () => {
    const page = large.history().searchPage({ query: 'gamma' });
    expect(page.hits).toHaveLength(20);
    expect(page.searchedFrom).toBeGreaterThan(at(0));
  });

  it('is not given when the search read back to the oldest message its dates allow', () => {
    // Two words rarely together: the walk reads on to the oldest message to fill the page.
    const rare = large.history().searchPage({ query: 'alpha beta' });
    expect(rare.hits.map((hit) => hit.messageId)).toEqual(ALPHA_BETA.map((i) => `m${i}`));
    expect(rare.searchedFrom).toBeNull();
    // Dates that hold fewer matches than a page.
    expect(large.history().searchPage({ query: 'gamma delta', from: at(19_000) }).searchedFrom).toBeNull();
    // A history of one page.
    const whole = small.history().searchPage({ query: 'gamma delta' });
    expect(whole.hits).toHaveLength(20);
    expect(whole.searchedFrom).toBeNull();
    // A search in a script without spaces reads every candidate.
    expect(small.history().searchPage({ query: '苹果' })).toEqual({ hits: [], searchedFrom: null });
  });
});
