import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuetEvent } from '../../src-main/contract/index.js';
import { createDuetCore } from '../../src-main/core/create-core.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { createBridgeServer } from '../../src-main/server/http-bridge.js';
import { makeTempDir } from '../support/temp-dir.js';

const TOKEN = 'bridge-test-token';
let temp: ReturnType<typeof makeTempDir>;
let core: DuetCore;
let server: Server;
let base: string;

beforeAll(async () => {
  temp = makeTempDir('bridge');
  const staticDir = path.join(temp.dir, 'renderer');
  (await import('node:fs')).mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Duet</title>');
  writeFileSync(path.join(temp.dir, 'secret.txt'), 'not for the browser');
  core = await createDuetCore({ dataDir: path.join(temp.dir, 'data'), version: 'test' });
  server = createBridgeServer({ core, token: TOKEN, staticDir });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await core.close();
  temp.remove();
});

function call(channel: string, body: string, token: string | null = TOKEN) {
  return fetch(`${base}/api/call/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
}

/** A raw request, so the Host header can be anything (fetch will not let us forge it). */
function rawGet(pathname: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    http
      .get({ host: '127.0.0.1', port: url.port, path: pathname, headers: { host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

describe('HTTP bridge', () => {
  it('answers a call with the token', async () => {
    const res = await call('app.info', '{}');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { version: 'test' } });
  });

  it('refuses calls without the token or with a wrong one', async () => {
    for (const token of [null, 'wrong', `${TOKEN}x`]) {
      const res = await call('app.info', '{}', token);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
  });

  it('explains malformed requests', async () => {
    const badJson = await call('chat.send', '{"text": ');
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/JSON/) } });
    const unknown = await call('files.delete', '{}');
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/Unknown call/) } });
    const tooBig = await call('chat.send', JSON.stringify({ conversationId: null, text: 'x'.repeat(2 * 1024 * 1024) }));
    expect(tooBig.status).toBe(400);
    expect((await fetch(`${base}/api/call/app.info`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(405);
  });

  it('serves the renderer with a strict CSP and nothing outside it', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>Duet</title>');
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/nope.js']) {
      expect((await fetch(`${base}${attempt}`)).status).toBe(404);
    }
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    expect(await rawGet('/', 'evil.example:80')).toBe(403);
    expect(await rawGet('/', `localhost:${new URL(base).port}`)).toBe(200);
  });

  it('streams core events to the page as Server-Sent Events', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/api/events?token=${TOKEN}`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    await call('chat.send', JSON.stringify({ conversationId: null, text: 'Hello over HTTP' }));
    const events: DuetEvent[] = [];
    let buffer = '';
    while (!events.some((e) => e.type === 'message.updated' && e.message.role === 'assistant')) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (data) events.push(JSON.parse(data.slice(6)) as DuetEvent);
      }
    }
    controller.abort();
    expect(events).toContainEqual(expect.objectContaining({ type: 'message.updated', message: expect.objectContaining({ role: 'user', content: 'Hello over HTTP' }) }));
  });
});
