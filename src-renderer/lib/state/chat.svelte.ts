import type { ConversationSummary, Message, RouteMode } from '../../../src-main/contract/entities.js';
import type { DuetError } from '../../../src-main/contract/envelope.js';
import type { DuetEvent } from '../../../src-main/contract/events.js';
import type { DuetClient } from '../client.js';
import { MessageStream, type FrameScheduler } from './chat-stream.svelte.js';
import { ConversationList } from './conversation-list.svelte.js';

/** How long a message a search opened stays highlighted. */
const HIGHLIGHT_MS = 2500;

/**
 * The conversations, the open one and its messages, and the send/stop flow: what the components use.
 * The list and its actions live in `ConversationList`, the event reconciliation in `MessageStream`;
 * this class decides which conversation is on screen and drops answers meant for an older one.
 */
export class ChatState {
  openId = $state<string | null>(null);
  /** True while `conversations.open` is on its way. */
  loading = $state(false);
  /** True while `chat.send` is on its way (before the answer's message exists). */
  sending = $state(false);
  sendError = $state.raw<DuetError | null>(null);
  openError = $state.raw<DuetError | null>(null);
  /** The answer an "Ask the other side" call is on its way for. */
  askingFor = $state<string | null>(null);
  /** Why "Ask the other side" failed, by the id of the answer it was asked for. */
  askErrors = $state.raw<Record<string, DuetError>>({});
  /**
   * The message a search opened the conversation at: shown, focused and briefly highlighted.
   * A new object each time, so opening the same message twice highlights it again.
   */
  highlight = $state.raw<{ messageId: string } | null>(null);

  streamingMessage = $derived(this.messages.find((m) => m.status === 'streaming') ?? null);
  streaming = $derived(this.streamingMessage !== null);
  busy = $derived(this.sending || this.streaming || this.askingFor !== null);
  /** The open conversation as the list knows it (mode, local share); null for a new chat. */
  openSummary = $derived(this.findConversation(this.openId));

  #api: DuetClient;
  #list: ConversationList;
  #stream: MessageStream;
  /** Bumped whenever the view switches conversation, so late answers for the old one are dropped. */
  #viewSeq = 0;
  #highlightTimer: ReturnType<typeof setTimeout> | undefined;

  /** `frames` paces streamed text (by default the browser's frames; null applies each delta at once). */
  constructor(api: DuetClient, frames?: FrameScheduler | null) {
    this.#api = api;
    this.#list = new ConversationList(api);
    const view = {
      openId: () => this.openId,
      awaitingSend: (conversationId: string) => this.sending && (this.openId === null || this.openId === conversationId),
      reload: () => void this.reloadOpen(),
    };
    this.#stream = frames === undefined ? new MessageStream(view) : new MessageStream(view, frames);
  }

  get conversations(): ConversationSummary[] {
    return this.#list.conversations;
  }
  get messages(): Message[] {
    return this.#stream.messages;
  }
  get listError(): DuetError | null {
    return this.#list.listError;
  }
  /** A failed rename, pin or delete in the conversation list. */
  get listActionError(): DuetError | null {
    return this.#list.listActionError;
  }
  /** A failed change of the open conversation's routing mode. */
  get modeError(): DuetError | null {
    return this.#list.modeError;
  }

  /** Re-reads the list of conversations. */
  async refreshList(): Promise<void> {
    await this.#list.refresh();
  }

  /** A conversation's summary as the list knows it, read or opened; null when unknown. */
  findConversation(id: string | null): ConversationSummary | null {
    return this.#list.find(id);
  }

  /** True while there may be older conversations than the list has read. */
  get moreConversations(): boolean {
    return this.#list.hasMore;
  }

  /** Reads the next page of the conversation list (the user scrolled near its end). */
  async loadMoreConversations(): Promise<void> {
    await this.#list.loadMore();
  }

  /** Opens a conversation and loads its messages. */
  async open(id: string): Promise<void> {
    const seq = ++this.#viewSeq;
    this.#stream.clear();
    this.openId = id;
    this.#resetView();
    this.loading = true;
    await this.#load(id, seq);
  }

  /** Opens a conversation at one message (from a search): it is scrolled into view and highlighted. */
  async openAt(id: string, messageId: string): Promise<void> {
    const shown = this.openId === id && !this.loading && this.#stream.has(messageId);
    if (!shown) {
      const opening = this.open(id);
      const seq = this.#viewSeq;
      await opening;
      // The user went elsewhere meanwhile: do not pull the view back.
      if (seq !== this.#viewSeq) return;
    }
    this.highlight = { messageId };
    clearTimeout(this.#highlightTimer);
    this.#highlightTimer = setTimeout(() => (this.highlight = null), HIGHLIGHT_MS);
  }

  /** Renames a conversation; resolves true when the core took the new name. */
  async rename(id: string, title: string): Promise<boolean> {
    return this.#list.rename(id, title);
  }

  /** Pins a conversation to the top of the list, or unpins it; the core decides the order. */
  async setPinned(id: string, pinned: boolean): Promise<void> {
    await this.#list.setPinned(id, pinned);
  }

  /** Deletes a conversation for good; if it is the open one, the view turns into a new chat. */
  async remove(id: string): Promise<boolean> {
    return this.#list.remove(id, () => {
      if (this.openId === id) this.newChat();
    });
  }

  /** Re-reads the open conversation in place (after a reconnect, or an event we could not place). */
  async reloadOpen(): Promise<void> {
    if (this.openId === null || this.sending) return;
    await this.#load(this.openId, this.#viewSeq);
  }

  /** Re-reads everything this state shows. */
  async refresh(): Promise<void> {
    await Promise.all([this.refreshList(), this.reloadOpen()]);
  }

  /** Starts an empty conversation; the core creates it on the first message. */
  newChat(): void {
    this.#viewSeq++;
    this.#stream.clear();
    this.openId = null;
    this.#resetView();
    this.loading = false;
  }

  /** Sends a message; resolves true when the core took it (the composer may then clear its text). */
  async send(text: string): Promise<boolean> {
    if (this.busy || text.trim() === '') return false;
    const seq = this.#viewSeq;
    const wasNew = this.openId === null;
    this.sending = true;
    this.sendError = null;
    const result = await this.#api.call('chat.send', { conversationId: this.openId, text });
    this.sending = false;
    const early = this.#stream.takeEarly();
    if (!result.ok) {
      if (seq === this.#viewSeq) this.sendError = result.error;
      return false;
    }
    const { conversationId, userMessage, assistantMessage } = result.value;
    if (seq === this.#viewSeq) {
      if (wasNew) this.openId = conversationId;
      this.#stream.upsert(userMessage);
      this.#stream.upsert(assistantMessage);
      this.#stream.replay(early, conversationId);
    }
    // A new conversation joins the list through the core's conversations.changed event.
    return true;
  }

  /** Asks the core to stop the answer that is streaming in the open conversation. */
  async stop(): Promise<void> {
    const id = this.openId;
    if (id === null || !this.streaming) return;
    const result = await this.#api.call('chat.stop', { conversationId: id });
    if (!result.ok && id === this.openId) this.sendError = result.error;
  }

  /**
   * Re-runs an answer on the other side (local ↔ cloud). The new answer arrives through events like
   * any other; resolves true when the core took the request.
   */
  async askOther(messageId: string): Promise<boolean> {
    if (this.busy) return false;
    const seq = this.#viewSeq;
    this.askingFor = messageId;
    this.#setAskError(messageId, null);
    const result = await this.#api.call('chat.askOther', { messageId });
    this.askingFor = null;
    if (seq !== this.#viewSeq) return result.ok;
    if (!result.ok) {
      this.#setAskError(messageId, result.error);
      return false;
    }
    // Events may already have brought the message and some of its text: never replace those.
    const { assistantMessage } = result.value;
    if (!this.#stream.has(assistantMessage.id) && assistantMessage.conversationId === this.openId) {
      this.#stream.upsert(assistantMessage);
    }
    return true;
  }

  /** Sets the open conversation's routing mode (null follows the global one); a failure puts it back. */
  async setMode(mode: RouteMode | null): Promise<void> {
    const id = this.openId;
    const before = this.openSummary;
    if (id === null || before === null) return;
    await this.#list.setMode(before, mode, () => id === this.openId);
  }

  /** Applies a core event that concerns conversations or messages. */
  handle(event: DuetEvent): void {
    switch (event.type) {
      case 'message.delta':
      case 'message.updated':
        this.#stream.apply(event);
        break;
      case 'conversations.changed':
        this.#list.applyChange(event.change);
        break;
      // The model's own events and settings are handled by app.svelte.ts, not by the chat.
      case 'settings.changed':
      case 'api.status':
      case 'engine.crashed':
      case 'model.download':
      case 'model.status':
        break;
    }
  }

  #resetView(): void {
    this.highlight = null;
    this.openError = null;
    this.sendError = null;
    this.#list.modeError = null;
    this.askErrors = {};
  }

  #setAskError(messageId: string, error: DuetError | null): void {
    const next = { ...this.askErrors };
    if (error) next[messageId] = error;
    else delete next[messageId];
    this.askErrors = next;
  }

  async #load(id: string, seq: number): Promise<void> {
    const result = await this.#api.call('conversations.open', { id });
    if (seq !== this.#viewSeq) return;
    this.loading = false;
    if (result.ok) {
      this.#stream.replace(result.value.messages);
      this.#list.opened(result.value.conversation);
      this.openError = null;
    } else {
      this.openError = result.error;
    }
  }
}
