import type { CloudInfo, CloudSettings, DuetEvent, ImportSummary, PolicyInfo, Result } from '../contract/index.js';
import type { SecretStore } from '../cloud/secrets.js';
import type { SpawnWorker } from '../local/worker-handle.js';
import type { DiscoverPlace } from '../models/discover-roots.js';

// Service types a shell (server/, electron/) hands the core or is handed by it. Re-exported here
// because the shells see only the core and the contract (the layer map in eslint.config.js).
export type { LocalEngine } from '../local/engine-types.js';
export type { SpawnWorker, WorkerHandle } from '../local/worker-handle.js';
export type { SecretStore } from '../cloud/secrets.js';

export interface CoreOptions {
  /** Folder for the database and settings; created when missing. */
  dataDir: string;
  /** Model to load at start (from --model or DUET_MODEL); falls back to the saved setting. */
  modelPath?: string | null;
  /** How to start the engine worker; defaults to a Node child process. Electron passes utilityProcess. */
  spawnWorker?: SpawnWorker;
  version: string;
  /** Where the cloud API key is kept: Electron passes an encrypted store; headless reads the environment. */
  secrets?: SecretStore;
  keyStorage?: CloudInfo['keyStorage'];
  /** The admin's managed policy; read from the machine's policy file by default. */
  policy?: PolicyInfo;
  /** A cloud endpoint named at start (headless flags); saved as the setting. */
  cloud?: CloudSettings | null;
  /** Which shell runs this core, for the message a second Duet on the same data folder prints. */
  instanceKind?: 'desktop' | 'headless';
  /** Base URL that catalog `hf:` URIs download from (an internal mirror); saved as the `modelMirror` setting. */
  modelHub?: string | null;
  /** The model catalog file; resources/models/catalog.json by default (tests pass their own). */
  catalogFile?: string;
  /** Where to look for models other apps downloaded (home, environment, platform); this machine's by default. */
  modelSearch?: Partial<DiscoverPlace>;
  /** Replace a damaged history with the newest backup (the replaced file is kept, renamed); a healthy one is kept. */
  restoreBackup?: boolean;
  /** How long one minute of `unloadIdleMinutes` lasts, in ms (60,000); tests make it shorter. */
  idleMinuteMs?: number;
  /** Serve the OpenAI-compatible endpoint on this port for this run (`serve --api-port`), whatever the settings say; 0 picks a free port. */
  apiPort?: number | null;
  /** How many answers may wait for the local model before an app's request gets 429 (MAX_LOCAL_LINE); tests make it small. */
  apiMaxLocalLine?: number;
}

/**
 * The assistant behind both transports. `call` validates the channel name and the request
 * against the contract itself, so a transport only moves bytes and checks who is calling.
 */
export interface DuetCore {
  call(channel: string, request: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: DuetEvent) => void): () => void;
  /**
   * Imports a history file sent as a stream (the HTTP bridge's upload): written to the data folder as it
   * arrives, imported from there, then removed. `declaredBytes` (Content-Length) refuses a file too large at once.
   */
  importUpload(body: AsyncIterable<Uint8Array>, declaredBytes: number | null): Promise<Result<ImportSummary>>;
  close(): Promise<void>;
}
