// npm run bench:models: what a user waits for when changing models and when downloading one, Duet
// side by side with the plain tool in the same run (these machines are noisy: compare ratios).
//   switch    through the headless server: `model.load` of the other model, then a question, until its
//             first streamed token; alternating between the ~390 MiB benchmark model and the tiny one.
//             Beside it, bare node-llama-cpp in a process of its own does the same (dispose, load,
//             context, session, first token) with Duet's exact settings.
//   download  the loopback model mirror serves the benchmark model; Duet downloads it with
//             `models.download` (node-llama-cpp's downloader, then the SHA-256 check) and `curl -o`
//             fetches the same URL. Duet's transfer alone is from the call to its "verifying" event.
// JSON on stdout, progress on stderr. Needs the build and the benchmark model (the npm script makes both).
import { execFile, fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { DownloadState, DuetEvent, Message, ModelStatus } from '../../src-main/contract/index.js';
import { BENCH_MODEL_FILE, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { BridgeClient, type EventStream } from '../support/bridge-client.js';
import { startServer } from '../support/headless-server.js';
import { mirrorFile, startModelMirror } from '../support/model-mirror.js';
import { makeTempDir } from '../support/temp-dir.js';

/** Counted switches per side (half of them to the benchmark model, half back to the tiny one). */
const SWITCHES = Number(process.env.BENCH_SWITCHES ?? 6);
const DOWNLOADS = Number(process.env.BENCH_DOWNLOADS ?? 3);
const PROMPT = 'Hello! What can you do?';
const BARE_PROCESS = fileURLToPath(new URL('./bare-switch-process.ts', import.meta.url));
const MIRROR_REPO_PATH = 'duet-bench/bench-q8-GGUF/bench-q8.gguf';
const MODEL_URI = `hf:${MIRROR_REPO_PATH}`;
const execFileAsync = promisify(execFile);
const log = (line: string): void => void process.stderr.write(`bench:models: ${line}\n`);

interface SwitchSample {
  to: 'bench' | 'tiny';
  /** From the switch to the model being ready. */
  loadMs: number;
  /** From the switch to the first token of the next answer. */
  firstTokenMs: number;
}

const MODELS = { bench: BENCH_MODEL_FILE, tiny: TINY_MODEL_FILE } as const;

/** The order of targets: one warm-up pair (not counted), then SWITCHES alternating ones, starting from the tiny model. */
function targets(): Array<'bench' | 'tiny'> {
  return Array.from({ length: SWITCHES + 2 }, (_, i) => (i % 2 === 0 ? 'bench' : 'tiny'));
}

/** Bare node-llama-cpp, driven over IPC; each switch is timed from this side, as Duet's are. */
async function bareSwitcher() {
  const child = fork(BARE_PROCESS, [], { execArgv: ['--import', 'tsx'] });
  type Reply = { type: string; message?: string };
  const queue: Reply[] = [];
  let waiting: ((reply: Reply) => void) | null = null;
  child.on('message', (message) => {
    const reply = message as Reply;
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve(reply);
    } else queue.push(reply);
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  const next = async (): Promise<Reply> => {
    const reply =
      queue.shift() ??
      (await new Promise<Reply>((resolve, reject) => {
        if (exited) reject(new Error('The bare node-llama-cpp process has exited.'));
        waiting = resolve;
      }));
    if (reply.type === 'error') throw new Error(`bare node-llama-cpp: ${reply.message}`);
    return reply;
  };
  if ((await next()).type !== 'ready') throw new Error('The bare node-llama-cpp process did not start.');
  return {
    async switchTo(to: 'bench' | 'tiny'): Promise<SwitchSample> {
      const started = performance.now();
      child.send({ type: 'switch', modelPath: MODELS[to], prompt: PROMPT });
      await next(); // loaded
      const loadMs = performance.now() - started;
      await next(); // first-token
      const firstTokenMs = performance.now() - started;
      await next(); // done
      return { to, loadMs, firstTokenMs };
    },
    async close(): Promise<void> {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'exit' });
      await gone;
    },
  };
}

/** Waits for the next event (not one already received) that passes `test`; resolves with its arrival time. */
function nextEvent(events: EventStream, test: (event: DuetEvent) => boolean, timeoutMs: number, what: string): Promise<{ event: DuetEvent; at: number }> {
  const before = new Set(events.received);
  let at = 0;
  return events
    .waitFor(
      (event) => {
        if (before.has(event) || !test(event)) return false;
        at = performance.now();
        return true;
      },
      timeoutMs,
      what,
    )
    .then((event) => ({ event, at }));
}

/** Duet: `model.load` over the bridge, then a question in a new conversation, timed to its first token. */
async function duetSwitch(client: BridgeClient, events: EventStream, to: 'bench' | 'tiny'): Promise<SwitchSample> {
  const firstToken = nextEvent(events, (e) => e.type === 'message.delta' && e.text.length > 0, 120_000, 'the first token');
  const started = performance.now();
  const status = await client.call<ModelStatus>('model.load', { path: MODELS[to] });
  const loadMs = performance.now() - started;
  if (status.state !== 'ready') throw new Error(`The ${to} model did not load: ${status.error?.message}`);
  const sent = await client.call<{ conversationId: string; assistantMessage: Message }>('chat.send', { conversationId: null, text: PROMPT });
  const { at } = await firstToken;
  const ended = nextEvent(
    events,
    (e) => e.type === 'message.updated' && e.message.id === sent.assistantMessage.id && e.message.status !== 'streaming',
    60_000,
    'the end of the answer',
  );
  await client.call('chat.stop', { conversationId: sent.conversationId });
  await ended;
  return { to, loadMs, firstTokenMs: at - started };
}

async function switchBench(dataDir: string): Promise<Record<string, unknown>> {
  const server = await startServer({ model: TINY_MODEL_FILE, dataDir });
  const client = new BridgeClient(server.url);
  const events = await client.events();
  const bare = await bareSwitcher();
  try {
    const duetSamples: SwitchSample[] = [];
    const bareSamples: SwitchSample[] = [];
    await bare.switchTo('tiny');
    for (const [i, to] of targets().entries()) {
      // Alternate which side goes first, so drift on a noisy machine hits both alike.
      const duetFirst = i % 4 < 2;
      const one = async (side: 'duet' | 'bare'): Promise<void> => {
        const sample = side === 'duet' ? await duetSwitch(client, events, to) : await bare.switchTo(to);
        log(`switch ${i + 1}/${SWITCHES + 2} ${side} → ${to}: ${Math.round(sample.firstTokenMs)} ms to the first token${i < 2 ? ' (warm-up)' : ''}`);
        if (i >= 2) (side === 'duet' ? duetSamples : bareSamples).push(sample);
      };
      await one(duetFirst ? 'duet' : 'bare');
      await one(duetFirst ? 'bare' : 'duet');
    }
    const summary = (samples: SwitchSample[], to: 'bench' | 'tiny') => {
      const runs = samples.filter((s) => s.to === to);
      return {
        first_token_ms_median: round(median(runs.map((s) => s.firstTokenMs))),
        load_ms_median: round(median(runs.map((s) => s.loadMs))),
        first_token_ms_runs: runs.map((s) => round(s.firstTokenMs)),
        load_ms_runs: runs.map((s) => round(s.loadMs)),
      };
    };
    const result: Record<string, unknown> = {};
    for (const to of ['bench', 'tiny'] as const) {
      const duet = summary(duetSamples, to);
      const bareSide = summary(bareSamples, to);
      result[`to_${to}`] = {
        duet,
        bare: bareSide,
        // How many times longer Duet's user waits than bare node-llama-cpp's.
        ratio_duet_over_bare: round(duet.first_token_ms_median / bareSide.first_token_ms_median),
        delta_ms: round(duet.first_token_ms_median - bareSide.first_token_ms_median),
      };
    }
    return result;
  } finally {
    events.close();
    await bare.close();
    await server.stop();
  }
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function downloadBench(dir: string): Promise<Record<string, unknown>> {
  log('hashing the benchmark model for the mirror…');
  const sha = await sha256File(BENCH_MODEL_FILE);
  // The hash is given once: the mirror would otherwise hash 390 MiB for every request it answers.
  const mirror = await startModelMirror([mirrorFile(MIRROR_REPO_PATH, BENCH_MODEL_FILE, sha)]);
  const url = `${mirror.url}${MIRROR_REPO_PATH.replace(/^([^/]+\/[^/]+)\//, '$1/resolve/main/')}`;
  const dataDir = path.join(dir, 'download-data');
  const server = await startServer({ model: null, dataDir, args: ['--model-mirror', mirror.url] });
  const client = new BridgeClient(server.url);
  const events = await client.events();
  const bytes = statSync(BENCH_MODEL_FILE).size;
  const curlFile = path.join(dir, 'curl-bench-q8.gguf');
  try {
    const duetRuns: Array<{ totalS: number; transferS: number; verifyS: number }> = [];
    const curlRuns: number[] = [];
    for (let round = 0; round < DOWNLOADS; round++) {
      const duet = async (): Promise<void> => {
        const ofThis = (phase: DownloadState['phase']) => (e: DuetEvent) => e.type === 'model.download' && e.download.id === MODEL_URI && e.download.phase === phase;
        const verifying = nextEvent(events, ofThis('verifying'), 300_000, 'the verifying event');
        const finished = nextEvent(
          events,
          (e) => e.type === 'model.download' && e.download.id === MODEL_URI && ['done', 'failed', 'cancelled'].includes(e.download.phase),
          300_000,
          'the end of the download',
        );
        const started = performance.now();
        await client.call('models.download', { id: MODEL_URI });
        const end = await finished;
        const download = (end.event as Extract<DuetEvent, { type: 'model.download' }>).download;
        if (download.phase !== 'done') throw new Error(`Duet's download ended ${download.phase}: ${download.error?.message}`);
        const verifyAt = (await verifying).at;
        duetRuns.push({ totalS: (end.at - started) / 1000, transferS: (verifyAt - started) / 1000, verifyS: (end.at - verifyAt) / 1000 });
        // The next round downloads it again.
        rmSync(download.path!, { force: true });
        log(`download ${round + 1}/${DOWNLOADS} duet: ${round3((end.at - started) / 1000)} s`);
      };
      const curl = async (): Promise<void> => {
        // Asynchronous: the mirror answers from this process, which must not be blocked meanwhile.
        const { stdout } = await execFileAsync('curl', ['-sS', '--fail', '-o', curlFile, '-w', '%{time_total}', url]);
        if (statSync(curlFile).size !== bytes) throw new Error('curl did not fetch the whole file.');
        rmSync(curlFile, { force: true });
        curlRuns.push(Number(stdout.trim()));
        log(`download ${round + 1}/${DOWNLOADS} curl: ${stdout.trim()} s`);
      };
      if (round % 2 === 0) {
        await duet();
        await curl();
      } else {
        await curl();
        await duet();
      }
    }
    const mbps = (seconds: number): number => round(bytes / 1e6 / seconds);
    const duetTotal = median(duetRuns.map((r) => r.totalS));
    const duetTransfer = median(duetRuns.map((r) => r.transferS));
    const curlTotal = median(curlRuns);
    return {
      file_mb: round(bytes / 1e6),
      duet: {
        mb_per_s_with_check: mbps(duetTotal),
        mb_per_s_transfer: mbps(duetTransfer),
        seconds_median: round3(duetTotal),
        transfer_seconds_median: round3(duetTransfer),
        sha256_check_seconds_median: round3(median(duetRuns.map((r) => r.verifyS))),
        seconds_runs: duetRuns.map((r) => round3(r.totalS)),
      },
      curl: { mb_per_s: mbps(curlTotal), seconds_median: round3(curlTotal), seconds_runs: curlRuns.map(round3) },
      // Share of curl's speed Duet reaches: with its SHA-256 check, and the transfer alone.
      ratio_duet_over_curl_with_check: round3(curlTotal / duetTotal),
      ratio_duet_over_curl_transfer: round3(curlTotal / duetTransfer),
    };
  } finally {
    events.close();
    await server.stop();
    await mirror.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (n: number): number => Math.round(n * 10) / 10;
const round3 = (n: number): number => Math.round(n * 1000) / 1000;

async function main(): Promise<void> {
  if (!existsSync(BENCH_MODEL_FILE)) throw new Error(`${BENCH_MODEL_FILE} is missing: run \`npm run fixtures -- --bench\` first.`);
  const temp = makeTempDir('bench-models');
  try {
    log(`switching models: ${SWITCHES} counted switches per side, after a warm-up pair…`);
    const switching = await switchBench(path.join(temp.dir, 'switch-data'));
    log(`downloading the benchmark model: ${DOWNLOADS} rounds, Duet and curl…`);
    const download = await downloadBench(temp.dir);
    console.log(
      JSON.stringify({
        switch_to_first_token: switching,
        download,
        prompt: PROMPT,
        models: { bench: 'bench-q8.gguf (llama, 896 dims, 24 layers, Q8_0, random weights, ~390 MiB)', tiny: 'tiny-chat.gguf (~250 KB)' },
        machine: `${os.cpus()[0]?.model ?? 'cpu'} x${os.availableParallelism()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${round(os.loadavg()[0] ?? 0)}`,
      }),
    );
  } finally {
    temp.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
