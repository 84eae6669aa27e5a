import type { Db } from './connection.js';
import { MESSAGE_DAY_MS } from './migrations/0009-message-days.js';

/** A rowid range holding every message of a time range; empty (lo > hi) when no message can be in it. */
export interface RowidBounds {
  lo: number;
  hi: number;
}

/** Every rowid: the bounds of a search with no dates. */
export const ALL_ROWIDS: RowidBounds = { lo: Number.MIN_SAFE_INTEGER, hi: Number.MAX_SAFE_INTEGER };

/**
 * The day a created_at falls in, as the 0009 triggers compute it: SQLite's integer division truncates
 * toward zero. Monotonic, so the days of a time range are the days between those of its two ends.
 */
function dayOf(createdAt: number): number {
  return Math.trunc(createdAt / MESSAGE_DAY_MS);
}

/** Finds rowid bounds for `from <= created_at < to` from message_days (a few hundred rows at most). */
export class MessageDayBounds {
  private readonly statement;

  constructor(db: Db) {
    this.statement = db.prepare<[number, number], { lo: number | null; hi: number | null }>(
      'SELECT MIN(first_rowid) AS lo, MAX(last_rowid) AS hi FROM message_days WHERE day BETWEEN ? AND ?',
    );
  }

  /** Bounds holding every message created in [from, to) (either end null: open); ALL_ROWIDS with neither. */
  of(from: number | null, to: number | null): RowidBounds {
    if (from === null && to === null) return ALL_ROWIDS;
    // created_at is a whole number of ms: created_at >= from means >= ceil(from), < to means <= ceil(to) - 1.
    const first = from === null ? Number.MIN_SAFE_INTEGER : dayOf(Math.ceil(from));
    const last = to === null ? Number.MAX_SAFE_INTEGER : dayOf(Math.ceil(to) - 1);
    if (first > last) return { lo: 1, hi: 0 };
    const row = this.statement.get(first, last);
    return row?.lo == null || row.hi == null ? { lo: 1, hi: 0 } : { lo: row.lo, hi: row.hi };
  }
}
