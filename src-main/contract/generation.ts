// What an answer source (the local engine or the cloud) is given and gives back: the core asks
// both the same way. Types only, so the renderer bundle may import them too.

/** One earlier turn of a conversation, as the engine needs it to rebuild chat state. */
export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** Figures recorded with every local answer. */
export interface GenerationStats {
  model: string;
  ttftMs: number | null;
  tokens: number;
  tokensPerSecond: number | null;
  /**
   * With a confidence check only: the mean probability of the chosen tokens the check measured (the
   * first `windowTokens`, fewer when the answer was shorter or found unsure early); null when none.
   */
  meanConfidence?: number | null;
}

export interface GenerateOutcome {
  text: string;
  /** True when the answer ended because the caller aborted it. */
  stopped: boolean;
  stats: GenerationStats;
  /**
   * Set when a confidence check found the model unsure: generation stopped as soon as the window's
   * mean could no longer reach the threshold, and `text` is what was said until then (not `stopped`).
   * `confidence` is the mean over the tokens measured. A short answer that ended inside the window is
   * judged on the tokens it has, and is unsure with its whole text.
   */
  unsure?: { confidence: number };
}
