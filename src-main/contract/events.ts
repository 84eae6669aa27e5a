import type { DuetError } from './envelope.js';
import type { ApiServerInfo } from './endpoint.js';
import type { ConversationSummary, Message, ModelStatus, RoutingInfo, Settings } from './entities.js';
import type { DownloadState } from './models.js';

/** What the core pushes to every renderer while it works. */
export type DuetEvent =
  | { type: 'message.delta'; conversationId: string; messageId: string; text: string }
  | { type: 'message.updated'; message: Message }
  | { type: 'model.status'; status: ModelStatus }
  /** Once per finished answer, and once per other change to the list: what changed, to update it in place. */
  | { type: 'conversations.changed'; change: ConversationsChange }
  /** Settings were saved, or what the router learned moved the threshold in force. */
  | { type: 'settings.changed'; settings: Settings; routing: RoutingInfo }
  /** The OpenAI-compatible endpoint started, stopped, failed to start, or got a new key. */
  | { type: 'api.status'; api: ApiServerInfo }
  | { type: 'engine.crashed'; error: DuetError }
  /** A model download moved on (about every half second while it runs) or ended. */
  | { type: 'model.download'; download: DownloadState };

/**
 * What happened to the conversation list. A change to one conversation carries its summary as it now
 * is; an import of many says only how many came in (the list is worth reading again then).
 */
export type ConversationsChange =
  | { kind: 'created' | 'answered' | 'renamed' | 'pinned' | 'mode'; conversation: ConversationSummary }
  | { kind: 'deleted'; conversationId: string }
  | { kind: 'imported'; conversations: number };
