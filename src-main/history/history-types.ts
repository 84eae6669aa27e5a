import type {
  ConversationDetail,
  ConversationSummary,
  DuetError,
  Message,
  MessageStatus,
  Provenance,
  RouteMode,
  SearchHit,
  SearchRequest,
  Target,
} from '../contract/index.js';

/** A search's hits, and the createdAt of the oldest message it read when it stopped before the oldest it could reach (null: it read them all). */
export interface SearchPage {
  hits: SearchHit[];
  searchedFrom: number | null;
}

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

/** How a write meets another program's lock on the history file. */
export interface WriteOptions {
  /**
   * Wait at most this long for the lock, then fail with `busy`; by default the connection's own busy
   * timeout (seconds). A short wait keeps the thread free while an answer streams: the caller retries.
   */
  waitMs?: number;
}

/** A conversation read from an export file, written with its own ids and times. */
export interface ImportedConversation {
  /** Kept when given, so importing the same file twice skips what is already there. */
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  mode: RouteMode | null;
  pinned: boolean;
  /** The app that asked through the endpoint; null (or absent) for Duet's own window. */
  client?: string | null;
  messages: ImportedMessage[];
}

export interface ImportedMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  status: MessageStatus;
  createdAt: number;
  provenance: Provenance | null;
  error: DuetError | null;
  rerunOf: string | null;
}

export interface ImportResult {
  conversations: number;
  messages: number;
  /** Conversations whose id was already in the history: left untouched. */
  skipped: number;
}

/** Raw figures behind the savings dashboard, per target; prices are applied by the caller. */
export interface AnswerFacts {
  target: Target;
  answers: number;
  promptTokens: number;
  completionTokens: number;
  /** Sum of stored cost estimates (cloud answers), all time. */
  costUsd: number;
  medianTtftMs: number | null;
  medianTokensPerSecond: number | null;
}

export interface DayFacts {
  /** Local calendar day, YYYY-MM-DD. */
  day: string;
  target: Target;
  /** The model that answered; prices are per model. */
  model: string;
  answers: number;
  promptTokens: number;
  completionTokens: number;
  /** Sum of stored cost estimates (cloud answers). */
  costUsd: number;
}

/** An entry of the conversation list, as the page after it is asked for. */
export interface ListCursor {
  pinned: boolean;
  updatedAt: number;
  id: string;
}

/** The conversation store. Synchronous, like better-sqlite3 underneath. */
export interface History {
  /** A new, empty conversation; `client` names the app that asked through the endpoint (null: Duet's window). */
  createConversation(title: string, client?: string | null): ConversationSummary;
  /**
   * The client's latest conversation whose messages are exactly `turns` (role and text, in order): the
   * one a follow-up request continues. Null when none matches (among its 20 most recent).
   */
  findClientConversation(client: string, turns: readonly { role: 'user' | 'assistant'; content: string }[]): ConversationSummary | null;
  /**
   * Pinned first, then the most recently active; `limit`: only that many (a page), `after`: those that
   * come after this entry (the last of the page before; if it is gone, its place still counts).
   */
  listConversations(options?: { limit?: number; after?: ListCursor }): ConversationSummary[];
  /** null when no conversation has that id. */
  getConversation(id: string): ConversationDetail | null;
  /** A conversation's summary without its messages; null when no conversation has that id. */
  getConversationSummary(id: string): ConversationSummary | null;
  /** Sets a conversation's own routing mode; null follows the global setting. */
  setConversationMode(id: string, mode: RouteMode | null): ConversationSummary;
  /** null when no message has that id. */
  getMessage(id: string): Message | null;
  addMessage(message: NewMessage): Message;
  /** Changes a message; throws HistoryError (not_found when it is gone, storage_full when the disk is, …). */
  updateMessage(id: string, patch: MessagePatch, options?: WriteOptions): Message;
  /** Marks answers left 'streaming' by a crash as 'interrupted'; returns how many. */
  markInterrupted(): number;
  /**
   * Deletes a conversation and its messages for real: their rows, their search index entries and the
   * freed pages are overwritten (secure_delete, then a WAL checkpoint). False when no such conversation.
   * `keepFigures`: its finished answers' figures (target, model, tokens, cost; no text) stay for the savings.
   */
  deleteConversation(id: string, options?: { keepFigures?: boolean }): boolean;
  renameConversation(id: string, title: string): ConversationSummary;
  /** Pinned conversations come first in listConversations. */
  setPinned(id: string, pinned: boolean): ConversationSummary;
  /** Full-text search (FTS5) over every message, best match first, with highlighted snippets. */
  search(request: SearchRequest): SearchHit[];
  /** The same search's hits, and where it stopped when it did not read back to the oldest message (see SearchResult). */
  searchPage(request: SearchRequest): SearchPage;
  /** Every model that has answered, for the search filter. */
  answerModels(): string[];
  /** Conversations with their messages: one (by id) or all (null), oldest first. */
  exportConversations(id: string | null): ConversationDetail[];
  /** Writes imported conversations in one transaction; conversations whose id exists are skipped. */
  importConversations(conversations: ImportedConversation[]): ImportResult;
  /** Finished answers per target (all time), for the savings dashboard. */
  answerFacts(): AnswerFacts[];
  /** Finished answers per local day, target and model, from `since` (ms) on. */
  dayFacts(since: number): DayFacts[];
  /** The router's difficulty scores of the newest `limit` answers that have one (re-runs left out) among the newest 5,000 messages, newest first. */
  recentScores(limit: number): number[];
  /** Every saved setting, by key, as the JSON value it was saved with. */
  getSettings(): Record<string, unknown>;
  /** Saves one setting; the value must be representable as JSON. */
  saveSetting(key: string, value: unknown): void;
  close(): void;
}
