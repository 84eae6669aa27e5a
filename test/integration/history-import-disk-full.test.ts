// A full disk during an import: an upload that does not fit imports nothing and leaves nothing behind;
// an import whose writes fill the disk part-way says how many conversations went in and what to do,
// and importing the same file again once there is space adds the rest. Mounts a small tmpfs as the
// data folder, so it needs root on Linux; elsewhere it is skipped with a note.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, type TestContext } from 'vitest';
import { HTTP_UPLOAD_IMPORT, type ConversationSummary, type ImportSummary, type Result } from '../../src-main/contract/index.js';
import { createDuetCore } from '../../src-main/core/create-core.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { UPLOADS_FOLDER } from '../../src-main/core/import-upload.js';
import { createBridgeServer } from '../../src-main/server/http-bridge.js';
import { writeChatGptExport } from '../support/chatgpt-export.js';
import { valueOf } from '../support/core-driver.js';
import { makeTempDir } from '../support/temp-dir.js';

const TOKEN = 'disk-full-token';
let temp: ReturnType<typeof makeTempDir> | null = null;
let dataDir = '';
let mounted = false;
let core: DuetCore | null = null;
let server: Server | null = null;

afterEach(async () => {
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server!.close(resolve));
  }
  server = null;
  await core?.close();
  core = null;
  if (mounted) execFileSync('umount', [dataDir]);
  mounted = false;
  temp?.remove();
  temp = null;
});

/** A data folder on a tmpfs of `size`, or skips the test where mounting is not possible. */
function smallDisk(context: TestContext, size: string): void {
  temp = makeTempDir('import-disk-full');
  dataDir = path.join(temp.dir, 'data');
  mkdirSync(dataDir);
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    console.log('Skipped the full-disk import test: mounting a small disk needs root on Linux.');
    context.skip();
  }
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dataDir], { encoding: 'utf8' });
  if (mount.status !== 0) {
    console.log(`Skipped the full-disk import test: mount failed: ${mount.stderr.trim()}`);
    context.skip();
  }
  mounted = true;
}

async function list(c: DuetCore): Promise<ConversationSummary[]> {
  return valueOf<ConversationSummary[]>(await c.call('conversations.list', {}));
}

function uploadsLeft(): string[] {
  const dir = path.join(dataDir, UPLOADS_FOLDER);
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe('importing onto a full disk', () => {
  it('refuses an upload that does not fit, names the full disk, imports nothing and keeps nothing of it', async (context) => {
    smallDisk(context, '4M');
    core = await createDuetCore({ dataDir, version: 'test' });
    server = createBridgeServer({ core, token: TOKEN, staticDir: temp!.dir });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const file = path.join(temp!.dir, 'conversations.json');
    await writeChatGptExport(file, { conversations: 400, turns: 5, messageChars: 2000 }); // ~8 MiB
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${HTTP_UPLOAD_IMPORT}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: readFileSync(file),
    });
    const body = (await res.json()) as Result<ImportSummary>;
    expect(body).toMatchObject({
      ok: false,
      error: { code: 'storage_full', message: expect.stringMatching(/^The disk is full: .*nothing was imported\. Free some space/) },
    });
    expect(uploadsLeft()).toEqual([]);
    expect(await list(core)).toEqual([]);
  });

  it('says how many conversations went in when the disk fills part-way, and a second import adds the rest', async (context) => {
    smallDisk(context, '4M');
    core = await createDuetCore({ dataDir, version: 'test' });
    // The file lies outside the small disk (as one picked in the desktop app would): only the history fills it.
    const file = path.join(temp!.dir, 'conversations.json');
    const total = 300;
    await writeChatGptExport(file, { conversations: total, turns: 5, messageChars: 2000 });
    const first = await core.call('history.importFile', { path: file });
    expect(first.ok).toBe(false);
    if (first.ok) return;
    expect(first.error.code).toBe('storage_full');
    const written = (await list(core)).length;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(total);
    expect(first.error.message).toBe(
      `Duet imported ${written} of ${total} conversations, then stopped: the disk is full. Free some space, then import the file again to add the rest (the conversations already imported are skipped).`,
    );

    execFileSync('mount', ['-o', 'remount,size=64M', dataDir]);
    const second = valueOf<ImportSummary>(await core.call('history.importFile', { path: file }));
    expect(second).toMatchObject({ conversations: total - written, skipped: written });
    expect(await list(core)).toHaveLength(total);
  });
});
