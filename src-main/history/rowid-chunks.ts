import type { RowidBounds } from './message-day-bounds.js';

/**
 * Rowid ranges that cover `bounds` from the newest down: the first `first` rowids wide, each next one
 * twice as wide as the one before, the last cut at bounds.lo. A walk that finds little in the newest
 * range so reaches the oldest in a few steps, each a separate FTS5 query that seeks to its bounds.
 */
export function* newestFirst(bounds: RowidBounds, first: number): Generator<RowidBounds> {
  let width = Math.max(1, Math.ceil(first));
  for (let hi = bounds.hi; hi >= bounds.lo; hi -= width, width *= 2) {
    yield { lo: Math.max(bounds.lo, hi - width + 1), hi };
  }
}
