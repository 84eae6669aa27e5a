// A test helper: an OpenAI-compatible handler straight over a local engine, with no routing, no
// history and no Duet around it. The tests' loopback "cloud" (loopback-cloud.ts) mounts it so a real
// OpenAI-compatible server answers with a fixture model. Duet's own endpoint, which routes every
// request like the chat window, is src-main/openai/ served by the core (core/api-server.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_MODEL_SETTINGS } from '../../src-main/contract/model-settings.js';
import type { LocalEngine } from '../../src-main/core/core-types.js';
import { bearerMatches, readJsonBody } from '../../src-main/openai/http-body.js';
import { parseChatRequest, toEngineInput, type EngineInput } from '../../src-main/openai/chat-request.js';
import {
  chunkBody,
  completionBody,
  completionId,
  failureStatus,
  errorBody,
  sendJson,
  sseData,
  unixSeconds,
  usageChunkBody,
  usageOf,
  type FinishReason,
} from '../../src-main/openai/wire.js';

/** All OpenAI-compatible requests share one engine conversation slot: each request brings its whole history. */
const CONVERSATION_ID = 'openai-compat';

export interface OpenAICompatOptions {
  engine: LocalEngine;
  /** A key every request must carry as `Authorization: Bearer …`; null or absent: no check. */
  apiKey?: string | null;
  /** The model id listed by /v1/models and reported in answers; the loaded model's name by default. */
  modelId?: string;
  /**
   * When true, a request naming another model gets 404 `model_not_found`, as OpenAI answers.
   * Off by default: clients often insist on a model name of their own, and any name gets the local model.
   */
  strictModel?: boolean;
  /** Path prefix the routes live under; '/v1' by default. */
  prefix?: string;
}

/** Handles one request; resolves true when the path was one of ours (and has been answered). */
export type OpenAICompatHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * Builds the handler. Answers follow OpenAI's shapes: `chat.completion` with `usage`, or
 * `chat.completion.chunk` events ending in `data: [DONE]` (plus a usage chunk when
 * `stream_options.include_usage` is set); errors as `{error: {message, type, param, code}}`.
 * System messages are not passed on (see `toEngineInput`); sampling fields such as temperature
 * are accepted and ignored (the engine decodes greedily). A client that disconnects stops its answer.
 */
export function createOpenAICompatHandler(options: OpenAICompatOptions): OpenAICompatHandler {
  const prefix = (options.prefix ?? '/v1').replace(/\/$/, '');
  const created = unixSeconds();
  const modelId = (): string => options.modelId ?? options.engine.status().name ?? 'duet-local';

  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/\/$/, '');
    const route = path === `${prefix}/chat/completions` ? 'chat' : path === `${prefix}/models` ? 'models' : path.startsWith(`${prefix}/models/`) ? 'model' : null;
    if (route === null) return false;
    if (options.apiKey && !bearerMatches(options.apiKey, req.headers.authorization)) {
      sendJson(
        res,
        401,
        errorBody('Incorrect API key provided. Pass the key Duet was started with as "Authorization: Bearer KEY".', 'invalid_request_error', 'invalid_api_key'),
      );
      return true;
    }
    if (route === 'chat') {
      if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
      await chatCompletions(options, modelId(), req, res);
      return true;
    }
    if (req.method !== 'GET') return methodNotAllowed(res, 'GET');
    const model = { id: modelId(), object: 'model', created, owned_by: 'duet' };
    if (route === 'models') {
      sendJson(res, 200, { object: 'list', data: [model] });
      return true;
    }
    const asked = decodeURIComponent(path.slice(`${prefix}/models/`.length));
    if (asked === model.id) sendJson(res, 200, model);
    else sendJson(res, 404, modelNotFound(asked));
    return true;
  };
}

async function chatCompletions(options: OpenAICompatOptions, modelId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJsonBody(req);
  if (!body.ok) return sendJson(res, body.status, errorBody(body.message, 'invalid_request_error', body.status === 413 ? 'request_too_large' : 'invalid_json'));
  const parsed = parseChatRequest(body.value);
  if (!parsed.ok) return sendJson(res, 400, errorBody(parsed.problem.message, 'invalid_request_error', 'invalid_request', parsed.problem.param));
  const request = parsed.value;
  if (options.strictModel && request.model !== modelId) return sendJson(res, 404, modelNotFound(request.model));
  const input = toEngineInput(request);
  if (!input.ok) return sendJson(res, 400, errorBody(input.problem.message, 'invalid_request_error', 'unsupported', input.problem.param));

  // Whoever hangs up first: the client's disconnect stops the generation.
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const answer = { id: completionId(), created: unixSeconds(), model: request.model };
  if (request.stream) await streamAnswer(options, answer, input.value, request.stream_options?.include_usage === true, res, controller.signal);
  else await wholeAnswer(options, answer, input.value, res, controller.signal);
}

interface AnswerIds {
  id: string;
  created: number;
  model: string;
}

async function wholeAnswer(options: OpenAICompatOptions, answer: AnswerIds, input: EngineInput, res: ServerResponse, signal: AbortSignal): Promise<void> {
  const result = await options.engine.generate(engineRequest(input), () => undefined, signal);
  if (signal.aborted || res.destroyed) return;
  if (!result.ok) {
    const { status, type, code } = failureStatus(result.error.code);
    return sendJson(res, status, errorBody(result.error.message, type, code));
  }
  const { text, stats } = result.value;
  sendJson(res, 200, completionBody(answer.id, answer.created, answer.model, text, finishReason(input, stats.tokens), usageOf(input.promptTokensEstimate, stats.tokens)));
}

/**
 * Streams the answer. The status line waits for the first token, so a failure before any text
 * still gets a proper HTTP error; a failure after it arrives as an `error` event (as OpenAI sends one).
 */
async function streamAnswer(
  options: OpenAICompatOptions,
  answer: AnswerIds,
  input: EngineInput,
  includeUsage: boolean,
  res: ServerResponse,
  signal: AbortSignal,
): Promise<void> {
  const { id, created, model } = answer;
  const write = (body: object | '[DONE]'): void => {
    if (!res.destroyed && !res.writableEnded) res.write(sseData(body));
  };
  const start = (): void => {
    if (res.headersSent) return;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive' });
    res.socket?.setNoDelay(true);
    write(chunkBody(id, created, model, { role: 'assistant', content: '' }, null, includeUsage));
  };
  const result = await options.engine.generate(
    engineRequest(input),
    (text) => {
      start();
      write(chunkBody(id, created, model, { content: text }, null, includeUsage));
    },
    signal,
  );
  if (signal.aborted || res.destroyed) return;
  if (!result.ok) {
    const { status, type, code } = failureStatus(result.error.code);
    if (!res.headersSent) return sendJson(res, status, errorBody(result.error.message, type, code));
    write(errorBody(result.error.message, type, code));
    res.end();
    return;
  }
  start();
  const tokens = result.value.stats.tokens;
  write(chunkBody(id, created, model, {}, finishReason(input, tokens), includeUsage));
  if (includeUsage) write(usageChunkBody(id, created, model, usageOf(input.promptTokensEstimate, tokens)));
  write('[DONE]');
  res.end();
}

function engineRequest(input: EngineInput): { conversationId: string; history: EngineInput['history']; prompt: string; maxTokens?: number } {
  return {
    conversationId: CONVERSATION_ID,
    history: input.history,
    prompt: input.prompt,
    ...(input.maxTokens === undefined ? {} : { maxTokens: input.maxTokens }),
  };
}

function finishReason(input: EngineInput, tokens: number): FinishReason {
  return tokens >= (input.maxTokens ?? DEFAULT_MODEL_SETTINGS.maxTokens) ? 'length' : 'stop';
}

function modelNotFound(model: string): object {
  return errorBody(`The model '${model}' does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found', 'model');
}

function methodNotAllowed(res: ServerResponse, allow: string): true {
  sendJson(res, 405, errorBody(`Use ${allow} for this path.`, 'invalid_request_error', 'method_not_allowed'), { allow });
  return true;
}
