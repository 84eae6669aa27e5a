// bench:local — the same prompt through Duet's full path (contract → core → engine worker →
// events) and through bare node-llama-cpp with identical settings, alternating, several rounds.
// Both are timed the same way, from the caller's side (time-answer.ts): time to the first streamed
// text, then streamed chunks per second until ANSWER_CHUNKS have arrived. Prints one JSON object.
import { fork } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { DuetEvent } from '../../src-main/contract/index.js';
import { createDuetCore } from '../../src-main/core/create-core.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { BENCH_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { makeTempDir } from '../support/temp-dir.js';
import { ANSWER_CHUNKS, PROMPT, timeAnswer, type Sample } from './time-answer.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
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

async function duetRunner(dataDir: string) {
  const core = await createDuetCore({ dataDir, modelPath: BENCH_MODEL_FILE, version: 'bench' });
  await waitUntilReady(core);
  /** From the stop call to the event that says the answer stopped: what "Stop" feels like. */
  const stopTimes: number[] = [];
  return {
    stopTimes,
    run: () => {
      let conversationId = '';
      let stopAt = 0;
      return timeAnswer(
        (onChunk) =>
          new Promise<void>((resolve, reject) => {
            const unsubscribe = core.subscribe((event: DuetEvent) => {
              if (event.type === 'message.delta' && event.text.length > 0) {
                conversationId = event.conversationId;
                onChunk();
              }
              if (event.type === 'message.updated' && event.message.role === 'assistant' && event.message.status !== 'streaming') {
                if (stopAt > 0) stopTimes.push(performance.now() - stopAt);
                unsubscribe();
                if (event.message.status === 'error') reject(new Error(event.message.error?.message));
                else resolve();
              }
            });
            void core.call('chat.send', { conversationId: null, text: PROMPT }).then((result) => {
              if (!result.ok) reject(new Error(result.error.message));
            });
          }),
        () => {
          stopAt = performance.now();
          void core.call('chat.stop', { conversationId });
        },
      );
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
        duet_stop_ms_p50: round2(median(duet.stopTimes)),
        duet_stop_ms_max: round2(Math.max(...duet.stopTimes)),
        rounds: ROUNDS,
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
