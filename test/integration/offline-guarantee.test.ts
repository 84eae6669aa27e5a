// The offline guarantee: with the cloud off by the administrator's policy, nothing leaves the computer
// from start to quit. A real `serve` runs with a preload (NODE_OPTIONS) that records every connection
// attempt of its process and of every child it starts (the engine worker); the user's path runs
// through the bridge and through the real renderer in Chromium, whose requests Playwright records.
// The second test proves the recorder would have seen a connection: the same run with the cloud
// allowed records the attempt to the cloud's non-loopback address.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo, CatalogItem, ConversationSummary, DuetEvent, ExportedFile, Message, SearchResult } from '../../src-main/contract/index.js';
import { CONTENT_SECURITY_POLICY } from '../../src-main/core/renderer-files.js';
import { TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { BridgeClient, type EventStream } from '../support/bridge-client.js';
import { outgoing, readConnectionLog, recorderEnvironment, type ConnectionEntry } from '../support/connection-log.js';
import { startServer, type RunningServer } from '../support/headless-server.js';
import { startModelMirror, type ModelMirror } from '../support/model-mirror.js';
import { makeTempDir } from '../support/temp-dir.js';

/** A private address no test machine routes anywhere: a connection to it can only be an attempt. */
const FAR_CLOUD_HOST = '10.255.255.1';
const FAR_CLOUD = { DUET_CLOUD_BASE_URL: `http://${FAR_CLOUD_HOST}/v1`, DUET_CLOUD_MODEL: 'far-model', DUET_CLOUD_API_KEY: 'sk-offline-test-key' };
const CHROMIUM = process.env.DUET_CHROMIUM ?? '/usr/bin/chromium';

let temp: ReturnType<typeof makeTempDir> | null = null;
let server: RunningServer | null = null;
let events: EventStream | null = null;
let mirror: ModelMirror | null = null;
let browser: Browser | null = null;

afterEach(async () => {
  events?.close();
  events = null;
  await browser?.close();
  browser = null;
  await server?.stop();
  server = null;
  await mirror?.close();
  mirror = null;
  temp?.remove();
  temp = null;
});

/** A `serve` whose process tree records its connections into `log`, under the given policy. */
async function serveRecorded(policy: Record<string, unknown>, log: string, args: string[] = []): Promise<RunningServer> {
  temp ??= makeTempDir('offline');
  const policyFile = path.join(temp.dir, 'policy.json');
  writeFileSync(policyFile, JSON.stringify(policy));
  server = await startServer({
    model: TINY_MODEL_FILE,
    dataDir: path.join(temp.dir, 'data'),
    env: { ...recorderEnvironment(log), DUET_POLICY_FILE: policyFile, ...FAR_CLOUD },
    args,
  });
  return server;
}

/** Sends a question and waits for its answer to end (whatever way it ends). */
async function ask(client: BridgeClient, stream: EventStream, conversationId: string | null, text: string): Promise<Message> {
  const sent = await client.call<{ conversationId: string; assistantMessage: Message }>('chat.send', { conversationId, text });
  const id = sent.assistantMessage.id;
  const ended = await stream.waitFor(
    (event: DuetEvent) => event.type === 'message.updated' && event.message.id === id && event.message.status !== 'streaming',
    120_000,
    'the end of the answer',
  );
  return (ended as Extract<DuetEvent, { type: 'message.updated' }>).message;
}

/** Polls the log until an entry passes `test` (the attempt is written before it is made). */
async function waitForEntry(log: string, test: (entry: ConnectionEntry) => boolean, what: string): Promise<ConnectionEntry> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const found = readConnectionLog(log).find(test);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`The recorder saw no ${what}:\n${JSON.stringify(readConnectionLog(log), null, 1)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * What a user does between start and quit, through the bridge: chat (a first question, then the same
 * conversation switched to the cloud, which the policy keeps local), search, export, the model lists.
 */
async function walkTheUserPath(client: BridgeClient, stream: EventStream): Promise<void> {
  const first = await ask(client, stream, null, 'Hello there');
  expect(first.content).toBe(TINY_GREETING_ANSWER);
  await client.call<ConversationSummary>('conversations.setMode', { id: first.conversationId, mode: 'cloud' });
  const second = await ask(client, stream, first.conversationId, 'Hello again');
  expect(second.status).not.toBe('streaming');

  const found = await client.call<SearchResult>('history.search', { query: 'Hello' });
  expect(found.hits.length).toBeGreaterThan(0);
  const exported = await client.call<ExportedFile>('history.export', { conversationId: null, format: 'json' });
  expect(exported.content).toContain(TINY_GREETING_ANSWER);
  const catalog = await client.call<unknown[]>('models.catalog', { refresh: true });
  expect(catalog.length).toBeGreaterThan(0);
  await client.call('models.library', {});
  await client.call('models.found', {});
}

/** Stops the server (quit) and returns everything its process tree recorded, checking the worker was watched too. */
async function quitAndRead(running: RunningServer, log: string): Promise<ConnectionEntry[]> {
  events?.close();
  events = null;
  const pid = running.process.pid;
  await running.stop();
  server = null;
  const entries = readConnectionLog(log);
  // The recorder ran in the server and in the engine worker it started.
  expect(entries.some((entry) => entry.kind === 'process' && entry.pid === pid)).toBe(true);
  expect(entries.some((entry) => entry.kind === 'process' && entry.ppid === pid)).toBe(true);
  return entries;
}

describe('offline guarantee', () => {
  it('with the cloud off by policy, nothing leaves for a non-loopback address from start to quit (start, chat, search, export, model list)', async () => {
    temp = makeTempDir('offline');
    const log = path.join(temp.dir, 'connections.jsonl');
    // This site serves models from its own mirror (here on loopback). Without one, the model list reads
    // each catalog model's header from huggingface.co (the last test records it), unless the policy
    // also turns model downloads off (the next test).
    mirror = await startModelMirror([]);
    const running = await serveRecorded({ allowCloud: false }, log, ['--model-mirror', mirror.url]);
    const client = new BridgeClient(running.url);
    events = await client.events();

    const info = await client.call<AppInfo>('app.info');
    expect(info.policy.allowCloud).toBe(false);

    // The renderer, as the user opens it: every request it makes stays on the bridge's address.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const page = await browser.newPage();
    const pageRequests: string[] = [];
    const cspViolations: string[] = [];
    page.on('request', (request) => pageRequests.push(request.url()));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    const loaded = await page.goto(running.url);
    // The page comes with the CSP (no inline script), and the app runs under it without a violation.
    expect(loaded?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const composer = page.getByLabel('Message');
    await composer.fill('Hello');
    await composer.press('Enter');
    await page.getByText(TINY_GREETING_ANSWER).first().waitFor({ timeout: 60_000 });

    await walkTheUserPath(client, events);

    await browser.close();
    browser = null;
    const pid = running.process.pid;
    const entries = await quitAndRead(running, log);
    // It saw the server's own traffic: the model list's header reads from the loopback mirror.
    expect(mirror.requests.length).toBeGreaterThan(0);
    expect(entries.some((entry) => entry.kind === 'connect' && entry.pid === pid && entry.port === Number(new URL(mirror!.url).port))).toBe(true);
    // And nothing else: not the configured cloud, not Hugging Face, no name lookup.
    expect(outgoing(entries)).toEqual([]);
    expect(pageRequests.length).toBeGreaterThan(0);
    expect(pageRequests.filter((url) => new URL(url).origin !== new URL(running.url).origin)).toEqual([]);
    expect(cspViolations).toEqual([]);
  }, 240_000);

  it('with the cloud and model downloads off by policy and no mirror, nothing leaves either (the model list stays local)', async () => {
    temp = makeTempDir('offline');
    const log = path.join(temp.dir, 'connections.jsonl');
    const running = await serveRecorded({ allowCloud: false, allowModelDownloads: false }, log);
    const client = new BridgeClient(running.url);
    events = await client.events();
    expect((await client.call<AppInfo>('app.info')).policy).toMatchObject({ allowCloud: false, allowModelDownloads: false });
    await walkTheUserPath(client, events);
    expect(outgoing(await quitAndRead(running, log))).toEqual([]);
  }, 240_000);

  it('with the cloud off by policy and no mirror, the model list does not ask the hub; it says why there is no fit', async () => {
    temp = makeTempDir('offline');
    const log = path.join(temp.dir, 'connections.jsonl');
    const running = await serveRecorded({ allowCloud: false }, log);
    const client = new BridgeClient(running.url);
    events = await client.events();
    await walkTheUserPath(client, events);
    const catalog = await client.call<CatalogItem[]>('models.catalog', { refresh: true });
    expect(catalog.every((item) => item.fit === null && item.fitError?.message.includes('keeps Duet from contacting the internet'))).toBe(true);
    expect(outgoing(await quitAndRead(running, log))).toEqual([]);
  }, 240_000);

  it('the recorder catches a connection: with the cloud allowed, the attempt to the cloud at 10.255.255.1 is recorded', async () => {
    temp = makeTempDir('offline');
    const log = path.join(temp.dir, 'connections.jsonl');
    const running = await serveRecorded({ allowCloud: true }, log);
    const client = new BridgeClient(running.url);
    events = await client.events();
    expect((await client.call<AppInfo>('app.info')).policy.allowCloud).toBe(true);

    const first = await ask(client, events, null, 'Hello there');
    await client.call<ConversationSummary>('conversations.setMode', { id: first.conversationId, mode: 'cloud' });
    // The cloud cannot answer (nothing is at that address); only the attempt matters.
    await client.call('chat.send', { conversationId: first.conversationId, text: 'Hello cloud' });
    const attempt = await waitForEntry(log, (entry) => entry.host === FAR_CLOUD_HOST, `attempt to ${FAR_CLOUD_HOST}`);
    expect(outgoing([attempt])).toEqual([attempt]);

    // A name is caught too: without a mirror, the model list asks huggingface.co for the catalog's headers.
    void client.result('models.catalog', { refresh: true }).catch(() => undefined);
    const hub = await waitForEntry(log, (entry) => entry.host === 'huggingface.co', 'look-up of huggingface.co');
    expect(outgoing([hub])).toEqual([hub]);
  }, 240_000);
});
