import type { DuetApi } from '../../src-main/contract/api.js';
import type { DuetError, Result } from '../../src-main/contract/envelope.js';

/**
 * What the renderer talks to: the contract's `DuetApi`, plus word of the event stream
 * dropping and coming back, so the app can re-fetch what it may have missed.
 * Electron's IPC never drops, so there it simply never fires.
 */
export interface DuetClient extends DuetApi {
  /** `false` when the event stream is lost, `true` when it is back after a loss; returns an unsubscribe function. */
  onConnectionChange(listener: (connected: boolean) => void): () => void;
  /**
   * The transport refuses this page's credentials for good (the HTTP bridge's token was renewed, or
   * the page was opened without it): retrying cannot help, the user must open Duet's new address.
   * Absent where there are no credentials (Electron's IPC).
   */
  onAccessDenied?(listener: (error: DuetError) => void): () => void;
}

/** A failed envelope for errors that happen outside the core (transport, unexpected throws). */
export function failure<T>(message: string): Result<T> {
  const error: DuetError = { code: 'internal', message };
  return { ok: false, error };
}

/** True when a parsed body has the shape of a Result envelope. */
export function isEnvelope(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as { ok?: unknown; error?: unknown };
  if (candidate.ok === true) return 'value' in candidate;
  if (candidate.ok !== false) return false;
  const error = candidate.error as { code?: unknown; message?: unknown } | undefined;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}
