import type { DuetError } from './envelope.js';
import type { Message, ModelStatus } from './entities.js';
import type { DownloadState } from './models.js';

/** What the core pushes to every renderer while it works. */
export type DuetEvent =
  | { type: 'message.delta'; conversationId: string; messageId: string; text: string }
  | { type: 'message.updated'; message: Message }
  | { type: 'model.status'; status: ModelStatus }
  | { type: 'conversations.changed' }
  | { type: 'engine.crashed'; error: DuetError }
  /** A model download moved on (about every half second while it runs) or ended. */
  | { type: 'model.download'; download: DownloadState };
