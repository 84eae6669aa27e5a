// The OpenAI wire shapes: completions, stream chunks, errors, and the HTTP status of each failure.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { ErrorCode, ToolCall } from '../contract/index.js';

export type FinishReason = 'stop' | 'length' | 'tool_calls';

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** An OpenAI-style error body: `{error: {message, type, param, code}}`. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** A fresh completion id, in OpenAI's `chatcmpl-…` form. */
export function completionId(): string {
  return `chatcmpl-${randomBytes(12).toString('hex')}`;
}

/** Seconds since the epoch, as OpenAI's `created` fields count them. */
export function unixSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function usageOf(promptTokens: number, completionTokens: number): Usage {
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
}

/** A whole (non-streamed) answer as a `chat.completion` object. */
export function completionBody(id: string, created: number, model: string, text: string, finish: FinishReason, usage: Usage, toolCalls?: ToolCall[]): object {
  const message = toolCalls
    ? { role: 'assistant', content: text === '' ? null : text, refusal: null, tool_calls: toolCallsWire(toolCalls, false) }
    : { role: 'assistant', content: text, refusal: null };
  return {
    id,
    object: 'chat.completion',
    created,
    model,
    system_fingerprint: null,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finish }],
    usage,
  };
}

/** Tool calls in OpenAI's shape; a stream's delta numbers them with `index`. */
export function toolCallsWire(calls: ToolCall[], indexed: boolean): object[] {
  return calls.map((call, index) => ({ ...(indexed ? { index } : {}), id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } }));
}

/** One `chat.completion.chunk`; `usage` is null on every chunk but the last when usage was asked for. */
export function chunkBody(
  id: string,
  created: number,
  model: string,
  delta: { role?: 'assistant'; content?: string; tool_calls?: object[] },
  finish: FinishReason | null,
  includeUsage: boolean,
): object {
  return {
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    system_fingerprint: null,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...(includeUsage ? { usage: null } : {}),
  };
}

/** The extra last chunk of a stream that asked for `stream_options.include_usage`: no choices, only usage. */
export function usageChunkBody(id: string, created: number, model: string, usage: Usage): object {
  return { id, object: 'chat.completion.chunk', created, model, system_fingerprint: null, choices: [], usage };
}

export function errorBody(message: string, type: string, code: string | null, param: string | null = null): OpenAIErrorBody {
  return { error: { message, type, param, code } };
}

/**
 * How a failure is answered: the HTTP status, the OpenAI error type, and the error code a client
 * checks (OpenAI's own where one exists, else Duet's).
 */
export function failureStatus(code: ErrorCode): { status: number; type: string; code: string } {
  switch (code) {
    case 'invalid_request':
    case 'kept_private':
    case 'cloud_not_configured':
      return { status: 400, type: 'invalid_request_error', code };
    case 'context_too_long':
      // OpenAI's name for it, so clients that trim and retry on it do so with Duet too.
      return { status: 400, type: 'invalid_request_error', code: 'context_length_exceeded' };
    case 'forbidden_by_policy':
      return { status: 403, type: 'permission_error', code };
    case 'not_found':
      return { status: 404, type: 'invalid_request_error', code };
    case 'busy':
    case 'cloud_rate_limited':
      return { status: 429, type: 'rate_limit_error', code };
    case 'cloud_unreachable':
    case 'cloud_auth':
    case 'cloud_server_error':
    case 'cloud_bad_request':
      // The cloud behind Duet failed, not the client's request.
      return { status: 502, type: 'server_error', code };
    case 'cloud_timeout':
      return { status: 504, type: 'server_error', code };
    case 'model_missing':
    case 'model_invalid':
    case 'model_load_failed':
    case 'engine_crashed':
    case 'storage_full':
    case 'storage_readonly':
      return { status: 503, type: 'server_error', code };
    default:
      return { status: 500, type: 'server_error', code };
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

/** One Server-Sent Event carrying JSON (or the closing `[DONE]`), as OpenAI streams them. */
export function sseData(body: object | '[DONE]'): string {
  return `data: ${body === '[DONE]' ? body : JSON.stringify(body)}\n\n`;
}
