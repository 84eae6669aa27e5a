// Unloads the local model after `unloadIdleMinutes` without a local answer, to give its memory back.
// The engine keeps the model's path and name (status sleeping) and loads it again with the next
// question; the clock counts from the end of the last local answer (or from the load), never
// during one, so an answer is never cut.
import type { LocalEngine } from '../local/engine-types.js';

export interface IdleUnloadOptions {
  engine: Pick<LocalEngine, 'status' | 'unload'>;
  /** The setting in force: minutes without a question before unloading; null never unloads. */
  minutes: () => number | null;
  /** How long a "minute" is; tests make it shorter. */
  minuteMs?: number;
}

/** The idle clock of the local model. */
export class IdleUnload {
  private readonly minuteMs: number;
  private running = 0;
  private lastActive = Date.now();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: IdleUnloadOptions) {
    this.minuteMs = options.minuteMs ?? 60_000;
  }

  /** Runs one local answer: the clock stops while it runs and starts again from its end. */
  async track<T>(answer: () => Promise<T>): Promise<T> {
    this.running++;
    this.touch();
    try {
      return await answer();
    } finally {
      this.running--;
      this.touch();
    }
  }

  /** Restarts the clock from now (a model became ready, an answer started or ended). */
  touch(): void {
    this.lastActive = Date.now();
    this.schedule();
  }

  /** Sets the timer again from the last activity, for a changed setting or a changed model status. */
  schedule(): void {
    this.clear();
    const minutes = this.options.minutes();
    if (this.closed || this.running > 0 || minutes === null || this.options.engine.status().state !== 'ready') return;
    const due = this.lastActive + minutes * this.minuteMs - Date.now();
    this.timer = setTimeout(() => this.fire(), Math.max(0, due));
    // A pending unload must not keep a closing process alive.
    this.timer.unref();
  }

  /** Stops the clock for good (the core is closing). */
  close(): void {
    this.closed = true;
    this.clear();
  }

  private fire(): void {
    this.timer = null;
    if (this.closed || this.running > 0 || this.options.engine.status().state !== 'ready') return;
    // The engine unloads after anything queued before, and only a model still ready then.
    void this.options.engine.unload({ sleeping: true }).catch((error: unknown) => {
      console.warn(`Duet: could not unload the idle local model: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
