// The administrator's history retention (policy `historyRetentionDays`): conversations whose last
// activity is older than that many days are deleted, pinned ones too, at start and then once a day.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ConversationSummary } from '../contract/index.js';

/** A day in milliseconds: how often a running Duet looks for conversations past the retention time. */
export const RETENTION_SWEEP_MS = 24 * 60 * 60 * 1000;

export interface HistoryRetentionOptions {
  /** Days a conversation is kept after its last activity; null keeps everything (and nothing runs). */
  days: number | null;
  /** Every conversation, with its last activity (`updatedAt`, ms since the epoch). */
  list: () => ConversationSummary[];
  /** Deletes one conversation for good (messages, search entries, backups); may throw (it is answering). */
  remove: (id: string) => unknown;
  /** The clock (tests age it). */
  now?: () => number;
  /** Time between sweeps while running; a day by default. */
  everyMs?: number;
  /** Hears a sweep that failed (the next one tries again). */
  onError?: (error: unknown) => void;
}

/** Deletes conversations past the retention time now and at every interval, until closed. */
export class HistoryRetention {
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<number> | null = null;

  constructor(private readonly options: HistoryRetentionOptions) {}

  /** Runs the first sweep (resolves with how many it deleted), then one every interval. */
  async start(): Promise<number> {
    if (this.options.days === null) return 0;
    let deleted = 0;
    try {
      deleted = await this.sweep();
    } catch (error) {
      // A history that cannot be written now is tried again at the next sweep; Duet still starts.
      this.options.onError?.(error);
    }
    this.timer = setInterval(() => void this.sweep().catch((error: unknown) => this.options.onError?.(error)), this.options.everyMs ?? RETENTION_SWEEP_MS);
    // A pending sweep must not keep a headless process alive.
    this.timer.unref();
    return deleted;
  }

  /** Deletes every conversation whose last activity is older than the retention time; resolves with how many. */
  sweep(): Promise<number> {
    this.sweeping ??= this.deleteExpired().finally(() => (this.sweeping = null));
    return this.sweeping;
  }

  /** Stops the sweeps; waits for one in progress. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.sweeping?.catch(() => undefined);
  }

  private async deleteExpired(): Promise<number> {
    const { days } = this.options;
    if (days === null) return 0;
    const cutoff = (this.options.now ?? Date.now)() - days * 24 * 60 * 60 * 1000;
    let deleted = 0;
    for (const conversation of this.options.list()) {
      if (conversation.updatedAt >= cutoff) continue;
      try {
        this.options.remove(conversation.id);
        deleted += 1;
      } catch (error) {
        // One that cannot go now (an answer is being written) goes at the next sweep.
        this.options.onError?.(error);
      }
      // Deleting rewrites the file: chat and the rest are answered between deletions.
      await nextTurn();
    }
    return deleted;
  }
}
