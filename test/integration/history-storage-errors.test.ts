import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createHistoryStore, HistoryError, migrate, openDatabase, openHistory } from '../../src-main/history/index.js';
import { useHistoryFolder } from '../support/history-fixture.js';

const temp = useHistoryFolder('history-storage');

async function thrown(run: () => unknown): Promise<HistoryError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof HistoryError) return e;
    throw e;
  }
  throw new Error('expected a HistoryError, nothing was thrown');
}

/** A history file with one conversation of two messages, closed again. */
async function seed(at = temp.file): Promise<{ conversationId: string; messageId: string }> {
  const h = await openHistory(at);
  const c = h.createConversation('Saved earlier');
  h.addMessage({ conversationId: c.id, role: 'user', content: 'Question', status: 'complete' });
  const m = h.addMessage({ conversationId: c.id, role: 'assistant', content: 'Answer', status: 'complete' });
  h.close();
  return { conversationId: c.id, messageId: m.id };
}

describe('a full disk', () => {
  // SQLite reports SQLITE_FULL both for ENOSPC and for a database at max_page_count: capping the page
  // count at the current size makes the next growth fail exactly like a full disk, with no mount needed.
  it('fails the save with storage_full and keeps the file sound with every earlier row', async () => {
    const db = openDatabase(temp.file);
    migrate(db);
    const h = temp.closeAfter(createHistoryStore(db));
    const c = h.createConversation('Filling up');
    const earlier = h.addMessage({ conversationId: c.id, role: 'user', content: 'saved before the disk filled', status: 'complete' });
    const streaming = h.addMessage({ conversationId: c.id, role: 'assistant', content: 'partial', status: 'streaming' });

    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const big = 'x'.repeat(1_000_000);

    const onAdd = await thrown(() => h.addMessage({ conversationId: c.id, role: 'user', content: big, status: 'complete' }));
    expect(onAdd.code).toBe('storage_full');
    expect(onAdd.message).toBe('The disk is full: Duet could not save the message. Free some space and try again.');
    const onUpdate = await thrown(() => h.updateMessage(streaming.id, { content: big }));
    expect(onUpdate.code).toBe('storage_full');

    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const detail = h.getConversation(c.id)!;
    expect(detail.messages).toEqual([earlier, streaming]);
    expect(detail.conversation.messageCount).toBe(2);

    // Space freed: the same save now works.
    db.pragma('max_page_count = 1073741823');
    expect(h.addMessage({ conversationId: c.id, role: 'user', content: big, status: 'complete' }).content).toHaveLength(1_000_000);
    h.close();
    const reopened = temp.closeAfter(await openHistory(temp.file));
    expect(
      reopened
        .getConversation(c.id)!
        .messages.map((m) => m.id)
        .slice(0, 2),
    ).toEqual([earlier.id, streaming.id]);
  });
});

describe('a read-only history', () => {
  // In-process, a read-only connection stands in for a write-protected file: the tests run as root,
  // and root writes through chmod 0444. The test below this one checks real file permissions.
  it('still opens for reading, and a write fails with storage_readonly (read-only connection)', async () => {
    const { conversationId, messageId } = await seed();
    const h = temp.closeAfter(await openHistory(temp.file, { readonly: true }));
    expect(h.listConversations().map((c) => c.id)).toEqual([conversationId]);

    const error = await thrown(() => h.createConversation('new'));
    expect(error.code).toBe('storage_readonly');
    expect(error.message).toContain(temp.file);
    expect(error.message).toMatch(/read-only/);
    expect((await thrown(() => h.addMessage({ conversationId, role: 'user', content: 'x', status: 'complete' }))).code).toBe('storage_readonly');
    expect((await thrown(() => h.updateMessage(messageId, { content: 'changed' }))).code).toBe('storage_readonly');
    expect((await thrown(() => h.saveSetting('showRouting', true))).code).toBe('storage_readonly');
    expect(h.getConversation(conversationId)!.messages.map((m) => m.content)).toEqual(['Question', 'Answer']);
  });

  it('refuses to open when it would have to upgrade a file it cannot write', async () => {
    const db = openDatabase(temp.file);
    migrate(db, { to: 1 });
    db.close();
    const error = await thrown(() => openHistory(temp.file, { readonly: true }));
    expect(error.code).toBe('storage_readonly');
  });

  // Real permissions, enforced by the kernel: the history is opened in a child process that is not
  // root (as `nobody` when these tests run as root, as the current user otherwise). Covers a chmod 0444
  // file in a writable folder, an existing history in a read-only folder, and a new one in a read-only
  // folder. Not covered: a read-only mount (that needs privileges to mount).
  const canDropToOtherUser = process.platform !== 'win32' && typeof process.getuid === 'function';
  it.skipIf(!canDropToOtherUser)('uses the real file permissions of a non-root user', async () => {
    fs.chmodSync(temp.dir, 0o755);
    // The user's data folder is writable, the history file in it is not.
    const writableFolder = path.join(temp.dir, 'writable');
    fs.mkdirSync(writableFolder);
    const lockedFile = path.join(writableFolder, 'duet.sqlite');
    const { conversationId } = await seed(lockedFile);
    fs.chmodSync(lockedFile, 0o444);
    fs.chmodSync(writableFolder, 0o777);
    // An existing history in a folder that cannot be written (SQLite must create its -shm and -wal there).
    const lockedFolder = path.join(temp.dir, 'locked');
    fs.mkdirSync(lockedFolder);
    const inLockedFolder = path.join(lockedFolder, 'duet.sqlite');
    await seed(inLockedFolder);
    fs.chmodSync(inLockedFolder, 0o666);
    fs.chmodSync(lockedFolder, 0o555);

    const results = runAsOtherUser([lockedFile, inLockedFolder, path.join(lockedFolder, 'new.sqlite')]);

    const [fileRo, folderRo, newInFolderRo] = results;
    expect(fileRo).toEqual({
      open: { ok: true },
      list: { ok: true, value: [conversationId] },
      create: { ok: false, code: 'storage_readonly' },
      setting: { ok: false, code: 'storage_readonly' },
    });
    expect(folderRo).toEqual({ open: { ok: false, code: 'storage_readonly' } });
    expect(newInFolderRo).toEqual({ open: { ok: false, code: 'storage_readonly' } });
    expect(fs.existsSync(path.join(lockedFolder, 'new.sqlite'))).toBe(false);
  });
});

type Outcome = { ok: true; value?: unknown } | { ok: false; code: string };

/** Opens each file in a child process without root's powers and reports what a user would meet. */
function runAsOtherUser(files: string[]): Record<string, Outcome>[] {
  const historyIndex = pathToFileURL(path.resolve('src-main/history/index.ts')).href;
  const script = path.join(temp.dir, 'child.mts');
  fs.writeFileSync(
    script,
    `import { openHistory } from ${JSON.stringify(historyIndex)};
const results = [];
for (const file of process.argv.slice(2)) {
  const out = {};
  const attempt = async (name, run) => {
    try { const value = await run(); out[name] = value === undefined ? { ok: true } : { ok: true, value }; }
    catch (e) { out[name] = { ok: false, code: e.code ?? String(e) }; }
  };
  let history;
  await attempt('open', async () => { history = await openHistory(file); });
  if (history) {
    await attempt('list', () => history.listConversations().map((c) => c.id));
    await attempt('create', () => { history.createConversation('new'); });
    await attempt('setting', () => { history.saveSetting('showRouting', true); });
    history.close();
  }
  results.push(out);
}
console.log(JSON.stringify(results));
`,
  );
  fs.chmodSync(script, 0o644);
  // tsx keeps a compile cache under TMPDIR: keep it inside the test's folder so nothing is left behind.
  const childTmp = path.join(temp.dir, 'tmp');
  fs.mkdirSync(childTmp, { mode: 0o777 });
  fs.chmodSync(childTmp, 0o777);
  const asRoot = process.getuid!() === 0;
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, ...files], {
    cwd: process.cwd(),
    encoding: 'utf8',
    env: { ...process.env, HOME: childTmp, TMPDIR: childTmp },
    timeout: 60_000,
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Record<string, Outcome>[];
}
