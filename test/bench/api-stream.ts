// One streamed chat completion through Duet's OpenAI-compatible endpoint with the official `openai`
// client, timed from the caller's side: to the first text, and to the end of the stream.
import { performance } from 'node:perf_hooks';
import OpenAI, { APIError } from 'openai';
import { TINY_GREETING_ANSWER, TINY_KEYWORD, TINY_KEYWORD_ANSWER } from '../fixtures/fixture-facts.js';

export interface StreamedAnswer {
  firstTokenMs: number;
  totalMs: number;
  text: string;
  /** Where Duet says the answer ran (the `duet` field of the last chunk). */
  route: string;
}

/** A client for the bench: no retries (an error must be counted, not hidden), OpenAI's 10-minute timeout. */
export function benchClient(baseURL: string, apiKey: string): OpenAI {
  return new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 10 * 60_000 });
}

/** Streams one answer to `prompt` in a new conversation. Throws what the client throws. */
export async function streamAnswer(client: OpenAI, model: string, prompt: string): Promise<StreamedAnswer> {
  const started = performance.now();
  let firstAt = 0;
  let text = '';
  let route = 'unknown';
  const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }], stream: true });
  for await (const chunk of stream) {
    const piece = chunk.choices[0]?.delta.content ?? '';
    if (piece.length > 0 && firstAt === 0) firstAt = performance.now();
    text += piece;
    const duet = (chunk as unknown as { duet?: { route?: string } }).duet;
    if (duet?.route) route = duet.route;
  }
  const ended = performance.now();
  return { firstTokenMs: (firstAt || ended) - started, totalMs: ended - started, text, route };
}

/** What the tiny fixture model must answer to `prompt`. */
export function expectedTinyAnswer(prompt: string): string {
  return prompt.includes(TINY_KEYWORD) ? TINY_KEYWORD_ANSWER : TINY_GREETING_ANSWER;
}

/** An error as one line that groups alike: HTTP status, OpenAI error code and message. */
export function describeError(error: unknown): string {
  if (error instanceof APIError) {
    const retryAfter = (error.headers as Headers | undefined)?.get('retry-after');
    return `${error.status ?? 'no status'} ${error.code ?? error.type ?? ''}: ${error.message}${retryAfter ? ` (Retry-After: ${retryAfter})` : ''}`;
  }
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
