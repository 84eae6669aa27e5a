import { describe, expect, it } from 'vitest';
import { OPEN_POLICY, type CloudSettings } from '../../src-main/contract/index.js';
import { CloudPolicy, describeBudget, endpointAllowed, monthBudget } from '../../src-main/core/cloud-policy.js';
import type { DayFacts } from '../../src-main/history/history-types.js';

const fact = (day: string, model: string, costUsd: number, target: DayFacts['target'] = 'cloud'): DayFacts => ({
  day,
  target,
  model,
  answers: 1,
  promptTokens: 10,
  completionTokens: 10,
  costUsd,
});

describe('allowed cloud endpoints', () => {
  it('compares origins: scheme, host and port, whatever the path or the case', () => {
    const allowed = ['https://api.openai.com', 'https://llm.corp.example:8443/v1'];
    expect(endpointAllowed('https://API.openai.com/v1', allowed)).toBe(true);
    expect(endpointAllowed('https://api.openai.com:443/v1', allowed)).toBe(true);
    expect(endpointAllowed('https://llm.corp.example:8443/openai/v1', allowed)).toBe(true);
    expect(endpointAllowed('http://api.openai.com/v1', allowed)).toBe(false);
    expect(endpointAllowed('https://llm.corp.example/v1', allowed)).toBe(false);
    expect(endpointAllowed('https://api.openai.com.evil.example/v1', allowed)).toBe(false);
    expect(endpointAllowed('not a url', allowed)).toBe(false);
    expect(endpointAllowed('https://anything.example/v1', null)).toBe(true);
    expect(endpointAllowed('https://api.openai.com/v1', [])).toBe(false);
  });
});

describe('monthly cloud budget', () => {
  const now = new Date(2026, 10, 30, 12, 0);

  it('sums this calendar month’s cloud answers only, and names the models the price table does not know', () => {
    const facts = [
      fact('2026-10-31', 'gpt-4o-mini', 9),
      fact('2026-11-01', 'gpt-4o-mini', 0.25),
      fact('2026-11-30', 'acme-llm', 0),
      fact('2026-11-15', 'tiny.gguf', 0, 'local'),
    ];
    expect(monthBudget(facts, 1, now, 'gpt-4o-mini')).toEqual({ spentUsd: 0.25, capUsd: 1, unpricedModels: ['acme-llm'] });
    expect(monthBudget([], 1, now, 'other-unpriced')).toEqual({ spentUsd: 0, capUsd: 1, unpricedModels: ['other-unpriced'] });
    expect(describeBudget({ spentUsd: 0.25, capUsd: 1, unpricedModels: ['acme-llm'] })).toBe(
      "cloud spend this month $0.25 of the $1.00 monthly cap (acme-llm has no price in Duet's table, so its answers count as $0)",
    );
  });

  it('blocks the cloud at or above the cap, with the figures, and not below it', () => {
    const cloud: CloudSettings = { presetId: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' };
    const spent = (costUsd: number) => ({ dayFacts: () => [fact('2026-11-02', 'gpt-4o-mini', costUsd)] });
    const policy = { ...OPEN_POLICY, monthlyCloudSpendCapUsd: 2 };
    expect(new CloudPolicy(policy, spent(1.99), () => now).blocked(cloud)).toBeNull();
    const reason = new CloudPolicy(policy, spent(2), () => now).blocked(cloud);
    expect(reason?.code).toBe('policy-budget');
    expect(reason?.message).toContain('$2.00 of the $2.00 monthly cap');
    expect(new CloudPolicy(OPEN_POLICY, spent(1000), () => now).blocked(cloud)).toBeNull();
  });
});
