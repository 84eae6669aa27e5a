// A large history import streams through the headless server: the file goes to disk as it arrives,
// is read in pieces and written in small transactions, so other calls are answered while it runs.
// An upload that is too large or cut off imports nothing and leaves nothing behind.
import { existsSync, readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_UPLOAD_IMPORT, IMPORT_MAX_BYTES, type ConversationSummary } from '../../src-main/contract/index.js';
import { UPLOADS_FOLDER } from '../../src-main/core/import-upload.js';
import { BridgeClient } from '../support/bridge-client.js';
import { generatedConversationId, writeChatGptExport } from '../support/chatgpt-export.js';
import { startServer, type RunningServer } from '../support/headless-server.js';
import { makeTempDir } from '../support/temp-dir.js';

// ~60 MiB: the size of a ChatGPT export of a few years of use.
const SHAPE = { conversations: 2800, turns: 5, messageChars: 2000 };
let temp: ReturnType<typeof makeTempDir>;
let server: RunningServer;
let client: BridgeClient;
let bigFile: string;
let dataDir: string;

beforeAll(async () => {
  temp = makeTempDir('history-upload');
  bigFile = path.join(temp.dir, 'conversations.json');
  await writeChatGptExport(bigFile, SHAPE);
  dataDir = path.join(temp.dir, 'data');
  server = await startServer({ model: null, dataDir });
  client = new BridgeClient(server.url);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  temp?.remove();
});

/** A raw upload request: headers as given, then `body`, then either the end or a dropped connection. */
function rawUpload(headers: http.OutgoingHttpHeaders, body: Buffer, then: 'end' | 'drop' | 'wait'): Promise<{ status: number; text: string } | null> {
  return new Promise((resolve) => {
    const req = http.request(`${client.base}${HTTP_UPLOAD_IMPORT}`, { method: 'POST', headers: { authorization: `Bearer ${client.token}`, ...headers } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', () => resolve(null));
    req.flushHeaders();
    if (body.length > 0) req.write(body);
    if (then === 'end') req.end();
    if (then === 'drop') setTimeout(() => req.destroy(), 200);
  });
}

function uploadsLeft(): string[] {
  const dir = path.join(dataDir, UPLOADS_FOLDER);
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe('importing a large ChatGPT export through the headless server', () => {
  it('answers other calls while the import runs, and imports every conversation', async () => {
    let finished = false;
    const importing = client.uploadImport(bigFile).finally(() => (finished = true));
    // Calls made while the import runs: each records whether it came back before the import did,
    // and how many conversations it saw (some but not all means it ran between two writes).
    const answeredDuring: string[] = [];
    const seenPartway: number[] = [];
    while (!finished) {
      const list = await client.call<ConversationSummary[]>('conversations.list');
      const info = await client.result('app.info');
      if (finished) break;
      expect(info.ok).toBe(true);
      answeredDuring.push('conversations.list', 'app.info');
      if (list.length > 0 && list.length < SHAPE.conversations) seenPartway.push(list.length);
    }
    const { status, body } = await importing;
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true, value: { format: 'chatgpt', conversations: SHAPE.conversations, messages: SHAPE.conversations * SHAPE.turns * 2, skipped: 0 } });
    expect(answeredDuring.length).toBeGreaterThan(2);
    expect(seenPartway.length).toBeGreaterThan(0);

    const list = await client.call<ConversationSummary[]>('conversations.list');
    expect(list).toHaveLength(SHAPE.conversations);
    expect(list.map((c) => c.id)).toContain(generatedConversationId(SHAPE.conversations - 1));
    expect(uploadsLeft()).toEqual([]);

    // Importing the same file again adds nothing.
    const again = await client.uploadImport(bigFile);
    expect(again.body).toMatchObject({ ok: true, value: { conversations: 0, skipped: SHAPE.conversations } });
  }, 600_000);

  it('refuses a file larger than the limit at once, imports nothing and keeps nothing', async () => {
    const before = (await client.call<ConversationSummary[]>('conversations.list')).length;
    const answer = await rawUpload({ 'content-length': IMPORT_MAX_BYTES + 1 }, Buffer.alloc(0), 'wait');
    expect(answer?.status).toBe(400);
    expect(JSON.parse(answer!.text)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringMatching(/too large to import \(256 MiB at most\)/) },
    });
    expect(await client.call<ConversationSummary[]>('conversations.list')).toHaveLength(before);
    expect(uploadsLeft()).toEqual([]);
  });

  it('imports nothing from an upload cut off part-way, keeps nothing of it, and keeps answering', async () => {
    const before = (await client.call<ConversationSummary[]>('conversations.list')).length;
    const file = await import('node:fs/promises').then((fs) => fs.readFile(bigFile));
    const part = file.subarray(0, 5 * 1024 * 1024);
    const answer = await rawUpload({ 'content-length': file.length }, part, 'drop');
    expect(answer).toBeNull(); // the connection was dropped by the client: no answer to read
    // The server notices the cut and removes the partial file; meanwhile it keeps answering.
    for (let i = 0; i < 200 && uploadsLeft().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(uploadsLeft()).toEqual([]);
    expect(await client.call<ConversationSummary[]>('conversations.list')).toHaveLength(before);
    expect((await client.result('app.info')).ok).toBe(true);
  });

  it('refuses an upload without the token', async () => {
    const res = await fetch(`${client.base}${HTTP_UPLOAD_IMPORT}`, { method: 'POST', body: '[]' });
    expect(res.status).toBe(401);
  });
});
