import { z } from 'zod';

// Only the fields Duet reads from ChatGPT's conversations.json. The format is undocumented and
// grows new content types often, so content is kept loose and read defensively.

// Times are seconds since 1970 (a float), sometimes null; a few exports write ISO strings.
const Time = z.union([z.number(), z.string()]).nullable().optional();

export const ChatGptContent = z.looseObject({
  content_type: z.string(),
  parts: z.array(z.unknown()).nullable().optional(),
  text: z.string().nullable().optional(),
  language: z.string().nullable().optional(),
});
export type ChatGptContent = z.infer<typeof ChatGptContent>;

export const ChatGptMessage = z.object({
  author: z.object({ role: z.string() }),
  content: ChatGptContent,
  create_time: Time,
  /** 'all' (or absent) for what the user reads; a tool's name for a call to it. */
  recipient: z.string().nullable().optional(),
  metadata: z
    .looseObject({
      model_slug: z.string().nullable().optional(),
      is_visually_hidden_from_conversation: z.boolean().nullable().optional(),
    })
    .nullable()
    .optional(),
});
export type ChatGptMessage = z.infer<typeof ChatGptMessage>;

export const ChatGptNode = z.object({
  message: ChatGptMessage.nullable().optional(),
  parent: z.string().nullable().optional(),
  children: z.array(z.string()).nullable().optional(),
});
export type ChatGptNode = z.infer<typeof ChatGptNode>;

export const ChatGptConversation = z.object({
  title: z.string().nullable().optional(),
  create_time: Time,
  update_time: Time,
  id: z.string().min(1).optional(),
  conversation_id: z.string().min(1).optional(),
  mapping: z.record(z.string(), ChatGptNode),
  current_node: z.string().nullable().optional(),
});
export type ChatGptConversation = z.infer<typeof ChatGptConversation>;

/** A ChatGPT time (seconds, or an ISO string) in whole milliseconds; null when missing or unreadable. */
export function chatGptTime(value: number | string | null | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value * 1000) : null;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}
