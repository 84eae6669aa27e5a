import type { ConversationSummary, Message, RouteMode } from '../../../src-main/contract/entities.js';
import type { DuetError } from '../../../src-main/contract/envelope.js';
import type { DuetEvent } from '../../../src-main/contract/events.js';
import type { DuetClient } from '../client.js';

type MessageEvent = Extract<DuetEvent, { type: 'message.delta' | 'message.updated' }>;

/** Keeps a burst of early events bounded if a send never answers. */
const MAX_EARLY_EVENTS = 5000;
/** How long a message a search opened stays highlighted. */
const HIGHLIGHT_MS = 2500;

/** The conversations, the open one and its messages, and the send/stop flow. */
export class ChatState {
  conversations = $state.raw<ConversationSummary[]>([]);
  openId = $state<string | null>(null);
  messages = $state<Message[]>([]);
  /** True while `conversations.open` is on its way. */
  loading = $state(false);
  /** True while `chat.send` is on its way (before the answer's message exists). */
  sending = $state(false);
  sendError = $state.raw<DuetError | null>(null);
  openError = $state.raw<DuetError | null>(null);
  listError = $state.raw<DuetError | null>(null);
  /** A failed change of the open conversation's routing mode. */
  modeError = $state.raw<DuetError | null>(null);
  /** The answer an "Ask the other side" call is on its way for. */
  askingFor = $state<string | null>(null);
  /** Why "Ask the other side" failed, by the id of the answer it was asked for. */
  askErrors = $state.raw<Record<string, DuetError>>({});
  /** A failed rename, pin or delete in the conversation list. */
  listActionError = $state.raw<DuetError | null>(null);
  /**
   * The message a search opened the conversation at: shown, focused and briefly highlighted.
   * A new object each time, so opening the same message twice highlights it again.
   */
  highlight = $state.raw<{ messageId: string } | null>(null);

  streamingMessage = $derived(this.messages.find((m) => m.status === 'streaming') ?? null);
  streaming = $derived(this.streamingMessage !== null);
  busy = $derived(this.sending || this.streaming || this.askingFor !== null);
  /** The open conversation as the list knows it (mode, local share); null for a new chat. */
  openSummary = $derived(this.conversations.find((c) => c.id === this.openId) ?? null);

  #api: DuetClient;
  /** Bumped whenever the view switches conversation, so late answers for the old one are dropped. */
  #viewSeq = 0;
  #listSeq = 0;
  /** Events for messages `chat.send` has not returned yet; replayed once they are known. */
  #early: MessageEvent[] = [];
  #reloadTimer: ReturnType<typeof setTimeout> | undefined;
  #modeSeq = 0;
  #highlightTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(api: DuetClient) {
    this.#api = api;
  }

  /** Re-reads the list of conversations. */
  async refreshList(): Promise<void> {
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

  /** Opens a conversation and loads its messages. */
  async open(id: string): Promise<void> {
    const seq = ++this.#viewSeq;
    this.#early = [];
    this.openId = id;
    this.messages = [];
    this.#resetView();
    this.loading = true;
    await this.#load(id, seq);
  }

  /** Opens a conversation at one message (from a search): it is scrolled into view and highlighted. */
  async openAt(id: string, messageId: string): Promise<void> {
    const shown = this.openId === id && !this.loading && this.messages.some((m) => m.id === messageId);
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
    this.listActionError = null;
    const result = await this.#api.call('conversations.rename', { id, title });
    if (!result.ok) {
      this.listActionError = result.error;
      return false;
    }
    this.#replaceSummary(result.value);
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
    this.#replaceSummary(result.value);
    await this.refreshList();
  }

  /** Deletes a conversation for good; if it is the open one, the view turns into a new chat. */
  async remove(id: string): Promise<boolean> {
    this.listActionError = null;
    const result = await this.#api.call('conversations.delete', { id });
    if (!result.ok) {
      this.listActionError = result.error;
      return false;
    }
    if (this.openId === id) this.newChat();
    this.conversations = this.conversations.filter((c) => c.id !== id);
    await this.refreshList();
    return true;
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
    this.#early = [];
    this.openId = null;
    this.messages = [];
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
    const early = this.#early;
    this.#early = [];
    if (!result.ok) {
      if (seq === this.#viewSeq) this.sendError = result.error;
      return false;
    }
    const { conversationId, userMessage, assistantMessage } = result.value;
    if (seq === this.#viewSeq) {
      if (wasNew) this.openId = conversationId;
      this.#upsert(userMessage);
      this.#upsert(assistantMessage);
      for (const event of early) {
        const cid = event.type === 'message.delta' ? event.conversationId : event.message.conversationId;
        if (cid === conversationId) this.handle(event);
      }
    }
    if (wasNew) void this.refreshList();
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
    if (!this.messages.some((m) => m.id === assistantMessage.id) && assistantMessage.conversationId === this.openId) {
      this.#upsert(assistantMessage);
    }
    return true;
  }

  /** Sets the open conversation's routing mode (null follows the global one); a failure puts it back. */
  async setMode(mode: RouteMode | null): Promise<void> {
    const id = this.openId;
    const before = this.openSummary;
    if (id === null || before === null) return;
    const seq = ++this.#modeSeq;
    this.modeError = null;
    this.#replaceSummary({ ...before, mode });
    const result = await this.#api.call('conversations.setMode', { id, mode });
    if (seq !== this.#modeSeq) return;
    if (result.ok) {
      this.#replaceSummary(result.value);
    } else {
      this.#replaceSummary(before);
      if (id === this.openId) this.modeError = result.error;
    }
  }

  /** Applies a core event that concerns conversations or messages. */
  handle(event: DuetEvent): void {
    switch (event.type) {
      case 'message.delta': {
        const message = this.messages.find((m) => m.id === event.messageId);
        // A late delta after the final update would double text the update already holds.
        if (message) {
          if (message.status === 'streaming') message.content += event.text;
        } else if (this.#isAwaitingSend(event.conversationId)) this.#keepEarly(event);
        else if (event.conversationId === this.openId) this.#scheduleReload();
        break;
      }
      case 'message.updated': {
        const { message } = event;
        const known = this.messages.some((m) => m.id === message.id);
        if (!known && this.#isAwaitingSend(message.conversationId)) this.#keepEarly(event);
        else if (message.conversationId === this.openId) this.#upsert(message);
        break;
      }
      case 'conversations.changed':
        void this.refreshList();
        break;
      // The model's own events are handled by app.svelte.ts, not by the chat.
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
    this.modeError = null;
    this.askErrors = {};
  }

  #setAskError(messageId: string, error: DuetError | null): void {
    const next = { ...this.askErrors };
    if (error) next[messageId] = error;
    else delete next[messageId];
    this.askErrors = next;
  }

  #replaceSummary(summary: ConversationSummary): void {
    this.conversations = this.conversations.map((c) => (c.id === summary.id ? summary : c));
  }

  #isAwaitingSend(conversationId: string): boolean {
    return this.sending && (this.openId === null || this.openId === conversationId);
  }

  #keepEarly(event: MessageEvent): void {
    if (this.#early.length < MAX_EARLY_EVENTS) this.#early.push(event);
  }

  #upsert(message: Message): void {
    const index = this.messages.findIndex((m) => m.id === message.id);
    if (index >= 0) {
      this.messages[index] = message;
      return;
    }
    const last = this.messages.at(-1);
    this.messages.push(message);
    if (last && last.createdAt > message.createdAt) this.messages.sort((a, b) => a.createdAt - b.createdAt);
  }

  async #load(id: string, seq: number): Promise<void> {
    const result = await this.#api.call('conversations.open', { id });
    if (seq !== this.#viewSeq) return;
    this.loading = false;
    if (result.ok) {
      this.messages = result.value.messages;
      this.openError = null;
    } else {
      this.openError = result.error;
    }
  }

  #scheduleReload(): void {
    clearTimeout(this.#reloadTimer);
    this.#reloadTimer = setTimeout(() => void this.reloadOpen(), 200);
  }
}
