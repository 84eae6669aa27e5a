import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  backupDirFor,
  backupFileName,
  backupHistory,
  HistoryError,
  latestVersion,
  listBackups,
  migrate,
  openDatabase,
  openHistory,
  pruneBackups,
} from '../../src-main/history/index.js';
import { useHistoryFolder } from '../support/history-fixture.js';

const temp = useHistoryFolder('history-backup');

/** A history at schema `version` holding one conversation, closed again. */
function oldHistory(version: number): void {
  const db = openDatabase(temp.file);
  migrate(db, { to: version });
  db.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'Kept safe', 1, 1)").run();
  db.close();
}

describe('the backup before an upgrade', () => {
  it('copies an older history into a dated file before migrating it', async () => {
    oldHistory(3);
    const h = await openHistory(temp.file);
    h.close();

    const backups = listBackups(backupDirFor(temp.file));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^duet-\d{8}-\d{6}-v3\.sqlite$/);
    const copy = new Database(path.join(temp.dir, 'backups', backups[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(3);
    expect(copy.prepare('SELECT title FROM conversations').pluck().all()).toEqual(['Kept safe']);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('takes no backup of a new file or of one already up to date', async () => {
    (await openHistory(temp.file)).close();
    (await openHistory(temp.file)).close();
    expect(fs.existsSync(backupDirFor(temp.file))).toBe(false);
  });

  it('still opens an up-to-date history read-only without a backup', async () => {
    (await openHistory(temp.file)).close();
    const h = await openHistory(temp.file, { readonly: true });
    expect(h.listConversations()).toEqual([]);
    h.close();
    expect(fs.existsSync(backupDirFor(temp.file))).toBe(false);
  });

  it('does not upgrade, and changes nothing, when the backup cannot be written', async () => {
    oldHistory(3);
    const before = fs.readFileSync(temp.file);
    // A file where the backup folder should be: the copy cannot be made.
    const blocked = path.join(temp.dir, 'blocked');
    fs.writeFileSync(blocked, 'not a folder');

    let thrown: unknown;
    try {
      await openHistory(temp.file, { backupDir: blocked });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(HistoryError);
    expect((thrown as HistoryError).message).toMatch(/could not back up your conversations before upgrading them, so nothing was changed/);
    expect(fs.readFileSync(temp.file).equals(before)).toBe(true);
    const check = new Database(temp.file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(3);
    check.close();

    // With room for the copy, the same file upgrades.
    const h = await openHistory(temp.file, { backupDir: path.join(temp.dir, 'elsewhere') });
    expect(h.listConversations().map((c) => c.title)).toEqual(['Kept safe']);
    h.close();
    expect(listBackups(path.join(temp.dir, 'elsewhere'))).toHaveLength(1);
    expect(latestVersion()).toBeGreaterThan(3);
  });

  it('keeps the newest five, ordered by time even within one second, and leaves other files alone', () => {
    const backups = path.join(temp.dir, 'backups');
    fs.mkdirSync(backups);
    const at = (s: number) => new Date(Date.UTC(2025, 0, 2, 3, 4, s));
    const names = [
      backupFileName(at(1), 1),
      backupFileName(at(2), 2),
      backupFileName(at(3), 3),
      backupFileName(at(3), 3, 1),
      backupFileName(at(3), 3, 2),
      backupFileName(at(4), 3),
      backupFileName(at(5), 3),
    ];
    expect(names[0]).toBe('duet-20250102-030401-v1.sqlite');
    expect(names[3]).toBe('duet-20250102-030403-v3-1.sqlite');
    for (const n of [...names].reverse()) fs.writeFileSync(path.join(backups, n), '');
    fs.writeFileSync(path.join(backups, 'notes.txt'), 'mine');

    expect(listBackups(backups)).toEqual(names);
    expect(pruneBackups(backups)).toEqual(names.slice(0, 2));
    expect(fs.readdirSync(backups).sort()).toEqual([...names.slice(2), 'notes.txt'].sort());
  });

  it('never overwrites a backup taken within the same second', async () => {
    oldHistory(2);
    const db = openDatabase(temp.file);
    try {
      const now = new Date(Date.UTC(2025, 5, 6, 7, 8, 9));
      const first = await backupHistory(db, 2, { now });
      const second = await backupHistory(db, 2, { now });
      expect(path.basename(first)).toBe('duet-20250606-070809-v2.sqlite');
      expect(path.basename(second)).toBe('duet-20250606-070809-v2-1.sqlite');
      expect(listBackups(backupDirFor(temp.file))).toEqual([path.basename(first), path.basename(second)]);
      expect(fs.readdirSync(backupDirFor(temp.file)).some((f) => f.endsWith('.partial'))).toBe(false);
    } finally {
      db.close();
    }
  });

  it('deletes a conversation from the backups too, leaving the others there', async () => {
    const marker = 'okapi-umbra-9182';
    const db = openDatabase(temp.file);
    migrate(db, { to: 3 });
    const insert = db.prepare('INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, 1, 1)');
    insert.run('gone', `About ${marker}`);
    insert.run('kept', 'Kept safe');
    db.prepare(
      "INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at, updated_at) VALUES ('m1', 'gone', 1, 'user', ?, 'complete', 1, 1)",
    ).run(`Tell me about ${marker}`);
    db.close();

    const h = await openHistory(temp.file);
    const backup = path.join(backupDirFor(temp.file), listBackups(backupDirFor(temp.file))[0]!);
    const holdsMarker = (): boolean => [backup, `${backup}-wal`].some((f) => fs.existsSync(f) && fs.readFileSync(f).includes(Buffer.from(marker)));
    expect(holdsMarker()).toBe(true);

    expect(h.deleteConversation('gone')).toBe(true);
    h.close();
    expect(holdsMarker()).toBe(false);
    const copy = new Database(backup, { readonly: true });
    expect(copy.prepare('SELECT id FROM conversations').pluck().all()).toEqual(['kept']);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });
});
