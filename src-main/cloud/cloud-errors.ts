// What went wrong with a cloud request, in Duet's terms: which error code, whether trying again
// may help, and how long the cloud asked us to wait.
import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { ErrorCode } from '../contract/index.js';

/** One failed attempt, classified. */
export interface CloudFailure {
  code: Extract<ErrorCode, `cloud_${string}`>;
  /** Whether another attempt may succeed (only ever tried before any text was shown). */
  retryable: boolean;
  /** The wait the cloud asked for (retry-after-ms or retry-after), if it did. */
  retryAfterMs: number | null;
  /** HTTP status, when the cloud answered with one. */
  status: number | null;
  /** A short account of the cause for the final message: "HTTP 500: …", "ECONNREFUSED". */
  detail: string;
}

/** Classifies an error thrown by the openai SDK (or by fetch while a stream was read). */
export function classifyCloudError(error: unknown): CloudFailure {
  if (error instanceof APIConnectionTimeoutError) return failure('cloud_timeout', false, 'no answer in time');
  if (error instanceof APIConnectionError) return failure('cloud_unreachable', true, connectionDetail(error));
  if (error instanceof APIError) {
    const status = typeof error.status === 'number' ? error.status : null;
    const detail = status === null ? `the cloud reported an error: ${serverMessage(error)}` : `HTTP ${status}: ${serverMessage(error)}`;
    const base = { status, detail, retryAfterMs: retryAfterMs(error.headers as Headers | undefined) };
    if (status === null) return { ...base, code: 'cloud_server_error', retryable: true };
    if (status === 401 || status === 403) return { ...base, code: 'cloud_auth', retryable: false };
    if (status === 408) return { ...base, code: 'cloud_timeout', retryable: true };
    // OpenAI answers 429 both for "slow down" and for "out of credit"; only the first passes with time.
    if (status === 429) return { ...base, code: 'cloud_rate_limited', retryable: error.code !== 'insufficient_quota' };
    if (status === 409 || status >= 500) return { ...base, code: 'cloud_server_error', retryable: true };
    return { ...base, code: 'cloud_bad_request', retryable: false };
  }
  if (error instanceof SyntaxError) return failure('cloud_server_error', false, `the cloud sent something that is not JSON (${error.message})`);
  // fetch failing while the body streams: "terminated", "other side closed", ECONNRESET.
  return failure('cloud_unreachable', true, connectionDetail(error));
}

function failure(code: CloudFailure['code'], retryable: boolean, detail: string): CloudFailure {
  return { code, retryable, retryAfterMs: null, status: null, detail };
}

/** The wait the response asks for: `retry-after-ms` (OpenAI's), else `retry-after` (seconds or an HTTP date). */
export function retryAfterMs(headers: Headers | undefined): number | null {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after');
  if (!value) return null;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/** The cloud's own words, when it sent any, else the SDK's. */
function serverMessage(error: { error: unknown; message: string }): string {
  const body = error.error as { message?: unknown } | undefined;
  const text = typeof body?.message === 'string' ? body.message : error.message.replace(/^\d{3}\s+/, '');
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** The innermost system error code or message: ECONNREFUSED, ENOTFOUND, "other side closed". */
function connectionDetail(error: unknown): string {
  let current: unknown = error;
  let detail = error instanceof Error ? error.message : String(error);
  for (let depth = 0; depth < 5 && current; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    if (typeof message === 'string' && message && message !== 'Connection error.' && message !== 'fetch failed') detail = message;
    current = cause;
  }
  return detail;
}
