// Calibration figures for router-eval: how well the calibrated probability and the settings
// slider's expected local share (the weights' localShareCurve) hold on a source left out of training.
import { localShareAt, localShareCurveOf } from '../../src-main/contract/threshold.js';
import { mulberry32 } from '../../test/support/seeded-random.js';

/** Questions a simulated user has asked when the settings panel switches to their own curve (OWN_CURVE_MIN is 100; 200 is typical). */
export const OWN_QUESTIONS = 200;

const r4 = (x: number): number => (Number.isFinite(x) ? Number(x.toFixed(4)) : x);

/**
 * Expected calibration error: |mean predicted − observed rate| averaged over `bins` equal-width
 * probability bins, weighted by how many scores fall in each.
 */
export function expectedCalibrationError(probs: readonly number[], labels: readonly boolean[], bins = 10): number {
  const n = probs.length;
  if (n === 0) return Number.NaN;
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  const cnt = new Float64Array(bins);
  probs.forEach((p, i) => {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(p * bins)));
    sumP[b]! += p;
    sumY[b]! += labels[i] ? 1 : 0;
    cnt[b]!++;
  });
  let ece = 0;
  for (let b = 0; b < bins; b++) if (cnt[b]! > 0) ece += Math.abs(sumP[b]! - sumY[b]!) / n;
  return ece;
}

/** The smallest threshold (to 1e-4) at which the curve promises at least `share` local. */
export function thresholdForShare(curve: readonly number[], share: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (localShareAt(curve, mid)! >= share) hi = mid;
    else lo = mid;
  }
  return r4(hi);
}

/** One row of the slider check: the threshold, the curve's promise, and what happened on the left-out data. */
export interface ShareCheck {
  target: number;
  threshold: number;
  expected: number;
  actual: number;
}

/** For each target share: the threshold the curve gives for it, the share it promises, and the share of `probs` actually ≤ it. */
export function localShareChecks(curve: readonly number[], probs: readonly number[], targets: readonly number[] = [0.4, 0.6, 0.8]): ShareCheck[] {
  return targets.map((target) => {
    const t = thresholdForShare(curve, target);
    const actual = probs.filter((p) => p <= t).length / Math.max(1, probs.length);
    return { target, threshold: t, expected: r4(localShareAt(curve, t)!), actual: r4(actual) };
  });
}

/**
 * The slider checks with the user's own curve (what the settings panel shows after enough questions):
 * the curve of the first OWN_QUESTIONS scores of the set in a seeded random order, checked against the
 * rest. Null when the set has too few for both.
 */
export function ownTrafficChecks(probs: readonly number[], seed = 11): ShareCheck[] | null {
  if (probs.length < 2 * OWN_QUESTIONS) return null;
  const rand = mulberry32(seed);
  const order = probs.map((p) => ({ p, key: rand() })).sort((a, b) => a.key - b.key);
  const curve = localShareCurveOf(order.slice(0, OWN_QUESTIONS).map((x) => x.p))!;
  return localShareChecks(
    curve,
    order.slice(OWN_QUESTIONS).map((x) => x.p),
  );
}

/** Calibration of one left-out test set: ECE, mean predicted vs observed rate, and the slider checks (trained curve, and the user's own). */
export function calibrationFigures(curve: readonly number[] | undefined, probs: readonly number[], labels: readonly boolean[]): Record<string, unknown> {
  const mean = probs.reduce((a, b) => a + b, 0) / Math.max(1, probs.length);
  return {
    ece: r4(expectedCalibrationError(probs, labels)),
    meanPredicted: r4(mean),
    observedRate: r4(labels.filter(Boolean).length / Math.max(1, labels.length)),
    localShare: curve ? localShareChecks(curve, probs) : null,
    ownTraffic: ownTrafficChecks(probs),
  };
}
