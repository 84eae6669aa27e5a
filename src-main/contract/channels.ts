import { z } from 'zod';
import {
  AppInfo,
  ConversationDetail,
  ConversationSummary,
  Message,
  ModelStatus,
  Settings,
} from './entities.js';

const Id = z.string().min(1).max(100);

/**
 * Every call the renderer can make, with the schema its request must pass and the shape of its answer.
 * Both transports (Electron IPC and the HTTP bridge) are built from this one table.
 */
export const channels = {
  'app.info': { request: z.object({}).strict(), response: AppInfo },
  'conversations.list': { request: z.object({}).strict(), response: z.array(ConversationSummary) },
  'conversations.open': { request: z.object({ id: Id }).strict(), response: ConversationDetail },
  'chat.send': {
    request: z
      .object({
        conversationId: Id.nullable(),
        text: z.string().trim().min(1, 'Type a message first.').max(100_000, 'That message is too long (100,000 characters at most).'),
      })
      .strict(),
    response: z.object({ conversationId: z.string(), userMessage: Message, assistantMessage: Message }),
  },
  'chat.stop': { request: z.object({ conversationId: Id }).strict(), response: z.object({ stopped: z.boolean() }) },
  'settings.update': { request: Settings.partial().strict(), response: Settings },
  'model.load': { request: z.object({ path: z.string().min(1).max(4096) }).strict(), response: ModelStatus },
} as const;

export type Channel = keyof typeof channels;
export const channelNames = Object.keys(channels) as Channel[];
export type RequestOf<C extends Channel> = z.input<(typeof channels)[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<(typeof channels)[C]['request']>;
export type ResponseOf<C extends Channel> = z.infer<(typeof channels)[C]['response']>;

/** True when a string names a channel of the contract. */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}
