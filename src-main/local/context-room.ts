import { DEFAULT_MAX_ANSWER_TOKENS } from './generation-settings.js';

// Whether a question fits the model's window, counted exactly by the worker. node-llama-cpp would
// otherwise make it fit by dropping the oldest turns (or the start of the question) without a word,
// both before answering and whenever the answer fills the window.

/** Tokens llama.cpp's chat keeps free beyond the text (node-llama-cpp needs at least one), with a margin. */
const SPARE_TOKENS = 16;

/** The shortest answer worth starting: an eighth of the window, at most 256 tokens. */
export function minimumAnswerTokens(contextSize: number): number {
  return Math.max(1, Math.min(256, Math.floor(contextSize / 8)));
}

/**
 * How long the answer may be so that nothing is dropped from the window: the caller's limit, cut to
 * the room left after `inputTokens`; null when the room is under `minimumAnswerTokens` (or under the
 * caller's own smaller limit), so the question must be refused.
 */
export function answerTokenLimit(inputTokens: number, contextSize: number, maxTokens: number = DEFAULT_MAX_ANSWER_TOKENS): number | null {
  const room = contextSize - inputTokens - SPARE_TOKENS;
  if (room < Math.min(maxTokens, minimumAnswerTokens(contextSize))) return null;
  return Math.min(maxTokens, room);
}

/** The message for a question that does not fit: what happened, the counts, and what to do. */
export function contextTooLongMessage(inputTokens: number, contextSize: number): string {
  return `This question and the conversation before it are too long for the local model (${inputTokens} tokens; its window holds ${contextSize}, with room for an answer). Start a new chat, shorten the question, or ask the cloud.`;
}
