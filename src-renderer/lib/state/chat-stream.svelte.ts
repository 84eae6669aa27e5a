import type { Message } from '../../../src-main/contract/entities.js';
import type { DuetEvent } from '../../../src-main/contract/events.js';

/** The events that carry a message's text. */
export type MessageEvent = Extract<DuetEvent, { type: 'message.delta' | 'message.updated' }>;

/** Keeps a burst of early events bounded if a send never answers. */
const MAX_EARLY_EVENTS = 5000;
/** How long to wait for more unplaceable deltas before re-reading the conversation once. */
const RELOAD_DELAY_MS = 200;
/** A hidden window draws no frames: its buffered text is applied after this long instead. */
const HIDDEN_FLUSH_MS = 250;

/** Calls `flush` once before the next frame is drawn. */
export type FrameScheduler = (flush: () => void) => void;

/** Before the next frame, or after a short while where no frame comes (a hidden window). */
export const nextFrame: FrameScheduler = (flush) => {
  let ran = false;
  const once = (): void => {
    if (ran) return;
    ran = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    flush();
  };
  const frame = requestAnimationFrame(once);
  const timer = setTimeout(once, HIDDEN_FLUSH_MS);
};

/** In a browser, deltas wait for the next frame; elsewhere (no frames to draw) they apply at once. */
const defaultScheduler = (): FrameScheduler | null => (typeof requestAnimationFrame === 'function' ? nextFrame : null);

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
 *
 * A model (or a loopback cloud) can send thousands of deltas a second, far more than frames are
 * drawn: a delta's text is buffered per message and the buffers are applied once per frame, so the
 * answer and its Markdown are re-rendered at most once a frame. Every other event applies the
 * buffers first, so events keep their order and the final update (done, error, stopped) lands on
 * the exact text.
 */
export class MessageStream {
  messages = $state<Message[]>([]);

  #view: StreamView;
  /** The shown messages (the state's own proxies) by id: a delta finds its message at once. */
  #byId = new Map<string, Message>();
  /** Delta text not applied yet, by message id, in arrival order. */
  #pending = new Map<string, string>();
  #flushScheduled = false;
  #frames: FrameScheduler | null;
  /** Events for messages `chat.send` has not returned yet; replayed once they are known. */
  #early: MessageEvent[] = [];
  #reloadTimer: ReturnType<typeof setTimeout> | undefined;

  /** `frames` paces delta application (null: apply each delta at once). */
  constructor(view: StreamView, frames: FrameScheduler | null = defaultScheduler()) {
    this.#view = view;
    this.#frames = frames;
  }

  /** Empties the view (another conversation, or a new chat) and forgets held-back events. */
  clear(): void {
    this.#early = [];
    this.#show([]);
  }

  /** Shows the messages a load returned. */
  replace(messages: Message[]): void {
    this.#show(messages);
  }

  /** True when the message is shown. */
  has(messageId: string): boolean {
    return this.#byId.has(messageId);
  }

  /** Applies the buffered delta text now (the view must show the exact text, or a frame is due). */
  flush(): void {
    this.#flushScheduled = false;
    if (this.#pending.size === 0) return;
    const pending = this.#pending;
    this.#pending = new Map();
    for (const [id, text] of pending) {
      const message = this.#byId.get(id);
      // A late delta after the final update would double text the update already holds.
      if (message?.status === 'streaming') message.content += text;
    }
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
      const message = this.#byId.get(event.messageId);
      // A late delta after the final update would double text the update already holds.
      if (message) {
        if (message.status === 'streaming') this.#buffer(event.messageId, event.text);
      } else if (this.#view.awaitingSend(event.conversationId)) this.#keepEarly(event);
      else if (event.conversationId === this.#view.openId()) this.#scheduleReload();
      return;
    }
    this.flush();
    const { message } = event;
    if (!this.has(message.id) && this.#view.awaitingSend(message.conversationId)) this.#keepEarly(event);
    else if (message.conversationId === this.#view.openId()) this.upsert(message);
  }

  /** Shows a message, replacing the one with its id or adding it in time order. */
  upsert(message: Message): void {
    // Text buffered before this message (or an update of it) came keeps its place in the order.
    this.flush();
    if (this.#byId.has(message.id)) {
      // The message changing is almost always one of the newest: look from the end.
      const index = this.messages.findLastIndex((m) => m.id === message.id);
      this.messages[index] = message;
      this.#byId.set(message.id, this.messages[index]);
      return;
    }
    const last = this.messages.at(-1);
    this.messages.push(message);
    if (last && last.createdAt > message.createdAt) {
      this.messages.sort((a, b) => a.createdAt - b.createdAt);
      this.#index();
    } else {
      this.#byId.set(message.id, this.messages.at(-1)!);
    }
  }

  /** Shows `messages` in place of the current ones; text buffered for those is dropped with them. */
  #show(messages: Message[]): void {
    this.#pending.clear();
    this.messages = messages;
    this.#index();
  }

  /** Rebuilds the index from the state's proxies (what `messages` hands out and what a change must go through). */
  #index(): void {
    this.#byId = new Map(this.messages.map((m) => [m.id, m]));
  }

  #buffer(messageId: string, text: string): void {
    if (this.#frames === null) {
      this.#pending.set(messageId, text);
      this.flush();
      return;
    }
    this.#pending.set(messageId, (this.#pending.get(messageId) ?? '') + text);
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    this.#frames(() => this.flush());
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
