import type { ConfidenceCheck } from './engine-types.js';

/** Where a confidence check stands: still measuring, or decided. */
export type ConfidenceVerdict = 'measuring' | 'sure' | 'unsure';

/**
 * The cascade's statistic over an answer's first tokens: the arithmetic mean of the chosen tokens'
 * probabilities over the first `windowTokens`. The mean (not the minimum, nor the geometric mean)
 * because one hard word among confident ones is normal; a model guessing its way into an answer
 * shows as many low probabilities in a row.
 *
 * The answer is called unsure as soon as the mean can no longer reach the threshold even if every
 * token still to come in the window were certain, so an unsure answer usually stops before the window
 * is full; that decision is always the one the full window would have reached. An answer that ends
 * inside the window is judged on the tokens it has (the mean over fewer tokens can only be lower
 * than that bound, so the early decision agrees with it too).
 */
export class ConfidenceWindow {
  private sum = 0;
  private count = 0;
  private decided: ConfidenceVerdict = 'measuring';

  constructor(private readonly check: ConfidenceCheck) {}

  /** Records the next answer token's probability; returns the verdict so far. */
  add(confidence: number): ConfidenceVerdict {
    if (this.decided !== 'measuring') return this.decided;
    this.sum += confidence;
    this.count++;
    const { threshold, windowTokens } = this.check;
    if (this.count >= windowTokens) this.decided = this.sum / this.count < threshold ? 'unsure' : 'sure';
    else if ((this.sum + (windowTokens - this.count)) / windowTokens < threshold) this.decided = 'unsure';
    return this.decided;
  }

  /** The verdict once the answer has ended: one that ended inside the window is judged on what it has. */
  finish(): ConfidenceVerdict {
    if (this.decided === 'measuring') {
      const mean = this.mean;
      this.decided = mean !== null && mean < this.check.threshold ? 'unsure' : 'sure';
    }
    return this.decided;
  }

  get verdict(): ConfidenceVerdict {
    return this.decided;
  }

  /** Mean probability of the tokens measured so far; null before the first. */
  get mean(): number | null {
    return this.count === 0 ? null : this.sum / this.count;
  }

  /** How many tokens were measured. */
  get measured(): number {
    return this.count;
  }
}
