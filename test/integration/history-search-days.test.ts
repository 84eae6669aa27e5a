import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Db } from '../../src-main/history/index.js';
import { MESSAGE_DAY_MS } from '../../src-main/history/migrations/0009-message-days.js';
import { useHistoryFolder } from '../support/history-fixture.js';

// 0009 keeps, per day, the rowids a date-limited search walks between. Every message must lie inside its
// day's range, or that search would miss it.

const temp = useHistoryFolder('history-search-days');
const DAY = MESSAGE_DAY_MS;
const T0 = Date.UTC(2026, 2, 1);

/** Messages outside their day's rowid range (none, when message_days is right). */
function outsideTheirDay(db: Db): number {
  return db
    .prepare(
      `SELECT COUNT(*) FROM messages m LEFT JOIN message_days d ON d.day = m.created_at / ${DAY}
       WHERE d.day IS NULL OR m.rowid NOT BETWEEN d.first_rowid AND d.last_rowid`,
    )
    .pluck()
    .get() as number;
}

describe('0009-message-days', () => {
  it('bounds the messages of a version 8 file by day, and dated searches find them, imported late or not', async () => {
    const db = temp.closeAfter(openDatabase(temp.file));
    migrate(db, { to: 8 });
    db.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'Before days', ?, ?)").run(T0, T0 + 5 * DAY);
    const insert = db.prepare(
      "INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at, updated_at) VALUES (?, 'c1', ?, 'user', ?, 'complete', ?, ?)",
    );
    // Three days in order, then one stored last but dated on the first day (an import, a clock set back).
    insert.run('d0', 1, 'walrus on day zero', T0 + 1000, T0 + 1000);
    insert.run('d1', 2, 'walrus on day one', T0 + DAY + 1000, T0 + DAY + 1000);
    insert.run('d2', 3, 'walrus on day two', T0 + 2 * DAY + 1000, T0 + 2 * DAY + 1000);
    insert.run('late', 4, 'walrus stored late', T0 + 2000, T0 + 2000);

    expect(migrate(db)).toMatchObject({ from: 8, applied: ['0009-message-days'] });
    expect(db.prepare('SELECT day, first_rowid, last_rowid FROM message_days ORDER BY day').all()).toHaveLength(3);
    expect(outsideTheirDay(db)).toBe(0);
    db.close();

    const history = await temp.open();
    const ids = (from?: number, to?: number) => history.search({ query: 'walrus', from, to }).map((h) => h.messageId);
    expect(ids(T0, T0 + DAY)).toEqual(['late', 'd0']);
    expect(ids(T0 + DAY, T0 + 2 * DAY)).toEqual(['d1']);
    expect(ids(T0 + 1500)).toHaveLength(3);
    expect(ids(undefined, T0 + 1500)).toEqual(['d0']);

    // New messages, and a change of date (the bench moves messages in time), keep every message in its day.
    const c = history.createConversation('After');
    const now = history.addMessage({ conversationId: c.id, role: 'user', content: 'walrus today', status: 'complete' });
    const check = temp.closeAfter(openDatabase(temp.file));
    check.prepare("UPDATE messages SET created_at = ? WHERE id = 'd2'").run(T0 - 3 * DAY);
    expect(outsideTheirDay(check)).toBe(0);
    expect(ids(T0 - 3 * DAY, T0 - 2 * DAY)).toEqual(['d2']);
    expect(ids(now.createdAt)).toEqual([now.id]);
    // A deleted message leaves its day's range as it was: still a bound for the others.
    history.deleteConversation(c.id);
    expect(outsideTheirDay(check)).toBe(0);
    expect(ids(now.createdAt)).toEqual([]);
  });
});
