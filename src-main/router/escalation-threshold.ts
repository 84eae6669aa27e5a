// The cascade's escalation threshold, learned from the user's choices: a local answer whose first
// tokens the model is less confident of than this goes to the cloud instead. Pure and synchronous.
//
// Two kinds of choice carry evidence about it, each with the confidence stored with the answer:
//  - "Ask the cloud" on a local answer that passed the check (confidence c ≥ threshold): the bar was
//    too low for this user, so it rises;
//  - "Ask the local model" on an answer the cascade escalated (c < threshold): the bar was too high,
//    so it falls.
// Each moves it by at most STEP, and by less the farther c was from the bar: a wrong answer given with
// confidence 0.97 says little about a bar at 0.6 (no bar the user would accept would have caught
// it), so beyond REACH it moves nothing. Always within BOUNDS, whatever the choices.

/** Where the threshold starts (the cascade's starting value) and the bounds it never leaves. */
export const ESCALATION_THRESHOLD = { initial: 0.6, min: 0.45, max: 0.8 } as const;
/** The most one choice moves it. */
export const ESCALATION_STEP = 0.02;
/** A choice whose answer's confidence was this far or farther from the threshold does not move it. */
export const ESCALATION_REACH = 0.25;

/** What the threshold has learned; stored as JSON by the core. */
export interface EscalationLearning {
  threshold: number;
  /** Choices that raised it, and that lowered it. */
  raised: number;
  lowered: number;
}

/** Where a user who has chosen nothing yet starts. */
export function initialEscalation(): EscalationLearning {
  return { threshold: ESCALATION_THRESHOLD.initial, raised: 0, lowered: 0 };
}

function clampThreshold(t: number): number {
  return Math.min(ESCALATION_THRESHOLD.max, Math.max(ESCALATION_THRESHOLD.min, t));
}

/**
 * Learns from one choice on an answer whose confidence was measured: `wanted` is the side the user
 * asked for instead. A choice the rule above gives no evidence for (asking the cloud after an
 * escalated answer, or a confidence on the wrong side of the bar) returns the state unchanged.
 */
export function learnEscalation(state: EscalationLearning, wanted: 'cloud' | 'local', confidence: number): EscalationLearning {
  if (!Number.isFinite(confidence) || confidence < 0 || confidence > 1) return state;
  const t = state.threshold;
  // Signed distance on the side the evidence is about: ≥ 0 when the choice says the bar was wrong.
  const distance = wanted === 'cloud' ? confidence - t : t - confidence;
  if (distance < 0 || distance >= ESCALATION_REACH) return state;
  const step = ESCALATION_STEP * (1 - distance / ESCALATION_REACH);
  const threshold = Math.round(clampThreshold(wanted === 'cloud' ? t + step : t - step) * 10_000) / 10_000;
  if (threshold === t) return state;
  return wanted === 'cloud' ? { ...state, threshold, raised: state.raised + 1 } : { ...state, threshold, lowered: state.lowered + 1 };
}

/** A stored state, or the initial one when it is missing or unreadable; the threshold is clamped into bounds. */
export function parseEscalation(json: unknown): EscalationLearning {
  if (typeof json !== 'object' || json === null) return initialEscalation();
  const { threshold, raised, lowered } = json as Partial<Record<keyof EscalationLearning, unknown>>;
  if (typeof threshold !== 'number' || !Number.isFinite(threshold)) return initialEscalation();
  const count = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);
  return { threshold: clampThreshold(threshold), raised: count(raised), lowered: count(lowered) };
}
