// The cloud provider end to end: the real `openai` SDK against the loopback cloud (a real HTTP
// server and a real model), with faults switched on to play every way a cloud can fail.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../src-main/contract/index.js';
import { createCloudProvider, type CloudOutcome, type CloudProviderConfig, type CloudRequest } from '../../src-main/cloud/cloud-provider.js';
import type { PriceTable } from '../../src-main/cloud/prices.js';
import { CLOUD_GREETING_ANSWER, TINY_GREETING_ANSWER } from '../fixtures/fixture-facts.js';
import { startLoopbackCloud, type LoopbackCloud } from '../support/loopback-cloud.js';

const KEY = 'sk-loopback-0123456789abcdef';
const PRICES: PriceTable = { asOf: 'test', models: { 'duet-cloud-chat': { inputPerMillion: 1_000, outputPerMillion: 2_000 } } };
const HI: CloudRequest = { history: [], prompt: 'Hi', systemPrompt: 'You are a test.' };

let cloud: LoopbackCloud;

beforeAll(async () => {
  cloud = await startLoopbackCloud({ apiKey: KEY });
});
afterAll(async () => {
  await cloud?.stop();
});
beforeEach(() => {
  cloud.setFault({ kind: 'none' });
});

/** A provider for the loopback cloud, with tiny backoff delays so that retries are quick. */
function provider(overrides: Partial<CloudProviderConfig> = {}): ReturnType<typeof createCloudProvider> {
  return createCloudProvider({
    baseUrl: cloud.baseUrl,
    model: cloud.model,
    apiKey: KEY,
    timeoutMs: 10_000,
    maxRetries: 2,
    prices: PRICES,
    backoff: { initialMs: 20, maxMs: 100 },
    ...overrides,
  });
}

interface Answer {
  result: Result<CloudOutcome>;
  pieces: string[];
  ms: number;
}

async function ask(
  overrides: Partial<CloudProviderConfig> = {},
  options: { signal?: AbortSignal; onPiece?: (piece: string) => void; request?: CloudRequest } = {},
): Promise<Answer> {
  const pieces: string[] = [];
  const startedAt = Date.now();
  const result = await provider(overrides).generate(
    options.request ?? HI,
    (piece) => {
      pieces.push(piece);
      options.onPiece?.(piece);
    },
    options.signal ?? new AbortController().signal,
  );
  return { result, pieces, ms: Date.now() - startedAt };
}

function valueOf(answer: Answer): CloudOutcome {
  if (!answer.result.ok) throw new Error(`expected an answer, got ${answer.result.error.code}: ${answer.result.error.message}`);
  return answer.result.value;
}

function errorOf(answer: Answer): { code: string; message: string } {
  if (answer.result.ok) throw new Error(`expected an error, got the answer ${JSON.stringify(answer.result.value.text)}`);
  expect(answer.result.error.message).not.toContain(KEY);
  return answer.result.error;
}

describe('answers', () => {
  it("streams the cloud model's answer in pieces, with usage and a cost estimate", async () => {
    const answer = await ask();
    const outcome = valueOf(answer);
    expect(outcome.text).toBe(CLOUD_GREETING_ANSWER);
    expect(outcome.text).not.toBe(TINY_GREETING_ANSWER);
    expect(answer.pieces.length).toBeGreaterThan(1);
    expect(answer.pieces.join('')).toBe(CLOUD_GREETING_ANSWER);
    expect(outcome.stopped).toBe(false);
    expect(outcome.retries).toBe(0);
    expect(outcome.usage).toEqual({ promptTokens: expect.any(Number), completionTokens: expect.any(Number) });
    const usage = outcome.usage!;
    expect(usage.completionTokens).toBeGreaterThanOrEqual(answer.pieces.length);
    expect(outcome.costUsd).toBeCloseTo((usage.promptTokens * 1_000 + usage.completionTokens * 2_000) / 1_000_000, 12);
    expect(outcome.costUsd).toBeGreaterThan(0);
    expect(outcome.stats).toMatchObject({ model: cloud.model, tokens: usage.completionTokens });
    expect(outcome.stats.ttftMs).toBeGreaterThan(0);
    expect(cloud.chatRequests()).toBeGreaterThan(0);
  });

  it('carries the conversation history', async () => {
    const outcome = valueOf(
      await ask(
        {},
        {
          request: {
            history: [
              { role: 'user', content: 'Hi' },
              { role: 'assistant', content: CLOUD_GREETING_ANSWER },
            ],
            prompt: 'Again?',
          },
        },
      ),
    );
    expect(outcome.text).toBe(CLOUD_GREETING_ANSWER);
  });

  it('has no cost estimate for a model missing from the price table', async () => {
    const outcome = valueOf(await ask({ prices: { asOf: 'test', models: {} } }));
    expect(outcome.usage).not.toBeNull();
    expect(outcome.costUsd).toBeNull();
  });

  it('stops mid-stream at once, keeping the text so far', async () => {
    cloud.setFault({ kind: 'slow', delayMs: 400 });
    const controller = new AbortController();
    let stoppedAt = 0;
    const answer = await ask(
      {},
      {
        signal: controller.signal,
        onPiece: () => {
          stoppedAt = Date.now();
          controller.abort();
        },
      },
    );
    const resolvedAfter = Date.now() - stoppedAt;
    const outcome = valueOf(answer);
    expect(outcome.stopped).toBe(true);
    expect(answer.pieces).toHaveLength(1);
    expect(outcome.text).toBe(answer.pieces[0]);
    expect(CLOUD_GREETING_ANSWER.startsWith(outcome.text)).toBe(true);
    // A sanity bound only: stop latency is a figure for benchmarks, not a timed test.
    expect(resolvedAfter).toBeLessThan(2000);
    // The cloud noticed the hang-up and is free for the next question.
    cloud.setFault({ kind: 'none' });
    expect(valueOf(await ask()).text).toBe(CLOUD_GREETING_ANSWER);
  });

  it('resolves stopped at once when aborted before anything arrived', async () => {
    cloud.setFault({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const answer = await ask({}, { signal: controller.signal });
    expect(valueOf(answer)).toMatchObject({ text: '', stopped: true, usage: null, costUsd: null });
    expect(answer.ms).toBeLessThan(1000);
  });
});

describe('failures', () => {
  it('maps a rejected key to cloud_auth, without retrying', async () => {
    const before = cloud.chatRequests();
    const error = errorOf(await ask({ apiKey: 'sk-wrong-key-123456' }));
    expect(error.code).toBe('cloud_auth');
    expect(error.message).toMatch(/rejected the API key/);
    expect(error.message).not.toContain('sk-wrong-key-123456');
    expect(cloud.chatRequests() - before).toBe(1);
  });

  it('retries a rate limit and then succeeds, counting the retries', async () => {
    cloud.setFault({ kind: 'status', status: 429, times: 2, retryAfterMs: 30 });
    const before = cloud.chatRequests();
    const outcome = valueOf(await ask());
    expect(outcome.text).toBe(CLOUD_GREETING_ANSWER);
    expect(outcome.retries).toBe(2);
    expect(cloud.chatRequests() - before).toBe(3);
  });

  it('waits as long as retry-after asks', async () => {
    cloud.setFault({ kind: 'status', status: 429, times: 1, retryAfterSeconds: 1 });
    const answer = await ask();
    expect(valueOf(answer).retries).toBe(1);
    expect(answer.ms).toBeGreaterThanOrEqual(1000);
  });

  it('gives up at once, with cloud_rate_limited, when the cloud asks for a long wait', async () => {
    cloud.setFault({ kind: 'status', status: 429, retryAfterSeconds: 120 });
    const before = cloud.chatRequests();
    const answer = await ask();
    const error = errorOf(answer);
    expect(error.code).toBe('cloud_rate_limited');
    expect(error.message).toMatch(/wait 120 s/);
    expect(cloud.chatRequests() - before).toBe(1);
    expect(answer.ms).toBeLessThan(2000);
  });

  it('reports cloud_rate_limited when the limit outlasts the retries', async () => {
    cloud.setFault({ kind: 'status', status: 429, retryAfterMs: 10 });
    const before = cloud.chatRequests();
    const error = errorOf(await ask({ maxRetries: 3 }));
    expect(error.code).toBe('cloud_rate_limited');
    expect(error.message).toMatch(/tried 4 times/);
    expect(cloud.chatRequests() - before).toBe(4);
  });

  it('reports cloud_server_error after maxRetries when the cloud keeps failing', async () => {
    cloud.setFault({ kind: 'status', status: 500 });
    const before = cloud.chatRequests();
    const error = errorOf(await ask({ maxRetries: 2 }));
    expect(error.code).toBe('cloud_server_error');
    expect(error.message).toMatch(/HTTP 500/);
    expect(cloud.chatRequests() - before).toBe(3);
  });

  it('recovers from a 503 that passes', async () => {
    cloud.setFault({ kind: 'status', status: 503, times: 1 });
    expect(valueOf(await ask())).toMatchObject({ text: CLOUD_GREETING_ANSWER, retries: 1 });
  });

  it('reports cloud_timeout when the cloud never answers', async () => {
    cloud.setFault({ kind: 'hang' });
    const before = cloud.chatRequests();
    const answer = await ask({ timeoutMs: 300 });
    const error = errorOf(answer);
    expect(error.code).toBe('cloud_timeout');
    expect(error.message).toMatch(/300 ms/);
    expect(answer.ms).toBeGreaterThanOrEqual(290);
    expect(answer.ms).toBeLessThan(2000);
    expect(cloud.chatRequests() - before).toBe(1); // the user already waited the whole timeout
  });

  it('reports cloud_timeout when the stream stalls mid-answer, after the first piece was shown', async () => {
    // Generous: the first piece comes from a real model on a possibly busy machine; the stall is far longer.
    cloud.setFault({ kind: 'slow', delayMs: 6000 });
    const before = cloud.chatRequests();
    const answer = await ask({ timeoutMs: 1500 });
    const error = errorOf(answer);
    expect(error.code).toBe('cloud_timeout');
    expect(answer.pieces).toHaveLength(1);
    expect(error.message).toContain(`broke off after ${answer.pieces[0]!.length} characters (it sent nothing for 1.5 s)`);
    expect(answer.ms).toBeLessThan(6000);
    expect(cloud.chatRequests() - before).toBe(1);
  });

  it('reports a dropped stream as cloud_unreachable without retrying, after the partial text was streamed', async () => {
    cloud.setFault({ kind: 'drop-mid-stream', afterChunks: 2 });
    const before = cloud.chatRequests();
    const answer = await ask();
    const error = errorOf(answer);
    expect(error.code).toBe('cloud_unreachable');
    const partial = answer.pieces.join('');
    expect(answer.pieces).toHaveLength(2);
    expect(CLOUD_GREETING_ANSWER.startsWith(partial)).toBe(true);
    expect(partial.length).toBeLessThan(CLOUD_GREETING_ANSWER.length);
    expect(error.message).toContain(`broke off after ${partial.length} characters`);
    expect(error.message).toMatch(/partial answer is kept/);
    expect(cloud.chatRequests() - before).toBe(1);
  });

  it('maps an unknown model (404) to cloud_bad_request, without retrying', async () => {
    const before = cloud.chatRequests();
    const error = errorOf(await ask({ model: 'gpt-nonexistent' }));
    expect(error.code).toBe('cloud_bad_request');
    expect(error.message).toMatch(/HTTP 404/);
    expect(error.message).toMatch(/gpt-nonexistent/);
    expect(cloud.chatRequests() - before).toBe(1);
  });

  it('reports cloud_not_configured for an address still holding a placeholder', async () => {
    const error = errorOf(await ask({ baseUrl: 'https://{resource}.openai.azure.com', azure: { apiVersion: '2024-10-21' } }));
    expect(error.code).toBe('cloud_not_configured');
    expect(error.message).toMatch(/\{resource\}/);
  });
});

describe('servers without a key, and a cloud that went away', () => {
  it('sends no Authorization header when no key is configured', async () => {
    const seen: Array<string | undefined> = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"message":"no"}}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
      expect(errorOf(await ask({ baseUrl, apiKey: null })).code).toBe('cloud_auth');
      expect(errorOf(await ask({ baseUrl, apiKey: KEY })).code).toBe('cloud_auth');
      expect(seen).toEqual([undefined, `Bearer ${KEY}`]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  // Last in the file: it stops the shared loopback cloud.
  it('reports cloud_unreachable once the server has stopped', async () => {
    expect(valueOf(await ask()).text).toBe(CLOUD_GREETING_ANSWER); // a keep-alive connection is open now
    await cloud.stop();
    const answer = await ask({ maxRetries: 1 });
    const error = errorOf(answer);
    expect(error.code).toBe('cloud_unreachable');
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.message).toMatch(/tried 2 times/);
    expect(error.message).toContain(new URL(cloud.baseUrl).host);
  });
});
