// Timestamps for the benchmarks, off unless asked for. With DUET_STARTUP_TRACE=1, each phase of a
// start (core and engine worker alike) is written to stderr; with DUET_TRACE_FILE=<file>, each
// phase of an answer's way to its first token is appended to that file. Both in wall-clock
// milliseconds, so that a benchmark can line up several processes with its own clock.
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const now = (): string => (performance.timeOrigin + performance.now()).toFixed(2);

/** Writes `[duet-startup] <phase> <epoch ms>` on stderr when startup tracing is on. */
export function traceStartup(phase: string): void {
  if (process.env.DUET_STARTUP_TRACE !== '1') return;
  process.stderr.write(`[duet-startup] ${phase} ${now()}\n`);
}

/** Appends `<phase> <epoch ms>` to DUET_TRACE_FILE when it is set (bench:local's TTFT breakdown). */
export function tracePhase(phase: string): void {
  const file = process.env.DUET_TRACE_FILE;
  if (!file) return;
  try {
    appendFileSync(file, `${phase} ${now()}\n`);
  } catch {
    // A trace must never cost an answer.
  }
}
