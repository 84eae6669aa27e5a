// Caps a running engine worker's memory, so that llama.cpp's allocations past the cap really fail,
// as on a machine short of memory. The cap is RLIMIT_DATA (private writable memory: malloc, the
// KV cache, compute buffers; not the read-only mapped model file), set with util-linux's prlimit on
// the live process: measured from what the worker already holds, so it means the same on any
// machine whatever its core count or Node's own footprint. Linux only.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** Where prlimit lies; the memory tests skip without it. */
export const PRLIMIT = ['/usr/bin/prlimit', '/bin/prlimit'].find((file) => existsSync(file)) ?? null;

/** Private writable memory the process holds now (VmData), in bytes. */
export function dataBytes(pid: number): number {
  const match = /^VmData:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match?.[1]) throw new Error(`no VmData for process ${pid}`);
  return Number(match[1]) * 1024;
}

/** Lets the process allocate `headroomBytes` more than it holds now, and no more; returns the cap. */
export function capWorkerMemory(pid: number, headroomBytes: number): number {
  if (!PRLIMIT) throw new Error('prlimit (util-linux) is needed to cap the worker');
  const cap = dataBytes(pid) + Math.floor(headroomBytes);
  execFileSync(PRLIMIT, ['--pid', String(pid), `--data=${cap}:${cap}`]);
  return cap;
}
