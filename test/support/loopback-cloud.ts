// A real OpenAI-compatible "cloud" on 127.0.0.1 for tests: the openai-compat handler over a local
// engine running the cloud fixture model (it answers CLOUD_GREETING_ANSWER), plus faults a test can
// switch on to play a cloud that refuses, rate-limits, fails, hangs, drops or crawls.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { ok, type Result } from '../../src-main/contract/index.js';
import { createLocalEngine } from '../../src-main/local/engine-host.js';
import type { GenerateOutcome, LocalEngine } from '../../src-main/local/engine-types.js';
import { createOpenAICompatHandler } from './engine-openai-handler.js';
import { CLOUD_MODEL_FILE, CLOUD_MODEL_NAME } from '../fixtures/fixture-facts.js';

/** What the loopback cloud does to chat-completion requests (model listing is never faulted). */
export type CloudFault =
  | { kind: 'none' }
  /**
   * Answers `status` (with an OpenAI-style error body) `times` times, then recovers; forever without
   * `times`. A 429 carries `retry-after` (seconds, 1 by default) and, when given, `retry-after-ms`.
   */
  | { kind: 'status'; status: 400 | 401 | 403 | 404 | 429 | 500 | 502 | 503; times?: number; retryAfterSeconds?: number; retryAfterMs?: number }
  /** Reads the request and never answers: the client times out. */
  | { kind: 'hang' }
  /** Streams `afterChunks` pieces of text, then destroys the socket mid-answer. */
  | { kind: 'drop-mid-stream'; afterChunks: number }
  /** Sends the first piece of text at once, then waits `delayMs` before each next one (the fixture model answers in milliseconds otherwise). */
  | { kind: 'slow'; delayMs: number }
  /**
   * Plays a cloud with a far larger window than the fixture model's: the model sees only the start of
   * the last question, so a conversation too long for the local window is still answered.
   */
  | { kind: 'large-window' }
  /**
   * Plays a cloud whose model calls one of the app's tools: any chat request is answered (streamed)
   * with this call, split in pieces as OpenAI streams them, and finish_reason "tool_calls".
   */
  | { kind: 'tool-call'; name: string; arguments: string }
  /**
   * An answer that never ends: a numbered line of Markdown every `lineMs` (40 by default) until the
   * client goes away (the user pressed Stop), as long as a test needs whatever the machine's load.
   */
  | { kind: 'endless'; lineMs?: number };

export interface LoopbackCloud {
  /** `http://127.0.0.1:PORT/v1`, what an OpenAI client takes as its base URL. */
  baseUrl: string;
  /** The model id the cloud serves; any other name gets 404 model_not_found. */
  model: string;
  setFault(fault: CloudFault): void;
  /** How many chat-completion requests arrived so far (retries included). */
  chatRequests(): number;
  /** The parsed JSON bodies of those requests, oldest first (a body that is not JSON: its text). */
  chatBodies(): unknown[];
  /** Stops the server (later connections are refused) and the engine. */
  stop(): Promise<void>;
}

export interface LoopbackCloudOptions {
  /** Requests must carry it as a bearer token; absent: no key needed (a self-hosted server). */
  apiKey?: string;
  /** The model id to serve; CLOUD_MODEL_NAME by default. */
  model?: string;
}

const ERROR_TEXT: Record<number, { message: string; type: string; code: string }> = {
  400: { message: 'Bad request.', type: 'invalid_request_error', code: 'bad_request' },
  401: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' },
  403: { message: 'You are not allowed to use this model.', type: 'invalid_request_error', code: 'forbidden' },
  404: { message: 'Not found.', type: 'invalid_request_error', code: 'not_found' },
  429: { message: 'Rate limit reached for requests. Please try again later.', type: 'requests', code: 'rate_limit_exceeded' },
  500: { message: 'The server had an error while processing your request.', type: 'server_error', code: 'server_error' },
  502: { message: 'Bad gateway.', type: 'server_error', code: 'bad_gateway' },
  503: { message: 'The engine is currently overloaded, please try again later.', type: 'server_error', code: 'overloaded' },
};

/** Starts the loopback cloud on an ephemeral port, with the cloud fixture model loaded. */
export async function startLoopbackCloud(options: LoopbackCloudOptions = {}): Promise<LoopbackCloud> {
  const model = options.model ?? CLOUD_MODEL_NAME;
  const engine = createLocalEngine();
  const loaded = await engine.load(CLOUD_MODEL_FILE);
  if (!loaded.ok) {
    await engine.close();
    throw new Error(`the loopback cloud's model did not load: ${loaded.error.message}`);
  }
  let fault: CloudFault = { kind: 'none' };
  let statusesLeft = Infinity;
  let chatRequests = 0;
  const chatBodies: unknown[] = [];
  const handlerFor = (answering: LocalEngine): ReturnType<typeof createOpenAICompatHandler> =>
    createOpenAICompatHandler({ engine: answering, apiKey: options.apiKey ?? null, modelId: model, strictModel: true });
  const plain = handlerFor(engine);

  const handle = async (received: IncomingMessage, res: ServerResponse): Promise<void> => {
    const isChat = received.method === 'POST' && (received.url ?? '').startsWith('/v1/chat/completions');
    const req = isChat ? await recorded(received, chatBodies) : received;
    if (isChat) chatRequests++;
    if (isChat && fault.kind === 'status' && statusesLeft > 0) {
      statusesLeft--;
      const current = fault;
      if (statusesLeft === 0) fault = { kind: 'none' };
      await drain(req);
      return sendError(res, current);
    }
    if (isChat && fault.kind === 'hang') {
      await drain(req);
      return; // the socket stays open until the client gives up or stop() closes it
    }
    if (isChat && fault.kind === 'tool-call') {
      await drain(req);
      return sendToolCall(res, model, fault.name, fault.arguments);
    }
    if (isChat && fault.kind === 'endless') {
      await drain(req);
      return sendEndless(res, model, fault.lineMs ?? 40);
    }
    if (isChat && fault.kind === 'drop-mid-stream') dropAfter(res, fault.afterChunks);
    const handler = !isChat
      ? plain
      : fault.kind === 'slow'
        ? handlerFor(slowEngine(engine, fault.delayMs))
        : fault.kind === 'large-window'
          ? handlerFor(largeWindowEngine(engine))
          : plain;
    if (!(await handler(req, res))) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: 'Unknown path.', type: 'invalid_request_error', code: 'unknown_url' } }));
    }
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let stopped: Promise<void> | null = null;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    model,
    setFault(next) {
      fault = next;
      statusesLeft = next.kind === 'status' ? (next.times ?? Infinity) : Infinity;
    },
    chatRequests: () => chatRequests,
    chatBodies: () => [...chatBodies],
    stop() {
      stopped ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections(); // hanging requests and keep-alive sockets included
        await closed;
        await engine.close();
      })();
      return stopped;
    },
  };
}

function sendError(res: ServerResponse, fault: Extract<CloudFault, { kind: 'status' }>): void {
  const text = ERROR_TEXT[fault.status] ?? { message: `HTTP ${fault.status}`, type: 'server_error', code: 'error' };
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (fault.status === 429) {
    headers['retry-after'] = String(fault.retryAfterSeconds ?? 1);
    if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
  }
  res.writeHead(fault.status, headers).end(JSON.stringify({ error: { ...text, param: null } }));
}

/** Reads a request's whole body into `bodies`, and gives the handler the same request to read again. */
async function recorded(req: IncomingMessage, bodies: unknown[]): Promise<IncomingMessage> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  try {
    bodies.push(JSON.parse(body.toString('utf8')));
  } catch {
    bodies.push(body.toString('utf8'));
  }
  const replay = Readable.from([body]);
  return Object.assign(replay, { method: req.method, url: req.url, headers: req.headers, socket: req.socket }) as unknown as IncomingMessage;
}

async function drain(req: IncomingMessage): Promise<void> {
  for await (const _chunk of req) {
    // the body is not needed; reading it lets the client finish sending
  }
}

/** Destroys the socket once `afterChunks` pieces of answer text have been flushed to it. */
function dropAfter(res: ServerResponse, afterChunks: number): void {
  const original = res.write.bind(res) as (chunk: string, callback?: (error?: Error | null) => void) => boolean;
  let pieces = 0;
  let dropped = false;
  res.write = ((chunk: string, ...rest: unknown[]): boolean => {
    if (dropped) return true;
    // Text chunks carry `"delta":{"content":…}`; the opening role chunk starts with `"role"`.
    if (typeof chunk === 'string' && chunk.includes('"delta":{"content":') && ++pieces >= afterChunks) {
      dropped = true;
      return original(chunk, () => res.socket?.destroy());
    }
    return (original as (chunk: string, ...rest: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof res.write;
}

/** The engine, with each piece of text after the first held back `delayMs` (generated first, then replayed). */
function slowEngine(engine: LocalEngine, delayMs: number): LocalEngine {
  return {
    ...delegate(engine),
    async generate(request, onToken, signal): Promise<Result<GenerateOutcome>> {
      const pieces: string[] = [];
      const result = await engine.generate(request, (text) => pieces.push(text), signal);
      if (!result.ok || result.value.stopped) return result;
      let text = '';
      for (const [index, piece] of pieces.entries()) {
        if (index > 0 && !(await wait(delayMs, signal))) return ok({ ...result.value, text, stopped: true });
        text += piece;
        onToken(piece);
      }
      return result;
    },
  };
}

/** The engine, asked only the first words of the last question: a window nothing here overflows. */
function largeWindowEngine(engine: LocalEngine): LocalEngine {
  return {
    ...delegate(engine),
    generate: (request, onToken, signal) => engine.generate({ ...request, history: [], prompt: request.prompt.slice(0, 64) }, onToken, signal),
  };
}

/** Everything of the engine but `generate`, passed straight through. */
function delegate(engine: LocalEngine): Omit<LocalEngine, 'generate'> {
  return {
    load: (modelPath) => engine.load(modelPath),
    unload: () => engine.unload(),
    status: () => engine.status(),
    onStatus: (listener) => engine.onStatus(listener),
    workerPid: () => engine.workerPid(),
    answersInLine: () => engine.answersInLine(),
    close: () => engine.close(),
  };
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** A streamed answer that calls one tool: id and name first, then the arguments in two pieces, then usage. */
function sendEndless(res: ServerResponse, model: string, lineMs: number): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  let line = 0;
  const timer = setInterval(() => {
    const content = `Line ${++line} of an answer that does not end.\n\n`;
    res.write(
      `data: ${JSON.stringify({ id: 'chatcmpl-endless', object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`,
    );
  }, lineMs);
  res.on('close', () => clearInterval(timer));
}

function sendToolCall(res: ServerResponse, model: string, name: string, args: string): void {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const chunk = (delta: object, finish: string | null, usage: object | null = null): string =>
    `data: ${JSON.stringify({ id: 'chatcmpl-tool', object: 'chat.completion.chunk', created: 0, model, choices: usage ? [] : [{ index: 0, delta, finish_reason: finish }], ...(usage ? { usage } : {}) })}\n\n`;
  const half = Math.floor(args.length / 2);
  res.write(chunk({ role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name, arguments: '' } }] }, null));
  res.write(chunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(0, half) } }] }, null));
  res.write(chunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(half) } }] }, null));
  res.write(chunk({}, 'tool_calls'));
  res.write(chunk({}, null, { prompt_tokens: 20, completion_tokens: 8, total_tokens: 28 }));
  res.end('data: [DONE]\n\n');
}
