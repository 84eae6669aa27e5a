import type { ChatTurn, GenerateOutcome, GenerationOverrides, GenerationStats, ModelStatus, Result, ToolRequest } from '../contract/index.js';

// ChatTurn, GenerateOutcome and GenerationStats are the contract's (contract/generation.ts): the cloud
// answers with the same shapes as the local engine. Re-exported for the engine's own files.
export type { ChatTurn, GenerateOutcome, GenerationOverrides, GenerationStats };

export interface GenerateRequest {
  conversationId: string;
  /** Completed earlier turns, oldest first, not including `prompt`. */
  history: ChatTurn[];
  prompt: string;
  /** Longest answer in tokens; the engine's default (generation-settings.ts) when absent. */
  maxTokens?: number;
  /**
   * Watch the model's confidence in its first answer tokens and stop early when it is unsure (the
   * cascade to the cloud). Absent: the answer is generated as fast as without this feature.
   */
  confidenceCheck?: ConfidenceCheck;
  /**
   * This request's own options (an API client's temperature, top-p, length, stop texts, seed and
   * system prompt); each absent field falls back to the model's settings as without it. With a
   * confidence check, the measured first tokens are still decoded greedily (see confidence-hook.ts).
   */
  overrides?: GenerationOverrides;
  /** An app's tools (function calling): only the cloud takes them; the local engine refuses such a request. */
  tools?: ToolRequest;
}

/**
 * The cascade's test of a local answer. The statistic is the arithmetic mean of the probabilities
 * the model gave its chosen tokens (greedy decoding: softmax over the whole vocabulary) over the
 * first `windowTokens` answer tokens, the end-of-answer token included when it falls inside.
 */
export interface ConfidenceCheck {
  /** A mean below this (0..1) makes the answer unsure. */
  threshold: number;
  /** How many of the first answer tokens the mean is taken over (a positive integer). */
  windowTokens: number;
}

/**
 * The local model as the core sees it. The model itself runs out of process so that a native
 * crash in llama.cpp costs one answer, not the app: the engine reports it and restarts.
 */
export interface LocalEngine {
  /**
   * Checks the file, then loads it; resolves with the new status, or with why it failed. A failed
   * load keeps the model that was ready before (the status stays 'ready' with it); with none, the
   * status becomes 'error' with the same error.
   */
  load(modelPath: string): Promise<Result<ModelStatus>>;
  /**
   * Frees the model (after the answer in progress, if any); the status becomes 'none'. With
   * `sleeping`, only a ready model is unloaded, its path and name are kept with `sleeping: true`,
   * and the next `generate` loads it again first (the status shows 'loading', then 'ready').
   */
  unload(options?: { sleeping?: boolean }): Promise<void>;
  status(): ModelStatus;
  /** Called on every status change, crashes included; returns an unsubscribe function. */
  onStatus(listener: (status: ModelStatus) => void): () => void;
  /**
   * Streams an answer token by token; aborting `signal` stops it and resolves with `stopped: true`.
   * With `request.confidenceCheck` it may end early with `unsure` set (see GenerateOutcome).
   */
  generate(request: GenerateRequest, onToken: (text: string) => void, signal: AbortSignal): Promise<Result<GenerateOutcome>>;
  /** Process id of the running worker, null when none runs (for diagnostics and crash tests). */
  workerPid(): number | null;
  /** Answers asked for and not yet finished: the one being generated and those waiting their turn. */
  answersInLine(): number;
  close(): Promise<void>;
}
