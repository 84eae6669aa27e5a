// bench:startup — headless Duet (`node dist-main/server/cli.js`) against bare node-llama-cpp, both
// started from nothing on the bench model with the same context, alternating, several runs: time
// from the spawn to the model ready and to the first token of a first question (asked as soon as
// Duet listens, as a user who types at once would), and resident memory of every process of each
// side once idle. Duet's phases come from its startup trace (DUET_STARTUP_TRACE=1, wall-clock
// times on stderr), bare node-llama-cpp's from its own timestamps. Prints one JSON object.
import { fork, spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODEL_SETTINGS } from '../../src-main/contract/index.js';
import { llamaOptions, modelOptions, promptOptions, SYSTEM_PROMPT } from '../../src-main/local/generation-settings.js';
import { BENCH_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { makeTempDir } from '../support/temp-dir.js';
import { median, round1 } from './percentiles.js';
import { treeMemory, type TreeMemory } from './process-memory.js';
import { PROMPT } from './time-answer.js';

const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 5);
/** A short answer: the bench times its first token, not the rest. */
const ANSWER_TOKENS = 16;
/** How long each side idles after its answer before its memory is read. */
const IDLE_MS = 1500;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(ROOT, 'dist-main/server/cli.js');
const BARE_PROCESS = fileURLToPath(new URL('./bare-startup-process.mjs', import.meta.url));
const API_KEY = 'bench-startup-key';

const epoch = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface StartSample {
  readyMs: number;
  firstTokenMs: number;
  memory: TreeMemory;
  /** Each phase's end, in ms since the spawn. */
  phases: Record<string, number>;
}

/** One start of headless Duet, a first question through its OpenAI-compatible API, its memory idle. */
async function duetStart(dataDir: string): Promise<StartSample> {
  const spawnedAt = epoch();
  const child = spawn(process.execPath, [CLI, '--model', BENCH_MODEL_FILE, '--port', '0', '--api-port', '0', '--data', dataDir], {
    env: { ...process.env, DUET_STARTUP_TRACE: '1', DUET_API_KEY: API_KEY },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const phases: Record<string, number> = {};
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => {
    stderr += data.toString();
    for (const match of stderr.matchAll(/^\[duet-startup\] (\S+) ([\d.]+)$/gm)) phases[match[1]!] ??= Number(match[2]) - spawnedAt;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    const baseUrl = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (data: Buffer) => {
        stdout += data.toString();
        const match = /OpenAI-compatible API for other apps: (\S+)/.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      void exited.then((code) => reject(new Error(`Duet exited (${code}) before it listened:\n${stdout}\n${stderr}`)));
    });
    const firstTokenAt = await askFirstQuestion(baseUrl);
    const ready = phases['core-model-ready'];
    if (ready === undefined) throw new Error(`Duet answered but never traced its model as ready:\n${stderr}`);
    await sleep(IDLE_MS);
    return { readyMs: ready, firstTokenMs: firstTokenAt - spawnedAt, memory: treeMemory(child.pid!), phases };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** Streams one short answer; resolves with the wall-clock time of its first text, once it has ended. */
async function askFirstQuestion(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
    body: JSON.stringify({ model: 'duet-auto', stream: true, max_tokens: ANSWER_TOKENS, messages: [{ role: 'user', content: PROMPT }] }),
  });
  if (!response.ok || !response.body) throw new Error(`The first question failed: ${response.status} ${await response.text()}`);
  let firstAt = 0;
  let buffered = '';
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    if (firstAt === 0 && /"content":"[^"]/.test(buffered)) firstAt = epoch();
  }
  if (firstAt === 0) throw new Error(`The first answer had no text:\n${buffered.slice(0, 2000)}`);
  return firstAt;
}

/** One start of bare node-llama-cpp in plain node, loading the same file with the same settings. */
async function bareStart(): Promise<StartSample> {
  const options = {
    llama: llamaOptions(),
    model: modelOptions(BENCH_MODEL_FILE, DEFAULT_MODEL_SETTINGS),
    context: { contextSize: DEFAULT_MODEL_SETTINGS.contextSize, sequences: 1 },
    cores: os.availableParallelism(),
    systemPrompt: SYSTEM_PROMPT,
    prompt: PROMPT,
    promptOptions: promptOptions(ANSWER_TOKENS),
  };
  const spawnedAt = epoch();
  const child = fork(BARE_PROCESS, [JSON.stringify(options)], { execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    const timings = await new Promise<Record<string, number>>((resolve, reject) => {
      child.once('message', (message) => resolve(message as Record<string, number>));
      void exited.then((code) => reject(new Error(`The bare node-llama-cpp process exited (${code}).`)));
    });
    await sleep(IDLE_MS);
    const since = (at: number | undefined): number => (at ?? Number.NaN) - spawnedAt;
    return {
      readyMs: since(timings.ready),
      firstTokenMs: since(timings.firstToken),
      memory: treeMemory(child.pid!),
      phases: {
        'node-started': since(timings.started),
        'script-start': since(timings.script),
        imported: since(timings.imported),
        llama: since(timings.llama),
        model: since(timings.model),
        context: since(timings.ready),
        'first-token': since(timings.firstToken),
      },
    };
  } finally {
    child.send({ type: 'exit' });
    await exited;
  }
}

/** Medians of each phase over the samples, in ms since the spawn. */
function phaseMedians(samples: StartSample[]): Record<string, number> {
  const names = [...new Set(samples.flatMap((s) => Object.keys(s.phases)))];
  const phases = names.map((name) => [name, round1(median(samples.map((s) => s.phases[name] ?? Number.NaN).filter((v) => !Number.isNaN(v))))] as const);
  return Object.fromEntries(phases.sort((a, b) => a[1] - b[1]));
}

/** Where Duet's start goes: the length of each step, from the phases' medians. */
function duetBreakdown(p: Record<string, number>): Record<string, number> {
  const step = (from: string | 0, to: string): number => round1((p[to] ?? Number.NaN) - (from === 0 ? 0 : (p[from] ?? Number.NaN)));
  return {
    core_node_boot_and_imports_ms: step(0, 'core-start'),
    core_history_open_ms: step('core-start', 'core-history'),
    worker_spawn_ms: step(0, 'worker-start'),
    worker_llama_import_ms: step('worker-start', 'worker-imported'),
    worker_get_llama_ms: step('worker-imported', 'worker-llama'),
    worker_model_load_ms: step('worker-llama', 'worker-model'),
    worker_context_ms: step('worker-model', 'worker-context'),
    worker_chat_session_ms: step('worker-context', 'worker-session'),
    ready_report_ms: step('worker-session', 'core-model-ready'),
  };
}

function bareBreakdown(p: Record<string, number>): Record<string, number> {
  const step = (from: string | 0, to: string): number => round1((p[to] ?? Number.NaN) - (from === 0 ? 0 : (p[from] ?? Number.NaN)));
  return {
    node_boot_ms: step(0, 'script-start'),
    llama_import_ms: step('script-start', 'imported'),
    get_llama_ms: step('imported', 'llama'),
    model_load_ms: step('llama', 'model'),
    context_ms: step('model', 'context'),
  };
}

function summary(samples: StartSample[]) {
  return {
    ready_ms_p50: round1(median(samples.map((s) => s.readyMs))),
    first_token_ms_p50: round1(median(samples.map((s) => s.firstTokenMs))),
    rss_mib_p50: round1(median(samples.map((s) => s.memory.totalMiB))),
    processes: samples.at(-1)?.memory.processes.map((p) => ({ command: p.command, rssMiB: p.rssMiB, ...(p.anonMiB === undefined ? {} : { anonMiB: p.anonMiB }) })),
    ready_ms: samples.map((s) => round1(s.readyMs)),
    first_token_ms: samples.map((s) => round1(s.firstTokenMs)),
    rss_mib: samples.map((s) => s.memory.totalMiB),
  };
}

async function main(): Promise<void> {
  const temp = makeTempDir('bench-startup');
  try {
    // One start each, not counted: it fills the page cache with the model and the binaries, and
    // Duet's first start probes the GPU backend, which later starts remember.
    await bareStart();
    await duetStart(temp.dir);
    const duet: StartSample[] = [];
    const bare: StartSample[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Alternate which side goes first, so drift on a noisy machine hits both alike.
      if (run % 2 === 0) {
        bare.push(await bareStart());
        duet.push(await duetStart(temp.dir));
      } else {
        duet.push(await duetStart(temp.dir));
        bare.push(await bareStart());
      }
    }
    const duetSummary = summary(duet);
    const bareSummary = summary(bare);
    const duetPhases = phaseMedians(duet);
    const barePhases = phaseMedians(bare);
    const readyRatio = Math.round((duetSummary.ready_ms_p50 / bareSummary.ready_ms_p50) * 1000) / 1000;
    const rssExtra = round1(duetSummary.rss_mib_p50 - bareSummary.rss_mib_p50);
    console.log(
      JSON.stringify({
        duet: { ...duetSummary, phases_ms_since_spawn_p50: duetPhases, breakdown_ms: duetBreakdown(duetPhases) },
        bare: { ...bareSummary, phases_ms_since_spawn_p50: barePhases, breakdown_ms: bareBreakdown(barePhases) },
        ready_ratio: readyRatio,
        first_token_ratio: Math.round((duetSummary.first_token_ms_p50 / bareSummary.first_token_ms_p50) * 1000) / 1000,
        rss_extra_mib: rssExtra,
        targets: { ready_ratio_max: 1.3, rss_extra_mib_max: 80, ready_met: readyRatio <= 1.3, rss_met: rssExtra <= 80 },
        runs: RUNS,
        load_average: os.loadavg().map((n) => Math.round(n * 100) / 100),
        model: 'bench-q8.gguf (llama, 896 dims, 24 layers, Q8_0, random weights)',
        context: DEFAULT_MODEL_SETTINGS.contextSize,
        machine: `${os.cpus()[0]?.model ?? 'cpu'} x${os.availableParallelism()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${process.platform}`,
      }),
    );
  } finally {
    temp.remove();
  }
}

await main();
