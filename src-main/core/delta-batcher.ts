import type { DuetEvent } from '../contract/index.js';

/** About one screen frame: no page can show pieces of text faster than this. */
export const DELTA_WINDOW_MS = 16;

type DeltaEvent = Extract<DuetEvent, { type: 'message.delta' }>;

/** A transport's sender of core events that merges streamed text arriving within one frame. */
export interface DeltaBatcher {
  /** Sends `event`, or holds a streamed piece to merge it with the next ones. */
  push(event: DuetEvent): void;
  /** Sends what is held and stops the timer (the page went away or the transport closes). */
  close(): void;
}

/**
 * Merges the streamed pieces of an answer that arrive within `windowMs` into one event, so a fast
 * model (or a cloud that sends its whole answer at once) costs the page one event per frame instead
 * of thousands: parsing thousands of events in one go froze the page for over 100 ms. The first piece
 * after a quiet spell is sent at once, so the time to the first token gains nothing; every other kind
 * of event first sends what is held, so the order the page sees is the order the core said it.
 */
export function createDeltaBatcher(send: (event: DuetEvent) => void, windowMs: number = DELTA_WINDOW_MS): DeltaBatcher {
  let held: DeltaEvent | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function flush(): void {
    if (!held) return;
    const event = held;
    held = null;
    send(event);
  }

  function tick(): void {
    // A window with nothing held ends it: the next piece is sent at once again.
    if (!held) {
      timer = null;
      return;
    }
    flush();
    timer = setTimeout(tick, windowMs);
  }

  return {
    push(event) {
      if (event.type !== 'message.delta') {
        flush();
        send(event);
        return;
      }
      if (timer === null) {
        send(event);
        timer = setTimeout(tick, windowMs);
        return;
      }
      if (held && held.messageId !== event.messageId) flush();
      held = held ? { ...held, text: held.text + event.text } : event;
    },
    close() {
      flush();
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
