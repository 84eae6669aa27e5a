// The cascade's statistic on its own (no model): when the confidence window decides, and what.
import { describe, expect, it } from 'vitest';
import { ConfidenceWindow, type ConfidenceVerdict } from '../../src-main/local/confidence-window.js';

function feed(window: ConfidenceWindow, confidences: number[]): ConfidenceVerdict[] {
  return confidences.map((c) => window.add(c));
}

describe('confidence window', () => {
  it('is sure once a full window averages at or above the threshold', () => {
    const window = new ConfidenceWindow({ threshold: 0.5, windowTokens: 4 });
    expect(feed(window, [0.9, 0.1, 0.5, 0.5])).toEqual(['measuring', 'measuring', 'measuring', 'sure']);
    expect(window.mean).toBe(0.5);
    // Decided: later tokens change nothing.
    expect(window.add(0)).toBe('sure');
    expect(window.measured).toBe(4);
  });

  it('is unsure as soon as the window can no longer reach the threshold, before it is full', () => {
    const window = new ConfidenceWindow({ threshold: 0.5, windowTokens: 4 });
    // After three tokens at 1/8 even a certain fourth gives (3/8 + 1) / 4 = 0.34.
    expect(feed(window, [0.125, 0.125, 0.125])).toEqual(['measuring', 'measuring', 'unsure']);
    expect(window.mean).toBe(0.125);
  });

  it('agrees with the full window: a low start that a confident rest can still lift is not cut short', () => {
    const window = new ConfidenceWindow({ threshold: 0.5, windowTokens: 4 });
    expect(feed(window, [0.1, 0.2, 1, 1])).toEqual(['measuring', 'measuring', 'measuring', 'sure']);
    expect(window.mean).toBeCloseTo(0.575, 10);
  });

  it('judges an answer that ended inside the window on the tokens it has', () => {
    const sure = new ConfidenceWindow({ threshold: 0.5, windowTokens: 8 });
    feed(sure, [0.9, 0.8]);
    expect(sure.finish()).toBe('sure');
    const unsure = new ConfidenceWindow({ threshold: 0.6, windowTokens: 100 });
    feed(unsure, [0.125, 0.125, 0.125, 1, 1, 1]);
    expect(unsure.verdict).toBe('measuring');
    expect(unsure.finish()).toBe('unsure');
    expect(unsure.mean).toBeCloseTo(0.5625, 10);
  });

  it('calls nothing unsure when nothing was measured, and never with threshold 0', () => {
    const empty = new ConfidenceWindow({ threshold: 0.9, windowTokens: 4 });
    expect(empty.finish()).toBe('sure');
    expect(empty.mean).toBeNull();
    const never = new ConfidenceWindow({ threshold: 0, windowTokens: 2 });
    expect(feed(never, [0, 0])).toEqual(['measuring', 'sure']);
  });
});
