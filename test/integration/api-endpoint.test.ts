// Duet as every app's router: the official `openai` client against a running `serve` with its
// OpenAI-compatible endpoint on, a fixture model locally and the loopback cloud behind it.
import http from 'node:http';
import OpenAI, { APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationDetail, ConversationSummary, Savings } from '../../src-main/contract/index.js';
import { CLOUD_GREETING_ANSWER, CLOUD_MODEL_NAME, TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { BridgeClient } from '../support/bridge-client.js';
import { startServer, type RunningServer } from '../support/headless-server.js';
import { startLoopbackCloud, type LoopbackCloud } from '../support/loopback-cloud.js';
import { makeTempDir } from '../support/temp-dir.js';

let cloud: LoopbackCloud;
let server: RunningServer;
let bridge: BridgeClient;
let temp: ReturnType<typeof makeTempDir>;
let baseURL: string;
let key: string;
let client: OpenAI;

beforeAll(async () => {
  cloud = await startLoopbackCloud();
  temp = makeTempDir('api-endpoint');
  server = await startServer({
    model: TINY_MODEL_FILE,
    dataDir: temp.dir,
    args: ['--api-port', '0', '--cloud-url', cloud.baseUrl, '--cloud-model', CLOUD_MODEL_NAME],
  });
  const line = await server.waitForOutput(/OpenAI-compatible API for other apps: (\S+)\s+\(model duet-auto, key (\S+)\)/);
  const match = /API for other apps: (\S+)\s+\(model duet-auto, key (\S+)\)/.exec(line)!;
  baseURL = match[1]!;
  key = match[2]!;
  client = new OpenAI({ baseURL, apiKey: key, maxRetries: 0 });
  bridge = new BridgeClient(server.url);
  // The local model must be loaded before duet-auto can choose it.
  for (let i = 0; i < 600; i++) {
    const info = await bridge.call<{ model: { state: string } }>('app.info');
    if (info.model.state === 'ready') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

afterAll(async () => {
  await server?.stop();
  await cloud?.stop();
  temp?.remove();
});

/** A raw request to the endpoint, for what the SDK would not send. */
function raw(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: { error?: { code: string | null; message: string } } }> {
  const url = new URL(path, baseURL.replace(/\/v1$/, '/'));
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: { authorization: `Bearer ${key}`, ...init.headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as { error?: { code: string | null; message: string } }) : {} }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('the OpenAI-compatible endpoint, through the router', () => {
  it("lists Duet's three models and the local and cloud models by name", async () => {
    const ids = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(['duet-auto', 'duet-local', 'duet-cloud', 'duet-tiny-chat', CLOUD_MODEL_NAME]);
  });

  it('answers duet-local on this machine and says where it ran and why, in headers and body', async () => {
    const { data, response } = await client.chat.completions.create({ model: 'duet-local', messages: [{ role: 'user', content: 'Hello' }] }).withResponse();
    expect(data.choices[0]?.message.content).toBe(TINY_GREETING_ANSWER);
    expect(response.headers.get('x-duet-route')).toBe('local');
    expect(response.headers.get('x-duet-reasons')).toBe('mode-local');
    const duet = (data as unknown as { duet: { route: string; model: string; reasons: { code: string; message: string }[] } }).duet;
    expect(duet).toMatchObject({ route: 'local', model: 'duet-tiny-chat', reasons: [{ code: 'mode-local' }] });
    expect(data.usage?.completion_tokens).toBeGreaterThan(0);
  });

  it('streams duet-cloud from the cloud, with provenance in the last chunk and usage when asked', async () => {
    const before = cloud.chatRequests();
    const stream = await client.chat.completions.create({
      model: 'duet-cloud',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hello' },
      ],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    const chunks: unknown[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk);
      text += chunk.choices[0]?.delta.content ?? '';
    }
    expect(text).toBe(CLOUD_GREETING_ANSWER);
    expect(cloud.chatRequests()).toBe(before + 1);
    const last = chunks.at(-2) as { duet: { route: string }; choices: { finish_reason: string }[] };
    expect(last.duet.route).toBe('cloud');
    expect(last.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: expect.any(Number) as number } });
    // The app's system message reached the cloud, first, in place of Duet's own.
    expect(cloud.chatBodies().at(-1)).toMatchObject({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hello' },
      ],
    });
  });

  it("honours the app's length, stop text and sampling on the local model", async () => {
    const short = await client.chat.completions.create({ model: 'duet-local', max_tokens: 3, messages: [{ role: 'user', content: 'Hello' }] });
    expect(short.choices[0]).toMatchObject({ message: { content: 'Hello from the' }, finish_reason: 'length' });
    const stopped = await client.chat.completions.create({
      model: 'duet-local',
      stop: ' tiny',
      temperature: 0.2,
      top_p: 0.9,
      seed: 7,
      messages: [{ role: 'user', content: 'Hello' }],
    });
    expect(stopped.choices[0]).toMatchObject({ message: { content: 'Hello from the' }, finish_reason: 'stop' });
  });

  it('answers the local and the cloud model by their own names too', async () => {
    const byName = async (model: string) => (await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'Hello' }] }).withResponse()).response;
    expect((await byName('duet-tiny-chat')).headers.get('x-duet-route')).toBe('local');
    expect((await byName(CLOUD_MODEL_NAME)).headers.get('x-duet-route')).toBe('cloud');
  });

  it('lets duet-auto decide: an easy question stays local, with the reason', async () => {
    const { data, response } = await client.chat.completions.create({ model: 'duet-auto', messages: [{ role: 'user', content: 'Hello' }] }).withResponse();
    expect(response.headers.get('x-duet-route')).toBe('local');
    expect(response.headers.get('x-duet-reasons')).toBe('easy');
    expect(data.choices[0]?.message.content).toBe(TINY_GREETING_ANSWER);
  });

  it('refuses to send personal data to duet-cloud, with a clear error and nothing sent', async () => {
    const before = cloud.chatRequests();
    const refused = await client.chat.completions
      .create({
        model: 'duet-cloud',
        messages: [
          { role: 'user', content: 'My e-mail is jane.doe@example.com.' },
          { role: 'assistant', content: 'Noted.' },
          { role: 'user', content: 'Write me a haiku.' },
        ],
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(APIError);
    expect(refused).toMatchObject({ status: 400, code: 'kept_private', message: expect.stringMatching(/e-mail address, so Duet keeps it on this machine/) as string });
    expect(cloud.chatRequests()).toBe(before);
  });

  it("files each app's conversation under its name, continues it on a follow-up, and counts it in the savings", async () => {
    const named = new OpenAI({ baseURL, apiKey: key, maxRetries: 0 });
    const first = await named.chat.completions.create({ model: 'duet-local', user: 'notes-app', messages: [{ role: 'user', content: 'Hello there' }] });
    const answer = first.choices[0]?.message.content ?? '';
    const followUp = await named.chat.completions.create({
      model: 'duet-local',
      user: 'notes-app',
      messages: [
        { role: 'user', content: 'Hello there' },
        { role: 'assistant', content: answer },
        { role: 'user', content: 'And again' },
      ],
    });
    const ids = [first, followUp].map((c) => (c as unknown as { duet: { conversation_id: string } }).duet.conversation_id);
    expect(ids[1]).toBe(ids[0]);
    const list = await bridge.call<ConversationSummary[]>('conversations.list');
    const filed = list.find((c) => c.id === ids[0]);
    expect(filed).toMatchObject({ client: 'notes-app', title: 'Hello there', messageCount: 4 });
    const detail = await bridge.call<ConversationDetail>('conversations.open', { id: ids[0] });
    expect(detail.messages.map((m) => m.content)).toEqual(['Hello there', TINY_GREETING_ANSWER, 'And again', TINY_GREETING_ANSWER]);
    const hits = await bridge.call<{ hits: { conversationId: string }[] }>('history.search', { query: 'again' });
    expect(hits.hits.map((h) => h.conversationId)).toContain(ids[0]);
    const savings = await bridge.call<Savings>('history.savings', { days: 7 });
    expect(savings.local.answers).toBeGreaterThanOrEqual(4);
  });

  it("passes the app's tools to the cloud and hands back the calls the cloud chose, whole and streamed", async () => {
    const tools = [{ type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }];
    cloud.setFault({ kind: 'tool-call', name: 'get_weather', arguments: '{"city":"Paris"}' });
    try {
      const whole = await client.chat.completions.create({ model: 'duet-cloud', tools, messages: [{ role: 'user', content: 'Weather in Paris?' }] });
      expect(whole.choices[0]).toMatchObject({
        finish_reason: 'tool_calls',
        message: { content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
      });
      expect(cloud.chatBodies().at(-1)).toMatchObject({ tools, messages: [{ role: 'user', content: 'Weather in Paris?' }] });

      // The app runs the tool and sends its result back; duet-auto keeps tool requests on the cloud.
      const stream = await client.chat.completions.create({
        model: 'duet-auto',
        tools,
        stream: true,
        messages: [
          { role: 'user', content: 'Weather in Paris?' },
          { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
          { role: 'tool', tool_call_id: 'call_1', content: 'Sunny, 21 °C' },
        ],
      });
      const calls: unknown[] = [];
      let finish: string | null = null;
      for await (const chunk of stream) {
        calls.push(...(chunk.choices[0]?.delta.tool_calls ?? []));
        finish = chunk.choices[0]?.finish_reason ?? finish;
      }
      expect(finish).toBe('tool_calls');
      expect(calls).toEqual([{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }]);
      expect(cloud.chatBodies().at(-1)).toMatchObject({
        messages: [{ role: 'user' }, { role: 'assistant', tool_calls: [{ id: 'call_1' }] }, { role: 'tool', tool_call_id: 'call_1' }],
      });
    } finally {
      cloud.setFault({ kind: 'none' });
    }
  });

  it('refuses tools where the answer must stay local, saying why, and checks tool results for personal data', async () => {
    const tools = [{ type: 'function' as const, function: { name: 'lookup', parameters: { type: 'object' } } }];
    await expect(client.chat.completions.create({ model: 'duet-local', tools, messages: [{ role: 'user', content: 'Hello' }] })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/local model cannot call tools/) as string,
    });
    const before = cloud.chatRequests();
    await expect(
      client.chat.completions.create({
        model: 'duet-cloud',
        tools,
        messages: [
          { role: 'user', content: 'Who is the customer?' },
          { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'lookup', arguments: '{}' } }] },
          { role: 'tool', tool_call_id: 'c1', content: 'Jane, jane.doe@example.com' },
        ],
      }),
    ).rejects.toMatchObject({ status: 400, code: 'kept_private' });
    expect(cloud.chatRequests()).toBe(before);
  });

  it('stops the answer when the client hangs up', async () => {
    cloud.setFault({ kind: 'slow', delayMs: 400 });
    try {
      const controller = new AbortController();
      const stream = await client.chat.completions.create(
        { model: 'duet-cloud', user: 'hang-up-app', messages: [{ role: 'user', content: 'Hello' }], stream: true },
        { signal: controller.signal },
      );
      for await (const chunk of stream) {
        if (chunk.choices[0]?.delta.content) break;
      }
      controller.abort();
      let answer: { status: string } | undefined;
      for (let i = 0; i < 100 && answer?.status !== 'stopped'; i++) {
        const conversation = (await bridge.call<ConversationSummary[]>('conversations.list')).find((c) => c.client === 'hang-up-app');
        if (conversation) answer = (await bridge.call<ConversationDetail>('conversations.open', { id: conversation.id })).messages.at(-1);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(answer?.status).toBe('stopped');
    } finally {
      cloud.setFault({ kind: 'none' });
    }
  });
});

describe('the endpoint refuses what it must, in OpenAI error format', () => {
  it('a missing or wrong key: 401', async () => {
    const wrong = new OpenAI({ baseURL, apiKey: 'sk-not-the-key', maxRetries: 0 });
    await expect(wrong.models.list()).rejects.toMatchObject({ status: 401, code: 'invalid_api_key' });
    expect((await raw('/v1/models', { headers: { authorization: '' } })).status).toBe(401);
  });

  it('a question too long for the model that must answer it: 400 context_length_exceeded', async () => {
    const long = 'Tell me about the weather in this very long question. '.repeat(4000);
    await expect(client.chat.completions.create({ model: 'duet-local', messages: [{ role: 'user', content: long }] })).rejects.toMatchObject({
      status: 400,
      code: 'context_length_exceeded',
    });
  });

  it('an unknown model: 404 model_not_found', async () => {
    await expect(client.chat.completions.create({ model: 'gpt-5', messages: [{ role: 'user', content: 'Hi' }] })).rejects.toMatchObject({
      status: 404,
      code: 'model_not_found',
    });
  });

  it('malformed JSON and wrong types: 400; a body over 1 MiB: 413', async () => {
    const post = (body: string) => raw('/v1/chat/completions', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(await post('{"model": "duet-auto", "messages": [')).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
    expect(await post(JSON.stringify({ model: 'duet-auto', messages: 'Hello' }))).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    const big = JSON.stringify({ model: 'duet-auto', messages: [{ role: 'user', content: 'x'.repeat(1024 * 1024 + 10) }] });
    expect(await post(big)).toMatchObject({ status: 413, body: { error: { code: 'request_too_large' } } });
  });

  it('a Host that is not a loopback name (DNS rebinding) and a web page from an origin not allowed: 403', async () => {
    expect(await raw('/v1/models', { headers: { host: 'evil.example:4311' } })).toMatchObject({ status: 403, body: { error: { code: 'host_not_allowed' } } });
    expect(await raw('/v1/models', { headers: { origin: 'https://evil.example' } })).toMatchObject({ status: 403, body: { error: { code: 'origin_not_allowed' } } });
  });
});
