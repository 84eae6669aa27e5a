// How the routing threshold in force is derived, and what share of questions it keeps local.
// Plain functions, no imports: the core and the renderer (which bundles this file) compute the
// same numbers, so the settings panel can preview a slider position before it is saved.

/** The threshold in force never leaves these bounds, whatever the user's choice plus the learned nudge. */
export const THRESHOLD_BOUNDS = { min: 0.02, max: 0.98 } as const;

/** The threshold in force: the chosen one moved by the learned nudge, kept within THRESHOLD_BOUNDS. */
export function effectiveThreshold(base: number, learnedNudge: number): number {
  return Math.min(THRESHOLD_BOUNDS.max, Math.max(THRESHOLD_BOUNDS.min, base + learnedNudge));
}

/** A local-share curve has one point per threshold 0.00, 0.01, …, 1.00. */
export const LOCAL_SHARE_CURVE_POINTS = 101;

/**
 * The local-share curve of a set of difficulty scores: point i is the share of scores at or under
 * threshold i/100 (those stay local). Null without scores.
 */
export function localShareCurveOf(scores: readonly number[]): number[] | null {
  if (scores.length === 0) return null;
  const sorted = [...scores].sort((a, b) => a - b);
  const curve: number[] = [];
  let under = 0;
  for (let i = 0; i < LOCAL_SHARE_CURVE_POINTS; i++) {
    // i / 100 is the same double as the slider's "0.07", so a score equal to a step counts alike here and in route().
    const t = i / (LOCAL_SHARE_CURVE_POINTS - 1);
    while (under < sorted.length && sorted[under]! <= t) under++;
    curve.push(under / sorted.length);
  }
  return curve;
}

/**
 * The expected share (0..1) of questions answered locally at `threshold`, by linear interpolation
 * on a curve of evenly spaced thresholds from 0 to 1 (point i is threshold i/(n−1)); the
 * threshold is clamped to 0..1. Null when the curve has fewer than two points or the threshold is NaN.
 */
export function localShareAt(curve: readonly number[], threshold: number): number | null {
  const last = curve.length - 1;
  if (last < 1 || Number.isNaN(threshold)) return null;
  let x = Math.min(1, Math.max(0, threshold)) * last;
  // 0.29 * 100 is 28.999999999999996: a slider step should land on its own point, not just short of it.
  const nearest = Math.round(x);
  if (Math.abs(x - nearest) < 1e-9) x = nearest;
  const i = Math.min(last - 1, Math.floor(x));
  const lo = curve[i]!;
  const hi = curve[i + 1]!;
  return lo + (hi - lo) * (x - i);
}
