// The engine worker in the desktop app: an Electron utility process (a Node process Chromium
// manages, listed as "Duet engine" in the task manager) adapted to the WorkerHandle the core uses.
// In the worker, messages arrive on `process.parentPort` ('message' events with `.data`) and go
// back with `process.parentPort.postMessage`, where a child_process worker uses process.send/on.
import type { ForkOptions, UtilityProcess } from 'electron';
import type { SpawnWorker, WorkerHandle } from '../core/core-types.js';
import { workerEnvironment } from '../core/shell-parts.js';

export type ForkUtilityProcess = (modulePath: string, args?: string[], options?: ForkOptions) => UtilityProcess;

/** A SpawnWorker that starts the entry file with `fork` (Electron's `utilityProcess.fork`, after app ready). */
export function utilityProcessSpawner(fork: ForkUtilityProcess, log: Pick<Console, 'error'> = console): SpawnWorker {
  // Without `env` the utility process inherits the main process's, secrets included.
  return (entryFile) => wrapUtilityProcess(fork(entryFile, [], { serviceName: 'Duet engine', stdio: 'inherit', env: workerEnvironment() }), log);
}

/** Adapts a utility process to WorkerHandle: send → postMessage, exit reported exactly once. */
export function wrapUtilityProcess(child: UtilityProcess, log: Pick<Console, 'error'> = console): WorkerHandle {
  let exitCode: number | null | undefined;
  const exitListeners: Array<(code: number | null) => void> = [];
  child.on('exit', (code) => {
    if (exitCode !== undefined) return;
    exitCode = code;
    for (const listener of exitListeners.splice(0)) listener(code);
  });
  // An 'error' event without a listener would throw in the main process; 'exit' follows it anyway.
  child.on('error', (type, location) => log.error(`Duet's engine process failed (${type} at ${location}).`));

  return {
    get pid() {
      return child.pid;
    },
    send(message) {
      if (exitCode === undefined) child.postMessage(message);
    },
    onMessage(listener) {
      child.on('message', (message: unknown) => listener(message));
    },
    onExit(listener) {
      if (exitCode !== undefined) {
        const code = exitCode;
        queueMicrotask(() => listener(code));
      } else {
        exitListeners.push(listener);
      }
    },
    kill() {
      if (exitCode === undefined) child.kill();
    },
  };
}
