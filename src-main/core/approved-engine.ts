// The local engine behind the administrator's list of approved models: every load (and every wake
// after idle unloading) checks the file first, so a file that is not approved never reaches
// node-llama-cpp, not even its header reader.
import type { ModelStatus } from '../contract/index.js';
import type { LocalEngine } from '../local/engine-types.js';
import { toEnvelopeError } from './core-error.js';

/**
 * Wraps `engine` so that `check` (which throws to refuse a file) runs before any load. A refused
 * load keeps a working model, as a failed load does; with none, the status turns to 'error' with
 * the reason, so the window shows it.
 */
export function approvedModelsOnly(engine: LocalEngine, check: (file: string) => Promise<void>): LocalEngine {
  let refused: ModelStatus | null = null;
  const listeners = new Set<(status: ModelStatus) => void>();
  const tell = (status: ModelStatus): void => {
    for (const listener of listeners) listener(status);
  };
  engine.onStatus((status) => {
    refused = null;
    tell(status);
  });
  return {
    async load(file) {
      try {
        await check(file);
      } catch (error) {
        const reason = toEnvelopeError(error);
        const current = engine.status();
        if (current.state !== 'ready' && current.state !== 'loading' && !current.sleeping) {
          refused = { ...current, state: 'error', path: file, name: null, sleeping: false, error: reason };
          tell(refused);
        }
        return { ok: false, error: reason };
      }
      return engine.load(file);
    },
    async generate(request, onToken, signal) {
      // Asleep, the model loads again with this answer: its file may have changed since it was checked.
      const status = engine.status();
      if (status.sleeping && status.path) {
        try {
          await check(status.path);
        } catch (error) {
          return { ok: false, error: toEnvelopeError(error) };
        }
      }
      return engine.generate(request, onToken, signal);
    },
    unload: (options) => engine.unload(options),
    status: () => refused ?? engine.status(),
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    workerPid: () => engine.workerPid(),
    answersInLine: () => engine.answersInLine(),
    close: () => engine.close(),
  };
}
