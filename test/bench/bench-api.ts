// npm run bench:api: Duet's OpenAI-compatible endpoint under load, and what it adds to a plain call.
//   load     `serve` with the tiny fixture model and `--api-port 0`; BENCH_API_CLIENTS streaming
//            clients (the official `openai` client) each loop requests for BENCH_API_SECONDS, mostly
//            duet-local with a share of duet-auto (BENCH_API_AUTO_SHARE). Requests per second, p50/p99
//            of the whole request and of the first token, errors (each distinct one listed), and the
//            resident memory of `serve` and its engine worker after a warm-up and at the end.
//   direct   in the same run, one request at a time: the endpoint (duet-local, streamed) against bare
//            node-llama-cpp in a process of its own with Duet's exact settings, the same prompt each
//            round, alternating which goes first. Medians of the first token and the whole answer.
// JSON on stdout, progress on stderr. Needs the build and the fixtures (the npm script makes both).
import { fork } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { startServer, type RunningServer } from '../support/headless-server.js';
import { makeTempDir } from '../support/temp-dir.js';
import { PROMPTS, runLoad, type LoadResult } from './api-load.js';
import { benchClient, expectedTinyAnswer, streamAnswer } from './api-stream.js';
import { median, percentile, round1 } from './percentiles.js';
import { treeMemory, type TreeMemory } from './process-memory.js';

const DEFAULTS = { BENCH_API_CLIENTS: 32, BENCH_API_SECONDS: 60, BENCH_API_WARMUP_SECONDS: 30, BENCH_API_AUTO_SHARE: 0.25, BENCH_API_DIRECT_ROUNDS: 20 };
const setting = (name: keyof typeof DEFAULTS): number => Number(process.env[name] ?? DEFAULTS[name]);
const CLIENTS = setting('BENCH_API_CLIENTS');
const SECONDS = setting('BENCH_API_SECONDS');
const WARMUP_SECONDS = setting('BENCH_API_WARMUP_SECONDS');
const AUTO_SHARE = setting('BENCH_API_AUTO_SHARE');
const DIRECT_ROUNDS = setting('BENCH_API_DIRECT_ROUNDS');
const TARGETS = { errors: 0, rssGrowthPct: 10 };
const MEMORY_EVERY_MS = 5_000;
/** Idle time before each memory reading, so that both find the server at rest after its last answers. */
const SETTLE_MS = 2_000;
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
const BARE_PROCESS = fileURLToPath(new URL('./bare-api-process.ts', import.meta.url));
const round2 = (n: number): number => Math.round(n * 100) / 100;
const log = (line: string): void => void process.stderr.write(`bench:api: ${line}\n`);

interface Timed {
  firstTokenMs: number;
  totalMs: number;
}

/** Bare node-llama-cpp in its own process, driven over IPC; one whole answer per call. */
async function bareAnswerer() {
  const child = fork(BARE_PROCESS, [TINY_MODEL_FILE], { execArgv: ['--import', 'tsx'] });
  type Reply = { type: string; firstTokenMs?: number; totalMs?: number; text?: string; message?: string };
  let waiting: { resolve: (reply: Reply) => void; reject: (error: Error) => void } | null = null;
  child.on('message', (message) => waiting?.resolve(message as Reply));
  child.on('exit', (code) => waiting?.reject(new Error(`The bare node-llama-cpp process exited (${code}).`)));
  const next = () => new Promise<Reply>((resolve, reject) => (waiting = { resolve, reject }));
  if ((await next()).type !== 'ready') throw new Error('The bare node-llama-cpp process did not start.');
  return {
    async answer(prompt: string): Promise<Timed> {
      const reply = next();
      child.send({ type: 'run', prompt });
      const { type, firstTokenMs, totalMs, text, message } = await reply;
      if (type !== 'sample') throw new Error(`bare node-llama-cpp: ${message}`);
      if (text !== expectedTinyAnswer(prompt)) throw new Error(`bare node-llama-cpp answered ${JSON.stringify(text)}`);
      return { firstTokenMs: firstTokenMs!, totalMs: totalMs! };
    },
    async close(): Promise<void> {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'exit' });
      await exited;
    },
  };
}

/** The endpoint against bare node-llama-cpp, one request at a time, the same prompt each round. */
async function directComparison(baseURL: string, apiKey: string): Promise<Record<string, unknown>> {
  const client = benchClient(baseURL, apiKey);
  const bare = await bareAnswerer();
  const duet = async (prompt: string): Promise<Timed> => {
    const answer = await streamAnswer(client, 'duet-local', prompt);
    if (answer.text !== expectedTinyAnswer(prompt)) throw new Error(`Duet answered ${JSON.stringify(answer.text)}`);
    return answer;
  };
  try {
    // One warm-up each, not counted.
    await bare.answer(PROMPTS[0]!);
    await duet(PROMPTS[0]!);
    const duetRuns: Timed[] = [];
    const bareRuns: Timed[] = [];
    for (let round = 0; round < DIRECT_ROUNDS; round++) {
      const prompt = PROMPTS[round % PROMPTS.length]!;
      // Alternate which side goes first, so drift on a noisy machine hits both alike.
      if (round % 2 === 0) {
        duetRuns.push(await duet(prompt));
        bareRuns.push(await bare.answer(prompt));
      } else {
        bareRuns.push(await bare.answer(prompt));
        duetRuns.push(await duet(prompt));
      }
    }
    const side = (runs: Timed[]) => ({
      first_token_ms_median: round1(median(runs.map((r) => r.firstTokenMs))),
      total_ms_median: round1(median(runs.map((r) => r.totalMs))),
    });
    const d = side(duetRuns);
    const b = side(bareRuns);
    return {
      rounds: DIRECT_ROUNDS,
      duet_endpoint: d,
      bare_node_llama_cpp: b,
      added_first_token_ms: round1(d.first_token_ms_median - b.first_token_ms_median),
      added_total_ms: round1(d.total_ms_median - b.total_ms_median),
      // The same, from each round's own pair: drift on a busy machine cancels out within a round.
      paired_added_first_token_ms_median: round1(median(duetRuns.map((r, i) => r.firstTokenMs - bareRuns[i]!.firstTokenMs))),
      paired_added_total_ms_median: round1(median(duetRuns.map((r, i) => r.totalMs - bareRuns[i]!.totalMs))),
      ratio_first_token: round2(d.first_token_ms_median / b.first_token_ms_median),
      ratio_total: round2(d.total_ms_median / b.total_ms_median),
      how: 'duet: official openai client, stream:true, model duet-local, timed in the bench process; bare: LlamaChatSession.prompt in its own process with generation-settings.ts, timed there',
    };
  } finally {
    await bare.close();
  }
}

/** The load run as reported: counts, rates, percentiles, and each distinct error. */
function loadSummary(load: LoadResult) {
  const errorCount = [...load.errors.values()].reduce((sum, n) => sum + n, 0);
  return {
    requests: load.completed + errorCount,
    completed: load.completed,
    errors: errorCount,
    distinct_errors: [...load.errors].map(([error, count]) => ({ error, count })),
    elapsed_s: round1(load.elapsedS),
    requests_per_second: round1(load.completed / load.elapsedS),
    latency_ms: { p50: round1(percentile(load.totalMs, 50)), p99: round1(percentile(load.totalMs, 99)), max: round1(percentile(load.totalMs, 100)) },
    first_token_ms: { p50: round1(percentile(load.firstTokenMs, 50)), p99: round1(percentile(load.firstTokenMs, 99)), max: round1(percentile(load.firstTokenMs, 100)) },
    by_model: load.byModel,
    routes: load.routes,
  };
}

/** Growth from `start` to `end` in %, per process (by its role) and in all. */
function growth(start: TreeMemory, end: TreeMemory): Record<string, number> {
  const pct = (a: number, b: number): number => round1(((b - a) / a) * 100);
  const out: Record<string, number> = { total: pct(start.totalMiB, end.totalMiB) };
  if (start.anonTotalMiB !== undefined && end.anonTotalMiB !== undefined) out.anon_total = pct(start.anonTotalMiB, end.anonTotalMiB);
  for (const [index, p] of start.processes.entries()) {
    const later = end.processes.find((q) => q.pid === p.pid);
    if (later) out[index === 0 ? 'serve' : `child_${p.pid}`] = pct(p.rssMiB, later.rssMiB);
  }
  return out;
}

function folderMiB(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return round1(bytes / 2 ** 20);
}

async function apiOf(server: RunningServer): Promise<{ baseURL: string; apiKey: string }> {
  const line = await server.waitForOutput(/OpenAI-compatible API for other apps: (\S+)\s+\(model duet-auto, key (\S+)\)/);
  const match = /API for other apps: (\S+)\s+\(model duet-auto, key (\S+)\)/.exec(line)!;
  return { baseURL: match[1]!, apiKey: match[2]! };
}

async function main(): Promise<void> {
  // Other work on the machine shows in every figure here: say how busy it was.
  const loadAtStart = round1(os.loadavg()[0] ?? 0);
  const temp = makeTempDir('bench-api');
  const dataDir = path.join(temp.dir, 'data');
  const server = await startServer({ model: TINY_MODEL_FILE, dataDir, args: ['--api-port', '0'] });
  try {
    const { baseURL, apiKey } = await apiOf(server);
    const pid = server.process.pid!;
    // The warm-up is long on purpose: early on, each process's memory falls once by up to a quarter
    // (V8 collecting start-up garbage); a baseline taken before that would hide real growth.
    log(`warm-up: ${CLIENTS} clients for ${WARMUP_SECONDS} s (not counted)…`);
    const warmup = await runLoad({ baseURL, apiKey, clients: CLIENTS, seconds: WARMUP_SECONDS, autoShare: AUTO_SHARE });
    await settle();
    const memoryStart = treeMemory(pid);
    log(`load: ${CLIENTS} clients for ${SECONDS} s; memory after warm-up ${memoryStart.totalMiB} MiB…`);
    const samples: Array<{ at_s: number; total_mib: number; anon_mib?: number }> = [];
    const loadStarted = Date.now();
    const sampler = setInterval(() => {
      const now = treeMemory(pid);
      samples.push({ at_s: Math.round((Date.now() - loadStarted) / 1000), total_mib: now.totalMiB, anon_mib: now.anonTotalMiB });
    }, MEMORY_EVERY_MS);
    const load = await runLoad({ baseURL, apiKey, clients: CLIENTS, seconds: SECONDS, autoShare: AUTO_SHARE }).finally(() => clearInterval(sampler));
    await settle();
    const memoryEnd = treeMemory(pid);
    const summary = loadSummary(load);
    log(`load done: ${summary.requests_per_second} requests/s, ${summary.errors} errors; memory at the end ${memoryEnd.totalMiB} MiB`);
    log(`direct: ${DIRECT_ROUNDS} rounds, the endpoint and bare node-llama-cpp, one request at a time…`);
    const direct = await directComparison(baseURL, apiKey);
    const growthPct = growth(memoryStart, memoryEnd);
    // One reading catches V8's heap anywhere between two collections (±25 MiB a process here): the
    // median of the first and last third of the readings under load shows a steady climb, if any.
    const third = Math.max(1, Math.floor(samples.length / 3));
    const early = median(samples.slice(0, third).map((s) => s.total_mib));
    const late = median(samples.slice(-third).map((s) => s.total_mib));
    if (samples.length >= 3) growthPct.total_under_load_first_vs_last_third = round1(((late - early) / early) * 100);
    const rssGrowthPct = growthPct.total!;
    console.log(
      JSON.stringify({
        load: summary,
        warmup: { seconds: WARMUP_SECONDS, completed: warmup.completed, distinct_errors: [...warmup.errors].map(([error, count]) => ({ error, count })) },
        memory: {
          read_after_idle_ms: SETTLE_MS,
          start_after_warmup: memoryStart,
          end: memoryEnd,
          peak_total_mib: Math.max(memoryStart.totalMiB, memoryEnd.totalMiB, ...samples.map((s) => s.total_mib)),
          growth_pct: growthPct,
          samples_during_load: samples,
          data_folder_mib_at_end: folderMiB(dataDir),
        },
        direct_comparison: direct,
        targets: TARGETS,
        pass: { errors: summary.errors <= TARGETS.errors, rss_growth: rssGrowthPct < TARGETS.rssGrowthPct },
        settings: {
          clients: CLIENTS,
          seconds: SECONDS,
          warmup_seconds: WARMUP_SECONDS,
          auto_share: AUTO_SHARE,
          direct_rounds: DIRECT_ROUNDS,
          prompts: PROMPTS.length,
          defaults: DEFAULTS,
        },
        model: 'tiny-chat.gguf (fixture, ~250 KB, deterministic short answers); no cloud configured, so duet-auto routes locally',
        machine: {
          cpus: os.availableParallelism(),
          cpu_model: os.cpus()[0]?.model ?? 'cpu',
          memory_gib: round1(os.totalmem() / 2 ** 30),
          node: process.version,
          platform: `${process.platform} ${os.release()}`,
          loadavg_1m_at_start: loadAtStart,
          loadavg_1m_at_end: round1(os.loadavg()[0] ?? 0),
        },
      }),
    );
  } finally {
    await server.stop();
    temp.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
