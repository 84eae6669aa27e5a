// The OpenAI chat-completions request as Duet can answer it: validated with zod, then turned into
// history, prompt, system text and the sampling options both sides honour.
import { z } from 'zod';
import type { ChatTurn, GenerationOverrides, ToolRequest } from '../contract/generation.js';

const TextPart = z.object({ type: z.literal('text'), text: z.string() });
// Other part types (images, audio, files) are named so the error can say what was refused.
const OtherPart = z.object({ type: z.string() });

const Content = z.union([z.string(), z.array(z.union([TextPart, OtherPart])), z.null()]);

// Loose: an app's tool calls and tool results (tool_calls, tool_call_id, name) pass on to the cloud as sent.
const ChatMessage = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: Content.optional(),
  tool_calls: z.array(z.unknown()).optional(),
  tool_call_id: z.string().optional(),
});

/** The fields of a chat-completions request that Duet reads; unknown fields are accepted and ignored. */
export const ChatCompletionRequest = z.object({
  model: z.string().min(1),
  messages: z.array(ChatMessage).min(1),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().nullish() }).nullish(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  n: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  stop: z.union([z.string(), z.array(z.string()).max(4)]).nullish(),
  seed: z.number().int().nullish(),
  /** OpenAI's end-user id; Duet files the conversation under it (else under the User-Agent). */
  user: z.string().max(200).nullish(),
  tools: z.array(z.unknown()).nullish(),
  tool_choice: z.unknown().optional(),
});
export type ChatCompletionRequest = z.infer<typeof ChatCompletionRequest>;

/** What an answer needs from a request. */
export interface EngineInput {
  history: ChatTurn[];
  prompt: string;
  /** The client's options; `system` holds its system and developer messages, joined by blank lines. */
  options: GenerationOverrides;
  maxTokens: number | undefined;
  /** An app's tools with its whole conversation, for the cloud; absent when the request uses none. */
  tools?: ToolRequest;
  /** A rough count of prompt tokens (4 characters a token): the engine does not report its own. */
  promptTokensEstimate: number;
}

/** A request the engine cannot answer, with the request field to blame (OpenAI's `param`). */
export interface RequestProblem {
  message: string;
  param: string | null;
}

/** Validates a parsed JSON body; the first problem found is the one reported. */
export function parseChatRequest(body: unknown): { ok: true; value: ChatCompletionRequest } | { ok: false; problem: RequestProblem } {
  const parsed = ChatCompletionRequest.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const param = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : null;
  const message = issue ? `${param ?? 'body'}: ${issue.message}` : 'The request body is not a valid chat completion request.';
  return { ok: false, problem: { message: `Invalid request: ${message}`, param } };
}

/**
 * Turns the messages into history turns, a prompt and the system text. System and developer messages
 * may come anywhere (OpenAI allows it); they are joined in order and given to the side that answers as
 * its system prompt, in place of Duet's own.
 */
export function toEngineInput(request: ChatCompletionRequest): { ok: true; value: EngineInput } | { ok: false; problem: RequestProblem } {
  if ((request.n ?? 1) !== 1) return problem('Only n = 1 is supported: Duet gives one answer per request.', 'n');
  const usesTools = (request.tools?.length ?? 0) > 0 || request.messages.some((m) => m.role === 'tool' || m.role === 'function' || (m.tool_calls?.length ?? 0) > 0);
  const turns: ChatTurn[] = [];
  const system: string[] = [];
  let characters = 0;
  for (const [index, message] of request.messages.entries()) {
    const text = contentText(message.content);
    if (text === null) return problem('Only text content is supported by Duet.', `messages.${index}.content`);
    characters += text.length;
    if (message.role === 'system' || message.role === 'developer') {
      if (text.trim() !== '') system.push(text);
      continue;
    }
    // A tool result is what the app says back: history keeps it as the app's turn.
    if (message.role === 'tool' || message.role === 'function') turns.push({ role: 'user', content: `Result of ${message.tool_call_id ?? 'a tool'}: ${text}` });
    else if (text !== '' || message.role === 'user') turns.push({ role: message.role, content: text });
  }
  const last = turns.pop();
  const lastMessage = request.messages.findLast((m) => m.role !== 'system' && m.role !== 'developer');
  const answerable = last?.role === 'user' && (lastMessage?.role === 'user' || (usesTools && (lastMessage?.role === 'tool' || lastMessage?.role === 'function')));
  if (!last || !answerable) return problem('The last message (besides system messages) must come from the user, or be a tool result.', 'messages');
  const maxTokens = request.max_completion_tokens ?? request.max_tokens ?? undefined;
  const stop = typeof request.stop === 'string' ? [request.stop] : (request.stop ?? undefined);
  const options: GenerationOverrides = {
    ...(system.length > 0 ? { system: system.join('\n\n') } : {}),
    ...(request.temperature != null ? { temperature: request.temperature } : {}),
    ...(request.top_p != null ? { topP: request.top_p } : {}),
    ...(maxTokens !== undefined ? { maxTokens } : {}),
    ...(stop && stop.length > 0 ? { stop } : {}),
    ...(request.seed != null ? { seed: request.seed } : {}),
  };
  return {
    ok: true,
    value: {
      history: turns,
      prompt: last.content,
      options,
      maxTokens,
      ...(usesTools
        ? { tools: { tools: request.tools ?? [], ...(request.tool_choice === undefined ? {} : { toolChoice: request.tool_choice }), messages: request.messages } }
        : {}),
      promptTokensEstimate: Math.ceil(characters / 4) + 4 * request.messages.length,
    },
  };
}

/** A message's text: a string, text parts joined by newlines, '' for null; null when it has non-text parts. */
function contentText(content: z.infer<typeof Content> | undefined): string | null {
  if (content === undefined || content === null) return '';
  if (typeof content === 'string') return content;
  const texts: string[] = [];
  for (const part of content) {
    if (part.type !== 'text' || !('text' in part)) return null;
    texts.push(part.text);
  }
  return texts.join('\n');
}

function problem(message: string, param: string | null): { ok: false; problem: RequestProblem } {
  return { ok: false, problem: { message, param } };
}
