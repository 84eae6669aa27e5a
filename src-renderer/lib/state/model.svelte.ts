import type { ModelStatus } from '../../../src-main/contract/entities.js';
import type { DuetError } from '../../../src-main/contract/envelope.js';
import type { DuetClient } from '../client.js';

/** The local model's status, from `app.info` and `model.status` events, and loading a new file. */
export class ModelState {
  status = $state.raw<ModelStatus | null>(null);
  /** The last `model.load` that failed; the model that was working may still be loaded. */
  loadError = $state.raw<DuetError | null>(null);
  requesting = $state(false);
  /**
   * What the user typed or chose in a model path field and has not loaded yet. Kept here, not in the
   * form: the welcome screen and the banner swap while a model loads (from this tab or another), and
   * the text must survive that, or a Load a moment later loads the old path.
   */
  typedPath = $state<string | null>(null);

  /** The failed load's error, unless the status already shows it (no model was kept). */
  shownLoadError = $derived(this.loadError && this.loadError.message !== this.status?.error?.message ? this.loadError : null);

  ready = $derived(this.status?.state === 'ready');
  loading = $derived(this.requesting || this.status?.state === 'loading');
  /** Unloaded after idle time: the next question loads it again by itself. */
  sleeping = $derived(this.status?.sleeping === true);
  /** No local model works and none is on its way (one asleep counts as set up): the welcome screen offers one. */
  needsModel = $derived(!this.loading && ((this.status?.state === 'none' && !this.sleeping) || this.status?.state === 'error'));

  #api: DuetClient;

  constructor(api: DuetClient) {
    this.#api = api;
  }

  /** Loads the model file at `path`; the resulting status (ready or error) is shown. */
  async load(path: string): Promise<void> {
    const trimmed = path.trim();
    if (trimmed === '' || this.requesting) return;
    this.requesting = true;
    this.loadError = null;
    const result = await this.#api.call('model.load', { path: trimmed });
    this.requesting = false;
    if (result.ok) {
      this.status = result.value;
      this.typedPath = null;
    } else this.loadError = result.error;
  }

  /** Hides the failed load's message (the model that was kept goes on answering). */
  dismissLoadError(): void {
    this.loadError = null;
  }
}
