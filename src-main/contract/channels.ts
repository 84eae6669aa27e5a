import { z } from 'zod';
import { ApiServerInfo } from './endpoint.js';
import { AppInfo, CloudInfo, RouteMode, ConversationDetail, ConversationSummary, Message, ModelStatus, Settings } from './entities.js';
import { hasNoKeyInUrl, URL_KEY_REFUSED } from './cloud-url.js';
import { ModelSettings, ModelSettingsInfo } from './model-settings.js';
import { modelChannels } from './models.js';
import { foundModelChannels } from './models-found.js';
import { DistillationExport, ExportFormat, ExportedFile, ImportSummary, Savings, SearchRequest, SearchResult } from './history-entities.js';

const Id = z.string().min(1).max(100);
/** The largest history file "Import" reads (a ChatGPT export of years of chats is tens of MiB). */
export const IMPORT_MAX_CHARS = 64 * 1024 * 1024;
/** The largest history file "Import" reads from disk or takes as an upload, in bytes (it is read as a stream). */
export const IMPORT_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Every call the renderer can make, with the schema its request must pass and the shape of its answer.
 * Both transports (Electron IPC and the HTTP bridge) are built from this one table.
 */
export const channels = {
  'app.info': { request: z.object({}).strict(), response: AppInfo },
  /**
   * The sidebar's list, pinned first, then the most recently updated: `{}` is every conversation; with
   * `limit`, one page, and `after` (the last entry of the page before) the next one.
   */
  'conversations.list': {
    request: z
      .object({
        limit: z.number().int().min(1).max(1000).optional(),
        after: z.object({ pinned: z.boolean(), updatedAt: z.number().int(), id: Id }).strict().optional(),
      })
      .strict(),
    response: z.array(ConversationSummary),
  },
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
  /** Makes a new key for the OpenAI-compatible endpoint; apps with the old one are refused from then on. */
  'api.renewKey': { request: z.object({}).strict(), response: ApiServerInfo },
  /** Forgets what the user's overrides taught the router. */
  'settings.resetLearning': { request: z.object({}).strict(), response: z.object({ learnedNudge: z.number() }) },
  'conversations.setMode': {
    request: z.object({ id: Id, mode: RouteMode.nullable() }).strict(),
    response: ConversationSummary,
  },
  /** Re-runs an answer on the other side (local ↔ cloud); the new answer follows the old one. */
  'chat.askOther': { request: z.object({ messageId: Id }).strict(), response: z.object({ assistantMessage: Message }) },
  /** Sets up the cloud endpoint; apiKey null removes the key, absent keeps it. */
  'cloud.configure': {
    request: z
      .object({
        presetId: z.string().max(100),
        baseUrl: z
          .url({ protocol: /^https?$/, error: 'Enter the endpoint as an http(s) URL.' })
          .max(2000)
          .refine(hasNoKeyInUrl, { error: URL_KEY_REFUSED }),
        model: z.string().trim().min(1, 'Enter a model name.').max(200),
        apiKey: z.string().trim().max(4096).nullable().optional(),
      })
      .strict(),
    response: CloudInfo,
  },
  'conversations.rename': {
    request: z.object({ id: Id, title: z.string().trim().min(1, 'Give the conversation a name.').max(200, 'That name is too long (200 characters at most).') }).strict(),
    response: ConversationSummary,
  },
  'conversations.pin': { request: z.object({ id: Id, pinned: z.boolean() }).strict(), response: ConversationSummary },
  /** Deletes for real: the messages, their search entries and the freed pages are overwritten. */
  'conversations.delete': { request: z.object({ id: Id }).strict(), response: z.object({ deleted: z.boolean() }) },
  'history.search': { request: SearchRequest, response: SearchResult },
  /** One conversation (conversationId) or all of them (null), with full provenance. */
  'history.export': {
    request: z.object({ conversationId: Id.nullable(), format: ExportFormat }).strict(),
    response: ExportedFile,
  },
  /** Reads a Duet JSON export or ChatGPT's conversations.json; the format is recognised from the content. */
  'history.import': {
    request: z
      .object({
        fileName: z.string().max(1000),
        content: z.string().min(1, 'That file is empty.').max(IMPORT_MAX_CHARS, 'That file is too large to import (64 MiB at most).'),
      })
      .strict(),
    response: ImportSummary,
  },
  /** Reads a history file from disk as a stream (the desktop app passes the path of the file the user picked). */
  'history.importFile': { request: z.object({ path: z.string().min(1).max(4096) }).strict(), response: ImportSummary },
  /** Cloud question/answer pairs as chat-format JSONL for fine-tuning; needs the distillation setting on. */
  'history.distill': { request: z.object({}).strict(), response: DistillationExport },
  /** The savings dashboard over the last `days` days (the totals cover all history). */
  'history.savings': { request: z.object({ days: z.number().int().min(1).max(366).optional() }).strict(), response: Savings },
  'model.load': { request: z.object({ path: z.string().min(1).max(4096) }).strict(), response: ModelStatus },
  /** A model file's settings (context, GPU layers, sampling, system prompt): the defaults with the user's changes. */
  'models.settings': { request: z.object({ path: z.string().min(1).max(4096) }).strict(), response: ModelSettingsInfo },
  /** Changes a model's settings; a new context size or GPU layer count reloads the model when it is the active one. */
  'models.saveSettings': {
    request: z.object({ path: z.string().min(1).max(4096), changes: ModelSettings.partial().strict() }).strict(),
    response: ModelSettingsInfo,
  },
  ...modelChannels,
  ...foundModelChannels,
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
