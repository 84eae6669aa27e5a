import type { ConversationSummary, RouteMode } from '../../../src-main/contract/entities.js';
import type { RequestOf } from '../../../src-main/contract/channels.js';
import type { DuetError } from '../../../src-main/contract/envelope.js';
import type { ConversationsChange } from '../../../src-main/contract/events.js';
import type { DuetClient } from '../client.js';

/** How many conversations one read of the list brings: a screenful or two (bench:history times this page). */
export const LIST_PAGE = 100;

/**
 * The list of conversations and what the user does to its entries: rename, pin, delete, and set one
 * conversation's routing mode. An answer for an older refresh or mode change is dropped.
 *
 * The list is read a page at a time: `conversations` is always the start of the core's order (pinned
 * first, then the most recently updated) down to the last entry read; `loadMore()` reads the page after it.
 */
export class ConversationList {
  /** The first conversations in the core's order, as far as the pages read so far reach. */
  conversations = $state.raw<ConversationSummary[]>([]);
  /** True while there may be older conversations than the last one read. */
  hasMore = $state(false);
  /** True while the next page is on its way. */
  loadingMore = $state(false);
  listError = $state.raw<DuetError | null>(null);
  /** A failed rename, pin or delete in the conversation list. */
  listActionError = $state.raw<DuetError | null>(null);
  /** A failed change of the open conversation's routing mode. */
  modeError = $state.raw<DuetError | null>(null);

  #api: DuetClient;
  #listSeq = 0;
  #modeSeq = 0;
  /** Changes told while a refresh is on its way: replayed over its answer, which may predate them. */
  #changesDuringRefresh: ConversationsChange[] = [];
  #refreshing = 0;
  /** The open conversation as `conversations.open` told it: shown even before its page is read. */
  #open = $state.raw<ConversationSummary | null>(null);

  constructor(api: DuetClient) {
    this.#api = api;
  }

  /** Re-reads the list of conversations: as many as are read now, one page at least. */
  async refresh(): Promise<void> {
    const seq = ++this.#listSeq;
    const limit = Math.max(LIST_PAGE, this.conversations.length);
    const read = await this.#read({ limit });
    if (seq !== this.#listSeq) return;
    if (read.ok) {
      this.hasMore = read.page.length === limit;
      this.conversations = read.since.reduce(this.#withChange, read.page);
      this.listError = null;
    } else {
      this.listError = read.error;
    }
  }

  /** Reads the page after the last conversation read; nothing when all are read or a read is on its way. */
  async loadMore(): Promise<void> {
    const last = this.conversations.at(-1);
    if (!this.hasMore || this.loadingMore || !last) return;
    const seq = this.#listSeq;
    this.loadingMore = true;
    const read = await this.#read({ limit: LIST_PAGE, after: { pinned: last.pinned, updatedAt: last.updatedAt, id: last.id } });
    this.loadingMore = false;
    // A refresh since then has read the list again (and this page may predate its changes).
    if (seq !== this.#listSeq) return;
    if (read.ok) {
      const have = new Set(this.conversations.map((c) => c.id));
      // Changes told meanwhile are in `conversations` already; replayed over the page, which may predate them.
      this.hasMore = read.page.length === LIST_PAGE;
      this.conversations = read.since.reduce(this.#withChange, [...this.conversations, ...read.page.filter((c) => !have.has(c.id))]);
      this.listError = null;
    } else {
      this.listError = read.error;
    }
  }

  /** The conversation with this id, read or told by `conversations.open`; null when unknown. */
  find(id: string | null): ConversationSummary | null {
    if (id === null) return null;
    return this.conversations.find((c) => c.id === id) ?? (this.#open?.id === id ? this.#open : null);
  }

  /** Keeps the open conversation's summary, for when its page is not read (a search opened an old one). */
  opened(summary: ConversationSummary | null): void {
    this.#open = summary;
  }

  /** One read of the list, with the changes told while it was on its way. */
  async #read(
    request: RequestOf<'conversations.list'>,
  ): Promise<{ ok: true; page: ConversationSummary[]; since: ConversationsChange[] } | { ok: false; error: DuetError }> {
    const from = this.#changesDuringRefresh.length;
    this.#refreshing++;
    const result = await this.#api.call('conversations.list', request).finally(() => this.#refreshing--);
    const since = this.#changesDuringRefresh.slice(from);
    if (this.#refreshing === 0) this.#changesDuringRefresh = [];
    return result.ok ? { ok: true, page: result.value, since } : { ok: false, error: result.error };
  }

  /** `withChange`, leaving out an entry that now sorts after the last one read: its page brings it. */
  #withChange = (list: ConversationSummary[], change: ConversationsChange): ConversationSummary[] => withChange(list, change, !this.hasMore);

  /**
   * Takes a `conversations.changed` event: the entry it names is updated, added or removed in place,
   * with no round trip. Only an import of many conversations re-reads the list.
   */
  applyChange(change: ConversationsChange): void {
    if (change.kind === 'imported') {
      void this.refresh();
      return;
    }
    if (this.#refreshing > 0) this.#changesDuringRefresh.push(change);
    this.conversations = this.#withChange(this.conversations, change);
    if (change.kind === 'deleted' && change.conversationId === this.#open?.id) this.#open = null;
    else if (change.kind !== 'deleted') this.#replaceOpen(change.conversation);
  }

  /** Renames a conversation; resolves true when the core took the new name. */
  async rename(id: string, title: string): Promise<boolean> {
    this.listActionError = null;
    const result = await this.#api.call('conversations.rename', { id, title });
    if (!result.ok) {
      this.listActionError = result.error;
      return false;
    }
    this.#replace(result.value);
    return true;
  }

  /** Pins a conversation to the top of the list, or unpins it; the core decides the order. */
  async setPinned(id: string, pinned: boolean): Promise<void> {
    this.listActionError = null;
    const result = await this.#api.call('conversations.pin', { id, pinned });
    if (!result.ok) {
      this.listActionError = result.error;
      return;
    }
    // The core's conversations.changed event moves it to its place in the list.
    this.#replace(result.value);
  }

  /**
   * Deletes a conversation for good; `removed` runs once the core has deleted it, before the list is
   * re-read, so the view can leave it at once.
   */
  async remove(id: string, removed: () => void): Promise<boolean> {
    this.listActionError = null;
    const result = await this.#api.call('conversations.delete', { id });
    if (!result.ok) {
      this.listActionError = result.error;
      return false;
    }
    removed();
    this.conversations = this.conversations.filter((c) => c.id !== id);
    if (this.#open?.id === id) this.#open = null;
    return true;
  }

  /**
   * Sets a conversation's routing mode (null follows the global one), shown at once; a failure puts
   * it back, and is reported while `stillOpen()` says the user is still on that conversation.
   */
  async setMode(before: ConversationSummary, mode: RouteMode | null, stillOpen: () => boolean): Promise<void> {
    const seq = ++this.#modeSeq;
    this.modeError = null;
    this.#replace({ ...before, mode });
    const result = await this.#api.call('conversations.setMode', { id: before.id, mode });
    if (seq !== this.#modeSeq) return;
    if (result.ok) {
      this.#replace(result.value);
    } else {
      this.#replace(before);
      if (stillOpen()) this.modeError = result.error;
    }
  }

  #replace(summary: ConversationSummary): void {
    this.conversations = this.conversations.map((c) => (c.id === summary.id ? summary : c));
    this.#replaceOpen(summary);
  }

  #replaceOpen(summary: ConversationSummary): void {
    if (this.#open?.id === summary.id) this.#open = summary;
  }
}

/** The core's order: pinned first, then the most recently updated. */
function inListOrder(a: ConversationSummary, b: ConversationSummary): number {
  return Number(b.pinned) - Number(a.pinned) || b.updatedAt - a.updatedAt;
}

/**
 * The list with one change applied, in the core's order. Of a list not read to its end (`complete`
 * false), an entry that now sorts after the last one read is left out: the next page brings it, in its place.
 */
function withChange(list: ConversationSummary[], change: ConversationsChange, complete = true): ConversationSummary[] {
  if (change.kind === 'imported') return list;
  if (change.kind === 'deleted') return list.filter((c) => c.id !== change.conversationId);
  const rest = list.filter((c) => c.id !== change.conversation.id);
  const last = rest.at(-1);
  if (!complete && last && inListOrder(change.conversation, last) > 0) return rest;
  return [change.conversation, ...rest].sort(inListOrder);
}
