import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODEL_SETTINGS, fail, NO_LOCAL_MODEL_MESSAGE, ok, type DuetError, type ModelSettings, type ModelStatus, type Result } from '../contract/index.js';
import type { GenerateOutcome, GenerateRequest, GenerationStats, LocalEngine } from './engine-types.js';
import { samplingOf, samplingWith } from './generation-settings.js';
import { checkModelFile } from './gguf-check.js';
import { spawnPrestartedWorker } from './early-worker.js';
import { tracePhase } from './startup-trace.js';
import type { SpawnWorker, WorkerHandle } from './worker-handle.js';
import { ConfidenceCheckSchema, GenerationOverridesSchema, parseHostMessage, parseWorkerMessage, type HostMessage, type WorkerMessage } from './worker-protocol.js';

export interface LocalEngineOptions {
  /** How to start the worker process; a Node child process by default. */
  spawnWorker?: SpawnWorker;
  /** The worker's entry file; engine-worker.js (or .ts from source) beside this file by default. */
  workerEntry?: string;
  /** Crashes within `windowMs` after which the engine stops restarting the model. */
  crashLimit?: { crashes: number; windowMs: number };
  /**
   * How long a worker with a load or an answer in hand may go without a sign of life (it sends a
   * heartbeat every second, from llama.cpp's work or not) before the engine kills and restarts it.
   */
  watchdogMs?: number;
  /**
   * A model file's settings (context, GPU layers, sampling, system prompt), read at every load and
   * every answer so that a change applies without a restart; the defaults when absent.
   */
  modelSettings?: (modelPath: string) => ModelSettings;
  /**
   * A file where the worker remembers which llama.cpp backend worked on this machine, so that the
   * next start need not probe for it; without one it probes at every start.
   */
  backendFile?: string;
  /**
   * Start the worker (and llama.cpp in it) now rather than at the first load: the core passes it
   * so that the slowest part of a start runs while the rest of the core is still starting.
   */
  startNow?: boolean;
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
 * model, unless it crashed `crashLimit.crashes` times within `crashLimit.windowMs`. A worker that
 * stops responding (frozen, stopped with SIGSTOP, stuck in native code) is killed after `watchdogMs`
 * and handled as a crash. A load that fails leaves the model that was working loaded.
 */
export function createLocalEngine(options: LocalEngineOptions = {}): LocalEngine {
  return new WorkerEngine(options);
}

/** A worker's end as its requests see it; `frozenSeconds` when the watchdog ended it. */
type ExitReply = { type: 'exit'; reason: string; frozenSeconds: number | null };
type Reply = WorkerMessage | ExitReply;
type ReplyHandler = (reply: Reply) => void;

/** One started worker process and the requests waiting on it. */
interface RunningWorker {
  handle: WorkerHandle;
  pending: Map<number, { kind: HostMessage['type']; onReply: ReplyHandler }>;
  started: boolean;
  pid: number | null;
  /** Set when the engine ends the worker itself, so its exit is not a crash. */
  retired: boolean;
  exited: boolean;
  /** When the worker last sent anything (performance.now()), and when the watchdog last looked. */
  lastHeard: number;
  lastChecked: number;
  /** Set when the watchdog killed the worker: how long it had been silent, in whole seconds. */
  frozenSeconds: number | null;
  watchdog: NodeJS.Timeout | null;
}

const NO_MODEL: ModelStatus = {
  state: 'none',
  path: null,
  name: null,
  gpuLayers: null,
  gpu: null,
  contextSize: null,
  trainedContextSize: null,
  gpuDevices: null,
  vram: null,
  fitNote: null,
  sleeping: false,
  error: null,
};
const DEFAULT_CRASH_LIMIT = { crashes: 3, windowMs: 60_000 };
const SHUTDOWN_GRACE_MS = 1500;
// Long enough for a load of a large model from a slow disk, whose native part never stops the
// heartbeat; short enough that a user waiting on a frozen answer is told before giving up.
const DEFAULT_WATCHDOG_MS = 30_000;
// Starting the worker process and node-llama-cpp's binaries may take a while on a busy machine.
const STARTUP_GRACE_MS = 30_000;

class WorkerEngine implements LocalEngine {
  private readonly spawnWorker: SpawnWorker;
  private readonly workerEntry: string;
  private readonly crashLimit: { crashes: number; windowMs: number };
  private readonly watchdogMs: number;
  private readonly modelSettings: (modelPath: string) => ModelSettings;
  private readonly backendFile: string | null;
  private current: ModelStatus = NO_MODEL;
  private readonly listeners = new Set<(status: ModelStatus) => void>();
  private worker: RunningWorker | null = null;
  private nextId = 1;
  private tail: Promise<unknown> = Promise.resolve();
  private recovery: Promise<void> | null = null;
  private crashTimes: number[] = [];
  private closed = false;
  /** Generate requests asked for and not yet answered (see answersInLine). */
  private inLine = 0;

  constructor(options: LocalEngineOptions) {
    // The worker headless Duet's entry started early, when there is one; else a new Node child process.
    this.spawnWorker = options.spawnWorker ?? spawnPrestartedWorker;
    this.workerEntry = options.workerEntry ?? defaultWorkerEntry();
    this.crashLimit = options.crashLimit ?? DEFAULT_CRASH_LIMIT;
    this.watchdogMs = options.watchdogMs ?? DEFAULT_WATCHDOG_MS;
    this.modelSettings = options.modelSettings ?? (() => DEFAULT_MODEL_SETTINGS);
    this.backendFile = options.backendFile ?? null;
    if (options.startNow) {
      try {
        this.ensureWorker();
      } catch {
        // The first load tries again and says why it cannot.
      }
    }
  }

  status(): ModelStatus {
    return { ...this.current };
  }

  onStatus(listener: (status: ModelStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  answersInLine(): number {
    return this.inLine;
  }

  workerPid(): number | null {
    return this.worker?.handle.pid ?? this.worker?.pid ?? null;
  }

  load(modelPath: string): Promise<Result<ModelStatus>> {
    if (this.closed) return Promise.resolve(fail('internal', 'The local engine has shut down. Restart Duet.'));
    return this.exclusive(async () => {
      // Choosing a model again is the user's way out after repeated crashes.
      this.crashTimes = [];
      // A model asleep after idle time is still the user's model: a bad new file must not cost it.
      const working = (this.current.state === 'ready' || this.current.sleeping) && this.current.path ? this.status() : null;
      return this.loadChecked(modelPath, working);
    });
  }

  unload(options: { sleeping?: boolean } = {}): Promise<void> {
    if (this.closed) return Promise.resolve();
    return this.exclusive(async () => {
      const { state, path: modelPath, name, contextSize, trainedContextSize } = this.current;
      // Put to sleep only what is loaded now: a load or a switch that came first decides.
      if (options.sleeping && (state !== 'ready' || this.closed)) return;
      await this.unloadWorkerModel();
      // Asleep, the window the model will get again stays known (the router's context gate uses it).
      this.setStatus(options.sleeping ? { ...NO_MODEL, path: modelPath, name, contextSize, trainedContextSize, sleeping: true } : NO_MODEL);
    });
  }

  generate(request: GenerateRequest, onToken: (text: string) => void, signal: AbortSignal): Promise<Result<GenerateOutcome>> {
    // Checked here: a request the worker cannot parse would never be answered.
    if (request.confidenceCheck !== undefined && !ConfidenceCheckSchema.safeParse(request.confidenceCheck).success) {
      return Promise.resolve(fail('invalid_request', 'The confidence check needs a threshold from 0 to 1 and a window of at least one whole token.'));
    }
    if (request.tools) return Promise.resolve(fail('invalid_request', 'The local model cannot call tools in Duet yet: only the cloud answers requests with tools.'));
    const overridesProblem = request.overrides === undefined ? null : problemWith(request.overrides);
    if (overridesProblem) return Promise.resolve(fail('invalid_request', overridesProblem));
    tracePhase('host-generate');
    this.inLine++;
    return new Promise((resolve) => {
      let settled = false;
      const settle = (result: Result<GenerateOutcome>): void => {
        if (settled) return;
        settled = true;
        this.inLine--;
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

  /**
   * Checks the file in this process, then loads it in the worker. Runs inside `exclusive`. When it
   * fails and `working` is the model that was ready before, that model is kept (or loaded again)
   * and the error says so: choosing a bad file must not cost the user the model that worked.
   */
  private async loadChecked(modelPath: string, working: ModelStatus | null = null): Promise<Result<ModelStatus>> {
    this.setStatus({ ...NO_MODEL, state: 'loading', path: modelPath });
    const checked = await checkModelFile(modelPath);
    if (this.closed) return fail('internal', 'The local engine has shut down. Restart Duet.');
    if (!checked.ok) {
      // The worker still holds the working model: nothing to reload.
      if (working) return this.keptWorking(working, checked.error);
      await this.unloadWorkerModel();
      return this.loadFailed(modelPath, null, checked.error);
    }
    const name = checked.value.name;
    // The worker frees the working model before it loads the new one rather than after: holding
    // both could exhaust memory, and GPU layers are fitted to the VRAM free at load time, so a model
    // loaded beside the old one would get fewer of them. A failure costs a reload of the old model
    // instead, which is fast: it loaded moments ago and its file is in the page cache.
    const loaded = await this.loadInWorker(modelPath, name);
    if (loaded.ok) return loaded;
    if (this.closed || !working?.path) return this.loadFailed(modelPath, name, loaded.error);
    // Asleep it held no memory: it stays asleep, to be loaded with the next question.
    if (working.sleeping) return this.keptWorking(working, loaded.error);
    const restored = await this.loadInWorker(working.path, working.name ?? path.basename(working.path));
    if (restored.ok) return this.keptWorking(restored.value, loaded.error);
    return this.loadFailed(modelPath, name, loaded.error);
  }

  /** Loads a checked file in the worker; sets the status when it is ready, and only then. */
  private async loadInWorker(modelPath: string, name: string): Promise<Result<ModelStatus>> {
    let worker: RunningWorker;
    try {
      worker = this.ensureWorker();
    } catch (error) {
      return fail('model_load_failed', `The local engine could not start (${describe(error)}). Restart Duet; if it keeps failing, reinstall it.`);
    }
    const { contextSize, gpuLayers } = this.settingsFor(modelPath);
    const reply = await this.request(worker, { type: 'load', id: this.nextId++, modelPath, contextSize, gpuLayers });
    switch (reply.type) {
      case 'loaded':
        return ok(
          this.setStatus({
            state: 'ready',
            path: modelPath,
            name,
            gpu: reply.gpu,
            gpuLayers: reply.gpuLayers,
            contextSize: reply.contextSize,
            trainedContextSize: reply.trainedContextSize,
            gpuDevices: reply.gpuDevices,
            vram: reply.vram,
            fitNote: reply.fitNote,
            sleeping: false,
            error: null,
          }),
        );
      case 'load-failed':
        return fail(reply.code, reply.message);
      case 'exit':
        // Duet is closing (Ctrl+C while the model loads): nothing is wrong with the file.
        if (this.closed) return fail('internal', 'The local engine has shut down. Restart Duet.');
        if (reply.frozenSeconds !== null) {
          return fail(
            'model_load_failed',
            `Loading ${modelPath} stopped responding for ${reply.frozenSeconds} s, so Duet stopped it. The file may be damaged, or the disk it is on too slow; choose another .gguf file or try again.`,
          );
        }
        return fail(
          'model_load_failed',
          worker.started
            ? `Loading ${modelPath} crashed the local engine (${reply.reason}). The file may be damaged or need a newer version of Duet; choose another .gguf file.`
            : `The local engine could not start (${reply.reason}). Restart Duet; if it keeps failing, reinstall it.`,
        );
      default:
        return fail('internal', `The local engine answered a load with "${reply.type}". Restart Duet.`);
    }
  }

  private loadFailed(modelPath: string, name: string | null, error: DuetError): Result<ModelStatus> {
    // Closing, no one is left to be told (and the terminal must not show a failure that was a quit).
    if (!this.closed) this.setStatus({ ...NO_MODEL, state: 'error', path: modelPath, name, error });
    return fail(error.code, error.message);
  }

  /** The new file failed but `working` is loaded (still, or again): it stays the status. */
  private keptWorking(working: ModelStatus, error: DuetError): Result<ModelStatus> {
    this.setStatus(working);
    const name = working.name ?? path.basename(working.path ?? 'the model');
    return fail(error.code, `${error.message} Duet is still using ${name}.`);
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
    if (this.closed) return settle(fail('internal', 'The local engine has shut down.'));
    if (this.current.sleeping && this.current.path) {
      // Unloaded after idle time: the question waits while the same model loads again. Stopped
      // meanwhile, the caller hears at once; the load goes on, for the next question.
      const stopped = (): void => settle(ok({ text: '', stopped: true, stats: this.emptyStats() }));
      signal.addEventListener('abort', stopped, { once: true });
      const woken = await this.loadChecked(this.current.path);
      signal.removeEventListener('abort', stopped);
      if (signal.aborted) return stopped();
      if (!woken.ok) return settle({ ok: false, error: woken.error });
    }
    const status = this.current;
    if (status.state !== 'ready') return settle(fail(...unavailable(status)));
    const worker = this.worker;
    if (!worker) return settle(fail('engine_crashed', 'The local engine is not running. Load the model again.'));
    const model = status.name ?? path.basename(status.path ?? 'model');
    const settings = this.settingsFor(status.path ?? '');
    const overrides = request.overrides ?? {};
    const id = this.nextId++;
    const message: HostMessage = {
      type: 'generate',
      id,
      conversationId: request.conversationId,
      history: request.history,
      prompt: request.prompt,
      // The request's own options first, then the model's settings (GenerationOverrides).
      maxTokens: overrides.maxTokens ?? request.maxTokens ?? settings.maxTokens,
      sampling: samplingWith(samplingOf(settings), overrides),
      systemPrompt: overrides.system ?? settings.systemPrompt,
      ...(overrides.stop && overrides.stop.length > 0 ? { stop: overrides.stop } : {}),
      ...(request.confidenceCheck === undefined ? {} : { confidenceCheck: request.confidenceCheck }),
    };
    // The worker ignores a message it cannot read, so one would wait for an answer forever.
    if (!parseHostMessage(message)) return settle(fail('invalid_request', 'The local engine cannot take this request: one of its values is out of range.'));
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
            if (firstAt === null) tracePhase('host-first-token');
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
            settle(
              ok({
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
              }),
            );
            break;
          case 'failed':
            settle(fail(reply.code, reply.message));
            break;
          case 'exit':
            settle(
              fail(
                'engine_crashed',
                reply.frozenSeconds === null
                  ? `The local model stopped unexpectedly (${reply.reason}). Your question is kept; send it again in a moment, once Duet has restarted the model.`
                  : `The local model stopped responding for ${reply.frozenSeconds} s, so Duet restarted it. Send your question again.`,
              ),
            );
            break;
          default:
            return;
        }
        signal.removeEventListener('abort', onAbort);
        finished();
      };
      tracePhase('host-sent');
      void this.request(worker, message, onReply);
      if (signal.aborted) onAbort();
    });
  }

  /** The model's settings; the defaults when reading them fails (a broken setting must not stop answers). */
  private settingsFor(modelPath: string): ModelSettings {
    try {
      return this.modelSettings(modelPath);
    } catch {
      return DEFAULT_MODEL_SETTINGS;
    }
  }

  private emptyStats(): GenerationStats {
    return { model: this.current.name ?? 'no model', ttftMs: null, tokens: 0, tokensPerSecond: null };
  }

  // ---- The worker process ----------------------------------------------------------------

  private ensureWorker(): RunningWorker {
    if (this.worker) return this.worker;
    const handle = this.spawnWorker(this.workerEntry);
    const now = performance.now();
    const worker: RunningWorker = {
      handle,
      pending: new Map(),
      started: false,
      pid: handle.pid ?? null,
      retired: false,
      exited: false,
      lastHeard: now,
      lastChecked: now,
      frozenSeconds: null,
      watchdog: null,
    };
    this.worker = worker;
    worker.watchdog = setInterval(() => this.watch(worker), Math.min(1000, this.watchdogMs / 4));
    worker.watchdog.unref();
    handle.onMessage((raw) => {
      worker.lastHeard = performance.now();
      const message = parseWorkerMessage(raw);
      if (!message || message.type === 'heartbeat') return;
      if (message.type === 'started') {
        worker.started = true;
        worker.pid = message.pid;
        return;
      }
      worker.pending.get(message.id)?.onReply(message);
    });
    handle.onExit((code) => this.onWorkerExit(worker, code));
    // llama.cpp starts at once, while the core goes on composing (or the file is being checked).
    this.send(worker, { type: 'prepare', backendFile: this.backendFile });
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

  /**
   * The watchdog: kills a worker that has a request in hand and has sent nothing (not even its
   * heartbeat) for `watchdogMs`. Its exit then ends the request and restarts it like a crash.
   */
  private watch(worker: RunningWorker): void {
    const now = performance.now();
    const sinceCheck = now - worker.lastChecked;
    worker.lastChecked = now;
    // Idle silence means nothing. And when this process itself did not run for a while (the
    // computer slept, or the event loop was blocked), the worker's messages are only waiting to be read.
    if (worker.pending.size === 0 || sinceCheck > Math.min(1000, this.watchdogMs / 4) * 2 + this.watchdogMs / 2) {
      worker.lastHeard = now;
      return;
    }
    const allowed = worker.started ? this.watchdogMs : Math.max(this.watchdogMs, STARTUP_GRACE_MS);
    const silentMs = now - worker.lastHeard;
    if (silentMs < allowed || worker.frozenSeconds !== null) return;
    worker.frozenSeconds = Math.round(silentMs / 1000);
    this.forceKill(worker);
  }

  /** Kills the worker outright: SIGKILL also ends a stopped process, which SIGTERM would leave pending. */
  private forceKill(worker: RunningWorker): void {
    const pid = worker.pid ?? worker.handle.pid;
    if (pid !== undefined && pid !== null && !worker.exited) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone; its exit is on its way.
      }
    }
    worker.handle.kill();
  }

  private onWorkerExit(worker: RunningWorker, code: number | null): void {
    worker.exited = true;
    if (worker.watchdog) clearInterval(worker.watchdog);
    const frozenSeconds = worker.frozenSeconds;
    const reason = frozenSeconds !== null ? `it stopped responding for ${frozenSeconds} s` : code === null ? 'its process was killed' : `exit code ${code}`;
    const kinds = [...worker.pending.values()].map((entry) => entry.kind);
    if (this.worker === worker) this.worker = null;
    for (const entry of [...worker.pending.values()]) entry.onReply({ type: 'exit', reason, frozenSeconds });
    worker.pending.clear();
    if (worker.retired || this.closed) return;
    // A crash while loading is reported by the load itself; restarting would only crash again.
    if (kinds.includes('load')) return;
    this.crashed(reason, frozenSeconds);
  }

  /** The worker died with a model loaded: report it, then restart and reload unless it keeps crashing. */
  private crashed(reason: string, frozenSeconds: number | null): void {
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
      error: {
        code: 'engine_crashed',
        message:
          frozenSeconds === null
            ? `The local model stopped unexpectedly (${reason}). Duet is restarting it.`
            : `The local model stopped responding for ${frozenSeconds} s. Duet is restarting it.`,
      },
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
      this.forceKill(worker);
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
  return ['model_missing', NO_LOCAL_MODEL_MESSAGE];
}

/** What each override must be, said the way a caller can fix it. */
const OVERRIDE_RULES: Record<string, string> = {
  system: 'the system prompt must be text',
  temperature: 'temperature must be a number from 0 to 2',
  topP: 'top-p must be a number from 0 to 1',
  maxTokens: 'the answer length must be a whole number of tokens, at least 1',
  stop: 'stop must be a list of non-empty texts',
  seed: 'the seed must be a whole number',
};

/** Why a request's overrides cannot be used, or null when they can (checked here, like the confidence check). */
function problemWith(overrides: unknown): string | null {
  const parsed = GenerationOverridesSchema.safeParse(overrides);
  if (parsed.success) return null;
  const field = String(parsed.error.issues[0]?.path[0] ?? '');
  return `This request's generation options cannot be used: ${OVERRIDE_RULES[field] ?? 'they must be an object'}.`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
