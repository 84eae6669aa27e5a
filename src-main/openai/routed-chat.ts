// What the OpenAI-compatible endpoint asks of Duet: a port the core implements with the same routing,
// cascade and history as the chat window. The endpoint only speaks OpenAI's wire format around it.
import type { ChatTurn, GenerationOverrides, Result, RouteKind, RouteReason, ToolCall, ToolRequest } from '../contract/index.js';

/** The model ids every client can name, besides the local and cloud models' own names. */
export const DUET_MODELS = {
  /** Duet's router decides, exactly as in the chat window's Auto mode (the admin's policy applies). */
  auto: 'duet-auto',
  /** The local model, always (the policy still applies). */
  local: 'duet-local',
  /** The cloud model; a request with personal data is refused rather than sent. */
  cloud: 'duet-cloud',
} as const;

/** Which side a request asked for: the router's choice, or one side forced. */
export type RequestedSide = 'auto' | 'local' | 'cloud';

export interface RoutedChatRequest {
  side: RequestedSide;
  /** The app that asked (OpenAI's `user` field, else its User-Agent): history files it under this name. */
  client: string;
  /** Earlier turns, oldest first, without the prompt. */
  history: ChatTurn[];
  prompt: string;
  /** The client's system text (its system and developer messages, joined), sampling, length, stop texts and seed. */
  options: GenerationOverrides;
  /** The app's tools and its conversation as sent; only the cloud answers such a request. */
  tools?: ToolRequest;
}

export interface RoutedChatAnswer {
  text: string;
  /** Where it ran: planned local or cloud, escalated to the cloud, or local after the cloud failed. */
  route: RouteKind;
  reasons: RouteReason[];
  /** The model that answered, by its own name. */
  model: string;
  promptTokens: number;
  completionTokens: number;
  finish: 'stop' | 'length' | 'tool_calls';
  /** The functions the cloud chose to call; the app runs them and sends the results back. */
  toolCalls?: ToolCall[];
  /** The conversation the exchange was saved in; null when API conversations are not kept. */
  conversationId: string | null;
}

/** Where an answer is running as its first text goes out (an escalation can only happen before that). */
export interface AnswerStart {
  route: RouteKind;
  reasons: RouteReason[];
  /** The model that answers, by its own name. */
  model: string;
}

/** How a streamed answer reaches the client as it is written. */
export interface AnswerStream {
  /** Once, just before the first text: text the cascade might still replace is held back until then. */
  start(info: AnswerStart): void;
  token(text: string): void;
}

export interface RoutedChat {
  /** The model ids to list: Duet's three, then the loaded local model's and the cloud model's names. */
  models(): string[];
  /** The side a model id stands for; null for an id nobody serves. */
  sideOf(model: string): RequestedSide | null;
  /**
   * Answers one request through Duet's router, cascade and history. `stream` gets the text as it is
   * written; the result has the whole answer and where it ran. Aborting `signal` stops the answer.
   */
  complete(request: RoutedChatRequest, stream: AnswerStream, signal: AbortSignal): Promise<Result<RoutedChatAnswer>>;
}
