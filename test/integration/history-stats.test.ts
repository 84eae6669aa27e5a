import { beforeEach, describe, expect, it } from 'vitest';
import type { MessageStatus, Target } from '../../src-main/contract/index.js';
import type { History, ImportedMessage } from '../../src-main/history/index.js';
import { useHistoryFolder } from '../support/history-fixture.js';
import { provenance } from '../support/history-samples.js';

const temp = useHistoryFolder('history-stats');
let h: History;

beforeEach(async () => {
  h = await temp.open();
});

interface Answer {
  target: Target;
  at: number;
  model?: string;
  status?: MessageStatus;
  promptTokens?: number | null;
  tokens?: number;
  ttftMs?: number | null;
  tokensPerSecond?: number | null;
  costUsd?: number | null;
}

let n = 0;
/** Writes answers at chosen times (through import, which keeps times), each after a question. */
function answers(list: Answer[]): void {
  const messages: ImportedMessage[] = [];
  for (const a of list) {
    n++;
    messages.push({ id: `q${n}`, role: 'user', content: 'q', status: 'complete', createdAt: a.at, provenance: null, error: null, rerunOf: null });
    const answered = provenance({
      target: a.target,
      route: a.target,
      model: a.model ?? (a.target === 'local' ? 'tiny' : 'gpt'),
      ttftMs: a.ttftMs === undefined ? 100 : a.ttftMs,
      tokens: a.tokens ?? 10,
      tokensPerSecond: a.tokensPerSecond === undefined ? 20 : a.tokensPerSecond,
      promptTokens: a.promptTokens === undefined ? 5 : a.promptTokens,
      costUsd: a.costUsd ?? null,
    });
    messages.push({ id: `a${n}`, role: 'assistant', content: 'a', status: a.status ?? 'complete', createdAt: a.at, provenance: answered, error: null, rerunOf: null });
  }
  h.importConversations([{ id: `c${n}`, title: 'stats', createdAt: 0, updatedAt: 0, mode: null, pinned: false, messages }]);
}

/** Noon local time on a day, so the local date is the same in every time zone's rules. */
const noon = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12).getTime();

describe('savings facts', () => {
  it('sums finished answers per target with medians that ignore missing figures', () => {
    const at = noon(2025, 3, 1);
    answers([
      { target: 'local', at, promptTokens: 10, tokens: 100, ttftMs: 50, tokensPerSecond: 30 },
      { target: 'local', at, promptTokens: null, tokens: 20, ttftMs: 10, tokensPerSecond: null },
      { target: 'local', at, promptTokens: 4, tokens: 7, ttftMs: 300, tokensPerSecond: 10, status: 'stopped' },
      { target: 'local', at, promptTokens: 1000, tokens: 1000, ttftMs: 1, status: 'error' },
      { target: 'local', at, promptTokens: 1000, tokens: 1000, ttftMs: 1, status: 'interrupted' },
      { target: 'cloud', at, promptTokens: 8, tokens: 40, ttftMs: 200, tokensPerSecond: 50 },
      { target: 'cloud', at, promptTokens: 2, tokens: 60, ttftMs: 400, tokensPerSecond: 70 },
    ]);
    expect(h.answerFacts()).toEqual([
      { target: 'local', answers: 3, promptTokens: 14, completionTokens: 127, costUsd: 0, medianTtftMs: 50, medianTokensPerSecond: 20 },
      { target: 'cloud', answers: 2, promptTokens: 10, completionTokens: 100, costUsd: 0, medianTtftMs: 300, medianTokensPerSecond: 60 },
    ]);
  });

  it('reports zeros and no medians before any answer', () => {
    expect(h.answerFacts()).toEqual([
      { target: 'local', answers: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, medianTtftMs: null, medianTokensPerSecond: null },
      { target: 'cloud', answers: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, medianTtftMs: null, medianTokensPerSecond: null },
    ]);
  });

  it('groups by local day, target and model from a given time, with the summed cost', () => {
    answers([
      { target: 'local', at: noon(2025, 3, 1) - 86_400_000 },
      { target: 'local', at: noon(2025, 3, 1), tokens: 5, promptTokens: 1 },
      { target: 'local', at: new Date(2025, 2, 1, 23, 59).getTime(), tokens: 6, promptTokens: 2 },
      { target: 'cloud', at: new Date(2025, 2, 1, 0, 1).getTime(), model: 'gpt', tokens: 7, costUsd: 0.25 },
      { target: 'cloud', at: noon(2025, 3, 1), model: 'gpt', tokens: 8, costUsd: 0.5 },
      { target: 'cloud', at: noon(2025, 3, 1), model: 'claude', tokens: 9, costUsd: 1 },
      { target: 'local', at: new Date(2025, 2, 2, 0, 0).getTime(), tokens: 3 },
      { target: 'cloud', at: noon(2025, 3, 2), model: 'gpt', status: 'error', costUsd: 9 },
    ]);
    const since = new Date(2025, 2, 1, 0, 0).getTime();
    expect(h.dayFacts(since)).toEqual([
      { day: '2025-03-01', target: 'cloud', model: 'claude', answers: 1, promptTokens: 5, completionTokens: 9, costUsd: 1 },
      { day: '2025-03-01', target: 'cloud', model: 'gpt', answers: 2, promptTokens: 10, completionTokens: 15, costUsd: 0.75 },
      { day: '2025-03-01', target: 'local', model: 'tiny', answers: 2, promptTokens: 3, completionTokens: 11, costUsd: 0 },
      { day: '2025-03-02', target: 'local', model: 'tiny', answers: 1, promptTokens: 5, completionTokens: 3, costUsd: 0 },
    ]);
  });

  it('cuts days at local midnight in a time zone half an hour off UTC', () => {
    const saved = process.env['TZ'];
    process.env['TZ'] = 'Asia/Kolkata'; // UTC+05:30: local midnight falls at 18:30 UTC
    try {
      answers([
        { target: 'local', at: new Date(2025, 2, 1, 23, 50).getTime(), tokens: 1 },
        { target: 'local', at: new Date(2025, 2, 2, 0, 5).getTime(), tokens: 2 },
      ]);
      expect(new Date(2025, 2, 2, 0, 5).getUTCHours()).toBe(18); // the zone really is in force
      expect(h.dayFacts(0).map((d) => [d.day, d.completionTokens])).toEqual([
        ['2025-03-01', 1],
        ['2025-03-02', 2],
      ]);
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  });
});
