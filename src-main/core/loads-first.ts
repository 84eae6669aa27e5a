// A question sent just after the user chose a model must wait for that model, not be refused for
// want of one. Between the click and the engine's "loading" status, the core may still be stopping
// the answer in progress or checking the file against the administrator's list; a question that
// arrived then was answered "No local model is loaded" while the model it wanted was on its way.
import { NO_LOCAL_MODEL_MESSAGE, type DuetError, type ModelStatus } from '../contract/index.js';
import type { LocalEngine } from '../local/engine-types.js';

/** The local engine, with the loads it was asked for; see `loadsFirst`. */
export interface LoadsFirstEngine extends LocalEngine {
  /** Why no local answer can start now, or null when one can (a model is ready, loading, asleep or asked for). */
  unavailable(): DuetError | null;
}

/**
 * Wraps `engine` so that a load counts from the moment it is asked for: until it settles, a local
 * answer is possible, and `generate` waits for it before asking the engine (then says the load's own
 * error if it failed, rather than "no model").
 */
export function loadsFirst(engine: LocalEngine): LoadsFirstEngine {
  const pending = new Set<Promise<unknown>>();
  return {
    load(modelPath) {
      const loading = engine.load(modelPath);
      pending.add(loading);
      const forget = (): void => void pending.delete(loading);
      loading.then(forget, forget);
      return loading;
    },
    async generate(request, onToken, signal) {
      if (pending.size > 0) {
        await untilSettledOrAborted([...pending], signal);
        // The engine answers a stopped request at once, as stopped.
        const why = signal.aborted ? null : modelUnavailable(engine.status());
        if (why) return { ok: false, error: why };
      }
      return engine.generate(request, onToken, signal);
    },
    unavailable: () => (pending.size > 0 ? null : modelUnavailable(engine.status())),
    unload: (options) => engine.unload(options),
    status: () => engine.status(),
    onStatus: (listener) => engine.onStatus(listener),
    workerPid: () => engine.workerPid(),
    answersInLine: () => engine.answersInLine(),
    close: () => engine.close(),
  };
}

/**
 * Why no local answer can start now, or null when the model is ready (or loading, or asleep after
 * idle time: the engine waits for it, or loads it again).
 */
function modelUnavailable(status: ModelStatus): DuetError | null {
  if (status.state === 'ready' || status.state === 'loading' || status.sleeping) return null;
  if (status.state === 'error' && status.error) return status.error;
  return {
    code: 'model_missing',
    message: NO_LOCAL_MODEL_MESSAGE,
  };
}

/** Resolves when every promise has settled, or as soon as `signal` aborts. */
function untilSettledOrAborted(promises: Promise<unknown>[], signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    void Promise.allSettled(promises).then(done);
  });
}
