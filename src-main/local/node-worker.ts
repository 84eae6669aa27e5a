import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { SpawnWorker, WorkerHandle } from './worker-handle.js';
import { workerEnvironment } from './worker-env.js';

/** tsx's loader as a file URL, so a .ts worker starts whatever the current directory is. */
function tsxLoader(): string {
  try {
    return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  } catch {
    return 'tsx';
  }
}

// The worker's JavaScript allocates little and briefly (a token's text, a message): llama.cpp's memory
// is native. V8 would grow its young generation to 2 x 16 MiB anyway and keep it resident; 2 MiB
// semi-spaces keep about 27 MiB off the worker's resident memory, for a few more minor collections.
const WORKER_HEAP_FLAG = '--max-semi-space-size=2';

/**
 * Starts the engine worker as a Node child process (headless mode, tests). A `.ts` entry runs
 * through tsx, for development and tests that run from source.
 */
export const forkNodeWorker: SpawnWorker = (entryFile: string): WorkerHandle => {
  const child = fork(entryFile, [], {
    execArgv: [WORKER_HEAP_FLAG, ...(entryFile.endsWith('.ts') ? ['--import', tsxLoader()] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: workerEnvironment(),
  });
  const exitListeners: Array<(code: number | null) => void> = [];
  let exited = false;
  const exit = (code: number | null): void => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener(code);
  };
  child.once('exit', (code) => exit(code));
  // 'error' without 'exit' means the process never started (or could not be signalled).
  child.on('error', () => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) exit(child.exitCode);
  });
  return {
    get pid() {
      return child.pid;
    },
    send(message) {
      if (!child.connected) return;
      // A write to a worker that just died fails asynchronously; its exit is reported separately.
      child.send(message as object, (error) => void error);
    },
    onMessage(listener) {
      child.on('message', listener);
    },
    onExit(listener) {
      exitListeners.push(listener);
      if (exited) listener(child.exitCode);
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
};
