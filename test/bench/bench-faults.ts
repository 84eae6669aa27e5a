// npm run bench:faults: how long the headless server stops answering while two faults happen, this
// build side by side with a baseline build in one run.
//   lock    the benchmark model writes a long answer while another program holds the history file's
//           write lock for 8 s; app.info is called every 100 ms meanwhile. Reports the slowest call,
//           the tokens streamed during the lock, whether the server survived, and how the answer ended.
//   question  with no answer running, another program holds the write lock and a question is sent:
//           how long until the user hears it could not be saved (the server answers nothing else
//           meanwhile: better-sqlite3 waits synchronously).
//   import  a ~60 MiB ChatGPT export is imported as the browser tab sends it (this build: the raw file
//           streamed to /api/upload; the baseline: the whole text in one history.import call), while
//           conversations.list is called every 100 ms. Reports the import's time and the slowest call.
// The baseline is another checkout's build, named by DUET_BASELINE (its root folder, with
// dist-main and dist-renderer built); without it only this build runs. Make one with:
//   git worktree add /tmp/duet-baseline <commit> && ln -s "$PWD/node_modules" /tmp/duet-baseline/
//   (cd /tmp/duet-baseline && npm run build)
// JSON on stdout, progress on stderr. Needs the benchmark model (npm run fixtures -- --bench).
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DuetEvent, Message, ModelStatus } from '../../src-main/contract/index.js';
import { BENCH_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { BridgeClient, type EventStream } from '../support/bridge-client.js';
import { writeChatGptExport } from '../support/chatgpt-export.js';
import { startServer, type RunningServer } from '../support/headless-server.js';
import { makeTempDir } from '../support/temp-dir.js';

const LOCK_MS = 8_000;
const POLL_MS = 100;
const EXPORT_SHAPE = { conversations: 2800, turns: 5, messageChars: 2000 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Build {
  name: 'this' | 'baseline';
  /** dist-main/server/cli.js of the build; undefined: this checkout's. */
  cli?: string;
  /** How the build's browser tab imports a file. */
  importBy: 'upload' | 'call';
}

/** Calls `call` every POLL_MS until `until` settles; the slowest call, the median, and whether any failed. */
async function pollWhile(until: Promise<unknown>, call: () => Promise<boolean>): Promise<{ calls: number; maxMs: number; p50Ms: number; failed: number }> {
  let done = false;
  void until.finally(() => (done = true));
  const times: number[] = [];
  let failed = 0;
  while (!done) {
    const started = performance.now();
    const answered = await call().catch(() => false);
    times.push(performance.now() - started);
    if (!answered) failed++;
    await sleep(POLL_MS);
  }
  times.sort((a, b) => a - b);
  return { calls: times.length, maxMs: round(times.at(-1) ?? 0), p50Ms: round(times[Math.floor(times.length / 2)] ?? 0), failed };
}

async function waitForModel(client: BridgeClient): Promise<void> {
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(100)) {
    const { model } = await client.call<{ model: ModelStatus }>('app.info');
    if (model.state === 'ready') return;
    if (model.state === 'error') throw new Error(`The benchmark model did not load: ${model.error?.message}`);
  }
  throw new Error('The benchmark model did not load in 2 minutes.');
}

function deltasOf(events: EventStream, id: string): number {
  return events.received.filter((e) => e.type === 'message.delta' && e.messageId === id).length;
}

async function lockRun(build: Build, dataDir: string): Promise<Record<string, unknown>> {
  const server = await startServer({ model: BENCH_MODEL_FILE, dataDir, ...(build.cli ? { cli: build.cli } : {}) });
  const client = new BridgeClient(server.url);
  const events = await client.events();
  try {
    await waitForModel(client);
    const sent = await client.call<{ conversationId: string; assistantMessage: Message }>('chat.send', {
      conversationId: null,
      text: 'Tell me a long story about a lighthouse',
    });
    const id = sent.assistantMessage.id;
    await events.waitFor((e) => e.type === 'message.delta' && e.messageId === id, 60_000, 'the first token');
    await sleep(1_000);

    const lock = new Database(path.join(dataDir, 'duet.sqlite'));
    lock.exec('BEGIN IMMEDIATE');
    const before = deltasOf(events, id);
    const held = sleep(LOCK_MS).then(() => lock.exec('COMMIT'));
    const polled = await pollWhile(held, async () => (await client.result('app.info')).ok);
    lock.close();
    const streamedDuringLock = deltasOf(events, id) - before;

    const alive = server.process.exitCode === null && server.process.signalCode === null;
    let ended: Message | null = null;
    if (alive) {
      await client.result('chat.stop', { conversationId: sent.conversationId });
      const last = await events
        .waitFor((e) => e.type === 'message.updated' && e.message.id === id && e.message.status !== 'streaming', 30_000, 'the end of the answer')
        .catch(() => null);
      ended = last ? (last as Extract<DuetEvent, { type: 'message.updated' }>).message : null;
    }
    return {
      server_survived: alive,
      // What it died of: the first line naming an error.
      ...(alive
        ? {}
        : {
            server_died_of:
              server
                .output()
                .split('\n')
                .find((line) => /Error/.test(line))
                ?.trim() ?? server.output().trim().slice(-200),
          }),
      calls_during_lock: polled.calls,
      failed_calls: polled.failed,
      slowest_call_ms: polled.maxMs,
      median_call_ms: polled.p50Ms,
      tokens_streamed_during_lock: streamedDuringLock,
      answer_status: ended?.status ?? null,
      answer_chars_shown: ended?.content.length ?? null,
    };
  } finally {
    events.close();
    await server.stop();
  }
}

async function questionRun(build: Build, dataDir: string): Promise<Record<string, unknown>> {
  const server = await startServer({ model: null, dataDir, ...(build.cli ? { cli: build.cli } : {}) });
  const client = new BridgeClient(server.url);
  const lock = new Database(path.join(dataDir, 'duet.sqlite'));
  try {
    lock.exec('BEGIN IMMEDIATE');
    const started = performance.now();
    const result = await client.result('chat.send', { conversationId: null, text: 'Hello' });
    return { outcome: result.ok ? 'saved' : result.error.code, wait_ms: round(performance.now() - started) };
  } finally {
    lock.close();
    await server.stop();
  }
}

/** Imports a file as the build's browser tab does; resolves with whether it succeeded. */
async function importFile(build: Build, client: BridgeClient, file: string): Promise<boolean> {
  if (build.importBy === 'call') {
    return (await client.result('history.import', { fileName: 'conversations.json', content: readFileSync(file, 'utf8') })).ok;
  }
  return (await client.uploadImport(file)).body.ok;
}

async function importRun(build: Build, dataDir: string, file: string): Promise<Record<string, unknown>> {
  const server: RunningServer = await startServer({ model: null, dataDir, ...(build.cli ? { cli: build.cli } : {}) });
  const client = new BridgeClient(server.url);
  try {
    const started = performance.now();
    const importing = importFile(build, client, file);
    const polled = await pollWhile(importing, async () => (await client.result('conversations.list')).ok);
    const imported = await importing;
    const seconds = (performance.now() - started) / 1000;
    const conversations = (await client.call<unknown[]>('conversations.list')).length;
    return {
      imported,
      conversations,
      import_s: round(seconds),
      calls_during_import: polled.calls,
      slowest_call_ms: polled.maxMs,
      median_call_ms: polled.p50Ms,
      slowest_call_share_of_import: round(polled.maxMs / 1000 / seconds),
    };
  } finally {
    await server.stop();
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

async function main(): Promise<void> {
  if (!existsSync(BENCH_MODEL_FILE)) throw new Error(`${BENCH_MODEL_FILE} is missing: run \`npm run fixtures -- --bench\` first.`);
  const builds: Build[] = [{ name: 'this', importBy: 'upload' }];
  const baselineRoot = process.env.DUET_BASELINE;
  if (baselineRoot) {
    const cli = path.resolve(baselineRoot, 'dist-main', 'server', 'cli.js');
    if (!existsSync(cli)) throw new Error(`DUET_BASELINE has no build: ${cli} is missing (run npm run build there).`);
    builds.push({ name: 'baseline', cli, importBy: existsSync(path.resolve(baselineRoot, 'dist-main', 'core', 'import-upload.js')) ? 'upload' : 'call' });
  }
  const temp = makeTempDir('bench-faults');
  try {
    const exportFile = path.join(temp.dir, 'conversations.json');
    const bytes = await writeChatGptExport(exportFile, EXPORT_SHAPE);
    const result: Record<string, unknown> = {
      lock_ms: LOCK_MS,
      poll_ms: POLL_MS,
      export_mib: round(bytes / 1024 / 1024),
      export_conversations: EXPORT_SHAPE.conversations,
    };
    for (const build of builds) {
      process.stderr.write(`bench:faults: ${build.name}: lock…\n`);
      const lock = await lockRun(build, path.join(temp.dir, `${build.name}-lock`));
      process.stderr.write(`bench:faults: ${build.name}: question…\n`);
      const question = await questionRun(build, path.join(temp.dir, `${build.name}-question`));
      process.stderr.write(`bench:faults: ${build.name}: import…\n`);
      const imported = await importRun(build, path.join(temp.dir, `${build.name}-import`), exportFile);
      result[build.name] = { lock, question_during_lock: question, import: imported };
    }
    const slowest = (name: string, part: 'lock' | 'import'): number | undefined =>
      (result[name] as Record<string, Record<string, number>> | undefined)?.[part]?.slowest_call_ms;
    if (baselineRoot) {
      // How many times longer the slowest call waited in the baseline than in this build.
      result.slowest_call_ratio_baseline_over_this = {
        lock: round((slowest('baseline', 'lock') ?? 0) / (slowest('this', 'lock') ?? 1)),
        import: round((slowest('baseline', 'import') ?? 0) / (slowest('this', 'import') ?? 1)),
      };
    }
    result.machine = { cpus: os.cpus().length, load_1m: round(os.loadavg()[0] ?? 0) };
    console.log(JSON.stringify(result));
  } finally {
    temp.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
