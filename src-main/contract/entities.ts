import { z } from 'zod';
import { DuetError } from './envelope.js';

export const Target = z.enum(['local', 'cloud']);
export type Target = z.infer<typeof Target>;

/** Where an answer ran and how fast: stored with every assistant message, shown by "Show routing". */
export const Provenance = z.object({
  target: Target,
  reasons: z.array(z.string()),
  model: z.string(),
  ttftMs: z.number().nullable(),
  tokens: z.number().int(),
  tokensPerSecond: z.number().nullable(),
});
export type Provenance = z.infer<typeof Provenance>;

export const MessageStatus = z.enum(['streaming', 'complete', 'stopped', 'error', 'interrupted']);
export type MessageStatus = z.infer<typeof MessageStatus>;

export const Message = z.object({
  id: z.string(),
  conversationId: z.string(),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  status: MessageStatus,
  createdAt: z.number(),
  provenance: Provenance.nullable(),
  error: DuetError.nullable(),
});
export type Message = z.infer<typeof Message>;

export const ConversationSummary = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  messageCount: z.number().int(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const ConversationDetail = z.object({
  conversation: ConversationSummary,
  messages: z.array(Message),
});
export type ConversationDetail = z.infer<typeof ConversationDetail>;

export const ModelState = z.enum(['none', 'loading', 'ready', 'error']);
export const ModelStatus = z.object({
  state: ModelState,
  path: z.string().nullable(),
  name: z.string().nullable(),
  /** Layers offloaded to the GPU, or 0 on CPU; null until loaded. */
  gpuLayers: z.number().int().nullable(),
  gpu: z.string().nullable(),
  error: DuetError.nullable(),
});
export type ModelStatus = z.infer<typeof ModelStatus>;

export const Settings = z.object({
  showRouting: z.boolean(),
  modelPath: z.string().nullable(),
});
export type Settings = z.infer<typeof Settings>;

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  model: ModelStatus,
  settings: Settings,
});
export type AppInfo = z.infer<typeof AppInfo>;
