import { describe, expect, it } from 'vitest';
import { findPrice } from '../../src-main/cloud/prices.js';
import { localDayKey } from '../../src-main/contract/index.js';
import { computeSavings, REFERENCE_PRICE_MODEL } from '../../src-main/core/savings.js';
import type { AnswerFacts, DayFacts } from '../../src-main/history/history-types.js';

const NOW = new Date(2026, 10, 29, 15, 0, 0);

const answers: AnswerFacts[] = [
  { target: 'local', answers: 3, promptTokens: 3000, completionTokens: 600, costUsd: 0, medianTtftMs: 40, medianTokensPerSecond: 35 },
  { target: 'cloud', answers: 1, promptTokens: 1000, completionTokens: 200, costUsd: 0.00027, medianTtftMs: 400, medianTokensPerSecond: 80 },
];

const day = (d: string, target: 'local' | 'cloud', n: number, promptTokens: number, completionTokens: number, costUsd = 0): DayFacts => ({
  day: d,
  target,
  model: target === 'local' ? 'qwen' : 'gpt-4o-mini',
  answers: n,
  promptTokens,
  completionTokens,
  costUsd,
});

describe('the savings dashboard', () => {
  const facts = [
    day('2026-09-01', 'local', 1, 1000, 200), // older than the chart's 30 days, but in the totals
    day('2026-11-28', 'local', 2, 2000, 400),
    day('2026-11-29', 'cloud', 1, 1000, 200, 0.00027),
  ];

  it('prices what local answers would have cost on the configured cloud model', () => {
    const s = computeSavings({ answers, dayFacts: facts, cloudModel: 'gpt-4o-mini', days: 30, now: NOW });
    const price = findPrice('gpt-4o-mini')!;
    expect(s.priceModel).toBe('gpt-4o-mini');
    expect(s.localShare).toBe(0.75);
    expect(s.cloudSpendUsd).toBeCloseTo(0.00027, 10);
    expect(s.savedUsd).toBeCloseTo((3000 * price.inputPerMillion + 600 * price.outputPerMillion) / 1e6, 10);
    expect(s.local).toMatchObject({ answers: 3, medianTtftMs: 40, medianTokensPerSecond: 35 });
    expect(s.cloud).toMatchObject({ answers: 1, promptTokens: 1000, completionTokens: 200 });
  });

  it('charts only the last days asked for, oldest first', () => {
    const s = computeSavings({ answers, dayFacts: facts, cloudModel: 'gpt-4o-mini', days: 30, now: NOW });
    expect(s.days.map((d) => d.day)).toEqual(['2026-11-28', '2026-11-29']);
    expect(s.days[0]).toMatchObject({ local: 2, cloud: 0, spendUsd: 0 });
    expect(s.days[1]).toMatchObject({ local: 0, cloud: 1, spendUsd: 0.00027, savedUsd: 0 });
  });

  it('uses the reference model when the cloud model has no price, and says so', () => {
    const s = computeSavings({ answers, dayFacts: facts, cloudModel: 'my-own-vllm-model', days: 30, now: NOW });
    expect(s.priceModel).toBe(REFERENCE_PRICE_MODEL);
    expect(s.savedUsd).toBeGreaterThan(0);
  });

  it('shows no share before the first answer', () => {
    const s = computeSavings({ answers: [], dayFacts: [], cloudModel: null, days: 30, now: NOW });
    expect(s).toMatchObject({ localShare: null, cloudSpendUsd: 0, savedUsd: 0, days: [] });
    expect(s.local.answers).toBe(0);
  });

  it('writes days as SQLite does, in local time', () => {
    expect(localDayKey(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
