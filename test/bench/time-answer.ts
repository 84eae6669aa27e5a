import { performance } from 'node:perf_hooks';

/** How many streamed chunks each timed answer runs for. */
export const ANSWER_CHUNKS = Number(process.env.BENCH_CHUNKS ?? 64);
/** The prompt both sides answer. */
export const PROMPT = 'Write a short story about a lighthouse keeper who finds a message in a bottle.';
const SETTLE_MS = 300;
const STEADY_FROM_CHUNK = 8;

export interface Sample {
  ttftMs: number;
  tps: number;
}

/**
 * Times one streamed answer from the caller's side: `start` begins it and calls `onChunk` per
 * piece of text; after ANSWER_CHUNKS pieces `stop` ends it. Time to first chunk, then chunks per second.
 */
export async function timeAnswer(start: (onChunk: () => void) => Promise<void>, stop: () => void): Promise<Sample> {
  const begin = performance.now();
  const arrivals: number[] = [];
  await start(() => {
    arrivals.push(performance.now());
    if (arrivals.length === ANSWER_CHUNKS) stop();
  });
  // A stopped answer may still be finishing its last token in another process: let the cores go
  // quiet before the next run, so neither side is timed while the other still computes.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const first = arrivals[0];
  const steadyFrom = arrivals[STEADY_FROM_CHUNK];
  const last = arrivals[ANSWER_CHUNKS - 1];
  if (first === undefined || steadyFrom === undefined || last === undefined) {
    throw new Error(`The answer ended after ${arrivals.length} chunks; the bench needs ${ANSWER_CHUNKS}.`);
  }
  // The rate is taken from the steady part of the stream: the first chunks' arrival times carry
  // one-off delays (the first save, the first IPC message) that would distort a short window.
  return { ttftMs: first - begin, tps: (ANSWER_CHUNKS - 1 - STEADY_FROM_CHUNK) / ((last - steadyFrom) / 1000) };
}
