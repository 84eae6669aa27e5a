import type { DuetApi } from '../../src-main/contract/api.js';
import type { DuetError, Result } from '../../src-main/contract/envelope.js';
import type { ImportSummary } from '../../src-main/contract/history-entities.js';
import { t } from './i18n/index.svelte.js';

/**
 * What the renderer talks to: the contract's `DuetApi`, plus word of the event stream
 * dropping and coming back, so the app can re-fetch what it may have missed.
 * Electron's IPC never drops, so there it simply never fires.
 */
export interface DuetClient extends DuetApi {
  /** `false` when the event stream is lost, `true` when it is back after a loss; returns an unsubscribe function. */
  onConnectionChange(listener: (connected: boolean) => void): () => void;
  /**
   * Imports a history file (a Duet export or ChatGPT's conversations.json) without holding it whole
   * in a call: uploaded as a stream over HTTP, or read from disk by the core in the desktop app.
   */
  importFile(file: File): Promise<Result<ImportSummary>>;
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

/**
 * A file with more bytes than this surely holds more than the 64 Mi characters `history.import` takes
 * (UTF-8 spends at most 4 bytes a character): refused before it is read into memory. (A number, not
 * IMPORT_MAX_CHARS: importing the channels module would bring zod into the page.)
 */
const IMPORT_TEXT_MAX_BYTES = 4 * 64 * 1024 * 1024;

/** The import for a file with no path on disk: its text in one `history.import` call. */
export async function importAsText(api: DuetApi, file: File): Promise<Result<ImportSummary>> {
  if (file.size > IMPORT_TEXT_MAX_BYTES) {
    return { ok: false, error: { code: 'invalid_request', message: t('client.importTooLarge') } };
  }
  let content: string;
  try {
    content = await file.text();
  } catch {
    return { ok: false, error: { code: 'invalid_request', message: t('client.importUnreadable', { name: file.name }) } };
  }
  return api.call('history.import', { fileName: file.name, content });
}
