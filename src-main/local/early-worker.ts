// The engine worker started before the core's modules are even loaded. Headless Duet's entry
// (server/cli.ts) forks it first thing, so that the worker's start and node-llama-cpp's import (the
// slowest part of a start) run on the other core while this process imports and composes the core;
// the engine adopts it when the core creates the engine. The desktop app starts its worker itself.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { forkNodeWorker } from './node-worker.js';
import type { SpawnWorker, WorkerHandle } from './worker-handle.js';

let early: { entry: string; handle: WorkerHandle } | null = null;

/** The engine worker beside this file (.js built, .ts from source), as the engine would start it. */
function workerEntryHere(): string {
  const here = fileURLToPath(import.meta.url);
  return path.join(path.dirname(here), `engine-worker${path.extname(here)}`);
}

/**
 * Forks the engine worker now, for the engine to adopt later (once per process; its pid), and has it start
 * llama.cpp as soon as it is imported, with the backend remembered in `backendFile` (the engine
 * would say the same once adopted: by then llama.cpp would be waiting for it).
 */
export function prestartEngineWorker(backendFile: string): number | undefined {
  if (early) return early.handle.pid;
  const entry = workerEntryHere();
  const handle = holdMessages(forkNodeWorker(entry));
  // Node keeps it for the worker until the worker listens.
  handle.send({ type: 'prepare', backendFile });
  early = { entry, handle };
  return handle.pid;
}

/**
 * Starts a worker as forkNodeWorker does, but hands over the prestarted one the first time it is
 * asked for the same entry. One never adopted (another entry asked for) is stopped.
 */
export const spawnPrestartedWorker: SpawnWorker = (entryFile) => {
  const prestarted = early;
  early = null;
  if (prestarted && prestarted.entry === entryFile) return prestarted.handle;
  prestarted?.handle.kill();
  return forkNodeWorker(entryFile);
};

/** The handle, keeping what the worker sends (its "started") until someone listens. */
function holdMessages(handle: WorkerHandle): WorkerHandle {
  const held: unknown[] = [];
  const listeners: Array<(message: unknown) => void> = [];
  handle.onMessage((message) => {
    if (listeners.length === 0) held.push(message);
    for (const listener of listeners) listener(message);
  });
  return {
    get pid() {
      return handle.pid;
    },
    send: (message) => handle.send(message),
    onMessage(listener) {
      listeners.push(listener);
      for (const message of held.splice(0)) listener(message);
    },
    onExit: (listener) => handle.onExit(listener),
    kill: () => handle.kill(),
  };
}
