import type { ConversationDetail, DuetError, Message } from '../contract/index.js';
import { toHistoryError, type HistoryError } from '../history/history-error.js';
import type { History, MessagePatch } from '../history/history-types.js';
import type { EventHub } from './event-hub.js';

/**
 * How long an answer's save waits for another program's lock before it is retried later. The history
 * is synchronous: SQLite's own 5 s busy wait would freeze every call and every stream for that long.
 */
export const SAVE_WAIT_MS = 25;
/** A history locked for longer than this stops the answer; a shorter lock only delays its saving. */
export const BUSY_PATIENCE_MS = 10_000;
/** Unsaved answers are retried after this long at first, then less and less often… */
export const RETRY_FIRST_MS = 250;
/** …down to once every this long: a full disk may stay full for hours, each try costs little. */
export const RETRY_MAX_MS = 4_000;
/** On close, the last try waits this long for a lock: closing may take a moment, losing text may not. */
export const CLOSE_WAIT_MS = 2_000;

/** The journal's timings; the defaults above suit the app, tests shorten them. */
export interface JournalOptions {
  busyPatienceMs?: number;
  retryFirstMs?: number;
  retryMaxMs?: number;
}

/** What became of one write: saved, or kept in memory (and whether the answer must stop for it). */
export type WriteOutcome =
  | { saved: true; message: Message }
  | {
      saved: false;
      /** Why the answer cannot go on being saved, for the user; null while a short lock is only waited out. */
      failure: DuetError | null;
    };

interface Entry {
  /** The message as its writer last knew it: shown when it cannot be read back. */
  base: Message;
  /** Every change not yet on disk, merged in order. */
  patch: MessagePatch;
  /** When the first of them failed to be written. */
  since: number;
  /** Set once the write has been given up on for now: what the user is told until it is saved. */
  failure: DuetError | null;
  /** An answer still streaming: its own save timer retries it, so the background loop leaves it be. */
  live: boolean;
}

/**
 * The changes to answers that could not be written to the history yet (locked, full or read-only),
 * kept in memory and retried in the background until they are saved; when one is, `message.updated`
 * carries the saved message. Meanwhile every view of a message shows it as if saved (`view`), with
 * the reason it is not (status 'error' and what to do) once that has been given up on. Never throws.
 */
export class AnswerJournal {
  private readonly pending = new Map<string, Entry>();
  private timer: NodeJS.Timeout | null = null;
  private readonly busyPatienceMs: number;
  private readonly retryFirstMs: number;
  private readonly retryMaxMs: number;
  private delay: number;

  constructor(
    private readonly history: History,
    private readonly events: EventHub,
    options: JournalOptions = {},
  ) {
    this.busyPatienceMs = options.busyPatienceMs ?? BUSY_PATIENCE_MS;
    this.retryFirstMs = options.retryFirstMs ?? RETRY_FIRST_MS;
    this.retryMaxMs = options.retryMaxMs ?? RETRY_MAX_MS;
    this.delay = this.retryFirstMs;
  }

  /**
   * Writes a change to a message, after any changes to it still waiting; on failure keeps them all
   * for the background retry. `live` marks an answer still being written: its caller retries it.
   */
  write(message: Message, patch: MessagePatch, { live = false } = {}): WriteOutcome {
    const entry = this.pending.get(message.id);
    const merged: Entry = entry ? { ...entry, patch: { ...entry.patch, ...patch }, live } : { base: message, patch, since: Date.now(), failure: null, live };
    const { outcome } = this.attempt(message.id, merged, SAVE_WAIT_MS);
    if (!outcome.saved && !live) this.schedule();
    return outcome;
  }

  /** True while a message has changes that are not on disk. */
  has(messageId: string): boolean {
    return this.pending.has(messageId);
  }

  /** The message as the user should see it: with its unsaved changes, and why they are unsaved once given up on. */
  view(message: Message): Message {
    const entry = this.pending.get(message.id);
    if (!entry) return message;
    const { content, status, provenance, error } = entry.patch;
    const shown: Message = {
      ...message,
      ...(content === undefined ? {} : { content }),
      ...(status === undefined ? {} : { status }),
      ...(provenance === undefined ? {} : { provenance }),
      ...(error === undefined ? {} : { error }),
    };
    return entry.failure && !entry.live ? { ...shown, status: 'error', error: entry.failure } : shown;
  }

  /** A message as the user should see it: read from disk when it can be, with what is not on disk yet. */
  current(message: Message): Message {
    try {
      return this.view(this.history.getMessage(message.id) ?? message);
    } catch {
      // Reading rarely fails when writing does; if it does, the writer's copy is the best there is.
      return this.view(message);
    }
  }

  /** A conversation as read from disk, with every unsaved change applied. */
  overlay(detail: ConversationDetail): ConversationDetail {
    if (this.pending.size === 0) return detail;
    return { ...detail, messages: detail.messages.map((m) => this.view(m)) };
  }

  /**
   * One last try at everything unsaved, waiting a little longer for a lock, and stops retrying.
   * Returns what could still not be saved (lost once the process ends), with the reason.
   */
  flush(): { messageId: string; error: DuetError }[] {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const lost: { messageId: string; error: DuetError }[] = [];
    for (const [messageId, entry] of [...this.pending]) {
      const { outcome, error } = this.attempt(messageId, { ...entry, live: false }, CLOSE_WAIT_MS);
      if (!outcome.saved && error && error.code !== 'not_found') lost.push({ messageId, error: outcome.failure ?? saveFailure(error) });
    }
    this.pending.clear();
    return lost;
  }

  /** Tries to write an entry, and keeps or drops it. */
  private attempt(messageId: string, entry: Entry, waitMs: number): { outcome: WriteOutcome; error: HistoryError | null } {
    try {
      const message = this.history.updateMessage(messageId, entry.patch, { waitMs });
      this.pending.delete(messageId);
      return { outcome: { saved: true, message }, error: null };
    } catch (e) {
      const error = toHistoryError(e, 'save the answer');
      if (error.code === 'not_found') {
        // The conversation was deleted meanwhile: there is nothing left to save it into.
        this.pending.delete(messageId);
        return { outcome: { saved: false, failure: null }, error };
      }
      // A lock is waited out for a while; a full disk or a read-only file will not clear by itself soon.
      const givenUp = error.code !== 'busy' || Date.now() - entry.since >= this.busyPatienceMs;
      const failure = entry.failure ?? (givenUp ? saveFailure(error) : null);
      this.pending.set(messageId, { ...entry, failure });
      return { outcome: { saved: false, failure }, error };
    }
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.retry(), this.delay);
    // The retry must not keep a finished process alive; closing flushes what is left.
    this.timer.unref();
  }

  /** The background retry: a timer callback, so nothing may escape it. */
  private retry(): void {
    this.timer = null;
    let progress = false;
    for (const [messageId, entry] of [...this.pending]) {
      if (entry.live) continue;
      try {
        const { outcome } = this.attempt(messageId, entry, SAVE_WAIT_MS);
        if (outcome.saved) {
          progress = true;
          this.events.emit({ type: 'message.updated', message: outcome.message });
        } else if (outcome.failure && !entry.failure) {
          // Locked for too long: the user now hears that this answer is not saved, and why.
          this.events.emit({ type: 'message.updated', message: this.current(entry.base) });
        }
      } catch (e) {
        // attempt() and emit() catch what they call; this is the last guard of a timer callback,
        // where anything thrown would end the process.
        console.warn(`Duet: could not retry saving an answer: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    this.delay = progress ? this.retryFirstMs : Math.min(this.delay * 2, this.retryMaxMs);
    if ([...this.pending.values()].some((e) => !e.live)) this.schedule();
    else this.delay = this.retryFirstMs;
  }
}

/** What the user is told about an answer the disk has not taken yet: what happened and what to do. */
export function saveFailure(error: HistoryError): DuetError {
  switch (error.code) {
    case 'storage_full':
      return {
        code: 'storage_full',
        message: 'The disk is full, so Duet could not save this answer. The text you see is kept: free some space and Duet saves it by itself.',
      };
    case 'storage_readonly':
      return {
        code: 'storage_readonly',
        message:
          'Duet cannot write to its history file (it or its folder is read-only), so it could not save this answer. The text you see is kept: ' +
          "make Duet's data folder writable and Duet saves it by itself.",
      };
    case 'busy':
      return {
        code: 'busy',
        message:
          'Another program (or another copy of Duet) is holding the history file, so Duet could not save this answer. ' +
          'The text you see is kept: close that program and Duet saves it by itself.',
      };
    default:
      return {
        code: error.code,
        message: `Duet could not save this answer (${error.message}). The text you see is kept and saved as soon as Duet can.`,
      };
  }
}
