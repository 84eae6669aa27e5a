// What headless Duet's entry may start before it imports the core: the engine worker alone. A file of
// its own, so that importing it costs no more than the few modules that fork the worker.
import { prestartEngineWorker } from '../local/early-worker.js';
import { backendFileIn } from '../local/llama-backend.js';

/** Forks the engine worker of a Duet whose data folder is `dataDir`, for its core to adopt. */
export function prestartEngine(dataDir: string): void {
  prestartEngineWorker(backendFileIn(dataDir));
}
