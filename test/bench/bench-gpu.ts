// npm run bench:gpu: the benchmark model through Duet's local engine (its worker process, the app's
// own code path) with GPU layers 'auto', then with 0 (CPU only), side by side: the backend llama.cpp
// picked, the GPUs, layers offloaded, VRAM, and time to first token and tokens per second for a fixed
// prompt with a fixed seed. On a machine without a GPU both runs are on the CPU and the JSON says so.
// JSON on stdout, progress on stderr. The model is DUET_BENCH_MODEL, or the generated bench-q8.gguf
// (npm run fixtures -- --bench). Runs from source (tsx) here, or bundled on a GPU machine without
// Node (scripts/gpu-carry.sh, docs/GPU-CHECK.md).
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import { readGgufFileInfo } from 'node-llama-cpp';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings, type ModelStatus } from '../../src-main/contract/index.js';
import { createLocalEngine } from '../../src-main/local/engine-host.js';
import type { LocalEngine } from '../../src-main/local/engine-types.js';
import { BENCH_MODEL_FILE } from '../fixtures/fixture-facts.js';

const MODEL = process.env.DUET_BENCH_MODEL ?? BENCH_MODEL_FILE;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MAX_TOKENS = Number(process.env.BENCH_TOKENS ?? 128);
const SEED = 1234;
/** A fixed window keeps the two runs comparable ('auto' would size it from each run's free memory). */
const CONTEXT_SIZE = 4096;
/** Each answer's prompt is `Story <n>. ` and this (n from 1, the warm-up). */
const PROMPT = 'Write a short story about a lighthouse keeper who finds a message in a bottle.';
const log = (line: string): void => void process.stderr.write(`bench:gpu: ${line}\n`);

type Mode = { name: 'gpu_auto' | 'cpu'; gpuLayers: ModelSettings['gpuLayers'] };
const MODES: Mode[] = [
  { name: 'gpu_auto', gpuLayers: 'auto' },
  { name: 'cpu', gpuLayers: 0 },
];

interface Run {
  ttftMs: number;
  tokensPerSecond: number;
  tokens: number;
  text: string;
}

const mib = (bytes: number | undefined): number | null => (bytes === undefined ? null : Math.round(bytes / 2 ** 20));

/** One answer from a fresh conversation, with the engine's own figures. */
async function answer(engine: LocalEngine, round: number): Promise<Run> {
  let text = '';
  const result = await engine.generate(
    // Numbered, so that node-llama-cpp cannot reuse the last answer's evaluated prompt: each time to
    // first token includes evaluating the question (the system prompt before it is reused, as in the app).
    { conversationId: `bench-${round}`, history: [], prompt: `Story ${round + 2}. ${PROMPT}`, maxTokens: MAX_TOKENS },
    (piece) => (text += piece),
    new AbortController().signal,
  );
  if (!result.ok) throw new Error(`The answer failed: ${result.error.message}`);
  const { stats } = result.value;
  return { ttftMs: stats.ttftMs ?? NaN, tokensPerSecond: stats.tokensPerSecond ?? NaN, tokens: stats.tokens, text };
}

async function runMode(mode: Mode): Promise<Record<string, unknown> & { status: ModelStatus; tps: number; ttft: number }> {
  const settings: ModelSettings = { ...DEFAULT_MODEL_SETTINGS, gpuLayers: mode.gpuLayers, contextSize: CONTEXT_SIZE, seed: SEED, maxTokens: MAX_TOKENS };
  const engine = createLocalEngine({ modelSettings: () => settings });
  try {
    log(`${mode.name}: loading ${MODEL} with gpuLayers ${mode.gpuLayers}…`);
    const started = performance.now();
    const loaded = await engine.load(MODEL);
    if (!loaded.ok) throw new Error(`${mode.name}: the model did not load: ${loaded.error.message}`);
    const loadMs = performance.now() - started;
    const status = loaded.value;
    log(`${mode.name}: ${status.gpu} backend, ${status.gpuLayers} layers on the GPU; answering ${ROUNDS + 1} times…`);
    await answer(engine, -1); // warm-up, not counted: the first answer pays for page faults and kernel setup
    const runs: Run[] = [];
    for (let round = 0; round < ROUNDS; round++) runs.push(await answer(engine, round));
    const tps = median(runs.map((r) => r.tokensPerSecond));
    const ttft = median(runs.map((r) => r.ttftMs));
    return {
      status,
      tps,
      ttft,
      backend: status.gpu,
      devices: status.gpuDevices,
      gpu_layers: status.gpuLayers,
      vram_total_mib: mib(status.vram?.totalBytes),
      vram_used_mib: mib(status.vram?.usedBytes),
      vram_free_mib: mib(status.vram?.freeBytes),
      context_size: status.contextSize,
      fit_note: status.fitNote,
      load_ms: round1(loadMs),
      ttft_ms_median: round1(ttft),
      tokens_per_s_median: round1(tps),
      ttft_ms_runs: runs.map((r) => round1(r.ttftMs)),
      tokens_per_s_runs: runs.map((r) => round1(r.tokensPerSecond)),
      tokens_runs: runs.map((r) => r.tokens),
      answer_start: runs[0]!.text.slice(0, 60),
    };
  } finally {
    await engine.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const round2 = (n: number): number => Math.round(n * 100) / 100;

async function main(): Promise<void> {
  if (!existsSync(MODEL)) throw new Error(`${MODEL} is missing: run \`npm run fixtures -- --bench\` first (or set DUET_BENCH_MODEL).`);
  const info = await readGgufFileInfo(MODEL, { readTensorInfo: false });
  const architecture = String(info.metadata.general.architecture);
  const blocks = (info.architectureMetadata as { block_count?: number }).block_count ?? null;
  const results: Record<string, Awaited<ReturnType<typeof runMode>>> = {};
  for (const mode of MODES) results[mode.name] = await runMode(mode);
  const gpu = results.gpu_auto!;
  const cpu = results.cpu!;
  const onGpu = gpu.status.gpu !== 'cpu' && (gpu.status.gpuLayers ?? 0) > 0;
  const { status: _g, tps: _gt, ttft: _gf, ...gpuFigures } = gpu;
  const { status: _c, tps: _ct, ttft: _cf, ...cpuFigures } = cpu;
  console.log(
    JSON.stringify({
      gpu_available: onGpu,
      note: onGpu
        ? `gpuLayers 'auto' put ${gpu.status.gpuLayers} layers on ${gpu.status.gpu} (${(gpu.status.gpuDevices ?? []).join(', ') || 'unnamed device'}).`
        : `llama.cpp used no GPU here (backend ${gpu.status.gpu}, ${gpu.status.gpuLayers ?? 0} layers offloaded): both runs are on the CPU, so the ratios say nothing about a GPU.`,
      gpu_auto: gpuFigures,
      cpu: cpuFigures,
      // How many times faster the GPU run generates, and how many times sooner its first token comes.
      ratio_tokens_per_s_gpu_over_cpu: onGpu ? round2(gpu.tps / cpu.tps) : null,
      ratio_ttft_cpu_over_gpu: onGpu ? round2(cpu.ttft / gpu.ttft) : null,
      prompt: `Story <n>. ${PROMPT}`,
      seed: SEED,
      max_tokens: MAX_TOKENS,
      context_size: CONTEXT_SIZE,
      rounds: ROUNDS,
      model: { file: MODEL, architecture, block_count: blocks, size_mib: mib(statSync(MODEL).size) },
      machine: {
        cpu: os.cpus()[0]?.model ?? 'cpu',
        cores: os.availableParallelism(),
        memory_gib: Math.round(os.totalmem() / 2 ** 30),
        platform: `${process.platform}-${process.arch}`,
        node: process.version,
      },
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
