import { describe, expect, it } from 'vitest';
import { calibrationFigures, expectedCalibrationError, localShareChecks, ownTrafficChecks, thresholdForShare } from '../../scripts/router/calibration-check.js';
import { localShareCurve as buildLocalShareCurve } from '../../scripts/router/difficulty-train.js';
import { localShareAt, localShareCurveOf } from '../../src-main/contract/index.js';
import { mulberry32 } from '../support/seeded-random.js';

describe('calibration checks for router:eval', () => {
  it('ECE is near zero for calibrated scores and large for overconfident ones', () => {
    const rand = mulberry32(3);
    const probs = Array.from({ length: 20_000 }, () => rand());
    const calibrated = probs.map((p) => rand() < p);
    expect(expectedCalibrationError(probs, calibrated)).toBeLessThan(0.02);
    // Always 0.9 for events that happen a tenth of the time: off by 0.8.
    const over = Array.from({ length: 1000 }, () => 0.9);
    const rare = over.map((_, i) => i % 10 === 0);
    expect(expectedCalibrationError(over, rare)).toBeCloseTo(0.8, 10);
    expect(expectedCalibrationError([], [])).toBeNaN();
  });

  it('finds the threshold the curve gives for a share, and checks it against held-out scores', () => {
    const train = Array.from({ length: 1000 }, (_, i) => (i + 0.5) / 1000);
    const curve = buildLocalShareCurve(
      train,
      train.map(() => 'a'),
    );
    const t = thresholdForShare(curve, 0.6);
    expect(t).toBeCloseTo(0.6, 2);
    expect(localShareAt(curve, t)!).toBeGreaterThanOrEqual(0.6 - 1e-9);
    // Held-out scores shifted up by 0.1: fewer stay local than the curve promises.
    const shifted = train.map((s) => Math.min(1, s + 0.1));
    const [c40, c60, c80] = localShareChecks(curve, shifted);
    expect(c60!.expected).toBeCloseTo(0.6, 2);
    expect(c60!.actual).toBeCloseTo(0.5, 2);
    expect(c40!.threshold).toBeLessThan(c60!.threshold);
    expect(c80!.threshold).toBeGreaterThan(c60!.threshold);
    const fig = calibrationFigures(
      curve,
      shifted,
      shifted.map((s) => s > 0.9),
    );
    expect(fig).toMatchObject({ observedRate: expect.any(Number), ece: expect.any(Number) });
    expect(calibrationFigures(undefined, [0.5], [true]).localShare).toBeNull();
  });
});

describe("the expected local share from the user's own questions", () => {
  it('is the share of their scores at or under each threshold', () => {
    const scores = [0.1, 0.1, 0.2, 0.24, 0.5];
    const curve = localShareCurveOf(scores)!;
    expect(curve).toHaveLength(101);
    expect(localShareAt(curve, 0)).toBe(0);
    expect(localShareAt(curve, 0.1)).toBeCloseTo(0.4, 10);
    // A score equal to the threshold stays local, as in route().
    expect(localShareAt(curve, 0.24)).toBeCloseTo(0.8, 10);
    expect(localShareAt(curve, 1)).toBe(1);
    expect(localShareCurveOf([])).toBeNull();
  });

  it('gives the training curve of a single set', () => {
    const rand = mulberry32(9);
    const scores = Array.from({ length: 500 }, () => rand());
    expect(
      buildLocalShareCurve(
        scores,
        scores.map(() => 'a'),
      ),
    ).toEqual(localShareCurveOf(scores)!.map((v) => Math.round(v * 1e4) / 1e4));
  });

  it('predicts the rest of a left-out set from its first questions, whatever the training mix', () => {
    const rand = mulberry32(5);
    // Scores far from any training curve: all between 0.3 and 0.5.
    const scores = Array.from({ length: 2000 }, () => 0.3 + 0.2 * rand());
    for (const check of ownTrafficChecks(scores)!) expect(Math.abs(check.actual - check.expected)).toBeLessThan(0.06);
    expect(ownTrafficChecks(scores.slice(0, 300))).toBeNull();
  });
});
