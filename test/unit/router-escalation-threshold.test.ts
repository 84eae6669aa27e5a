// The cascade's bar, learned from the user's choices: which choices move it, how far, and that it
// never leaves its bounds.
import { describe, expect, it } from 'vitest';
import {
  ESCALATION_REACH,
  ESCALATION_STEP,
  ESCALATION_THRESHOLD,
  initialEscalation,
  learnEscalation,
  parseEscalation,
} from '../../src-main/router/escalation-threshold.js';
import { mulberry32 } from '../support/seeded-random.js';

const start = initialEscalation();

describe('escalation threshold', () => {
  it('starts at the cascade starting value', () => {
    expect(start).toEqual({ threshold: ESCALATION_THRESHOLD.initial, raised: 0, lowered: 0 });
  });

  it('rises when the user asks the cloud after a local answer that only just passed', () => {
    const next = learnEscalation(start, 'cloud', start.threshold + 0.01);
    expect(next.threshold).toBeGreaterThan(start.threshold);
    expect(next.threshold - start.threshold).toBeLessThanOrEqual(ESCALATION_STEP);
    expect(next.raised).toBe(1);
  });

  it('falls when the user asks the local model after an answer the cascade escalated', () => {
    const next = learnEscalation(start, 'local', start.threshold - 0.05);
    expect(next.threshold).toBeLessThan(start.threshold);
    expect(next.lowered).toBe(1);
  });

  it('moves less the farther the confidence was from the bar, and not at all beyond its reach', () => {
    const near = learnEscalation(start, 'cloud', start.threshold + 0.02).threshold - start.threshold;
    const far = learnEscalation(start, 'cloud', start.threshold + 0.15).threshold - start.threshold;
    expect(near).toBeGreaterThan(far);
    expect(far).toBeGreaterThan(0);
    // A wrong answer given with near certainty says nothing about a bar at 0.6.
    expect(learnEscalation(start, 'cloud', start.threshold + ESCALATION_REACH)).toBe(start);
    expect(learnEscalation(start, 'cloud', 0.99)).toBe(start);
    expect(learnEscalation(start, 'local', 0.125)).toBe(start);
  });

  it('ignores choices that carry no evidence about it', () => {
    // Asking the cloud after an answer below the bar, or the local model after one above it.
    expect(learnEscalation(start, 'cloud', start.threshold - 0.1)).toBe(start);
    expect(learnEscalation(start, 'local', start.threshold + 0.1)).toBe(start);
    for (const bad of [Number.NaN, -0.1, 1.5, Number.POSITIVE_INFINITY]) expect(learnEscalation(start, 'cloud', bad)).toBe(start);
  });

  it('never leaves its bounds, whatever the choices', () => {
    const rand = mulberry32(3);
    let state = start;
    for (let i = 0; i < 5000; i++) {
      const wanted = rand() < 0.5 ? 'cloud' : 'local';
      // Confidences just on the side that moves the bar, to push it as hard as possible.
      state = learnEscalation(state, wanted, Math.min(1, Math.max(0, state.threshold + (wanted === 'cloud' ? 0.001 : -0.001))));
      expect(state.threshold).toBeGreaterThanOrEqual(ESCALATION_THRESHOLD.min);
      expect(state.threshold).toBeLessThanOrEqual(ESCALATION_THRESHOLD.max);
    }
    let up = start;
    for (let i = 0; i < 200; i++) up = learnEscalation(up, 'cloud', up.threshold);
    expect(up.threshold).toBe(ESCALATION_THRESHOLD.max);
    let down = start;
    for (let i = 0; i < 200; i++) down = learnEscalation(down, 'local', down.threshold);
    expect(down.threshold).toBe(ESCALATION_THRESHOLD.min);
  });

  it('reads a stored state back, and the initial one from anything unreadable', () => {
    const learned = learnEscalation(start, 'cloud', 0.62);
    expect(parseEscalation(JSON.parse(JSON.stringify(learned)))).toEqual(learned);
    for (const bad of [null, undefined, 'x', {}, { threshold: 'high' }, { threshold: Number.NaN }]) expect(parseEscalation(bad)).toEqual(start);
    expect(parseEscalation({ threshold: 5, raised: -1, lowered: 2.5 })).toEqual({ threshold: ESCALATION_THRESHOLD.max, raised: 0, lowered: 0 });
  });
});
