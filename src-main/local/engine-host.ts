import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { fail, ok, type DuetError, type ModelStatus, type Result } from '../contract/index.js';
import type { GenerateOutcome, GenerateRequest, GenerationStats, LocalEngine } from './engine-types.js';
import { checkModelFile } from './gguf-check.js';
import { forkNodeWorker } from './node-worker.js';
import type { SpawnWorker, WorkerHandle } from './worker-handle.js';
import { ConfidenceCheckSchema, parseWorkerMessage, type HostMessage, type WorkerMessage } from './worker-protocol.js';

export interface LocalEngineOptions {
  /** How to start the worker process; a Node child process by default. */
  spawnWorker?: SpawnWorker;
  /** The worker's entry file; engine-worker.js (or .ts from source) beside this file by default. */
  workerEntry?: string;
  /** Crashes within `windowMs` after which the engine stops restarting the model. */
  crashLimit?: { crashes: number; windowMs: number };
}

/** Where the worker entry lies: beside this file, with the same extension (.js built, .ts from source). */
export function defaultWorkerEntry(): string {
  const here = fileURLToPath(import.meta.url);
  return path.join(path.dirname(here), `engine-worker${path.extname(here)}`);
}

/**
 * The local model, run in a worker process. One request runs at a time: a `generate` or `load`
 * that arrives while another runs waits its turn (the core lets different conversations answer
 * at once, and a question asked while the model loads waits for it). When the worker dies, the
 * answer in flight ends with `engine_crashed` and the engine restarts the worker and reloads the
 * model, unless it crashed `crashLimit.crashes` times within `crashLimit.windowMs`.
 */
export function createLocalEngine(options: LocalEngineOptions = {}): LocalEngine {
  return new WorkerEngine(options);
}

type Reply = WorkerMessage | { type: 'exit'; reason: string };
type ReplyHandler = (reply: Reply) => void;

/** One started worker process and the requests waiting on it. */
interface RunningWorker {
  handle: WorkerHandle;
  pending: Map<number, { kind: HostMessage['type']; onReply: ReplyHandler }>;
  started: boolean;
  pid: number | null;
  /** Set when the engine ends the worker itself, so its exit is not a crash. */
  retired: boolean;
}

const NO_MODEL: ModelStatus = { state: 'none', path: null, name: null, gpuLayers: null, gpu: null, contextSize: null, error: null };
const DEFAULT_CRASH_LIMIT = { crashes: 3, windowMs: 60_000 };
const SHUTDOWN_GRACE_MS = 1500;

class WorkerEngine implements LocalEngine {
  private readonly spawnWorker: SpawnWorker;
  private readonly workerEntry: string;
  private readonly crashLimit: { crashes: number; windowMs: number };
  private current: ModelStatus = NO_MODEL;
  private readonly listeners = new Set<(status: ModelStatus) => void>();
  private worker: RunningWorker | null = null;
  private nextId = 1;
  private tail: Promise<unknown> = Promise.resolve();
  private recovery: Promise<void> | null = null;
  private crashTimes: number[] = [];
  private closed = false;

  constructor(options: LocalEngineOptions) {
    this.spawnWorker = options.spawnWorker ?? forkNodeWorker;
    this.workerEntry = options.workerEntry ?? defaultWorkerEntry();
    this.crashLimit = options.crashLimit ?? DEFAULT_CRASH_LIMIT;
  }

  status(): ModelStatus {
    return { ...this.current };
  }

  onStatus(listener: (status: ModelStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  workerPid(): number | null {
    return this.worker?.handle.pid ?? this.worker?.pid ?? null;
  }

  load(modelPath: string): Promise<ModelStatus> {
    if (this.closed) return Promise.resolve(this.status());
    return this.exclusive(async () => {
      // Choosing a model again is the user's way out after repeated crashes.
      this.crashTimes = [];
      return this.loadChecked(modelPath);
    });
  }

  generate(request: GenerateRequest, onToken: (text: string) => void, signal: AbortSignal): Promise<Result<GenerateOutcome>> {
    // Checked here: a request the worker cannot parse would never be answered.
    if (request.confidenceCheck !== undefined && !ConfidenceCheckSchema.safeParse(request.confidenceCheck).success) {
      return Promise.resolve(fail('invalid_request', 'The confidence check needs a threshold from 0 to 1 and a window of at least one whole token.'));
    }
    return new Promise((resolve) => {
      let settled = false;
      const settle = (result: Result<GenerateOutcome>): void => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onQueuedAbort);
        resolve(result);
      };
      // Stopped while waiting for its turn: answer at once; the turn then passes straight on.
      const onQueuedAbort = (): void => settle(ok({ text: '', stopped: true, stats: this.emptyStats() }));
      if (signal.aborted) return onQueuedAbort();
      signal.addEventListener('abort', onQueuedAbort, { once: true });
      this.exclusive(async () => {
        if (settled) return;
        signal.removeEventListener('abort', onQueuedAbort);
        await this.runGenerate(request, onToken, signal, settle);
      }).catch((error: unknown) => settle(fail('internal', `The local engine failed: ${describe(error)}. Send the question again.`)));
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    await this.retire(worker);
  }

  // ---- Loading ---------------------------------------------------------------------------

  /** Checks the file in this process, then loads it in the worker. Runs inside `exclusive`. */
  private async loadChecked(modelPath: string): Promise<ModelStatus> {
    this.setStatus({ ...NO_MODEL, state: 'loading', path: modelPath });
    const checked = await checkModelFile(modelPath);
    if (this.closed) return this.status();
    if (!checked.ok) {
      await this.unloadWorkerModel();
      return this.setStatus({ ...NO_MODEL, state: 'error', path: modelPath, error: checked.error });
    }
    const name = checked.value.name;
    let worker: RunningWorker;
    try {
      worker = this.ensureWorker();
    } catch (error) {
      return this.loadFailed(modelPath, name, {
        code: 'model_load_failed',
        message: `The local engine could not start (${describe(error)}). Restart Duet; if it keeps failing, reinstall it.`,
      });
    }
    const reply = await this.request(worker, { type: 'load', id: this.nextId++, modelPath });
    switch (reply.type) {
      case 'loaded':
        return this.setStatus({
          state: 'ready',
          path: modelPath,
          name,
          gpu: reply.gpu,
          gpuLayers: reply.gpuLayers,
          contextSize: reply.contextSize,
          error: null,
        });
      case 'load-failed':
        return this.loadFailed(modelPath, name, { code: reply.code, message: reply.message });
      case 'exit':
        return this.loadFailed(modelPath, name, {
          code: 'model_load_failed',
          message: worker.started
            ? `Loading ${modelPath} crashed the local engine (${reply.reason}). The file may be damaged or need a newer version of Duet; choose another .gguf file.`
            : `The local engine could not start (${reply.reason}). Restart Duet; if it keeps failing, reinstall it.`,
        });
      default:
        return this.loadFailed(modelPath, name, { code: 'internal', message: `The local engine answered a load with "${reply.type}". Restart Duet.` });
    }
  }

  private loadFailed(modelPath: string, name: string, error: DuetError): ModelStatus {
    return this.setStatus({ ...NO_MODEL, state: 'error', path: modelPath, name, error });
  }

  /** Frees the worker's model after a failed check, so memory is not held by a model nobody can use. */
  private async unloadWorkerModel(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    await this.request(worker, { type: 'unload', id: this.nextId++ });
  }

  // ---- Answering -------------------------------------------------------------------------

  private async runGenerate(
    request: GenerateRequest,
    onToken: (text: string) => void,
    signal: AbortSignal,
    settle: (result: Result<GenerateOutcome>) => void,
  ): Promise<void> {
    const status = this.current;
    if (this.closed) return settle(fail('internal', 'The local engine has shut down.'));
    if (status.state !== 'ready') return settle(fail(...unavailable(status)));
    const worker = this.worker;
    if (!worker) return settle(fail('engine_crashed', 'The local engine is not running. Load the model again.'));
    const model = status.name ?? path.basename(status.path ?? 'model');
    const id = this.nextId++;
    const sentAt = performance.now();
    let text = '';
    let chunks = 0;
    let firstAt: number | null = null;
    let lastAt = 0;
    let stoppedHere = false;

    // The turn is held until the worker has really finished, even when the caller was answered earlier.
    await new Promise<void>((finished) => {
      const onAbort = (): void => {
        stoppedHere = true;
        this.send(worker, { type: 'stop', id });
        // Stop takes effect for the caller at once; the worker stops at its next token.
        settle(ok({ text, stopped: true, stats: hostStats(model, sentAt, firstAt, lastAt, chunks) }));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const onReply: ReplyHandler = (reply) => {
        switch (reply.type) {
          case 'token': {
            if (stoppedHere) return;
            const now = performance.now();
            firstAt ??= now;
            lastAt = now;
            chunks++;
            text += reply.text;
            try {
              onToken(reply.text);
            } catch {
              // The caller's listener failing must not take the engine (or the core) down.
            }
            return;
          }
          case 'done':
            settle(ok({
              text: reply.text,
              stopped: reply.stopped,
              stats: {
                model,
                ttftMs: firstAt === null ? null : firstAt - sentAt,
                tokens: reply.tokens,
                tokensPerSecond: reply.tokensPerSecond,
                ...(reply.meanConfidence === undefined ? {} : { meanConfidence: reply.meanConfidence }),
              },
              ...(reply.unsure ? { unsure: reply.unsure } : {}),
            }));
            break;
          case 'failed':
            settle(fail(reply.code, reply.message));
            break;
          case 'exit':
            settle(fail('engine_crashed', `The local model stopped unexpectedly (${reply.reason}). Your question is kept; send it again in a moment, once Duet has restarted the model.`));
            break;
          default:
            return;
        }
        signal.removeEventListener('abort', onAbort);
        finished();
      };
      void this.request(worker, {
        type: 'generate',
        id,
        conversationId: request.conversationId,
        history: request.history,
        prompt: request.prompt,
        ...(request.maxTokens === undefined ? {} : { maxTokens: request.maxTokens }),
        ...(request.confidenceCheck === undefined ? {} : { confidenceCheck: request.confidenceCheck }),
      }, onReply);
      if (signal.aborted) onAbort();
    });
  }

  private emptyStats(): GenerationStats {
    return { model: this.current.name ?? 'no model', ttftMs: null, tokens: 0, tokensPerSecond: null };
  }

  // ---- The worker process ----------------------------------------------------------------

  private ensureWorker(): RunningWorker {
    if (this.worker) return this.worker;
    const handle = this.spawnWorker(this.workerEntry);
    const worker: RunningWorker = { handle, pending: new Map(), started: false, pid: handle.pid ?? null, retired: false };
    this.worker = worker;
    handle.onMessage((raw) => {
      const message = parseWorkerMessage(raw);
      if (!message) return;
      if (message.type === 'started') {
        worker.started = true;
        worker.pid = message.pid;
        return;
      }
      worker.pending.get(message.id)?.onReply(message);
    });
    handle.onExit((code) => this.onWorkerExit(worker, code));
    return worker;
  }

  /**
   * Sends a request; resolves with its final reply (or the worker's exit). With `onReply`, every
   * reply (tokens included) goes there instead and the caller removes nothing: the entry is dropped
   * on the first reply that is not a token.
   */
  private request(worker: RunningWorker, message: Extract<HostMessage, { id: number }>, onReply?: ReplyHandler): Promise<Reply> {
    return new Promise((resolve) => {
      worker.pending.set(message.id, {
        kind: message.type,
        onReply: (reply) => {
          if (reply.type !== 'token') {
            worker.pending.delete(message.id);
            resolve(reply);
          }
          onReply?.(reply);
        },
      });
      this.send(worker, message);
    });
  }

  private send(worker: RunningWorker, message: HostMessage): void {
    try {
      worker.handle.send(message);
    } catch {
      // The worker is gone; its exit settles whatever waits on it.
    }
  }

  private onWorkerExit(worker: RunningWorker, code: number | null): void {
    const reason = code === null ? 'its process was killed' : `exit code ${code}`;
    const kinds = [...worker.pending.values()].map((entry) => entry.kind);
    if (this.worker === worker) this.worker = null;
    for (const entry of [...worker.pending.values()]) entry.onReply({ type: 'exit', reason });
    worker.pending.clear();
    if (worker.retired || this.closed) return;
    // A crash while loading is reported by the load itself; restarting would only crash again.
    if (kinds.includes('load')) return;
    this.crashed(reason);
  }

  /** The worker died with a model loaded: report it, then restart and reload unless it keeps crashing. */
  private crashed(reason: string): void {
    const { path: modelPath, state, name } = this.current;
    if (state !== 'ready' || !modelPath) return;
    const now = Date.now();
    this.crashTimes = [...this.crashTimes.filter((t) => now - t < this.crashLimit.windowMs), now];
    if (this.crashTimes.length >= this.crashLimit.crashes) {
      this.setStatus({
        ...NO_MODEL,
        state: 'error',
        path: modelPath,
        name,
        error: {
          code: 'engine_crashed',
          message: `The local model crashed ${this.crashTimes.length} times in a short while (last: ${reason}), so Duet stopped restarting it. Load the model again, or choose another .gguf file.`,
        },
      });
      return;
    }
    this.setStatus({
      ...this.current,
      state: 'error',
      error: { code: 'engine_crashed', message: `The local model stopped unexpectedly (${reason}). Duet is restarting it.` },
    });
    const recovery = this.loadChecked(modelPath).then(() => undefined);
    this.recovery = recovery;
    void recovery.finally(() => {
      if (this.recovery === recovery) this.recovery = null;
    });
  }

  /** Ends a worker on purpose: asks it to shut down, then kills it if it lingers. */
  private async retire(worker: RunningWorker): Promise<void> {
    worker.retired = true;
    const exited = new Promise<void>((resolve) => worker.handle.onExit(() => resolve()));
    this.send(worker, { type: 'shutdown' });
    let timer: NodeJS.Timeout | undefined;
    const lingering = new Promise<'linger'>((resolve) => {
      timer = setTimeout(() => resolve('linger'), SHUTDOWN_GRACE_MS);
    });
    if ((await Promise.race([exited, lingering])) === 'linger') {
      worker.handle.kill();
      await exited;
    }
    clearTimeout(timer);
  }

  // ---- Plumbing --------------------------------------------------------------------------

  /** Runs tasks one at a time, after any restart in progress. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(async () => {
      while (this.recovery) await this.recovery;
      return task();
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  private setStatus(status: ModelStatus): ModelStatus {
    this.current = status;
    for (const listener of [...this.listeners]) {
      try {
        listener({ ...status });
      } catch {
        // A listener's failure must not stop the engine.
      }
    }
    return { ...status };
  }
}

/** Stats measured here, for an answer the caller stopped before the worker reported its own. */
function hostStats(model: string, sentAt: number, firstAt: number | null, lastAt: number, chunks: number): GenerationStats {
  const seconds = firstAt === null ? 0 : (lastAt - firstAt) / 1000;
  return {
    model,
    ttftMs: firstAt === null ? null : firstAt - sentAt,
    tokens: chunks,
    tokensPerSecond: chunks > 1 && seconds > 0 ? (chunks - 1) / seconds : null,
  };
}

/** Why no answer can start: the status's own error, or that no model is loaded. */
function unavailable(status: ModelStatus): [DuetError['code'], string] {
  if (status.state === 'error' && status.error) return [status.error.code, status.error.message];
  return ['model_missing', 'No local model is loaded. Choose a GGUF model file (start Duet with --model PATH, or load one), then send again.'];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
