import type { Message } from '../../../src-main/contract/entities.js';
import type { DuetEvent } from '../../../src-main/contract/events.js';

/** The events that carry a message's text. */
export type MessageEvent = Extract<DuetEvent, { type: 'message.delta' | 'message.updated' }>;

/** Keeps a burst of early events bounded if a send never answers. */
const MAX_EARLY_EVENTS = 5000;
/** How long to wait for more unplaceable deltas before re-reading the conversation once. */
const RELOAD_DELAY_MS = 200;

/** What the stream needs to know about the view it fills. */
export interface StreamView {
  /** The conversation on screen; null for a new chat. */
  openId(): string | null;
  /** True while `chat.send` is on its way for this conversation (or for a new chat). */
  awaitingSend(conversationId: string): boolean;
  /** Re-reads the open conversation (an event arrived that the stream could not place). */
  reload(): void;
}

/** The conversation id a message event belongs to. */
export function eventConversation(event: MessageEvent): string {
  return event.type === 'message.delta' ? event.conversationId : event.message.conversationId;
}

/**
 * The open conversation's messages, kept up to date by `message.delta` and `message.updated` events.
 * Events may come before `chat.send` has said which messages it created: those are held back and
 * replayed once the send answers, so no streamed text is lost.
 */
export class MessageStream {
  messages = $state<Message[]>([]);

  #view: StreamView;
  /** Events for messages `chat.send` has not returned yet; replayed once they are known. */
  #early: MessageEvent[] = [];
  #reloadTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(view: StreamView) {
    this.#view = view;
  }

  /** Empties the view (another conversation, or a new chat) and forgets held-back events. */
  clear(): void {
    this.#early = [];
    this.messages = [];
  }

  /** Shows the messages a load returned. */
  replace(messages: Message[]): void {
    this.messages = messages;
  }

  /** True when the message is shown. */
  has(messageId: string): boolean {
    return this.messages.some((m) => m.id === messageId);
  }

  /** Hands over the events held back while a send was on its way, and stops holding them. */
  takeEarly(): MessageEvent[] {
    const early = this.#early;
    this.#early = [];
    return early;
  }

  /** Applies held-back events that belong to the conversation a send answered for. */
  replay(early: readonly MessageEvent[], conversationId: string): void {
    for (const event of early) {
      if (eventConversation(event) === conversationId) this.apply(event);
    }
  }

  /** Applies one message event: to a shown message, held back for a pending send, or by a reload. */
  apply(event: MessageEvent): void {
    if (event.type === 'message.delta') {
      const message = this.messages.find((m) => m.id === event.messageId);
      // A late delta after the final update would double text the update already holds.
      if (message) {
        if (message.status === 'streaming') message.content += event.text;
      } else if (this.#view.awaitingSend(event.conversationId)) this.#keepEarly(event);
      else if (event.conversationId === this.#view.openId()) this.#scheduleReload();
      return;
    }
    const { message } = event;
    if (!this.has(message.id) && this.#view.awaitingSend(message.conversationId)) this.#keepEarly(event);
    else if (message.conversationId === this.#view.openId()) this.upsert(message);
  }

  /** Shows a message, replacing the one with its id or adding it in time order. */
  upsert(message: Message): void {
    const index = this.messages.findIndex((m) => m.id === message.id);
    if (index >= 0) {
      this.messages[index] = message;
      return;
    }
    const last = this.messages.at(-1);
    this.messages.push(message);
    if (last && last.createdAt > message.createdAt) this.messages.sort((a, b) => a.createdAt - b.createdAt);
  }

  #keepEarly(event: MessageEvent): void {
    if (this.#early.length < MAX_EARLY_EVENTS) this.#early.push(event);
  }

  /** A burst of deltas for unknown messages costs one reload, not one each. */
  #scheduleReload(): void {
    clearTimeout(this.#reloadTimer);
    this.#reloadTimer = setTimeout(() => this.#view.reload(), RELOAD_DELAY_MS);
  }
}
