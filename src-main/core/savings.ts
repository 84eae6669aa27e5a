import { findPrice, type ModelPrice } from '../cloud/prices.js';
import { localDayKey, type Savings, type SavingsDay, type Target, type TargetStats } from '../contract/index.js';
import type { AnswerFacts, DayFacts } from '../history/history-types.js';

/**
 * Prices the "saved" estimate when no priced cloud model is set up: a mid-range model most people
 * would otherwise use, so the dashboard still says what local answers were worth.
 */
export const REFERENCE_PRICE_MODEL = 'gpt-4.1-mini';

export interface SavingsInput {
  answers: AnswerFacts[];
  /** The days with answers from savingsChartStart(days, now) on (earlier ones are ignored): the chart. */
  dayFacts: DayFacts[];
  /** The configured cloud model, or null. */
  cloudModel: string | null;
  days: number;
  now: Date;
}

/**
 * The savings dashboard: what the cloud cost, and what local answers would have cost had they gone
 * to the cloud model (priced from the table with the tokens each answer used).
 */
export function computeSavings(input: SavingsInput): Savings {
  const priceModel = pricedModel(input.cloudModel);
  const price = priceModel ? findPrice(priceModel) : null;
  const local = statsFor(input.answers, 'local');
  const cloud = statsFor(input.answers, 'cloud');
  const finished = local.answers + cloud.answers;

  // All-time figures come from the per-target totals (prices are linear in tokens, so pricing the sums
  // is pricing each answer); the day facts only draw the chart.
  const cloudSpendUsd = input.answers.find((a) => a.target === 'cloud')?.costUsd ?? 0;
  const savedUsd = price ? costOf(price, local.promptTokens, local.completionTokens) : 0;
  const byDay = new Map<string, SavingsDay>();
  const firstDay = localDayKey(new Date(savingsChartStart(input.days, input.now)));
  for (const fact of input.dayFacts) {
    const spend = fact.target === 'cloud' ? fact.costUsd : 0;
    const saved = fact.target === 'local' && price ? costOf(price, fact.promptTokens, fact.completionTokens) : 0;
    if (fact.day < firstDay) continue;
    const day = byDay.get(fact.day) ?? { day: fact.day, local: 0, cloud: 0, spendUsd: 0, savedUsd: 0 };
    day[fact.target] += fact.answers;
    day.spendUsd += spend;
    day.savedUsd += saved;
    byDay.set(fact.day, day);
  }

  return {
    localShare: finished === 0 ? null : local.answers / finished,
    local,
    cloud,
    cloudSpendUsd,
    savedUsd,
    priceModel: price ? priceModel : null,
    days: [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)),
  };
}

/** When the chart of the last `days` days starts: local midnight of its first day, in ms. */
export function savingsChartStart(days: number, now: Date): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1)).getTime();
}

/** The user's cloud model when the table prices it, else the reference model. */
function pricedModel(cloudModel: string | null): string {
  return cloudModel && findPrice(cloudModel) ? cloudModel : REFERENCE_PRICE_MODEL;
}

function costOf(price: ModelPrice, promptTokens: number, completionTokens: number): number {
  return (promptTokens * price.inputPerMillion + completionTokens * price.outputPerMillion) / 1_000_000;
}

function statsFor(answers: AnswerFacts[], target: Target): TargetStats {
  const found = answers.find((a) => a.target === target);
  return {
    answers: found?.answers ?? 0,
    promptTokens: found?.promptTokens ?? 0,
    completionTokens: found?.completionTokens ?? 0,
    medianTtftMs: found?.medianTtftMs ?? null,
    medianTokensPerSecond: found?.medianTokensPerSecond ?? null,
  };
}
