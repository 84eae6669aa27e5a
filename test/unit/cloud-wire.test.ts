// What the provider puts on the wire, and how it reads a foreign server's stream: a bare HTTP server
// records each request (path, headers, body) and answers with hand-written OpenAI-style events.
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCloudProvider, type CloudProviderConfig } from '../../src-main/cloud/cloud-provider.js';
import { findPrice } from '../../src-main/cloud/prices.js';

const KEY = 'azure-key-0123456789';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

let server: http.Server;
let origin: string;
let seen: Seen[] = [];
/** The SSE events the server answers with (each becomes one `data:` line), then [DONE] unless `cut`. */
let reply: { events: object[]; cut?: boolean } = { events: [] };

const chunk = (content: string | null, extra: object = {}): object => ({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'gpt-4o-mini-2024-07-18',
  choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: content === null ? 'stop' : null }],
  ...extra,
});

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (data: Buffer) => (text += data.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: JSON.parse(text) as Record<string, unknown> });
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const event of reply.events) res.write(`data: ${JSON.stringify(event)}\n\n`);
      if (reply.cut) return void res.end();
      res.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  seen = [];
  reply = {
    events: [
      chunk('Hello'),
      chunk(' there'),
      chunk(null),
      { ...chunk(''), choices: [], usage: { prompt_tokens: 1_000_000, completion_tokens: 1_000_000, total_tokens: 2_000_000 } },
    ],
  };
});

async function ask(config: Partial<CloudProviderConfig>, systemPrompt?: string) {
  const provider = createCloudProvider({ baseUrl: `${origin}/v1`, model: 'gpt-4o-mini', apiKey: KEY, backoff: { initialMs: 5, maxMs: 10 }, ...config });
  const pieces: string[] = [];
  const result = await provider.generate(
    {
      history: [
        { role: 'user', content: 'Earlier' },
        { role: 'assistant', content: 'Reply' },
      ],
      prompt: 'Now',
      ...(systemPrompt ? { systemPrompt } : {}),
    },
    (p) => pieces.push(p),
    new AbortController().signal,
  );
  return { result, pieces };
}

describe('OpenAI-compatible requests', () => {
  it('sends the conversation as a streamed request with usage asked for, and a bearer key', async () => {
    const { result, pieces } = await ask({}, 'Be brief.');
    expect(result.ok).toBe(true);
    expect(pieces).toEqual(['Hello', ' there']);
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe('/v1/chat/completions');
    expect(request!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request!.body).toEqual({
      model: 'gpt-4o-mini',
      stream: true,
      stream_options: { include_usage: true },
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Earlier' },
        { role: 'assistant', content: 'Reply' },
        { role: 'user', content: 'Now' },
      ],
    });
  });

  it('reads usage from the last chunk, prices it, and reports the model the server names', async () => {
    const { result } = await ask({});
    if (!result.ok) throw new Error(result.error.message);
    const price = findPrice('gpt-4o-mini')!;
    expect(result.value.usage).toEqual({ promptTokens: 1_000_000, completionTokens: 1_000_000 });
    expect(result.value.costUsd).toBeCloseTo(price.inputPerMillion + price.outputPerMillion, 10);
    expect(result.value.stats).toMatchObject({ model: 'gpt-4o-mini-2024-07-18', tokens: 1_000_000 });
  });

  it('counts streamed pieces as tokens when the server reports no usage', async () => {
    reply = { events: [chunk('A'), chunk('B'), chunk('C'), chunk(null)] };
    const { result } = await ask({ streamUsage: false });
    if (!result.ok) throw new Error(result.error.message);
    expect(seen[0]!.body).not.toHaveProperty('stream_options');
    expect(result.value).toMatchObject({ text: 'ABC', usage: null, costUsd: null, stats: { tokens: 3 } });
  });

  it('does not let OPENAI_* variables meant for other tools leak into requests', async () => {
    const saved = { org: process.env.OPENAI_ORG_ID, base: process.env.OPENAI_BASE_URL };
    process.env.OPENAI_ORG_ID = 'org-elsewhere';
    process.env.OPENAI_BASE_URL = 'http://127.0.0.1:9/v1';
    try {
      const { result } = await ask({});
      expect(result.ok).toBe(true);
      expect(seen[0]!.headers['openai-organization']).toBeUndefined();
    } finally {
      if (saved.org === undefined) delete process.env.OPENAI_ORG_ID;
      else process.env.OPENAI_ORG_ID = saved.org;
      if (saved.base === undefined) delete process.env.OPENAI_BASE_URL;
      else process.env.OPENAI_BASE_URL = saved.base;
    }
  });

  it('turns an error event after some text into a failure that keeps the pieces shown, without retrying', async () => {
    reply = { events: [chunk('Half'), { error: { message: 'model overloaded', type: 'server_error' } }] };
    const { result, pieces } = await ask({});
    expect(pieces).toEqual(['Half']);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'cloud_server_error', message: expect.stringMatching(/broke off after 4 characters \(.*model overloaded/) },
    });
    expect(seen).toHaveLength(1);
  });

  it('accepts a stream that ends without [DONE] once the answer is complete', async () => {
    reply = { events: [chunk('Done'), chunk(null)], cut: true };
    const { result } = await ask({});
    expect(result).toMatchObject({ ok: true, value: { text: 'Done', stopped: false } });
  });
});

describe('Azure OpenAI', () => {
  it('addresses the deployment with the api-version query and sends the key as api-key', async () => {
    const { result } = await ask({ baseUrl: origin, model: 'my-deployment', azure: { apiVersion: '2024-10-21' } });
    expect(result.ok).toBe(true);
    const [request] = seen;
    expect(request!.url).toBe('/openai/deployments/my-deployment/chat/completions?api-version=2024-10-21');
    expect(request!.headers['api-key']).toBe(KEY);
    expect(request!.headers.authorization).toBeUndefined();
    expect(request!.body).toMatchObject({ model: 'my-deployment', stream: true, stream_options: { include_usage: true } });
  });

  it('keeps a base URL that already names the /openai path', async () => {
    await ask({ baseUrl: `${origin}/openai/`, model: 'dep', azure: { apiVersion: '2025-01-01-preview' } });
    expect(seen[0]!.url).toBe('/openai/deployments/dep/chat/completions?api-version=2025-01-01-preview');
  });

  it('prices a deployment by the model the server reports', async () => {
    const { result } = await ask({ baseUrl: origin, model: 'prod-chat', azure: { apiVersion: '2024-10-21' } });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.costUsd).not.toBeNull();
  });

  it('needs a key', async () => {
    const { result } = await ask({ baseUrl: origin, model: 'dep', apiKey: null, azure: { apiVersion: '2024-10-21' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'cloud_not_configured', message: expect.stringMatching(/API key/) } });
    expect(seen).toEqual([]);
  });
});

describe('configuration problems', () => {
  it('reports an unusable address or model as cloud_not_configured before sending anything', async () => {
    for (const config of [{ baseUrl: 'not a url' }, { baseUrl: 'ftp://example.com/v1' }, { model: '  ' }]) {
      const { result } = await ask(config);
      expect(result).toMatchObject({ ok: false, error: { code: 'cloud_not_configured' } });
    }
    expect(seen).toEqual([]);
  });
});
