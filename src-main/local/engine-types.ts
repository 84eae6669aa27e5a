import type { ModelStatus, Result } from '../contract/index.js';

/** One earlier turn of a conversation, as the engine needs it to rebuild chat state. */
export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface GenerateRequest {
  conversationId: string;
  /** Completed earlier turns, oldest first, not including `prompt`. */
  history: ChatTurn[];
  prompt: string;
  /** Longest answer in tokens; the engine's default (generation-settings.ts) when absent. */
  maxTokens?: number;
}

/** Figures recorded with every local answer. */
export interface GenerationStats {
  model: string;
  ttftMs: number | null;
  tokens: number;
  tokensPerSecond: number | null;
}

export interface GenerateOutcome {
  text: string;
  /** True when the answer ended because the caller aborted it. */
  stopped: boolean;
  stats: GenerationStats;
}

/**
 * The local model as the core sees it. The model itself runs out of process so that a native
 * crash in llama.cpp costs one answer, not the app: the engine reports it and restarts.
 */
export interface LocalEngine {
  /** Checks the file, then loads it; resolves with the new status (state 'error' says why). */
  load(modelPath: string): Promise<ModelStatus>;
  status(): ModelStatus;
  /** Called on every status change, crashes included; returns an unsubscribe function. */
  onStatus(listener: (status: ModelStatus) => void): () => void;
  /** Streams an answer token by token; aborting `signal` stops it and resolves with `stopped: true`. */
  generate(request: GenerateRequest, onToken: (text: string) => void, signal: AbortSignal): Promise<Result<GenerateOutcome>>;
  /** Process id of the running worker, null when none runs (for diagnostics and crash tests). */
  workerPid(): number | null;
  close(): Promise<void>;
}
