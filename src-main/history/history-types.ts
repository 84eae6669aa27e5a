import type { RouteMode, ConversationDetail, ConversationSummary, DuetError, Message, MessageStatus, Provenance } from '../contract/index.js';

export interface NewMessage {
  conversationId: string;
  role: 'user' | 'assistant';
  content: string;
  status: MessageStatus;
  provenance?: Provenance | null;
  /** The answer this one re-runs on the other side ("Ask the other side"). */
  rerunOf?: string | null;
}

export interface MessagePatch {
  content?: string;
  status?: MessageStatus;
  provenance?: Provenance | null;
  error?: DuetError | null;
}

/** The conversation store. Synchronous, like better-sqlite3 underneath. */
export interface History {
  createConversation(title: string): ConversationSummary;
  listConversations(): ConversationSummary[];
  /** null when no conversation has that id. */
  getConversation(id: string): ConversationDetail | null;
  /** Sets a conversation's own routing mode; null follows the global setting. */
  setConversationMode(id: string, mode: RouteMode | null): ConversationSummary;
  /** null when no message has that id. */
  getMessage(id: string): Message | null;
  addMessage(message: NewMessage): Message;
  updateMessage(id: string, patch: MessagePatch): Message;
  /** Marks answers left 'streaming' by a crash as 'interrupted'; returns how many. */
  markInterrupted(): number;
  /** Deletes a conversation and, by cascade, its messages; false when no conversation has that id. */
  deleteConversation(id: string): boolean;
  /** Every saved setting, by key, as the JSON value it was saved with. */
  getSettings(): Record<string, unknown>;
  /** Saves one setting; the value must be representable as JSON. */
  saveSetting(key: string, value: unknown): void;
  close(): void;
}
