import type { DuetEvent, Result } from '../contract/index.js';
import type { SpawnWorker } from '../local/worker-handle.js';

export interface CoreOptions {
  /** Folder for the database and settings; created when missing. */
  dataDir: string;
  /** Model to load at start (from --model or DUET_MODEL); falls back to the saved setting. */
  modelPath?: string | null;
  /** How to start the engine worker; defaults to a Node child process. Electron passes utilityProcess. */
  spawnWorker?: SpawnWorker;
  version: string;
}

/**
 * The assistant behind both transports. `call` validates the channel name and the request
 * against the contract itself, so a transport only moves bytes and checks who is calling.
 */
export interface DuetCore {
  call(channel: string, request: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: DuetEvent) => void): () => void;
  close(): Promise<void>;
}
