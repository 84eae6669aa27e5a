// One Duet per data folder. A second Duet on a folder that one already uses must leave it alone:
// before the lock, its start marked the first one's live answer "interrupted" (and could hold the
// write lock the first one needed), even when it then failed on a busy port.
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { DuetEvent, Message } from '../../src-main/contract/index.js';
import { createDuetCore } from '../../src-main/core/create-core.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { BENCH_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { BridgeClient } from '../support/bridge-client.js';
import { runServerToExit, startServer, type RunningServer } from '../support/headless-server.js';
import { makeTempDir } from '../support/temp-dir.js';

type SendResult = { conversationId: string; assistantMessage: Message };
type Updated = Extract<DuetEvent, { type: 'message.updated' }>;

const temps: ReturnType<typeof makeTempDir>[] = [];
const servers: RunningServer[] = [];
const cores: DuetCore[] = [];

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
});
afterAll(async () => {
  for (const server of servers) await server.kill9().catch(() => []);
  for (const temp of temps) temp.remove();
});

function tempDir(name: string): string {
  const temp = makeTempDir(name);
  temps.push(temp);
  return temp.dir;
}

/** The stored status of one message, read by a separate connection as another program would. */
function storedStatus(dataDir: string, messageId: string): string | undefined {
  const db = new Database(path.join(dataDir, 'duet.sqlite'), { readonly: true });
  try {
    return db.prepare<[string], { status: string }>('SELECT status FROM messages WHERE id = ?').get(messageId)?.status;
  } finally {
    db.close();
  }
}

describe('one Duet per data folder', () => {
  it('a second serve on the same folder exits naming the first, whose live answer goes on untouched', async () => {
    if (!existsSync(BENCH_MODEL_FILE)) throw new Error(`${BENCH_MODEL_FILE} is missing: run \`npm run fixtures -- --bench\` first.`);
    const dataDir = tempDir('one-instance');
    const first = await startServer({ model: BENCH_MODEL_FILE, dataDir });
    servers.push(first);
    const client = new BridgeClient(first.url);
    const events = await client.events();
    const sent = await client.call<SendResult>('chat.send', { conversationId: null, text: 'Tell me a very long story about the sea.' });
    const answerId = sent.assistantMessage.id;
    await events.waitFor((e) => e.type === 'message.delta' && e.messageId === answerId, 120_000, 'the first streamed words');

    const address = `http://127.0.0.1:${first.port}/`;
    // Once on the port the first one holds, once on a free port: both refuse to start.
    for (const port of [first.port, 0]) {
      const second = await runServerToExit({ model: null, dataDir, port });
      expect(second.code).toBe(1);
      expect(second.output).toContain('Duet is already running with this data folder');
      expect(second.output).toContain(`process ${first.process.pid}`);
      expect(second.output).toContain(address);
      expect(second.output).toMatch(/--data <another folder>/);
      expect(second.output).not.toMatch(/port is in use|Duet is ready/);
      // The answer the first one is writing is still its own.
      expect(storedStatus(dataDir, answerId)).toBe('streaming');
    }

    // The first Duet still answers calls and streams; stopping the answer ends it as the user asked.
    expect((await client.call<{ dataDir: string }>('app.info')).dataDir).toBe(dataDir);
    const ended = events.waitFor((e) => e.type === 'message.updated' && e.message.id === answerId && e.message.status !== 'streaming', 60_000, 'the answer to end');
    await client.call('chat.stop', { conversationId: sent.conversationId });
    const finished = ((await ended) as Updated).message;
    expect(finished.status).toBe('stopped');
    expect(finished.content.length).toBeGreaterThan(0);
    expect(storedStatus(dataDir, answerId)).toBe('stopped');
    events.close();

    // A crash releases the folder: the OS drops the lock with the process, so no stale lock remains.
    await first.kill9();
    const next = await startServer({ model: null, dataDir });
    servers.push(next);
    const nextClient = new BridgeClient(next.url);
    expect((await nextClient.call<{ dataDir: string }>('app.info')).dataDir).toBe(dataDir);
    await next.stop();
  }, 240_000);

  it('a second core in the same process is refused too, and the folder is free again after close', async () => {
    const dataDir = tempDir('one-instance-core');
    const core = await createDuetCore({ dataDir, version: 'test' });
    cores.push(core);
    const error = await createDuetCore({ dataDir, version: 'test' }).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(error?.code).toBe('busy');
    expect(error?.message).toContain('Duet is already running with this data folder');
    expect(error?.message).toContain(`process ${process.pid}`);

    await cores.pop()!.close();
    const again = await createDuetCore({ dataDir, version: 'test' });
    cores.push(again);
    expect((await again.call('app.info', {})).ok).toBe(true);
  });
});
