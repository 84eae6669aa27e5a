// A write the disk refuses must fail loudly, never "succeed" and vanish. The commit is where a full disk
// shows up in WAL mode: the statement itself only changes pages in memory, and the commit appends
// them to the -wal file. An `UPDATE … RETURNING` read with `.get()` stopped at its first row and
// never saw the commit fail, so a streaming answer's saves were dropped without a word.
//
// A real full disk needs a mount (see answer-save-faults.test.ts); here a child process runs with a
// file-size limit (`ulimit -f`), which makes the -wal file refuse to grow the same way, as any user.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useHistoryFolder } from '../support/history-fixture.js';

const temp = useHistoryFolder('history-commit');
const canLimitFileSize = process.platform !== 'win32';

/** Runs `body` (a module body with `openHistory` and `file` in scope) in a child whose files may not grow past `limitKiB`. */
function runWithFileLimit(limitKiB: number, body: string): unknown {
  const historyIndex = pathToFileURL(path.resolve('src-main/history/index.ts')).href;
  const script = path.join(temp.dir, 'child.mts');
  fs.writeFileSync(
    script,
    `import { openHistory } from ${JSON.stringify(historyIndex)};
// Past the limit the kernel sends SIGXFSZ, which would end the process; ignored, the write fails instead.
process.on('SIGXFSZ', () => {});
const file = ${JSON.stringify(temp.file)};
const out = await (async () => { ${body} })();
console.log(JSON.stringify(out));
`,
  );
  const childTmp = path.join(temp.dir, 'tmp');
  fs.mkdirSync(childTmp);
  // tsx keeps a compile cache under TMPDIR: inside the test's folder, nothing is left behind. Its
  // cache is written before the limit matters (the limit is far above any cache file).
  const child = spawnSync('bash', ['-c', `ulimit -f ${limitKiB} && exec "$0" --import tsx "$1"`, process.execPath, script], {
    cwd: process.cwd(),
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: childTmp },
    timeout: 60_000,
  });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!);
}

describe('a commit the disk refuses', () => {
  it.skipIf(!canLimitFileSize)('makes updateMessage fail, and every save it reported as done is on disk', () => {
    // Saves a growing answer (as streaming does) until one fails; remembers the last one reported saved.
    const out = runWithFileLimit(
      1024,
      `const h = await openHistory(file);
       const c = h.createConversation('Growing');
       const m = h.addMessage({ conversationId: c.id, role: 'assistant', content: '', status: 'streaming' });
       let text = '';
       let lastSaved = '';
       let failure = null;
       // The -wal file holds every save's pages, so it passes the limit long before 200 saves.
       for (let i = 0; i < 200 && !failure; i++) {
         text += 'word '.repeat(200);
         try { lastSaved = h.updateMessage(m.id, { content: text }).content; }
         catch (e) { failure = { code: e.code, message: e.message }; }
       }
       h.close();
       return { id: m.id, lastSavedLength: lastSaved.length, failure };`,
    ) as { id: string; lastSavedLength: number; failure: { code: string; message: string } | null };

    expect(out.failure, 'no save failed though the file could not grow').not.toBeNull();
    // EFBIG past the limit reads as a disk error (internal); a full disk's ENOSPC as storage_full.
    expect(['storage_full', 'internal']).toContain(out.failure!.code);
    expect(out.failure!.message).toMatch(/disk/i);
    expect(out.lastSavedLength).toBeGreaterThan(0);

    const db = new Database(temp.file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const row = db.prepare('SELECT content FROM messages WHERE id = ?').get(out.id) as { content: string };
      expect(row.content.length).toBe(out.lastSavedLength);
    } finally {
      db.close();
    }
  });

  it('adds a message only when its commit succeeds', async () => {
    // addMessage runs in an explicit transaction, whose COMMIT reports the failure; kept that way.
    const out = runWithFileLimit(
      512,
      `const h = await openHistory(file);
       const c = h.createConversation('Growing');
       const added = [];
       let failure = null;
       for (let i = 0; i < 1000 && !failure; i++) {
         try { added.push(h.addMessage({ conversationId: c.id, role: 'user', content: 'word '.repeat(400), status: 'complete' }).id); }
         catch (e) { failure = e.code; }
       }
       h.close();
       return { added, failure };`,
    ) as { added: string[]; failure: string | null };
    expect(out.failure).not.toBeNull();
    const h = await temp.open();
    const [conversation] = h.listConversations();
    expect(h.getConversation(conversation!.id)!.messages.map((m) => m.id)).toEqual(out.added);
  });
});

describe('a history write-locked by another program', () => {
  it('fails an update with busy after the short wait asked for, and the next one works once the lock is gone', async () => {
    const h = await temp.open();
    const c = h.createConversation('Locked');
    const m = h.addMessage({ conversationId: c.id, role: 'assistant', content: 'first', status: 'streaming' });
    const other = new Database(temp.file);
    other.exec('BEGIN IMMEDIATE');
    let error: unknown;
    try {
      h.updateMessage(m.id, { content: 'first and more' }, { waitMs: 20 });
    } catch (e) {
      error = e;
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    expect(error).toMatchObject({ code: 'busy', message: expect.stringMatching(/another program/) });
    expect(h.getMessage(m.id)!.content).toBe('first');
    expect(h.updateMessage(m.id, { content: 'first and more' }, { waitMs: 20 }).content).toBe('first and more');
  });
});
