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
/**
 * The most streamed characters shown in one frame. A real model sends a few dozen a frame; a burst
 * (a fast cloud, or a page that was busy) can bring a whole answer at once, and parsing, sanitizing
 * and laying out tens of thousands of characters in one go is a long task: a larger burst is shown
 * over several frames instead.
 */
export const FRAME_CHARS = 2048;

/** Calls `flush` once before the next frame is drawn; `hidden` when it ran for a window that draws none. */
export type FrameScheduler = (flush: (hidden?: boolean) => void) => void;

/** Before the next frame, or after a short while where no frame comes (a hidden window, or a busy page). */
export const nextFrame: FrameScheduler = (flush) => {
  let ran = false;
  const once = (): void => {
    if (ran) return;
    ran = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    // A busy page also misses the frame: only a hidden one may take everything at once.
    flush(typeof document !== 'undefined' && document.visibilityState === 'hidden');
  };
  const frame = requestAnimationFrame(once);
  const timer = setTimeout(once, HIDDEN_FLUSH_MS);
};

/** In a browser, deltas wait for the next frame; elsewhere (no frames to draw) they apply at once. */
const defaultScheduler = (): FrameScheduler | null => (typeof requestAnimationFrame === 'function' ? nextFrame : null);

/**
 * Where to end a slice of at most `budget` characters of `text`: after the last line break (else
 * space) in its second half, so a frame rarely shows half a word; never inside a surrogate pair.
 */
export function sliceEnd(text: string, budget: number): number {
  if (text.length <= budget) return text.length;
  const floor = Math.floor(budget / 2);
  const line = text.lastIndexOf('\n', budget - 1);
  if (line >= floor) return line + 1;
  const space = text.lastIndexOf(' ', budget - 1);
  if (space >= floor) return space + 1;
  const code = text.charCodeAt(budget - 1);
  return code >= 0xd800 && code <= 0xdbff ? budget - 1 : budget;
}

/** What waits to be shown, in arrival order: a message's streamed text, or an update queued behind it. */
type Backlog = { messageId: string; text: string } | { update: Extract<MessageEvent, { type: 'message.updated' }> };

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
 * drawn: a delta's text is buffered and the buffer is applied once per frame, at most FRAME_CHARS of
 * it, so the answer and its Markdown are re-rendered at most once a frame and never with a whole
 * answer's text at once. An update (done, error, stopped) applies what waits first, so events keep
 * their order and it lands on the exact text; behind more text than a frame shows, it waits its turn
 * and lands a few frames later.
 */
export class MessageStream {
  messages = $state<Message[]>([]);

  #view: StreamView;
  /** The shown messages (the state's own proxies) by id: a delta finds its message at once. */
  #byId = new Map<string, Message>();
  /** Text and updates not applied yet, in arrival order (consecutive text for a message merged). */
  #backlog: Backlog[] = [];
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

  /** True while streamed text or an update waits for a frame. */
  get behind(): boolean {
    return this.#backlog.length > 0;
  }

  /**
   * Applies what waits, in order: everything (`all`: the view must show the exact text now, or no
   * frame is drawn), else at most FRAME_CHARS of text and the updates up to where that ends; the rest
   * waits for the next frame.
   */
  flush(all = true): void {
    let budget = all ? Infinity : FRAME_CHARS;
    while (this.#backlog.length > 0) {
      const item = this.#backlog[0]!;
      if ('update' in item) {
        this.#backlog.shift();
        this.#place(item.update);
        continue;
      }
      if (budget <= 0) break;
      const end = sliceEnd(item.text, budget);
      const message = this.#byId.get(item.messageId);
      // A late delta after the final update would double text the update already holds.
      if (message?.status === 'streaming') message.content += item.text.slice(0, end);
      budget -= end;
      if (end < item.text.length) {
        item.text = item.text.slice(end);
        break;
      }
      this.#backlog.shift();
    }
    if (this.#backlog.length > 0) this.#schedule();
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
      const status = this.#statusOf(event.messageId);
      // A late delta after the final update would double text the update already holds.
      if (status !== null) {
        if (status === 'streaming') this.#buffer(event.messageId, event.text);
      } else if (this.#view.awaitingSend(event.conversationId)) this.#keepEarly(event);
      else if (event.conversationId === this.#view.openId()) this.#scheduleReload();
      return;
    }
    // Behind more streamed text than a frame shows, the update waits its turn: applying it now would
    // show all of that text at once. Behind less, both are shown now: the view is exact at once.
    if (this.#waitingChars() > FRAME_CHARS) {
      this.#backlog.push({ update: event });
      return;
    }
    this.flush();
    this.#place(event);
  }

  /** Shows a message, replacing the one with its id or adding it in time order. */
  upsert(message: Message): void {
    // Text buffered before this message (or an update of it) came keeps its place in the order.
    this.flush();
    this.#upsert(message);
  }

  #upsert(message: Message): void {
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

  /** Places an updated message: shown, held back for a pending send, or dropped (another conversation). */
  #place(event: Extract<MessageEvent, { type: 'message.updated' }>): void {
    const { message } = event;
    if (!this.has(message.id) && this.#view.awaitingSend(message.conversationId)) this.#keepEarly(event);
    else if (message.conversationId === this.#view.openId()) this.#upsert(message);
  }

  /** How many streamed characters wait to be shown. */
  #waitingChars(): number {
    let chars = 0;
    for (const item of this.#backlog) if ('text' in item) chars += item.text.length;
    return chars;
  }

  /** A message's status once what waits is applied; null when it is neither shown nor on its way. */
  #statusOf(messageId: string): Message['status'] | null {
    for (let i = this.#backlog.length - 1; i >= 0; i--) {
      const item = this.#backlog[i]!;
      if ('update' in item && item.update.message.id === messageId) return item.update.message.status;
    }
    return this.#byId.get(messageId)?.status ?? null;
  }

  /** Shows `messages` in place of the current ones; what waits to be shown is dropped with them. */
  #show(messages: Message[]): void {
    this.#backlog = [];
    this.messages = messages;
    this.#index();
  }

  /** Rebuilds the index from the state's proxies (what `messages` hands out and what a change must go through). */
  #index(): void {
    this.#byId = new Map(this.messages.map((m) => [m.id, m]));
  }

  #buffer(messageId: string, text: string): void {
    const last = this.#backlog.at(-1);
    if (last && 'messageId' in last && last.messageId === messageId) last.text += text;
    else this.#backlog.push({ messageId, text });
    if (this.#frames === null) this.flush();
    else this.#schedule();
  }

  #schedule(): void {
    if (this.#flushScheduled || this.#frames === null) return;
    this.#flushScheduled = true;
    this.#frames((hidden) => {
      this.#flushScheduled = false;
      this.flush(hidden === true);
    });
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
