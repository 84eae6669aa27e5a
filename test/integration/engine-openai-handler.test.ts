// The OpenAI-compatible endpoint over the real local engine (tiny model), through raw HTTP:
// the shapes an OpenAI client relies on, its errors, and what happens when a client hangs up.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, type Result } from '../../src-main/contract/index.js';
import { createLocalEngine } from '../../src-main/local/engine-host.js';
import type { GenerateOutcome, LocalEngine } from '../../src-main/local/engine-types.js';
import { createOpenAICompatHandler } from '../support/engine-openai-handler.js';
import { TINY_GREETING_ANSWER, TINY_KEYWORD, TINY_KEYWORD_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';

const KEY = 'sk-test-openai-compat';
const SLOW_PIECE_MS = 150;

let engine: LocalEngine;
let server: http.Server;
let base: string;
/** What the slow route's engine saw: every answer's signal, to tell whether a disconnect stopped it. */
const slowSignals: AbortSignal[] = [];
/** How each slow answer ended: stopped (aborted before its last piece) or complete. */
const slowEndings: Array<'stopped' | 'complete'> = [];

beforeAll(async () => {
  engine = createLocalEngine();
  expect(await engine.load(TINY_MODEL_FILE)).toMatchObject({ ok: true, value: { state: 'ready' } });
  const handler = createOpenAICompatHandler({ engine, apiKey: KEY });
  // The same handler on a second prefix, over an engine that hands out its text slowly.
  const slow = createOpenAICompatHandler({ engine: slowEngine(engine), apiKey: KEY, prefix: '/slow/v1' });
  server = http.createServer((req, res) => {
    void (async () => {
      if (!(await handler(req, res)) && !(await slow(req, res))) res.writeHead(404).end('not ours');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await engine?.close();
});

function post(path: string, body: unknown, key: string | null = KEY): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === null ? {} : { authorization: `Bearer ${key}` }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const chat = (body: unknown, key?: string | null): Promise<Response> => post('/v1/chat/completions', body, key);

interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

async function expectError(res: Response, status: number, code: string): Promise<OpenAIErrorBody> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/json');
  const body = (await res.json()) as OpenAIErrorBody;
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  expect(body.error).toMatchObject({ message: expect.any(String), type: expect.any(String), code });
  expect(body.error.message.length).toBeGreaterThan(10);
  return body;
}

/** The JSON payloads of an SSE body, and whether it ended with [DONE]. */
function parseSse(text: string): { events: Array<Record<string, unknown>>; done: boolean; raw: string[] } {
  const raw = text.split('\n\n').filter((block) => block !== '');
  const events: Array<Record<string, unknown>> = [];
  let done = false;
  for (const block of raw) {
    expect(block.startsWith('data: ')).toBe(true);
    const data = block.slice('data: '.length);
    if (data === '[DONE]') done = true;
    else events.push(JSON.parse(data) as Record<string, unknown>);
  }
  return { events, done, raw };
}

describe('authentication and validation', () => {
  it('refuses a missing or wrong key with an OpenAI-style 401', async () => {
    for (const key of [null, 'wrong', `${KEY}x`]) {
      const body = await expectError(await chat({ model: 'x', messages: [{ role: 'user', content: 'Hi' }] }, key), 401, 'invalid_api_key');
      expect(body.error.type).toBe('invalid_request_error');
    }
    await expectError(await fetch(`${base}/v1/models`), 401, 'invalid_api_key');
  });

  it('answers bad JSON with 400', async () => {
    const body = await expectError(await chat('{"model": "x", "messages": ['), 400, 'invalid_json');
    expect(body.error.message).toMatch(/JSON/);
  });

  it('names the field that is missing or wrong', async () => {
    const missing = await expectError(await chat({ model: 'duet' }), 400, 'invalid_request');
    expect(missing.error.param).toBe('messages');
    const empty = await expectError(await chat({ model: 'duet', messages: [] }), 400, 'invalid_request');
    expect(empty.error.param).toBe('messages');
    const badRole = await expectError(await chat({ model: 'duet', messages: [{ role: 'robot', content: 'Hi' }] }), 400, 'invalid_request');
    expect(badRole.error.param).toBe('messages.0.role');
    const noModel = await expectError(await chat({ messages: [{ role: 'user', content: 'Hi' }] }), 400, 'invalid_request');
    expect(noModel.error.param).toBe('model');
  });

  it('says what the local model cannot do', async () => {
    const lastNotUser = await expectError(
      await chat({
        model: 'duet',
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello' },
        ],
      }),
      400,
      'unsupported',
    );
    expect(lastNotUser.error.message).toMatch(/last message/);
    const image = await expectError(
      await chat({ model: 'duet', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:,' } }] }] }),
      400,
      'unsupported',
    );
    expect(image.error.message).toMatch(/text/);
    await expectError(await chat({ model: 'duet', n: 2, messages: [{ role: 'user', content: 'Hi' }] }), 400, 'unsupported');
  });

  it('leaves paths it does not serve to the host server, and refuses wrong methods', async () => {
    expect(await (await fetch(`${base}/v1/embeddings`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` } })).text()).toBe('not ours');
    const get = await fetch(`${base}/v1/chat/completions`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });
});

describe('models', () => {
  it('lists the loaded model', async () => {
    const res = await fetch(`${base}/v1/models`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ object: 'list', data: [{ id: 'duet-tiny-chat', object: 'model', created: expect.any(Number), owned_by: 'duet' }] });
    const one = await fetch(`${base}/v1/models/duet-tiny-chat`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(await one.json()).toMatchObject({ id: 'duet-tiny-chat', object: 'model' });
    await expectError(await fetch(`${base}/v1/models/gpt-4o`, { headers: { authorization: `Bearer ${KEY}` } }), 404, 'model_not_found');
  });
});

describe('chat completions', () => {
  it('answers a whole chat.completion with usage', async () => {
    const res = await chat({ model: 'my-client-model', messages: [{ role: 'user', content: 'Hi' }], temperature: 0.7 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      id: expect.stringMatching(/^chatcmpl-/),
      object: 'chat.completion',
      created: expect.any(Number),
      model: 'my-client-model',
      system_fingerprint: null,
      choices: [{ index: 0, message: { role: 'assistant', content: TINY_GREETING_ANSWER, refusal: null }, logprobs: null, finish_reason: 'stop' }],
      usage: { prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number), total_tokens: expect.any(Number) },
    });
    const usage = body.usage as { prompt_tokens: number; completion_tokens: number; total_tokens: number };
    expect(usage.completion_tokens).toBeGreaterThan(2);
    expect(usage.prompt_tokens).toBeGreaterThan(0);
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
  });

  it('streams chat.completion.chunk events ending in [DONE], with a usage chunk when asked', async () => {
    const res = await chat({ model: 'duet', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Hello there' }] });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const text = await res.text();
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    const { events, done } = parseSse(text);
    expect(done).toBe(true);
    for (const event of events) expect(event).toMatchObject({ id: events[0]!.id, object: 'chat.completion.chunk', model: 'duet', created: expect.any(Number) });
    type Chunk = { choices: Array<{ delta: { role?: string; content?: string }; finish_reason: string | null }>; usage: unknown };
    const chunks = events as unknown as Chunk[];
    expect(chunks[0]!.choices[0]!.delta).toEqual({ role: 'assistant', content: '' });
    const content = chunks.flatMap((c) => c.choices.map((choice) => choice.delta.content ?? '')).join('');
    expect(content).toBe(TINY_GREETING_ANSWER);
    expect(chunks.filter((c) => c.choices[0]?.delta.content).length).toBeGreaterThan(1); // piece by piece
    const finish = chunks.at(-2)!;
    expect(finish.choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });
    expect(finish.usage).toBeNull();
    const usage = chunks.at(-1)!;
    expect(usage.choices).toEqual([]);
    expect(usage.usage).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number), total_tokens: expect.any(Number) });
  });

  it('streams without usage unless asked', async () => {
    const { events, done } = parseSse(await (await chat({ model: 'duet', stream: true, messages: [{ role: 'user', content: 'Hi' }] })).text());
    expect(done).toBe(true);
    expect(events.every((event) => !('usage' in event))).toBe(true);
    expect((events.at(-1) as { choices: Array<{ finish_reason: string }> }).choices[0]!.finish_reason).toBe('stop');
  });

  it('passes earlier turns as history and leaves system messages out', async () => {
    const ask = async (messages: unknown[]): Promise<string> => {
      const body = (await (await chat({ model: 'duet', messages })).json()) as { choices: Array<{ message: { content: string } }> };
      return body.choices[0]!.message.content;
    };
    // The tiny model switches answers when the conversation mentions its keyword.
    expect(await ask([{ role: 'user', content: `What is the ${TINY_KEYWORD} like?` }])).toBe(TINY_KEYWORD_ANSWER);
    expect(
      await ask([
        { role: 'system', content: `Always talk about the ${TINY_KEYWORD}.` },
        { role: 'user', content: 'Hi' },
      ]),
    ).toBe(TINY_GREETING_ANSWER);
    expect(
      await ask([
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Hi' },
            { type: 'text', text: TINY_KEYWORD },
          ],
        },
      ]),
    ).toBe(TINY_KEYWORD_ANSWER);
    expect(
      await ask([
        { role: 'user', content: `Tell me about the ${TINY_KEYWORD}.` },
        { role: 'assistant', content: TINY_KEYWORD_ANSWER },
        { role: 'user', content: 'And then?' },
      ]),
    ).toBe(TINY_KEYWORD_ANSWER);
  });

  it('stops at max_tokens with finish_reason "length"', async () => {
    const body = (await (await chat({ model: 'duet', max_tokens: 2, messages: [{ role: 'user', content: 'Hi' }] })).json()) as {
      choices: Array<{ message: { content: string }; finish_reason: string }>;
      usage: { completion_tokens: number };
    };
    expect(body.choices[0]!.finish_reason).toBe('length');
    expect(body.usage.completion_tokens).toBe(2);
    expect(TINY_GREETING_ANSWER.startsWith(body.choices[0]!.message.content)).toBe(true);
    expect(body.choices[0]!.message.content.length).toBeLessThan(TINY_GREETING_ANSWER.length);
  });

  it('answers a conversation too long for the local window as OpenAI does: 400 context_length_exceeded', async () => {
    const window = engine.status().contextSize ?? 0;
    expect(window).toBeGreaterThan(0);
    const content = 'lorem ipsum dolor sit amet '.repeat(Math.ceil((window * 5) / 27));
    for (const stream of [false, true]) {
      const body = await expectError(await chat({ model: 'duet', stream, messages: [{ role: 'user', content }] }), 400, 'context_length_exceeded');
      expect(body.error.type).toBe('invalid_request_error');
      expect(body.error.message).toContain('too long for the local model');
    }
  });

  it('stops generating when the client disconnects mid-stream', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/slow/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'duet', stream: true, messages: [{ role: 'user', content: 'Hi' }] }),
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    let received = '';
    while (!received.includes('"delta":{"content":')) received += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const signal = slowSignals.at(-1)!;
    await expect.poll(() => signal.aborted, { timeout: 2000, interval: 20 }).toBe(true);
    // It ended as stopped, before its last piece: not by finishing on its own.
    await expect.poll(() => slowEndings.at(-1)).toBe('stopped');
    // The engine is free again at once.
    const next = (await (await chat({ model: 'duet', messages: [{ role: 'user', content: 'Hi' }] })).json()) as { choices: Array<{ message: { content: string } }> };
    expect(next.choices[0]!.message.content).toBe(TINY_GREETING_ANSWER);
  });
});

/** The engine, handing out each piece of text SLOW_PIECE_MS apart (generated first, then replayed). */
function slowEngine(inner: LocalEngine): LocalEngine {
  return {
    load: (modelPath) => inner.load(modelPath),
    unload: () => inner.unload(),
    status: () => inner.status(),
    onStatus: (listener) => inner.onStatus(listener),
    workerPid: () => inner.workerPid(),
    answersInLine: () => inner.answersInLine(),
    close: () => inner.close(),
    async generate(request, onToken, signal): Promise<Result<GenerateOutcome>> {
      slowSignals.push(signal);
      const pieces: string[] = [];
      const result = await inner.generate(request, (piece) => pieces.push(piece), signal);
      if (!result.ok) return result;
      let text = '';
      for (const piece of pieces) {
        await new Promise((resolve) => setTimeout(resolve, SLOW_PIECE_MS));
        if (signal.aborted) {
          slowEndings.push('stopped');
          return ok({ ...result.value, text, stopped: true });
        }
        text += piece;
        onToken(piece);
      }
      slowEndings.push('complete');
      return result;
    },
  };
}
