// The core's side of the OpenAI-compatible endpoint: each request becomes a question in a conversation
// filed under the app that asked, answered by ChatService exactly as the chat window's questions are
// (mode, policy, offline, privacy over every message, context, difficulty, the confidence cascade and
// the cloud fallback), and saved in history so it is searchable and counted in the savings.
import type { Message, ModelStatus, Result, ToolCall } from '../contract/index.js';
import { DEFAULT_MODEL_SETTINGS } from '../contract/index.js';
import type { History } from '../history/history-types.js';
import {
  DUET_MODELS,
  type AnswerStart,
  type AnswerStream,
  type RequestedSide,
  type RoutedChat,
  type RoutedChatAnswer,
  type RoutedChatRequest,
} from '../openai/routed-chat.js';
import { estimateTokens } from '../router/context-fit.js';
import { CONFIDENCE_CHECK, type AnswerObserver, type ChatService } from './chat-service.js';
import { toEnvelopeError } from './core-error.js';

/**
 * How many answers may wait for the local model (one is generated at a time, in the order asked) before
 * another app's request is turned away with 429 and Retry-After instead of waiting minutes for its turn.
 */
export const MAX_LOCAL_LINE = 64;

export interface ClientChatDependencies {
  chat: ChatService;
  history: History;
  localStatus(): ModelStatus;
  /** Answers asked of the local model and not finished yet (the engine's line). */
  localLine(): number;
  /** The line's bound; MAX_LOCAL_LINE by default. */
  maxLocalLine?: number;
  /** The configured cloud model's name; null when none is set up. */
  cloudModel(): string | null;
  /** The model settings of a local model file (its answer length, for `finish_reason`). */
  maxTokensOf(modelPath: string): number;
  /** Whether apps' exchanges stay in history (Settings.api.keepConversations). */
  keepConversations(): boolean;
  /** Deletes an exchange once answered when they are not kept; its figures stay for the savings. */
  forget(conversationId: string): void;
}

/** Builds the RoutedChat the endpoint serves. */
export function createClientChat(deps: ClientChatDependencies): RoutedChat {
  const localName = (): string | null => deps.localStatus().name;
  return {
    models() {
      const own = [localName(), deps.cloudModel()].filter((name): name is string => name !== null);
      return [DUET_MODELS.auto, DUET_MODELS.local, DUET_MODELS.cloud, ...new Set(own)];
    },
    sideOf(model) {
      if (model === DUET_MODELS.auto) return 'auto';
      if (model === DUET_MODELS.local || model === localName()) return 'local';
      if (model === DUET_MODELS.cloud || model === deps.cloudModel()) return 'cloud';
      return null;
    },
    complete: (request, stream, signal) => complete(deps, request, stream, signal),
  };
}

async function complete(deps: ClientChatDependencies, request: RoutedChatRequest, stream: AnswerStream, signal: AbortSignal): Promise<Result<RoutedChatAnswer>> {
  const held = new HeldStream(stream);
  // The cloud answers in parallel; anything that may run here joins the local model's line, which is bounded.
  if (request.side !== 'cloud' && deps.localLine() >= (deps.maxLocalLine ?? MAX_LOCAL_LINE)) {
    return {
      ok: false,
      error: { code: 'busy', message: `Duet's local model has ${deps.localLine()} answers waiting already. Try again in a moment, or ask duet-cloud.` },
    };
  }
  try {
    // A follow-up sends the whole conversation again: it continues the conversation it extends, unless
    // that one is busy answering another request of the same app.
    // Exchanges that are not kept never continue (and so never delete) a conversation that was kept.
    const found = deps.keepConversations() ? deps.history.findClientConversation(request.client, request.history) : null;
    const continued = found && !deps.chat.isAnswering(found.id) ? found.id : null;
    const asked = deps.chat.ask(continued, request.prompt, {
      ...modeFor(request.side),
      overrides: request.options,
      observer: held,
      ...(request.tools ? { tools: request.tools } : {}),
      ...(continued ? {} : { newConversation: { client: request.client, earlier: request.history } }),
    });
    const stop = (): boolean => deps.chat.stop(asked.conversationId);
    signal.addEventListener('abort', stop, { once: true });
    const answer = await asked.done.finally(() => signal.removeEventListener('abort', stop));
    if (!deps.keepConversations() && (answer.status === 'error' || answer.status === 'interrupted' || held.broken)) deps.forget(answer.conversationId);
    if (answer.status === 'error' || answer.status === 'interrupted') {
      return { ok: false, error: answer.error ?? { code: 'internal', message: 'The answer could not be finished.' } };
    }
    if (held.broken) {
      return {
        ok: false,
        error: {
          code: 'cloud_server_error',
          message: `The cloud failed in the middle of its answer and Duet answered locally instead; the whole answer is in Duet's history (conversation ${answer.conversationId}).`,
        },
      };
    }
    held.finish();
    const value = answerOf(deps, request, answer, held.calls ? { calls: held.calls, text: held.text } : null);
    if (deps.keepConversations()) return { ok: true, value };
    deps.forget(answer.conversationId);
    return { ok: true, value: { ...value, conversationId: null } };
  } catch (error) {
    return { ok: false, error: toEnvelopeError(error) };
  }
}

function modeFor(side: RequestedSide): { mode?: 'local'; cloudOnly?: true } {
  if (side === 'local') return { mode: 'local' };
  if (side === 'cloud') return { cloudOnly: true };
  // duet-auto routes as the chat window does: with the user's global mode, under the admin's policy.
  return {};
}

function answerOf(deps: ClientChatDependencies, request: RoutedChatRequest, answer: Message, tools: { calls: ToolCall[]; text: string } | null): RoutedChatAnswer {
  const provenance = answer.provenance;
  const completionTokens = provenance?.tokens ?? estimateTokens(answer.content);
  const localPath = deps.localStatus().path;
  const limit = request.options.maxTokens ?? (provenance?.target === 'local' && localPath ? deps.maxTokensOf(localPath) : DEFAULT_MODEL_SETTINGS.maxTokens);
  const promptText = [request.options.system ?? '', ...request.history.map((turn) => turn.content), request.prompt].join('\n');
  // History shows the calls in the text; the app gets the model's own words and the calls apart.
  if (tools) return { ...answerOf(deps, request, answer, null), text: tools.text, finish: 'tool_calls', toolCalls: tools.calls };
  return {
    text: answer.content,
    route: provenance?.route ?? 'local',
    reasons: provenance?.reasons ?? [],
    model: provenance?.model ?? '',
    promptTokens: provenance?.promptTokens ?? estimateTokens(promptText),
    completionTokens,
    finish: answer.status === 'complete' && completionTokens >= limit ? 'length' : 'stop',
    conversationId: answer.conversationId,
  };
}

/**
 * Holds back the first tokens of a local answer the cascade may still hand to the cloud: a client
 * cannot take back text it was sent. Once the confidence window has passed (or for an answer nobody
 * judges), tokens go out as they come. A later restart (the cloud failing mid-answer, then a local
 * fallback) cannot be hidden any more: it marks the stream broken.
 */
class HeldStream implements AnswerObserver {
  broken = false;
  /** The functions the cloud chose to call, once the answer has ended. */
  calls: ToolCall[] | null = null;
  /** The text of the attempt that answered (an escalation starts it again). */
  text = '';
  #started = false;
  #judged = false;
  #held: string[] = [];
  #current: AnswerStart | null = null;

  constructor(private readonly stream: AnswerStream) {}

  attempt(info: AnswerStart & { judged: boolean }): void {
    if (this.#started) {
      this.broken = true;
      return;
    }
    this.#current = { route: info.route, reasons: info.reasons, model: info.model };
    this.#judged = info.judged;
    this.#held = [];
    this.text = '';
  }

  token(text: string): void {
    if (this.broken) return;
    this.text += text;
    if (this.#started) return this.stream.token(text);
    this.#held.push(text);
    if (!this.#judged || this.#held.length > CONFIDENCE_CHECK.windowTokens) this.#flush();
  }

  toolCalls(calls: ToolCall[]): void {
    this.calls = calls;
  }

  /** The answer ended confident inside the window: what was held goes out now. */
  finish(): void {
    if (!this.#started && this.#held.length > 0) this.#flush();
  }

  #flush(): void {
    if (this.#current) this.stream.start(this.#current);
    this.#started = true;
    for (const text of this.#held) this.stream.token(text);
    this.#held = [];
  }
}
