/**
 * A running engine worker, whatever started it: `child_process.fork` in headless mode, Electron's
 * `utilityProcess.fork` in the desktop app. Messages are plain structured-clone values.
 */
export interface WorkerHandle {
  readonly pid: number | undefined;
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process ends, for whatever reason (crash, kill, exit). */
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** Starts the worker script at `entryFile` (an absolute path to a .js or, in development, a .ts file). */
export type SpawnWorker = (entryFile: string) => WorkerHandle;
