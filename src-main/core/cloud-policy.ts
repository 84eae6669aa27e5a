import { findPrice } from '../cloud/prices.js';
import { localDayKey, type CloudBudget, type CloudSettings, type PolicyInfo, type RouteReason, type Settings } from '../contract/index.js';
import type { DayFacts, History } from '../history/history-types.js';
import { CoreError } from './core-error.js';

/** The origin (`scheme://host[:port]`) of a URL, or null when it is not one; how endpoints are compared. */
export function originOf(url: string): string | null {
  try {
    const origin = new URL(url.trim()).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** Whether an endpoint's origin is on the administrator's list (null: any endpoint is allowed). */
export function endpointAllowed(baseUrl: string, allowed: readonly string[] | null): boolean {
  if (allowed === null) return true;
  const origin = originOf(baseUrl);
  return origin !== null && allowed.some((entry) => originOf(entry) === origin);
}

/** The administrator's allowed endpoints as the user should read them. */
export function allowedList(allowed: readonly string[]): string {
  return allowed.length === 0 ? 'none' : allowed.map((entry) => originOf(entry) ?? entry).join(', ');
}

/** Midnight on the first day of the calendar month `now` falls in, local time. */
export function monthStart(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), 1);
}

/**
 * A month's cloud spend from the history's per-day figures: every cloud answer (escalated ones are
 * cloud answers too) counts at its stored cost; a model the price table does not know has no cost
 * and counts as $0, which the budget names so nobody mistakes it for free.
 */
export function monthBudget(facts: readonly DayFacts[], capUsd: number, now: Date, currentModel: string | null): CloudBudget {
  const first = localDayKey(monthStart(now));
  const cloud = facts.filter((fact) => fact.target === 'cloud' && fact.day >= first);
  const spentUsd = cloud.reduce((sum, fact) => sum + fact.costUsd, 0);
  const models = new Set(cloud.filter((fact) => fact.costUsd === 0).map((fact) => fact.model));
  if (currentModel) models.add(currentModel);
  const unpricedModels = [...models].filter((model) => model !== '' && findPrice(model) === null && !/:free$/i.test(model)).sort();
  return { spentUsd, capUsd, unpricedModels };
}

/** Dollars as the notices show them: cents, or more digits for the fractions of a cent a few answers cost. */
export function formatUsd(value: number): string {
  if (value !== 0 && Math.abs(value) < 0.01) return `$${value.toLocaleString('en-US', { maximumSignificantDigits: 2, maximumFractionDigits: 20 })}`;
  return `$${value.toFixed(2)}`;
}

/** The sentence a budget reads as: spend against cap, and which models count as $0. */
export function describeBudget(budget: CloudBudget): string {
  const unpriced =
    budget.unpricedModels.length === 0
      ? ''
      : ` (${budget.unpricedModels.join(', ')} ${budget.unpricedModels.length === 1 ? 'has' : 'have'} no price in Duet's table, so ${budget.unpricedModels.length === 1 ? 'its' : 'their'} answers count as $0)`;
  return `cloud spend this month ${formatUsd(budget.spentUsd)} of the ${formatUsd(budget.capUsd)} monthly cap${unpriced}`;
}

/**
 * The administrator's limits on the cloud beyond on/off: which endpoints it may be, and how much it
 * may cost per calendar month. Read at every question, so a cap reached mid-month applies to the next one.
 */
export class CloudPolicy {
  constructor(
    private readonly policy: PolicyInfo,
    private readonly history: Pick<History, 'dayFacts'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Refuses settings the policy locks: an endpoint not on the list, a privacy level other than the one set. */
  checkSettings(changes: Partial<Settings>): void {
    if (changes.cloud) this.requireAllowedEndpoint(changes.cloud.baseUrl);
    const forced = this.policy.privacyLevel;
    if (changes.privacyLevel !== undefined && forced !== null && changes.privacyLevel !== forced) {
      throw new CoreError('forbidden_by_policy', `Your administrator set the privacy level to ${forced}; it cannot be changed here.`);
    }
  }

  /** Refuses an endpoint whose origin the administrator did not allow, naming the ones allowed. */
  requireAllowedEndpoint(baseUrl: string): void {
    const allowed = this.policy.allowedCloudEndpoints;
    if (allowed === null || endpointAllowed(baseUrl, allowed)) return;
    throw new CoreError(
      'forbidden_by_policy',
      `Your administrator allows cloud endpoints only at ${allowedList(allowed)}; ${originOf(baseUrl) ?? baseUrl} is not one of them.`,
    );
  }

  /** Whether an endpoint may be called (a stored one may predate the administrator's list). */
  allows(cloud: CloudSettings | null): boolean {
    return cloud === null || endpointAllowed(cloud.baseUrl, this.policy.allowedCloudEndpoints);
  }

  /** This month's spend against the cap; null when the administrator set no cap. */
  budget(currentModel: string | null): CloudBudget | null {
    const capUsd = this.policy.monthlyCloudSpendCapUsd;
    if (capUsd === null) return null;
    const now = this.now();
    return monthBudget(this.history.dayFacts(monthStart(now).getTime()), capUsd, now, currentModel);
  }

  /** Why the policy keeps the cloud from answering now, as a route reason; null when it may answer. */
  blocked(cloud: CloudSettings | null): RouteReason | null {
    const allowed = this.policy.allowedCloudEndpoints;
    if (cloud && allowed !== null && !endpointAllowed(cloud.baseUrl, allowed)) {
      return {
        code: 'policy-endpoint',
        message: `policy: your administrator allows the cloud only at ${allowedList(allowed)}, not at ${originOf(cloud.baseUrl) ?? cloud.baseUrl}, so it runs on this machine`,
      };
    }
    const budget = this.budget(cloud?.model ?? null);
    if (budget && budget.spentUsd >= budget.capUsd) {
      return { code: 'policy-budget', message: `policy: the monthly cloud budget is reached (${describeBudget(budget)}), so it runs on this machine` };
    }
    return null;
  }
}

/** A policy reason as the refusal of an explicit request for the cloud ("Ask the cloud", duet-cloud). */
export function refusalFor(reason: RouteReason): string {
  const why = reason.message.replace(/^policy: /, '').replace(/, so it runs on this machine$/, '');
  return `Your administrator's policy stops cloud answers here: ${why}.`;
}
