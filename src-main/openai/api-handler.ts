// Duet's OpenAI-compatible endpoint: `GET /v1/models` and `POST /v1/chat/completions` (whole answers
// and Server-Sent-Event streams) for every tool on the machine. Each request goes through the
// RoutedChat port, so it is routed, cascaded and recorded exactly like a question in the chat window;
// this file speaks only OpenAI's wire format and guards the door (key, Host, Origin, size).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DuetError } from '../contract/index.js';
import { parseChatRequest, toEngineInput } from './chat-request.js';
import { DUET_MODELS, type AnswerStart, type RequestedSide, type RoutedChat, type RoutedChatAnswer } from './routed-chat.js';
import { isLoopbackHost } from '../http/request-guards.js';
import { bearerMatches, readJsonBody } from './http-body.js';
import { chunkBody, completionBody, completionId, errorBody, failureStatus, sendJson, sseData, toolCallsWire, unixSeconds, usageChunkBody, usageOf } from './wire.js';

/** Headers a browser page may read from an allowed origin's answers. */
const EXPOSED_HEADERS = 'x-duet-route, x-duet-reasons, retry-after';

export interface ApiHandlerOptions {
  chat: RoutedChat;
  /** The key every request must carry as `Authorization: Bearer KEY` (read per request: it can be renewed). */
  key(): string;
  /** Web origins (e.g. `http://localhost:3000`) whose pages may call the endpoint; none by default. */
  allowedOrigins(): readonly string[];
}

export type ApiHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Builds the request handler the core's API server runs. */
export function createApiHandler(options: ApiHandlerOptions): ApiHandler {
  const created = unixSeconds();
  return async (req, res) => {
    // A web page can reach 127.0.0.1 through a DNS name of its own (DNS rebinding): only loopback names pass.
    if (!isLoopbackHost(req.headers.host)) {
      return sendJson(res, 403, errorBody('Duet answers only requests addressed to 127.0.0.1 or localhost.', 'invalid_request_error', 'host_not_allowed'));
    }
    const origin = req.headers.origin;
    if (origin !== undefined) {
      if (!options.allowedOrigins().includes(origin)) {
        return sendJson(
          res,
          403,
          errorBody(
            `Requests from web pages at ${origin} are refused. If you trust that page, add its origin under Settings → API for other apps → Allowed web pages in Duet.`,
            'invalid_request_error',
            'origin_not_allowed',
          ),
        );
      }
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'origin');
      res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-allow-headers': 'authorization, content-type',
          'access-control-max-age': '600',
        });
        return void res.end();
      }
    }
    if (!bearerMatches(options.key(), req.headers.authorization)) {
      return sendJson(
        res,
        401,
        errorBody(
          "Incorrect API key provided. Copy the key from Duet's Settings → API for other apps (or the line `npm run serve` prints) and send it as `Authorization: Bearer KEY`.",
          'invalid_request_error',
          'invalid_api_key',
        ),
      );
    }
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/\/$/, '');
    if (path === '/v1/chat/completions') {
      if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
      return chatCompletions(options.chat, req, res);
    }
    if (path === '/v1/models' || path.startsWith('/v1/models/')) {
      if (req.method !== 'GET') return methodNotAllowed(res, 'GET');
      const model = (id: string) => ({ id, object: 'model', created, owned_by: 'duet' });
      if (path === '/v1/models') return sendJson(res, 200, { object: 'list', data: options.chat.models().map(model) });
      const asked = decodeURIComponent(path.slice('/v1/models/'.length));
      return options.chat.sideOf(asked) === null ? sendJson(res, 404, modelNotFound(asked)) : sendJson(res, 200, model(asked));
    }
    sendJson(
      res,
      404,
      errorBody(`Duet has no ${req.method ?? 'GET'} ${path}. It serves GET /v1/models and POST /v1/chat/completions.`, 'invalid_request_error', 'unknown_url'),
    );
  };
}

async function chatCompletions(chat: RoutedChat, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJsonBody(req);
  if (!body.ok) return sendJson(res, body.status, errorBody(body.message, 'invalid_request_error', body.status === 413 ? 'request_too_large' : 'invalid_json'));
  const parsed = parseChatRequest(body.value);
  if (!parsed.ok) return sendJson(res, 400, errorBody(parsed.problem.message, 'invalid_request_error', 'invalid_request', parsed.problem.param));
  const request = parsed.value;
  const side = chat.sideOf(request.model);
  if (side === null) return sendJson(res, 404, modelNotFound(request.model));
  const input = toEngineInput(request);
  if (!input.ok) return sendJson(res, 400, errorBody(input.problem.message, 'invalid_request_error', 'unsupported', input.problem.param));

  // The client hanging up stops the answer (and frees the model for the next request).
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const ids: AnswerIds = { id: completionId(), created: unixSeconds(), model: request.model };
  const routed = {
    side,
    client: clientName(request.user, req.headers['user-agent']),
    history: input.value.history,
    prompt: input.value.prompt,
    options: input.value.options,
    ...(input.value.tools ? { tools: input.value.tools } : {}),
  };
  if (request.stream) await streamAnswer(chat, routed, ids, request.stream_options?.include_usage === true, res, controller.signal);
  else await wholeAnswer(chat, routed, ids, res, controller.signal);
}

interface AnswerIds {
  id: string;
  created: number;
  /** The model id the client asked for, echoed as OpenAI does; the one that answered is in `duet`. */
  model: string;
}

type Routed = Parameters<RoutedChat['complete']>[0] & { side: RequestedSide };

async function wholeAnswer(chat: RoutedChat, routed: Routed, ids: AnswerIds, res: ServerResponse, signal: AbortSignal): Promise<void> {
  const result = await chat.complete(routed, { start: () => undefined, token: () => undefined }, signal);
  if (signal.aborted || res.destroyed) return;
  if (!result.ok) return sendFailure(res, result.error);
  const answer = result.value;
  const body = completionBody(ids.id, ids.created, ids.model, answer.text, answer.finish, usageOf(answer.promptTokens, answer.completionTokens), answer.toolCalls);
  sendJson(res, 200, { ...body, duet: duetField(answer) }, provenanceHeaders(answer));
}

/**
 * Streams the answer. The status line waits for the first text, so a refusal or a failure before any
 * text still gets a proper HTTP error; a failure after it arrives as an `error` event (as OpenAI sends one).
 */
async function streamAnswer(chat: RoutedChat, routed: Routed, ids: AnswerIds, includeUsage: boolean, res: ServerResponse, signal: AbortSignal): Promise<void> {
  const { id, created, model } = ids;
  const write = (body: object | '[DONE]'): void => {
    if (!res.destroyed && !res.writableEnded) res.write(sseData(body));
  };
  const start = (info: AnswerStart): void => {
    if (res.headersSent) return;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      ...provenanceHeaders(info),
    });
    res.socket?.setNoDelay(true);
    write(chunkBody(id, created, model, { role: 'assistant', content: '' }, null, includeUsage));
  };
  const result = await chat.complete(
    routed,
    {
      start,
      token: (text) => write(chunkBody(id, created, model, { content: text }, null, includeUsage)),
    },
    signal,
  );
  if (signal.aborted || res.destroyed) return;
  if (!result.ok) {
    if (!res.headersSent) return sendFailure(res, result.error);
    const { type, code } = failureStatus(result.error.code);
    write(errorBody(result.error.message, type, code));
    res.end();
    return;
  }
  const answer = result.value;
  start(answer);
  // Tool calls go out whole, in one delta, once the cloud has finished them.
  if (answer.toolCalls) write(chunkBody(id, created, model, { tool_calls: toolCallsWire(answer.toolCalls, true) }, null, includeUsage));
  write({ ...chunkBody(id, created, model, {}, answer.finish, includeUsage), duet: duetField(answer) });
  if (includeUsage) write(usageChunkBody(id, created, model, usageOf(answer.promptTokens, answer.completionTokens)));
  write('[DONE]');
  res.end();
}

/** Where an answer ran and why, for clients that read headers (the body's `duet` field says more). */
function provenanceHeaders(info: AnswerStart): Record<string, string> {
  return { 'x-duet-route': info.route, 'x-duet-reasons': info.reasons.map((reason) => reason.code).join(', ') };
}

/** The `duet` field of an answer: where it ran, why (in words), which model, and where history keeps it. */
function duetField(answer: RoutedChatAnswer): object {
  return { route: answer.route, reasons: answer.reasons, model: answer.model, conversation_id: answer.conversationId };
}

function sendFailure(res: ServerResponse, error: DuetError): void {
  const { status, type, code } = failureStatus(error.code);
  // Retry-After in seconds: a queued local answer of a small model takes about that long.
  sendJson(res, status, errorBody(error.message, type, code), status === 429 ? { 'retry-after': '2' } : {});
}

/** The app to file the conversation under: OpenAI's `user` field, else the User-Agent's first product. */
export function clientName(user: string | null | undefined, userAgent: string | undefined): string {
  const named = user?.trim();
  if (named) return named.slice(0, 100);
  const product = userAgent?.trim().split(/\s+/, 1)[0];
  return product ? product.slice(0, 100) : 'API client';
}

function modelNotFound(model: string): object {
  return errorBody(
    `The model '${model}' does not exist. Duet serves ${DUET_MODELS.auto} (its router decides), ${DUET_MODELS.local} and ${DUET_MODELS.cloud}; GET /v1/models lists them all.`,
    'invalid_request_error',
    'model_not_found',
    'model',
  );
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  sendJson(res, 405, errorBody(`Use ${allow} for this path.`, 'invalid_request_error', 'method_not_allowed'), { allow });
}
