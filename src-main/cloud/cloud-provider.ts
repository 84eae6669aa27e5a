// The cloud model, on the official `openai` SDK: any OpenAI-compatible endpoint (OpenAI, Azure,
// OpenRouter, Groq, Together, Mistral, vLLM, Ollama, llama.cpp server). Answers stream; stop, time
// limits and retries are Duet's own, so that each behaves as a user expects and can be tested.
import { performance } from 'node:perf_hooks';
import OpenAI, { AzureOpenAI } from 'openai';
import type { ChatCompletionCreateParamsStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { fail, ok, type Result } from '../contract/index.js';
import type { ChatTurn, GenerateOutcome, GenerationOverrides, ToolCall, ToolRequest } from '../contract/generation.js';
import { classifyCloudError, type CloudFailure } from './cloud-errors.js';
import { placeholdersIn } from './presets.js';
import { DEFAULT_PRICES, estimateCost, type PriceTable, type TokenUsage } from './prices.js';

export interface CloudProviderConfig {
  /** The OpenAI-compatible base URL, e.g. https://api.openai.com/v1 (for Azure: https://RESOURCE.openai.azure.com). */
  baseUrl: string;
  /** The model id (for Azure: the deployment name). */
  model: string;
  /** Sent as a bearer token (Azure: the api-key header); null for servers that need none. Never logged. */
  apiKey: string | null;
  /**
   * Longest wait for the answer to start, and between two pieces of a streamed answer; 120 s by
   * default (reasoning models can think for a minute before their first word).
   */
  timeoutMs?: number;
  /** Further tries after a rate limit, a server error or a failed connection, before any text arrived; 2 by default. */
  maxRetries?: number;
  /** Price table for the cost estimate; DEFAULT_PRICES by default. */
  prices?: PriceTable;
  /** Waits between tries: exponential from `initialMs` up to `maxMs`, less up to 25 % jitter. */
  backoff?: {
    /** 500 ms by default. */
    initialMs?: number;
    /** 8 s by default. */
    maxMs?: number;
    /** A cloud asking to wait longer than this (60 s by default) gets no retry: the user is told at once. */
    maxRetryAfterMs?: number;
  };
  /** Azure OpenAI's deployments API: the api-version every request carries (e.g. 2024-10-21). */
  azure?: { apiVersion: string };
  /** Ask for token usage in the stream (`stream_options.include_usage`); true by default. */
  streamUsage?: boolean;
  /** The fetch the SDK uses; the global one by default (tests, proxies). */
  fetch?: typeof globalThis.fetch;
  /**
   * The body field that carries a request's longest answer. OpenAI itself deprecated `max_tokens`
   * and its reasoning models refuse it, so api.openai.com gets `max_completion_tokens`; everything
   * else gets `max_tokens` by default, the field every OpenAI-compatible server knows (Mistral,
   * for one, refuses `max_completion_tokens`, and servers that ignore unknown fields would drop the
   * limit without a word). Azure keeps `max_tokens`: the api-version Duet sends (2024-10-21) is
   * one that predates the reasoning models.
   */
  maxTokensField?: MaxTokensField;
}

/** The two names OpenAI-compatible servers use for the answer's length limit. */
export type MaxTokensField = 'max_tokens' | 'max_completion_tokens';

export interface CloudRequest {
  /** Completed earlier turns, oldest first, not including `prompt`. */
  history: ChatTurn[];
  prompt: string;
  systemPrompt?: string;
  /**
   * The request's own options, passed on as OpenAI's `temperature`, `top_p`, `max_tokens` (see
   * `maxTokensField`), `stop` and `seed`; `system` replaces `systemPrompt` ('' sends none). Absent
   * fields are not sent, so the server's defaults apply.
   */
  overrides?: GenerationOverrides;
  /** An app's tools and its whole conversation as OpenAI messages (sent in place of history and prompt). */
  tools?: ToolRequest;
}

/** A cloud answer: the local engine's outcome, plus what the cloud says it used and what that probably cost. */
export interface CloudOutcome extends GenerateOutcome {
  /** Token counts the cloud reported; null when it reported none (or the answer was stopped first). */
  usage: TokenUsage | null;
  /** Estimated cost in USD; null when usage or the model's price is unknown. */
  costUsd: number | null;
  /** How many times the request was sent again after a retryable failure. */
  retries: number;
}

export interface CloudProvider {
  readonly model: string;
  readonly baseUrl: string;
  /**
   * Streams an answer piece by piece. Aborting `signal` resolves at once with `stopped: true` and
   * the text so far. Failures resolve as errors (cloud_auth, cloud_rate_limited, …) that say what to
   * do; a failure after text was shown is never retried (the core keeps the partial text it streamed).
   */
  generate(request: CloudRequest, onToken: (text: string) => void, signal: AbortSignal): Promise<Result<CloudOutcome>>;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_BACKOFF = { initialMs: 500, maxMs: 8_000, maxRetryAfterMs: 60_000 };

/** Builds the provider; a bad configuration is reported by `generate` as cloud_not_configured. */
export function createCloudProvider(config: CloudProviderConfig): CloudProvider {
  let client: OpenAI | null = null;
  return {
    model: config.model,
    baseUrl: config.baseUrl,
    async generate(request, onToken, signal) {
      const problem = configProblem(config);
      if (problem) return fail('cloud_not_configured', problem);
      try {
        client ??= makeClient(config);
      } catch (error) {
        return fail('cloud_not_configured', `The cloud settings are incomplete: ${redact(describe(error), config.apiKey)}. Check them in Settings → Cloud.`);
      }
      return new CloudAnswer(config, client, onToken, signal).run(request);
    },
  };
}

type Attempt = { kind: 'done'; usage: TokenUsage | null } | { kind: 'stopped' } | { kind: 'failed'; failure: CloudFailure };

/** One answer: its tries, its progress, and the one result it resolves with. */
class CloudAnswer {
  private readonly startedAt = performance.now();
  private text = '';
  private pieces = 0;
  private firstAt: number | null = null;
  private lastAt = 0;
  private retries = 0;
  private serverModel: string | null = null;
  /** Tool calls as they stream in, by index: id and name come first, the arguments in pieces. */
  private readonly toolCalls: ToolCall[] = [];
  private settled = false;
  private readonly timeoutMs: number;
  private readonly host: string;

  constructor(
    private readonly config: CloudProviderConfig,
    private readonly client: OpenAI,
    private readonly onToken: (text: string) => void,
    private readonly signal: AbortSignal,
  ) {
    this.timeoutMs = timeoutOf(config);
    this.host = new URL(config.baseUrl).host;
  }

  run(request: CloudRequest): Promise<Result<CloudOutcome>> {
    return new Promise((resolve) => {
      const settle = (result: Result<CloudOutcome>): void => {
        if (this.settled) return;
        this.settled = true;
        this.signal.removeEventListener('abort', onAbort);
        resolve(result);
      };
      // Stop takes effect for the caller at once; the request is torn down behind it.
      const onAbort = (): void => settle(ok(this.outcome(true, null)));
      if (this.signal.aborted) return onAbort();
      this.signal.addEventListener('abort', onAbort, { once: true });
      const options = { ...optionsFor(request.overrides ?? {}, maxTokensFieldOf(this.config)), ...toolOptions(request.tools) };
      this.tries(messagesFor(request), options).then(settle, (error: unknown) =>
        settle(fail('internal', `Duet failed while talking to the cloud: ${redact(describe(error), this.config.apiKey)}. Send the question again.`)),
      );
    });
  }

  private async tries(messages: ChatCompletionMessageParam[], options: RequestOptions): Promise<Result<CloudOutcome>> {
    const maxRetries = Math.max(0, this.config.maxRetries ?? DEFAULT_MAX_RETRIES);
    const backoff = { ...DEFAULT_BACKOFF, ...this.config.backoff };
    for (let attempt = 0; ; attempt++) {
      const result = await this.attempt(messages, options);
      if (result.kind === 'stopped' || this.signal.aborted) return ok(this.outcome(true, null));
      if (result.kind === 'done') return ok(this.outcome(false, result.usage));
      const { failure } = result;
      // Text already shown is never taken back, so a broken answer is not tried again.
      if (this.text !== '') return fail(failure.code, this.brokenOffMessage(failure));
      const tries = attempt + 1;
      if (!failure.retryable || attempt >= maxRetries) return fail(failure.code, this.failureMessage(failure, tries));
      const wait = failure.retryAfterMs ?? backoffMs(attempt, backoff.initialMs, backoff.maxMs);
      if (wait > backoff.maxRetryAfterMs) return fail(failure.code, this.failureMessage(failure, tries, wait));
      if (!(await sleep(wait, this.signal))) return ok(this.outcome(true, null));
      this.retries++;
    }
  }

  /** One request and its stream. The timer covers the wait for the first byte and every gap after it. */
  private async attempt(messages: ChatCompletionMessageParam[], options: RequestOptions): Promise<Attempt> {
    const controller = new AbortController();
    const forward = (): void => controller.abort();
    this.signal.addEventListener('abort', forward, { once: true });
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, this.timeoutMs);
    };
    const timeoutFailure: Attempt = {
      kind: 'failed',
      failure: { code: 'cloud_timeout', retryable: false, retryAfterMs: null, status: null, detail: 'no answer in time' },
    };
    let usage: TokenUsage | null = null;
    try {
      arm();
      const stream = await this.client.chat.completions.create(
        {
          model: this.config.model,
          messages,
          ...options,
          stream: true,
          ...(this.config.streamUsage === false ? {} : { stream_options: { include_usage: true } }),
        },
        // The SDK's own timer is only a backstop behind ours; its retries are off (ours run instead).
        { signal: controller.signal, maxRetries: 0, timeout: this.timeoutMs + 1000 },
      );
      for await (const chunk of stream) {
        arm();
        if (chunk.model) this.serverModel = chunk.model;
        if (chunk.usage) usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
        const delta = chunk.choices?.[0]?.delta;
        if (delta?.content) this.emit(delta.content);
        for (const call of delta?.tool_calls ?? []) this.takeToolCall(call);
      }
      // An aborted stream ends quietly in the SDK: tell why it ended.
      if (timedOut) return timeoutFailure;
      if (this.signal.aborted) return { kind: 'stopped' };
      return { kind: 'done', usage };
    } catch (error) {
      if (timedOut) return timeoutFailure;
      if (this.signal.aborted) return { kind: 'stopped' };
      return { kind: 'failed', failure: classifyCloudError(error) };
    } finally {
      clearTimeout(timer);
      this.signal.removeEventListener('abort', forward);
    }
  }

  /** Puts a streamed piece of a tool call in its place (OpenAI sends id and name once, then the arguments in pieces). */
  private takeToolCall(piece: { index: number; id?: string; function?: { name?: string; arguments?: string } }): void {
    const call = (this.toolCalls[piece.index] ??= { id: '', name: '', arguments: '' });
    if (piece.id) call.id = piece.id;
    if (piece.function?.name) call.name += piece.function.name;
    if (piece.function?.arguments) call.arguments += piece.function.arguments;
    const now = performance.now();
    this.firstAt ??= now;
    this.lastAt = now;
  }

  private emit(piece: string): void {
    if (this.settled) return;
    const now = performance.now();
    this.firstAt ??= now;
    this.lastAt = now;
    this.pieces++;
    this.text += piece;
    try {
      this.onToken(piece);
    } catch {
      // The caller's listener failing must not end the answer.
    }
  }

  private outcome(stopped: boolean, usage: TokenUsage | null): CloudOutcome {
    const model = this.serverModel ?? this.config.model;
    const tokens = usage?.completionTokens ?? this.pieces;
    const seconds = this.firstAt === null ? 0 : (this.lastAt - this.firstAt) / 1000;
    const prices = this.config.prices ?? DEFAULT_PRICES;
    const costUsd = usage ? (estimateCost(this.config.model, usage, prices) ?? estimateCost(model, usage, prices)) : null;
    return {
      text: this.text,
      stopped,
      stats: {
        model,
        ttftMs: this.firstAt === null ? null : this.firstAt - this.startedAt,
        tokens,
        tokensPerSecond: tokens > 1 && seconds > 0 ? (tokens - 1) / seconds : null,
      },
      usage,
      costUsd,
      retries: this.retries,
      ...(this.toolCalls.length > 0 ? { toolCalls: this.toolCalls.filter((call) => call.name !== '') } : {}),
    };
  }

  private failureMessage(failure: CloudFailure, tries: number, askedWaitMs?: number): string {
    const where = `the cloud at ${this.host}`;
    const after = tries > 1 ? `, tried ${tries} times` : '';
    const detail = redact(failure.detail, this.config.apiKey);
    switch (failure.code) {
      case 'cloud_auth':
        return `The cloud rejected the API key (${detail}). Check the key for ${this.host} in Settings → Cloud, and that it may use the model "${this.config.model}".`;
      case 'cloud_rate_limited':
        if (askedWaitMs !== undefined)
          return `${cap(where)} is rate-limiting Duet and asks to wait ${Math.ceil(askedWaitMs / 1000)} s. Send again later, or answer locally.`;
        if (!failure.retryable) return `${cap(where)} refused for lack of credit or quota (${detail}). Check your plan and billing with the provider.`;
        return `${cap(where)} is rate-limiting Duet (${detail}${after}). Wait a minute and send again, or answer locally.`;
      case 'cloud_server_error':
        return `${cap(where)} had a server error (${detail}${after}). Try again later, or answer locally.`;
      case 'cloud_timeout':
        return `${cap(where)} did not answer within ${seconds(this.timeoutMs)}${after}. Try again, or raise the cloud timeout in Settings.`;
      case 'cloud_unreachable':
        return `Duet could not reach ${where} (${detail}${after}). Check your network connection and the cloud address in Settings.`;
      case 'cloud_bad_request':
        return `${cap(where)} refused the request (${detail}). Check the model name ("${this.config.model}") and the address in Settings → Cloud.`;
      case 'cloud_not_configured':
        return `The cloud is not set up (${detail}). Choose a provider in Settings → Cloud.`;
    }
  }

  private brokenOffMessage(failure: CloudFailure): string {
    const cause = failure.code === 'cloud_timeout' ? `it sent nothing for ${seconds(this.timeoutMs)}` : redact(failure.detail, this.config.apiKey);
    return `The answer from the cloud at ${this.host} broke off after ${this.text.length} characters (${cause}). The partial answer is kept; send again for a whole one.`;
  }
}

/** The conversation in OpenAI's form: the system prompt (the request's own first), the earlier turns, the new question. */
function messagesFor(request: CloudRequest): ChatCompletionMessageParam[] {
  // An app that uses tools sends the conversation as it holds it (tool results included): passed on as is.
  if (request.tools) return request.tools.messages as ChatCompletionMessageParam[];
  const messages: ChatCompletionMessageParam[] = [];
  const system = request.overrides?.system ?? request.systemPrompt;
  if (system) messages.push({ role: 'system', content: system });
  for (const turn of request.history) messages.push({ role: turn.role, content: turn.content });
  messages.push({ role: 'user', content: request.prompt });
  return messages;
}

/** The sampling, length and tool fields of a request body. */
type RequestOptions = Pick<
  ChatCompletionCreateParamsStreaming,
  'temperature' | 'top_p' | 'max_tokens' | 'max_completion_tokens' | 'stop' | 'seed' | 'tools' | 'tool_choice'
>;

/** An app's tools and tool choice as body fields, as it sent them. */
function toolOptions(tools: ToolRequest | undefined): Pick<RequestOptions, 'tools' | 'tool_choice'> {
  if (!tools) return {};
  return {
    tools: tools.tools as ChatCompletionCreateParamsStreaming['tools'],
    ...(tools.toolChoice === undefined ? {} : { tool_choice: tools.toolChoice as ChatCompletionCreateParamsStreaming['tool_choice'] }),
  };
}

/** A request's own options as OpenAI body fields; only those it set, so the server's defaults apply to the rest. */
export function optionsFor(overrides: GenerationOverrides, maxTokensField: MaxTokensField): Omit<RequestOptions, 'tools' | 'tool_choice'> {
  return {
    ...(overrides.temperature === undefined ? {} : { temperature: overrides.temperature }),
    ...(overrides.topP === undefined ? {} : { top_p: overrides.topP }),
    ...(overrides.maxTokens === undefined ? {} : { [maxTokensField]: overrides.maxTokens }),
    ...(overrides.stop === undefined || overrides.stop.length === 0 ? {} : { stop: overrides.stop }),
    ...(overrides.seed === undefined ? {} : { seed: overrides.seed }),
  };
}

/** Which length field this cloud gets (see `CloudProviderConfig.maxTokensField`). */
export function maxTokensFieldOf(config: Pick<CloudProviderConfig, 'baseUrl' | 'maxTokensField' | 'azure'>): MaxTokensField {
  if (config.maxTokensField) return config.maxTokensField;
  if (config.azure) return 'max_tokens';
  try {
    return new URL(config.baseUrl).hostname === 'api.openai.com' ? 'max_completion_tokens' : 'max_tokens';
  } catch {
    return 'max_tokens';
  }
}

/** Why the configuration cannot work, or null. */
function configProblem(config: CloudProviderConfig): string | null {
  const placeholders = placeholdersIn(config.baseUrl);
  if (placeholders.length > 0) return `Replace ${placeholders.map((p) => `{${p}}`).join(', ')} in the cloud address (${config.baseUrl}) in Settings → Cloud.`;
  let url: URL;
  try {
    url = new URL(config.baseUrl);
  } catch {
    return `The cloud address "${config.baseUrl}" is not a web address. Enter one such as https://api.openai.com/v1 in Settings → Cloud.`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `The cloud address must start with https:// (or http:// for a server on your network). Fix it in Settings → Cloud.`;
  if (!config.model.trim()) return 'No cloud model is chosen. Enter a model name in Settings → Cloud.';
  if (config.azure && !config.apiKey) return 'Azure OpenAI needs an API key. Enter it in Settings → Cloud.';
  return null;
}

/**
 * The SDK client. Everything is passed explicitly, so OPENAI_* environment variables meant for other
 * tools do not leak in; the SDK's logging is off (it could print request details).
 */
function makeClient(config: CloudProviderConfig): OpenAI {
  const common = {
    maxRetries: 0,
    timeout: timeoutOf(config) + 1000,
    logLevel: 'off' as const,
    organization: null,
    project: null,
    ...(config.fetch ? { fetch: config.fetch } : {}),
  };
  if (config.azure) {
    // The SDK adds /deployments/{model}/… and the api-version query, and sends the key as api-key.
    const url = new URL(config.baseUrl);
    const baseURL = url.pathname.replace(/\/+$/, '') === '' ? `${url.origin}/openai` : config.baseUrl.replace(/\/+$/, '');
    return new AzureOpenAI({ ...common, baseURL, apiKey: config.apiKey ?? '', apiVersion: config.azure.apiVersion });
  }
  // The SDK insists on a key; a server that needs none gets no Authorization header at all.
  return new OpenAI({
    ...common,
    baseURL: config.baseUrl,
    apiKey: config.apiKey ?? 'unused',
    ...(config.apiKey === null ? { defaultHeaders: { Authorization: null } } : {}),
  });
}

/** The time limit in whole milliseconds (the SDK refuses fractions), at least 1. */
function timeoutOf(config: CloudProviderConfig): number {
  const ms = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return Number.isFinite(ms) ? Math.max(1, Math.ceil(ms)) : DEFAULT_TIMEOUT_MS;
}

/** Exponential backoff with up to 25 % jitter: initial, 2×, 4×, … capped at `maxMs`. */
function backoffMs(attempt: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** attempt) * (1 - Math.random() * 0.25);
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Removes the API key from text that may reach a user or a log. */
function redact(text: string, apiKey: string | null): string {
  return apiKey && apiKey.length >= 4 ? text.split(apiKey).join('[API key]') : text;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
