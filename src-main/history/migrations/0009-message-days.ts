import type { Migration } from '../migrate.js';

/** A day in ms: the bucket of message_days (UTC days; a bound only has to hold, not to match the user's day). */
export const MESSAGE_DAY_MS = 86_400_000;

/** Widens `row`'s day to take in its rowid (SQL, for the triggers below). */
const widen = (row: 'new') => `
  INSERT INTO message_days (day, first_rowid, last_rowid) VALUES (${row}.created_at / ${MESSAGE_DAY_MS}, ${row}.rowid, ${row}.rowid)
    ON CONFLICT (day) DO UPDATE SET first_rowid = min(first_rowid, excluded.first_rowid), last_rowid = max(last_rowid, excluded.last_rowid);`;

/**
 * message_days: for each day (created_at / MESSAGE_DAY_MS), the lowest and highest rowid of a message
 * created that day. A search limited to dates walks the word index by rowid; without a bound it walked
 * every older match too, looking for more (135 ms at 1,000,000 messages), because created_at is not in
 * that index. The days of a date range give a rowid range that holds every message of the range, so the
 * walk stops at its lower end. Messages are mostly stored in time order, so a day's range is tight;
 * an import of old conversations widens the old days' ranges (slower, still right: the search checks
 * created_at itself). Rows only ever widen: a deleted message leaves its day's range as it was, which
 * is still a bound. Kept by trigger on insert and on a change of created_at. After a VACUUM (which may
 * renumber rowids, see 0004) rebuild it with the query below.
 */
export const migration0009: Migration = {
  version: 9,
  name: '0009-message-days',
  up(db) {
    db.exec(`
      CREATE TABLE message_days (
        day INTEGER PRIMARY KEY,
        first_rowid INTEGER NOT NULL,
        last_rowid INTEGER NOT NULL
      ) STRICT;
      INSERT INTO message_days (day, first_rowid, last_rowid)
        SELECT created_at / ${MESSAGE_DAY_MS}, MIN(rowid), MAX(rowid) FROM messages GROUP BY 1;

      CREATE TRIGGER messages_days_insert AFTER INSERT ON messages BEGIN ${widen('new')}
      END;
      CREATE TRIGGER messages_days_update AFTER UPDATE OF created_at ON messages BEGIN ${widen('new')}
      END;
    `);
  },
};
