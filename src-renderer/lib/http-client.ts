import type { Channel, RequestOf, ResponseOf } from '../../src-main/contract/channels.js';
import type { DuetError, Result } from '../../src-main/contract/envelope.js';
import type { DuetEvent } from '../../src-main/contract/events.js';
import { HTTP_CALL_PREFIX, HTTP_EVENTS, TOKEN_QUERY_PARAM } from '../../src-main/contract/transport.js';
import { failure, isEnvelope, type DuetClient } from './client.js';
import { uploadImport } from './http-upload.js';
import { t } from './i18n/index.svelte.js';

const TOKEN_KEY = 'duet.token';
/** The longest wait between tries to reach a Duet that is down. */
const MAX_RETRY_MS = 5_000;
/** How long a probe of a Duet that went away may take: a hung request must not end the retries. */
const PROBE_TIMEOUT_MS = 3_000;
/**
 * How long the browser's own reconnect of the event stream may try before the stream is closed and
 * opened afresh: a stream stuck connecting would otherwise leave the page "reconnecting" for good.
 */
const STUCK_RECONNECT_MS = 8_000;
/** The error for a core that does not answer, in the language in force. */
const unreachable = (): string => t('client.unreachable');
/** The error for a token the core refused, in the language in force. */
const accessDenied = (): DuetError => ({ code: 'unauthorized', message: t('client.accessDenied') });

/**
 * Takes the bearer token from `?token=` in the page URL, keeps it in sessionStorage so a reload
 * still works, and removes it from the address bar so it is not shared by copying the URL.
 */
export function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get(TOKEN_QUERY_PARAM);
  if (fromUrl) {
    try {
      sessionStorage.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // Storage can be disabled; the token still works for this page's life.
    }
    url.searchParams.delete(TOKEN_QUERY_PARAM);
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** The HTTP bridge: one POST per call, one EventSource for events, shared by all listeners. */
export function createHttpClient(token: string | null): DuetClient {
  const listeners = new Set<(event: DuetEvent) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  const deniedListeners = new Set<(error: DuetError) => void>();
  // Once Duet refuses the token, nothing is retried: only a new address can help.
  let denied = false;
  let source: EventSource | null = null;
  let active = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let stuckTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = 1000;
  // null until the first connection: only a connection that comes back counts as a reconnect.
  let connected: boolean | null = null;

  function setConnected(value: boolean): void {
    const changed = connected !== null && connected !== value;
    const firstLoss = connected === null && !value;
    connected = value;
    if (changed || firstLoss) for (const listener of connectionListeners) listener(value);
  }

  function deny(): void {
    if (denied) return;
    denied = true;
    clearTimeout(retryTimer);
    clearTimeout(stuckTimer);
    source?.close();
    source = null;
    for (const listener of deniedListeners) listener(accessDenied());
  }

  /**
   * Why the stream closed: an EventSource hides the HTTP status, so ask with a call. A refused token
   * ends the retries; anything else (Duet down or restarting) retries with a growing delay, and the
   * stream that opens again is the sign Duet is back.
   */
  async function probeThenRetry(): Promise<void> {
    try {
      const response = await fetch(HTTP_CALL_PREFIX + 'app.info', {
        method: 'POST',
        headers: headers(),
        body: '{}',
        signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      });
      if (response.status === 401) return deny();
    } catch {
      // Not reachable yet: retry below.
    }
    if (!active || denied) return;
    retryTimer = setTimeout(() => {
      if (active && !denied) open();
    }, retryDelay);
    // Capped low: a restarted Duet is back in seconds, and asking 127.0.0.1 costs next to nothing.
    retryDelay = Math.min(retryDelay * 2, MAX_RETRY_MS);
  }

  function headers(): Record<string, string> {
    const result: Record<string, string> = { 'content-type': 'application/json' };
    if (token) result.authorization = `Bearer ${token}`;
    return result;
  }

  function open(): void {
    const query = token ? `?${TOKEN_QUERY_PARAM}=${encodeURIComponent(token)}` : '';
    const es = new EventSource(HTTP_EVENTS + query);
    source = es;
    es.onopen = () => {
      clearTimeout(stuckTimer);
      retryDelay = 1000;
      setConnected(true);
    };
    es.onmessage = (message: MessageEvent<string>) => {
      let event: DuetEvent;
      try {
        event = JSON.parse(message.data) as DuetEvent;
      } catch {
        return;
      }
      for (const listener of listeners) listener(event);
    };
    es.onerror = () => {
      setConnected(false);
      // A network drop retries by itself; an HTTP error (401 after a new token, 5xx) closes the stream.
      if (source !== es) return;
      if (es.readyState === EventSource.CLOSED) {
        source = null;
        void probeThenRetry();
        return;
      }
      clearTimeout(stuckTimer);
      stuckTimer = setTimeout(() => {
        if (source !== es || es.readyState === EventSource.OPEN) return;
        es.close();
        source = null;
        void probeThenRetry();
      }, STUCK_RECONNECT_MS);
    };
  }

  function close(): void {
    active = false;
    clearTimeout(retryTimer);
    clearTimeout(stuckTimer);
    source?.close();
    source = null;
    connected = null;
  }

  return {
    async call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
      let response: Response;
      try {
        response = await fetch(HTTP_CALL_PREFIX + channel, { method: 'POST', headers: headers(), body: JSON.stringify(request) });
      } catch {
        return failure(unreachable());
      }
      if (response.status === 401) {
        deny();
        return { ok: false, error: accessDenied() };
      }
      // Errors (401, 404, 500) carry an envelope too: read the body whatever the status.
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return failure(`Duet's core gave an unreadable answer (HTTP ${response.status}). Try again; restart Duet if it keeps happening.`);
      }
      if (!isEnvelope(body)) {
        return failure(`Duet's core gave an unexpected answer (HTTP ${response.status}). Try again; restart Duet if it keeps happening.`);
      }
      return body as Result<ResponseOf<C>>;
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!active) {
        active = true;
        if (!denied) open();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) close();
      };
    },
    importFile: (file) => uploadImport(token, file),
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    onAccessDenied(listener) {
      deniedListeners.add(listener);
      if (denied) listener(accessDenied());
      return () => deniedListeners.delete(listener);
    },
  };
}
