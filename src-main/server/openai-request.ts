// The OpenAI chat-completions request as Duet's local engine can answer it: validated with zod,
// then turned into the engine's history + prompt.
import { z } from 'zod';
import type { ChatTurn } from '../contract/generation.js';

const TextPart = z.object({ type: z.literal('text'), text: z.string() });
// Other part types (images, audio, files) are named so the error can say what was refused.
const OtherPart = z.object({ type: z.string() });

const Content = z.union([z.string(), z.array(z.union([TextPart, OtherPart])), z.null()]);

const ChatMessage = z.object({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: Content.optional(),
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
});
export type ChatCompletionRequest = z.infer<typeof ChatCompletionRequest>;

/** What the engine needs from a request. */
export interface EngineInput {
  history: ChatTurn[];
  prompt: string;
  maxTokens: number | undefined;
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
 * Turns the messages into history turns and a prompt. System and developer messages are left out:
 * the local engine always starts a conversation with Duet's own system prompt, and the engine has
 * no field for another one (folding them into the user's words would change what the user asked).
 */
export function toEngineInput(request: ChatCompletionRequest): { ok: true; value: EngineInput } | { ok: false; problem: RequestProblem } {
  if ((request.n ?? 1) !== 1) return problem('Only n = 1 is supported: Duet gives one answer per request.', 'n');
  const turns: ChatTurn[] = [];
  let characters = 0;
  for (const [index, message] of request.messages.entries()) {
    if (message.role === 'tool' || message.role === 'function') {
      return problem('Tool and function messages are not supported by the local model.', `messages.${index}.role`);
    }
    const text = contentText(message.content);
    if (text === null) return problem('Only text content is supported by the local model.', `messages.${index}.content`);
    characters += text.length;
    if (message.role === 'system' || message.role === 'developer') continue;
    turns.push({ role: message.role, content: text });
  }
  const last = turns.pop();
  if (!last || last.role !== 'user') return problem('The last message (besides system messages) must come from the user.', 'messages');
  return {
    ok: true,
    value: {
      history: turns,
      prompt: last.content,
      maxTokens: request.max_completion_tokens ?? request.max_tokens ?? undefined,
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
