import type { ConversationSummary, RouteMode } from '../../../src-main/contract/entities.js';
import type { DuetError } from '../../../src-main/contract/envelope.js';
import type { ConversationsChange } from '../../../src-main/contract/events.js';
import type { DuetClient } from '../client.js';

/**
 * The list of conversations and what the user does to its entries: rename, pin, delete, and set one
 * conversation's routing mode. An answer for an older refresh or mode change is dropped.
 */
export class ConversationList {
  conversations = $state.raw<ConversationSummary[]>([]);
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

  constructor(api: DuetClient) {
    this.#api = api;
  }

  /** Re-reads the list of conversations. */
  async refresh(): Promise<void> {
    const seq = ++this.#listSeq;
    const from = this.#changesDuringRefresh.length;
    this.#refreshing++;
    const result = await this.#api.call('conversations.list', {}).finally(() => this.#refreshing--);
    const since = this.#changesDuringRefresh.slice(from);
    if (this.#refreshing === 0) this.#changesDuringRefresh = [];
    if (seq !== this.#listSeq) return;
    if (result.ok) {
      this.conversations = since.reduce(withChange, result.value);
      this.listError = null;
    } else {
      this.listError = result.error;
    }
  }

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
    this.conversations = withChange(this.conversations, change);
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
  }
}

/** The list with one change applied, in the core's order: pinned first, then the most recently updated. */
function withChange(list: ConversationSummary[], change: ConversationsChange): ConversationSummary[] {
  if (change.kind === 'imported') return list;
  if (change.kind === 'deleted') return list.filter((c) => c.id !== change.conversationId);
  const next = [change.conversation, ...list.filter((c) => c.id !== change.conversation.id)];
  return next.sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.updatedAt - a.updatedAt);
}
