// What an answer source (the local engine or the cloud) is given and gives back: the core asks
// both the same way. Types only, so the renderer bundle may import them too.

/** One earlier turn of a conversation, as the engine needs it to rebuild chat state. */
export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

/**
 * One request's own generation options (an OpenAI-compatible client's), over the answering side's
 * defaults. Every field is optional: an absent one is what the answer uses without it (locally the
 * model's settings, in the cloud the server's own default). The engine validates them (`invalid_request`).
 */
export interface GenerationOverrides {
  /**
   * Replaces the system prompt for this answer; '' means none. OpenAI requests may carry several
   * system (or developer) messages: the caller joins their texts, in order, with a blank line.
   */
  system?: string;
  /** Sampling temperature, 0 to 2; 0 decodes greedily. */
  temperature?: number;
  /** Nucleus sampling, 0 to 1; 1 is off. */
  topP?: number;
  /** Longest answer in tokens, a positive integer (wins over a request's own `maxTokens`). */
  maxTokens?: number;
  /** Non-empty texts that end the answer where one appears; as in OpenAI, the text itself is not part of the answer. */
  stop?: string[];
  /** Any safe integer: the same seed, options and question give the same answer (llama.cpp takes it modulo 2^32 - 1). */
  seed?: number;
}

/**
 * An app's request to call its tools (OpenAI function calling), passed to the cloud as the app sent it.
 * Only the cloud answers these: the local model has no function calling in Duet yet.
 */
export interface ToolRequest {
  /** The app's `tools` array, as sent. */
  tools: unknown[];
  /** The app's `tool_choice`, as sent; absent leaves the cloud's default. */
  toolChoice?: unknown;
  /**
   * The whole conversation as OpenAI messages (tool results and earlier tool calls included), sent in
   * place of the text turns; the system message is sent as the app wrote it.
   */
  messages: unknown[];
}

/** A function the model chose to call: the app runs it and sends the result back in a `tool` message. */
export interface ToolCall {
  id: string;
  name: string;
  /** The arguments as the model wrote them: JSON text, which the app parses. */
  arguments: string;
}

/** Figures recorded with every local answer. */
export interface GenerationStats {
  model: string;
  ttftMs: number | null;
  tokens: number;
  tokensPerSecond: number | null;
  /**
   * With a confidence check only: the mean probability of the chosen tokens the check measured (the
   * first `windowTokens`, fewer when the answer was shorter or found unsure early); null when none.
   */
  meanConfidence?: number | null;
}

export interface GenerateOutcome {
  text: string;
  /** True when the answer ended because the caller aborted it. */
  stopped: boolean;
  stats: GenerationStats;
  /**
   * Set when a confidence check found the model unsure: generation stopped as soon as the window's
   * mean could no longer reach the threshold, and `text` is what was said until then (not `stopped`).
   * `confidence` is the mean over the tokens measured. A short answer that ended inside the window is
   * judged on the tokens it has, and is unsure with its whole text.
   */
  unsure?: { confidence: number };
  /** The functions the model chose to call instead of (or besides) answering; only with a ToolRequest. */
  toolCalls?: ToolCall[];
}
