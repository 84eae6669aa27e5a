import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { fail, HTTP_CALL_PREFIX, HTTP_UPLOAD_IMPORT, IMPORT_MAX_CHARS, HTTP_EVENTS, TOKEN_QUERY_PARAM, type Result } from '../contract/index.js';
import type { DuetCore } from '../core/core-types.js';
import { createDeltaBatcher } from '../core/delta-batcher.js';
import { bearerOf, isLoopbackHost, readBodyText, secretMatches } from '../http/request-guards.js';
import { sendStaticFile } from './static-files.js';

const MAX_BODY_BYTES = 1024 * 1024;
/** "Import" carries a whole export file (up to IMPORT_MAX_CHARS characters, more bytes once JSON-escaped). */
const MAX_IMPORT_BODY_BYTES = 3 * IMPORT_MAX_CHARS;
const HEARTBEAT_MS = 15_000;
export interface BridgeOptions {
  core: DuetCore;
  /** Every call must carry it; null turns the check off (only when the user asked for that). */
  token: string | null;
  /** The built renderer (dist-renderer). */
  staticDir: string;
}

/**
 * The contract over HTTP for a browser tab: POST a call, read events as Server-Sent Events,
 * and the built renderer as static files. Loopback only, bearer token required.
 */
export function createBridgeServer(options: BridgeOptions): http.Server {
  const server = http.createServer((req, res) => {
    handle(options, req, res).catch((error: unknown) => {
      console.error('Duet bridge: request failed:', error);
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'The request failed inside Duet.'));
      else res.destroy();
    });
  });
  // Long answers stream over SSE for minutes; only idle sockets should time out.
  server.requestTimeout = 0;
  return server;
}

async function handle(options: BridgeOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  // A page on another site could resolve its own name to 127.0.0.1 (DNS rebinding): refuse foreign Host headers.
  if (!isLoopbackHost(req.headers.host)) {
    sendJson(res, 403, fail('unauthorized', 'Duet only answers on 127.0.0.1.'));
    return;
  }
  if (url.pathname === HTTP_UPLOAD_IMPORT) {
    if (req.method !== 'POST') return void sendJson(res, 405, fail('invalid_request', 'Uploads are POST requests.'));
    if (!tokenMatches(options.token, bearerOf(req.headers.authorization))) return void sendJson(res, 401, unauthorized());
    const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
    const result = await options.core.importUpload(req, Number.isFinite(declared) ? declared : null);
    // A cut-off upload has no one left to answer; anything else gets its envelope.
    if (req.destroyed && !req.complete) return void res.destroy();
    sendJson(res, result.ok || result.error.code !== 'invalid_request' ? 200 : 400, result, !req.complete);
    return;
  }
  if (url.pathname.startsWith(HTTP_CALL_PREFIX)) {
    if (req.method !== 'POST') return void sendJson(res, 405, fail('invalid_request', 'Calls are POST requests.'));
    if (!tokenMatches(options.token, bearerOf(req.headers.authorization))) return void sendJson(res, 401, unauthorized());
    const channel = url.pathname.slice(HTTP_CALL_PREFIX.length);
    const body = await readJsonBody(req, channel === 'history.import' ? MAX_IMPORT_BODY_BYTES : MAX_BODY_BYTES);
    if (!body.ok) return void sendJson(res, 400, body);
    const result = await options.core.call(channel, body.value);
    sendJson(res, result.ok || result.error.code !== 'invalid_request' ? 200 : 400, result);
    return;
  }
  if (url.pathname === HTTP_EVENTS) {
    if (!tokenMatches(options.token, url.searchParams.get(TOKEN_QUERY_PARAM) ?? bearerOf(req.headers.authorization))) {
      return void sendJson(res, 401, unauthorized());
    }
    streamEvents(options.core, req, res);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  sendStaticFile(options.staticDir, url.pathname, res, req.method === 'HEAD');
}

function streamEvents(core: DuetCore, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
  });
  res.write('retry: 1000\n\n');
  const events = createDeltaBatcher((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
  const unsubscribe = core.subscribe((event) => events.push(event));
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  req.socket.setNoDelay(true);
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
    events.close();
  });
}

function unauthorized(): Result<never> {
  return fail('unauthorized', 'Missing or wrong access token. Open the address Duet printed when it started.');
}

/** Constant-time, and open when the user turned the token off (null). */
function tokenMatches(expected: string | null, given: string | null): boolean {
  return expected === null || secretMatches(expected, given);
}

async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<Result<unknown>> {
  const text = await readBodyText(req, maxBytes);
  if (text === null) return fail('invalid_request', `That request is too large (${Math.round(maxBytes / 1024 / 1024)} MiB at most).`);
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return fail('invalid_request', 'That request is not valid JSON.');
  }
}

/** Sends an envelope; `close` ends the connection after it (a body left unread is not read on). */
function sendJson(res: ServerResponse, status: number, body: unknown, close = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(text);
}
