// Many apps at once on Duet's OpenAI-compatible endpoint: local requests take turns on the one
// model, the cloud answers in parallel, an overloaded line answers 429 with Retry-After at once.
import { OPEN_POLICY } from '../../src-main/contract/index.js';
import OpenAI from 'openai';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { AppInfo, ConversationSummary, Savings, SearchResult } from '../../src-main/contract/index.js';
import type { CoreOptions, DuetCore } from '../../src-main/core/core-types.js';
import { createDuetCore } from '../../src-main/core/create-core.js';
import { CLOUD_GREETING_ANSWER, CLOUD_MODEL_NAME, TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { valueOf, waitForModel } from '../support/core-driver.js';
import { startLoopbackCloud, type LoopbackCloud } from '../support/loopback-cloud.js';
import { makeTempDir } from '../support/temp-dir.js';

let cloud: LoopbackCloud;
const cores: DuetCore[] = [];
const temps: ReturnType<typeof makeTempDir>[] = [];

beforeAll(async () => {
  cloud = await startLoopbackCloud();
});
afterAll(async () => {
  await cloud.stop();
});
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
  for (const temp of temps.splice(0)) temp.remove();
});

/** A core with the endpoint on a free port, the tiny model loaded, and an OpenAI client for it. */
async function open(options: Partial<CoreOptions> = {}): Promise<DuetCore> {
  const temp = makeTempDir('api-concurrency');
  temps.push(temp);
  const core = await createDuetCore({
    dataDir: temp.dir,
    modelPath: TINY_MODEL_FILE,
    version: '9.9.9',
    policy: OPEN_POLICY,
    cloud: { presetId: 'custom', baseUrl: cloud.baseUrl, model: CLOUD_MODEL_NAME },
    apiPort: 0,
    ...options,
  });
  cores.push(core);
  await waitForModel(core);
  return core;
}

/** An OpenAI client for the core's endpoint as app.info describes it. */
async function clientFor(core: DuetCore): Promise<OpenAI> {
  const { api } = valueOf<AppInfo>(await core.call('app.info', {}));
  if (!api.baseUrl || !api.key) throw new Error(`The endpoint is not running: ${api.problem ?? 'off'}`);
  return new OpenAI({ baseURL: api.baseUrl, apiKey: api.key, maxRetries: 0 });
}

async function streamed(client: OpenAI, model: string, content: string): Promise<string> {
  const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content }], stream: true });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  return text;
}

describe('many apps at once', () => {
  it('answers every one of 12 simultaneous local streams in full, and cloud streams beside them', async () => {
    const client = await clientFor(await open());
    const local = Array.from({ length: 12 }, (_, i) => streamed(client, 'duet-local', `Hello number ${i}`));
    const remote = Array.from({ length: 4 }, (_, i) => streamed(client, 'duet-cloud', `Hello cloud ${i}`));
    expect(await Promise.all(local)).toEqual(Array(12).fill(TINY_GREETING_ANSWER));
    expect(await Promise.all(remote)).toEqual(Array(4).fill(CLOUD_GREETING_ANSWER));
  });

  it('turns a request away with 429 and Retry-After when the local line is full, while the cloud still answers', async () => {
    const client = await clientFor(await open({ apiMaxLocalLine: 0 }));
    const refused = await client.chat.completions
      .create({ model: 'duet-local', messages: [{ role: 'user', content: 'Hello' }] })
      .withResponse()
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 429, code: 'busy', message: expect.stringMatching(/answers waiting already/) as string });
    expect((refused as { headers: Headers }).headers.get('retry-after')).toBe('2');
    expect(await streamed(client, 'duet-cloud', 'Hello')).toBe(CLOUD_GREETING_ANSWER);
  });

  it('starts when turned on in Settings and stops serving when turned off', async () => {
    const core = await open({ apiPort: null });
    // apiPort null: the settings decide, and the endpoint is off by default.
    expect(valueOf<AppInfo>(await core.call('app.info', {})).api).toMatchObject({ running: false, baseUrl: null });
    valueOf(await core.call('settings.update', { api: { enabled: true, port: await freePort(), allowedOrigins: [] } }));
    expect(valueOf<AppInfo>(await core.call('app.info', {})).api).toMatchObject({ running: true, problem: null });
    const direct = await clientFor(core);
    expect(await streamed(direct, 'duet-local', 'Hello')).toBe(TINY_GREETING_ANSWER);
    valueOf(await core.call('settings.update', { api: { enabled: false, port: 4311, allowedOrigins: [] } }));
    await expect(direct.models.list()).rejects.toThrow(/Connection error/);
  });
});

describe('Keep API conversations', () => {
  it('off: an exchange leaves no conversation and no words behind, and the savings still count it', async () => {
    const core = await open();
    const client = await clientFor(core);
    const kept = await client.chat.completions.create({ model: 'duet-local', user: 'kept-app', messages: [{ role: 'user', content: 'Hello' }] });
    const api = valueOf<AppInfo>(await core.call('app.info', {})).settings.api;
    valueOf(await core.call('settings.update', { api: { ...api, keepConversations: false } }));

    const unkept = await client.chat.completions.create({ model: 'duet-local', user: 'private-app', messages: [{ role: 'user', content: 'Hello, a secret plan' }] });
    expect(unkept.choices[0]?.message.content).toBe(TINY_GREETING_ANSWER);
    expect((unkept as unknown as { duet: { conversation_id: string | null } }).duet.conversation_id).toBeNull();
    const list = valueOf<ConversationSummary[]>(await core.call('conversations.list', {}));
    expect(list.map((c) => c.client)).toEqual(['kept-app']);
    expect(valueOf<SearchResult>(await core.call('history.search', { query: 'secret' })).hits).toEqual([]);
    // A follow-up to a kept conversation, asked while nothing is kept, does not touch the kept one.
    await client.chat.completions.create({
      model: 'duet-local',
      user: 'kept-app',
      messages: [
        { role: 'user', content: 'Hello' },
        { role: 'assistant', content: kept.choices[0]?.message.content ?? '' },
        { role: 'user', content: 'Again' },
      ],
    });
    expect(valueOf<ConversationSummary[]>(await core.call('conversations.list', {})).map((c) => [c.client, c.messageCount])).toEqual([['kept-app', 2]]);
    expect(valueOf<Savings>(await core.call('history.savings', { days: 7 })).local.answers).toBe(3);
  });
});

describe("the administrator's policy", () => {
  it('keeps the endpoint off when the policy turns it off, and says why', async () => {
    const core = await open({ policy: { ...OPEN_POLICY, allowApi: false, source: '/etc/duet/policy.json' } });
    expect(valueOf<AppInfo>(await core.call('app.info', {})).api).toMatchObject({
      running: false,
      problem: expect.stringMatching(/administrator turned off the API/) as string,
    });
  });
});

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
