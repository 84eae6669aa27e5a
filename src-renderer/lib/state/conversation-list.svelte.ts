import type { ConversationSummary, RouteMode } from '../../../src-main/contract/entities.js';
import type { DuetError } from '../../../src-main/contract/envelope.js';
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

  constructor(api: DuetClient) {
    this.#api = api;
  }

  /** Re-reads the list of conversations. */
  async refresh(): Promise<void> {
    const seq = ++this.#listSeq;
    const result = await this.#api.call('conversations.list', {});
    if (seq !== this.#listSeq) return;
    if (result.ok) {
      this.conversations = result.value;
      this.listError = null;
    } else {
      this.listError = result.error;
    }
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
    this.#replace(result.value);
    await this.refresh();
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
    await this.refresh();
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
