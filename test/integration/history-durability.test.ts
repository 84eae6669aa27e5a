// A crash must not cost the user what was already said: the headless server is killed with SIGKILL
// mid-answer 20 times over one data folder, then the history file is checked against what the test
// saw the server accept and finish.
//
// Each round starts the built server (`npm run build` first) on the tiny model and asks a greeting,
// which the tiny model answers completely in milliseconds: that is the round's finished answer. Then
// it loads the benchmark model (random weights: it talks on and rarely stops by itself; ~30-40
// tokens/s on an idle 2-core machine, a few when it is busy) and asks for a long story in the same
// conversation. Once the answer has streamed for a while AND the server reports a non-empty saved
// copy (the answer is written to disk every PARTIAL_SAVE_INTERVAL_MS, so it is saved as it grows),
// the server is killed with SIGKILL. The extra wait varies per round so the kill lands at different
// points of the save cycle, sometimes in the middle of a save. Waiting for a saved copy rather than a
// fixed time is what makes the partial answer reliably non-empty: the first save only happens at the
// first timer tick after the first token, and the first token's time depends on the machine's load.
//
// A round costs ~7 s on a quiet 2-core machine and ~10 s on a busy one (server start, engine worker
// start, two model loads, the big model's first token): 20 rounds took 168-218 s at load average
// 4-8, so the timeout allows for more. DUET_DURABILITY_ROUNDS=n runs fewer rounds;
// DUET_TEST_TRACE=1 prints each round's phases.
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationDetail, DuetEvent, Message, ModelStatus } from '../../src-main/contract/index.js';
import { PARTIAL_SAVE_INTERVAL_MS } from '../../src-main/core/chat-service.js';
import { BENCH_MODEL_FILE, TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { BridgeClient, type EventStream } from '../support/bridge-client.js';
import { processAlive, startServer, waitForExit, type RunningServer } from '../support/headless-server.js';
import { makeTempDir } from '../support/temp-dir.js';

const ROUNDS = Number(process.env.DUET_DURABILITY_ROUNDS ?? 20);
/** The long answer streams at least this long before the kill: two save ticks or more. */
const MIN_STREAM_MS = Math.max(600, 2 * PARTIAL_SAVE_INTERVAL_MS + 100);
/** The engine worker must notice its server is gone (it exits on 'disconnect') within this time. */
const WORKER_EXIT_MS = 10_000;

type SendResult = { conversationId: string; userMessage: Message; assistantMessage: Message };
type Updated = Extract<DuetEvent, { type: 'message.updated' }>;

interface KilledAnswer {
  round: number;
  conversationId: string;
  /** The copy on disk the server reported just before the kill: the saved answer must start with it. */
  savedBeforeKill: string;
  /** Everything streamed to the test before the kill (the event stream may lag a little behind the server). */
  streamed: string;
  streamedMs: number;
}

/** What the test saw the server accept: the history file must hold exactly this. */
const ledger = {
  questions: [] as string[],
  /** Answer id → the content the server reported with status 'complete'. */
  completed: new Map<string, string>(),
  /** Answer id → what is known about the answer cut off by the kill. */
  killed: new Map<string, KilledAnswer>(),
  orphanWorkers: 0,
};

let temp: ReturnType<typeof makeTempDir>;
let dataDir: string;
const running = new Set<RunningServer>();
const workerPids = new Set<number>();

beforeAll(() => {
  if (!existsSync(BENCH_MODEL_FILE)) throw new Error(`${BENCH_MODEL_FILE} is missing: run \`npm run fixtures -- --bench\` first.`);
  temp = makeTempDir('durability');
  dataDir = path.join(temp.dir, 'data');
});

afterAll(async () => {
  // A failed round may leave a server or a worker behind: end exactly those.
  for (const server of running) await server.kill9().catch(() => []);
  for (const pid of workerPids) if (processAlive(pid)) process.kill(pid, 'SIGKILL');
  temp?.remove();
});

/** DUET_TEST_TRACE=1 prints each round's phases to stderr. */
const trace = (line: string): void => void (process.env.DUET_TEST_TRACE && process.stderr.write(`durability: ${line}\n`));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function start(): Promise<{ server: RunningServer; client: BridgeClient; events: EventStream }> {
  const server = await startServer({ model: TINY_MODEL_FILE, dataDir });
  running.add(server);
  const client = new BridgeClient(server.url);
  const events = await client.events();
  for (const pid of server.childPids()) workerPids.add(pid);
  return { server, client, events };
}

async function waitForModel(client: BridgeClient): Promise<ModelStatus> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(25)) {
    const { model } = await client.call<{ model: ModelStatus }>('app.info');
    if (model.state !== 'loading' && model.state !== 'none') return model;
  }
  throw new Error('The model did not load within 30 s');
}

function finished(events: EventStream, answerId: string, what: string): Promise<Message> {
  return events
    .waitFor((e) => e.type === 'message.updated' && e.message.id === answerId && e.message.status !== 'streaming', 30_000, what)
    .then((e) => (e as Updated).message);
}

async function savedAnswer(client: BridgeClient, conversationId: string, answerId: string): Promise<Message> {
  const detail = await client.call<ConversationDetail>('conversations.open', { id: conversationId });
  const answer = detail.messages.find((m) => m.id === answerId);
  if (!answer) throw new Error(`Answer ${answerId} is not in its conversation`);
  return answer;
}

function streamedText(events: EventStream, answerId: string): string {
  return events.received
    .filter((e): e is Extract<DuetEvent, { type: 'message.delta' }> => e.type === 'message.delta' && e.messageId === answerId)
    .map((e) => e.text)
    .join('');
}

/** A killed server's engine workers: they must end by themselves within WORKER_EXIT_MS of the kill. */
interface Leftovers {
  pids: number[];
  killedAt: number;
}

/** Waits out the previous round's workers (while this round's server starts, as a user restarting would). */
async function checkWorkersGone(leftovers: Leftovers | null): Promise<void> {
  if (!leftovers) return;
  const orphans = await waitForExit(leftovers.pids, Math.max(0, leftovers.killedAt + WORKER_EXIT_MS - Date.now()));
  ledger.orphanWorkers += orphans.length;
  for (const pid of orphans) process.kill(pid, 'SIGKILL');
}

/** One round: a finished answer, then a long one cut off by SIGKILL once part of it is on disk. */
async function round(r: number, previousWorkers: Leftovers | null): Promise<Leftovers> {
  const t0 = Date.now();
  const lap = (what: string) => trace(`round ${r}: ${what} at ${Date.now() - t0} ms`);
  const { server, client, events } = await start();
  lap('server ready');
  await checkWorkersGone(previousWorkers);
  lap('previous worker gone');
  expect((await waitForModel(client)).state).toBe('ready');
  lap('tiny model ready');

  // The previous round's cut-off answer was marked when this server started.
  const previous = [...ledger.killed].find(([, k]) => k.round === r - 1);
  if (previous) {
    const [id, killed] = previous;
    const marked = await savedAnswer(client, killed.conversationId, id);
    expect(marked.status).toBe('interrupted');
    expect(marked.content.startsWith(killed.savedBeforeKill)).toBe(true);
  }

  const greeting = `Round ${r}: hello there`;
  const short = await client.call<SendResult>('chat.send', { conversationId: null, text: greeting });
  ledger.questions.push(greeting);
  const done = await finished(events, short.assistantMessage.id, `round ${r}'s short answer`);
  expect(done).toMatchObject({ status: 'complete', content: TINY_GREETING_ANSWER });
  ledger.completed.set(done.id, done.content);
  lap('short answer complete');

  expect((await client.call<ModelStatus>('model.load', { path: BENCH_MODEL_FILE })).state).toBe('ready');
  lap('bench model ready');
  // Each round waits a little longer past the minimum (0-450 ms, in steps that do not divide the save
  // interval), so the kills fall at different points of the save cycle.
  const streamFor = MIN_STREAM_MS + ((r * 150) % 475);
  for (let attempt = 1; ; attempt++) {
    const story = `Round ${r}: tell me a long story (try ${attempt})`;
    // The second question goes to the conversation that already holds a finished answer.
    const conversationId = attempt === 1 ? short.conversationId : null;
    const long = await client.call<SendResult>('chat.send', { conversationId, text: story });
    ledger.questions.push(story);
    const answerId = long.assistantMessage.id;
    await events.waitFor((e) => e.type === 'message.delta' && e.messageId === answerId, 30_000, `round ${r}'s first token`);
    const firstToken = Date.now();
    lap('first token');
    let saved = '';
    let endedEarly = false;
    while (Date.now() - firstToken < 15_000) {
      const answer = await savedAnswer(client, long.conversationId, answerId);
      endedEarly = answer.status !== 'streaming';
      if (endedEarly) break;
      saved = answer.content;
      if (saved.length > 0 && Date.now() - firstToken >= streamFor) break;
      await sleep(20);
    }
    if (endedEarly) {
      // The random model ended the story by itself before the kill: a finished answer; ask again.
      const message = await finished(events, answerId, `round ${r}'s long answer`);
      if (message.status !== 'complete') throw new Error(`Round ${r}'s long answer ended as ${message.status}: ${JSON.stringify(message.error)}`);
      ledger.completed.set(message.id, message.content);
      if (attempt === 3) throw new Error(`The benchmark model finished three stories in a row within ${streamFor} ms`);
      continue;
    }
    expect(saved.length, `round ${r}: nothing was saved within 15 s of the first token`).toBeGreaterThan(0);

    const streamedMs = Date.now() - firstToken;
    lap(`kill after ${streamedMs} ms of streaming, ${saved.length} chars saved`);
    const children = await server.kill9();
    const killedAt = Date.now();
    running.delete(server);
    ledger.killed.set(answerId, { round: r, conversationId: long.conversationId, savedBeforeKill: saved, streamed: streamedText(events, answerId), streamedMs });
    events.close();
    for (const pid of children) workerPids.add(pid);
    return { pids: children, killedAt };
  }
}

describe('history durability', () => {
  it(`keeps every question, every finished answer and the partial answer through ${ROUNDS} kill -9s mid-stream`, async () => {
    const began = Date.now();
    let leftovers: Leftovers | null = null;
    for (let r = 1; r <= ROUNDS; r++) leftovers = await round(r, leftovers);

    // A last, normal start marks the final round's answer, then a clean stop.
    const { server, client, events } = await start();
    await checkWorkersGone(leftovers);
    await waitForModel(client);
    const [lastId, last] = [...ledger.killed].at(-1)!;
    expect((await savedAnswer(client, last.conversationId, lastId)).status).toBe('interrupted');
    events.close();
    await server.stop();
    running.delete(server);

    const db = new Database(path.join(dataDir, 'duet.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = db.prepare('SELECT id, role, content, status FROM messages').all() as Pick<Message, 'id' | 'role' | 'content' | 'status'>[];
      const byId = new Map(rows.map((row) => [row.id, row]));

      // Every question, exactly once, and nothing else.
      const questions = rows.filter((row) => row.role === 'user').map((row) => row.content);
      expect(questions.sort()).toEqual([...ledger.questions].sort());
      for (const row of rows.filter((row) => row.role === 'user')) expect(row.status).toBe('complete');

      // Every finished answer, word for word.
      for (const [id, content] of ledger.completed) expect(byId.get(id)).toMatchObject({ status: 'complete', content });

      // Every cut-off answer: kept, marked, and holding at least what was on disk before the kill.
      const partialChars: number[] = [];
      for (const [id, killed] of ledger.killed) {
        const row = byId.get(id);
        expect(row, `round ${killed.round}'s answer`).toBeDefined();
        expect(row!.status).toBe('interrupted');
        expect(row!.content.length).toBeGreaterThan(0);
        expect(row!.content.startsWith(killed.savedBeforeKill), `round ${killed.round}: saved copy shrank`).toBe(true);
        // What was saved and what was streamed are the same text, one possibly ahead of the other.
        const [shorter, longer] = [row!.content, killed.streamed].sort((a, b) => a.length - b.length);
        expect(longer!.startsWith(shorter!), `round ${killed.round}: saved text differs from the streamed text`).toBe(true);
        partialChars.push(row!.content.length);
      }

      // No answer is left looking as if it were still being written, and there is nothing unaccounted for.
      const assistants = rows.filter((row) => row.role === 'assistant');
      expect(assistants.filter((row) => row.status === 'streaming')).toEqual([]);
      expect(assistants).toHaveLength(ledger.completed.size + ledger.killed.size);
      expect(ledger.killed.size).toBe(ROUNDS);
      expect(ledger.orphanWorkers).toBe(0);

      partialChars.sort((a, b) => a - b);
      const streamedMs = [...ledger.killed.values()].map((k) => k.streamedMs).sort((a, b) => a - b);
      console.log(
        JSON.stringify({
          rounds: ROUNDS,
          userMessages: questions.length,
          completed: ledger.completed.size,
          interrupted: ledger.killed.size,
          integrity: 'ok',
          orphanWorkers: ledger.orphanWorkers,
          partialChars: { min: partialChars[0], median: partialChars[partialChars.length >> 1], max: partialChars.at(-1) },
          streamedBeforeKillMs: { min: streamedMs[0], max: streamedMs.at(-1) },
          seconds: Math.round((Date.now() - began) / 100) / 10,
        }),
      );
    } finally {
      db.close();
    }
  }, 420_000);
});
