import type { Result, Target } from '../contract/index.js';
import type { GenerateOutcome, GenerateRequest } from '../local/engine-types.js';

/** What an answer produced, with the cloud's usage and cost where it has them. */
export interface SourceOutcome extends GenerateOutcome {
  usage?: { promptTokens: number; completionTokens: number } | null;
  costUsd?: number | null;
}

/** One side that can answer: the local engine or the configured cloud. */
export interface AnswerSource {
  readonly target: Target;
  /** The model name shown and stored with the answer. */
  readonly model: string;
  generate(request: GenerateRequest, onToken: (text: string) => void, signal: AbortSignal): Promise<Result<SourceOutcome>>;
}

/** Errors after which the cloud is worth skipping for a while, as if offline. */
const CLOUD_DOWN_CODES = new Set(['cloud_unreachable', 'cloud_timeout']);

/** True for a failure of the cloud itself (not of the question): the answer may fall back to local. */
export function isCloudFailure(code: string): boolean {
  return code.startsWith('cloud_');
}

/** True when the cloud looks unreachable rather than unhappy with one request. */
export function looksOffline(code: string): boolean {
  return CLOUD_DOWN_CODES.has(code);
}
