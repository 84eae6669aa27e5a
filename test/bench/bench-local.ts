// bench:local — the same prompt through Duet's full path (contract → core → engine worker →
// events) and through bare node-llama-cpp with identical settings, alternating, several rounds.
// Both are timed the same way, from the caller's side (time-answer.ts): time to the first streamed
// text, then streamed chunks per second until ANSWER_CHUNKS have arrived. Prints one JSON object.
import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { DuetEvent } from '../../src-main/contract/index.js';
import { createDuetCore } from '../../src-main/core/create-core.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { BENCH_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { makeTempDir } from '../support/temp-dir.js';
import { ANSWER_CHUNKS, PROMPT, timeAnswer, type Sample } from './time-answer.js';

// 30 rounds: on 2 cores one round's time to first token swings by ±40 ms with whatever else runs, so
// the median of 10 could miss by 20 ms in one run of three where 30 settle within a few ms.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const BARE_PROCESS = fileURLToPath(new URL('./bare-llama-process.ts', import.meta.url));

/** Bare node-llama-cpp runs in its own process, as Duet's engine does, so both get a quiet process of their own. */
async function bareRunner() {
  const child = fork(BARE_PROCESS, [BENCH_MODEL_FILE], { execArgv: ['--import', 'tsx'] });
  type Reply = { type: string; sample?: Sample; message?: string };
  let waiting: { resolve: (reply: Reply) => void; reject: (error: Error) => void } | null = null;
  child.on('message', (message) => waiting?.resolve(message as Reply));
  child.on('exit', (code) => waiting?.reject(new Error(`The bare node-llama-cpp process exited (${code}).`)));
  const next = () => new Promise<Reply>((resolve, reject) => (waiting = { resolve, reject }));
  const ready = await next();
  if (ready.type !== 'ready') throw new Error('The bare node-llama-cpp process did not start.');
  return {
    run: async (): Promise<Sample> => {
      const answer = next();
      child.send({ type: 'run' });
      const reply = await answer;
      if (!reply.sample) throw new Error(reply.message ?? 'no sample');
      return reply.sample;
    },
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'exit' });
      await exited;
    },
  };
}

const epoch = (): number => performance.timeOrigin + performance.now();

/**
 * The way from chat.send to the first token, in parts: the core and the engine worker append each
 * phase's wall-clock time to DUET_TRACE_FILE (src-main/local/startup-trace.ts); the bench adds
 * when it called chat.send and when the first delta event reached it.
 */
const TTFT_PARTS: Array<[name: string, from: string, to: string]> = [
  ['core_routing_and_history_writes_ms', 'send', 'host-generate'],
  ['engine_queue_and_ipc_to_worker_ms', 'host-generate', 'worker-generate'],
  ['worker_token_count_and_chat_history_ms', 'worker-generate', 'worker-prompt'],
  ['prompt_evaluation_to_first_token_ms', 'worker-prompt', 'worker-first-token'],
  ['ipc_token_to_core_ms', 'worker-first-token', 'host-first-token'],
  ['core_token_to_event_ms', 'host-first-token', 'caller-first-token'],
];

/** Each part of one answer's way to its first token, from the phases traced for it. */
function ttftParts(phases: Map<string, number>): Record<string, number> {
  return Object.fromEntries(TTFT_PARTS.map(([name, from, to]) => [name, (phases.get(to) ?? Number.NaN) - (phases.get(from) ?? Number.NaN)]));
}

async function duetRunner(dataDir: string) {
  const traceFile = path.join(dataDir, 'ttft-trace.txt');
  writeFileSync(traceFile, '');
  // Set before the core starts: the engine worker inherits it.
  process.env.DUET_TRACE_FILE = traceFile;
  const core = await createDuetCore({ dataDir, modelPath: BENCH_MODEL_FILE, version: 'bench' });
  await waitUntilReady(core);
  /** From the stop call to the event that says the answer stopped: what "Stop" feels like. */
  const stopTimes: number[] = [];
  /** Each answer's TTFT parts, in ms. */
  const ttftSamples: Array<Record<string, number>> = [];
  /** The phases traced since the last answer, first of each kind; the file is emptied for the next. */
  const tracedPhases = (): Map<string, number> => {
    const phases = new Map<string, number>();
    for (const line of readFileSync(traceFile, 'utf8').split('\n')) {
      const [name, at] = line.split(' ');
      if (name && at && !phases.has(name)) phases.set(name, Number(at));
    }
    writeFileSync(traceFile, '');
    return phases;
  };
  return {
    stopTimes,
    ttftSamples,
    run: async () => {
      let conversationId = '';
      let stopAt = 0;
      let sendAt = 0;
      let firstDeltaAt = 0;
      tracedPhases();
      const sample = await timeAnswer(
        (onChunk) =>
          new Promise<void>((resolve, reject) => {
            const unsubscribe = core.subscribe((event: DuetEvent) => {
              if (event.type === 'message.delta' && event.text.length > 0) {
                conversationId = event.conversationId;
                if (firstDeltaAt === 0) firstDeltaAt = epoch();
                onChunk();
              }
              if (event.type === 'message.updated' && event.message.role === 'assistant' && event.message.status !== 'streaming') {
                if (stopAt > 0) stopTimes.push(performance.now() - stopAt);
                unsubscribe();
                if (event.message.status === 'error') reject(new Error(event.message.error?.message));
                else resolve();
              }
            });
            sendAt = epoch();
            void core.call('chat.send', { conversationId: null, text: PROMPT }).then((result) => {
              if (!result.ok) reject(new Error(result.error.message));
            });
          }),
        () => {
          stopAt = performance.now();
          void core.call('chat.stop', { conversationId });
        },
      );
      const phases = tracedPhases();
      phases.set('send', sendAt);
      phases.set('caller-first-token', firstDeltaAt);
      ttftSamples.push(ttftParts(phases));
      return sample;
    },
    close: () => core.close(),
  };
}

async function waitUntilReady(core: DuetCore): Promise<void> {
  for (;;) {
    const info = await core.call('app.info', {});
    if (!info.ok) throw new Error(info.error.message);
    const { model } = info.value as { model: { state: string; error: { message: string } | null } };
    if (model.state === 'ready') return;
    if (model.state === 'error') throw new Error(model.error?.message);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

async function main(): Promise<void> {
  const temp = makeTempDir('bench');
  const bare = await bareRunner();
  const duet = await duetRunner(temp.dir);
  try {
    // One warm-up each, not counted: first answers pay for page faults and cache warm-up.
    await bare.run();
    await duet.run();
    duet.ttftSamples.length = 0;
    const bareSamples: Sample[] = [];
    const duetSamples: Sample[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which side goes first, so drift on a noisy machine hits both alike.
      if (round % 2 === 0) {
        bareSamples.push(await bare.run());
        duetSamples.push(await duet.run());
      } else {
        duetSamples.push(await duet.run());
        bareSamples.push(await bare.run());
      }
    }
    const bareTps = median(bareSamples.map((s) => s.tps));
    const duetTps = median(duetSamples.map((s) => s.tps));
    const bareTtft = median(bareSamples.map((s) => s.ttftMs));
    const duetTtft = median(duetSamples.map((s) => s.ttftMs));
    console.log(
      JSON.stringify({
        bare_tps: round2(bareTps),
        duet_tps: round2(duetTps),
        ratio: Math.round((duetTps / bareTps) * 1000) / 1000,
        bare_ttft_ms: round2(bareTtft),
        duet_ttft_ms: round2(duetTtft),
        ttft_delta_ms: round2(duetTtft - bareTtft),
        // Each round's TTFT difference: the target is at most 10 ms in every one, not only the median.
        ttft_delta_ms_per_round: duetSamples.map((s, i) => round2(s.ttftMs - bareSamples[i]!.ttftMs)),
        // Medians of each part of Duet's way from chat.send to the first token; prompt evaluation is
        // the part bare node-llama-cpp also has (bare_ttft_ms), the rest is Duet's own.
        ttftBreakdown: Object.fromEntries(TTFT_PARTS.map(([name]) => [name, round2(median(duet.ttftSamples.map((s) => s[name] ?? Number.NaN)))])),
        duet_stop_ms_p50: round2(median(duet.stopTimes)),
        duet_stop_ms_max: round2(Math.max(...duet.stopTimes)),
        rounds: ROUNDS,
        load_average: os.loadavg().map((n) => round2(n)),
        chunks_per_answer: ANSWER_CHUNKS,
        model: 'bench-q8.gguf (llama, 896 dims, 24 layers, Q8_0, random weights)',
        machine: `${os.cpus()[0]?.model ?? 'cpu'} x${os.availableParallelism()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${process.platform}`,
      }),
    );
  } finally {
    await duet.close();
    await bare.close();
    temp.remove();
  }
}

await main();
