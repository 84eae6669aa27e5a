import type { DuetError } from '../../../src-main/contract/envelope.js';
import type { FoundModel, FoundModels, LibraryModel, ModelLibrary } from '../../../src-main/contract/models-found.js';
import type { DuetClient } from '../client.js';
import type { ModelState } from './model.svelte.js';
import type { ModelsState } from './models.svelte.js';

/** The library dialog: the models on this computer, switching the active one, removing downloads, getting more. */
export class LibraryState {
  open = $state(false);
  library = $state.raw<ModelLibrary | null>(null);
  error = $state.raw<DuetError | null>(null);
  found = $state.raw<FoundModels | null>(null);
  foundError = $state.raw<DuetError | null>(null);
  /** The file "Use this model" is loading, until the load ends. */
  switchingTo = $state<string | null>(null);
  /** Why the last switch failed (the model that was working stays loaded). */
  switchError = $state.raw<DuetError | null>(null);
  /** The model whose removal waits for the user's confirmation. */
  confirming = $state.raw<LibraryModel | null>(null);
  removing = $state(false);
  removeError = $state.raw<DuetError | null>(null);
  /** The catalog of recommended models is shown ("Get more models"). */
  showCatalog = $state(false);

  /** Models other apps left on disk that the library does not list already (the active one is listed there). */
  foundElsewhere = $derived.by((): FoundModel[] => {
    const listed = new Set(this.library?.models.map((model) => model.path) ?? []);
    return (this.found?.models ?? []).filter((model) => !listed.has(model.path));
  });

  #api: DuetClient;
  #model: ModelState;
  #models: ModelsState;
  #seq = 0;

  constructor(api: DuetClient, model: ModelState, models: ModelsState) {
    this.#api = api;
    this.#model = model;
    this.#models = models;
  }

  /** Opens the dialog and reads what is on disk. */
  show(): void {
    this.open = true;
    this.showCatalog = false;
    this.switchError = null;
    this.removeError = null;
    void this.refresh();
  }

  close(): void {
    this.open = false;
    this.confirming = null;
  }

  /** Re-reads the library while the dialog is open (a download finished, a model was switched). */
  refreshIfOpen(): void {
    if (this.open) void this.refresh();
  }

  /** Reads Duet's models and the ones other apps left on disk; an older answer arriving late is dropped. */
  async refresh(): Promise<void> {
    const seq = ++this.#seq;
    const [library, found] = await Promise.all([this.#api.call('models.library', {}), this.#api.call('models.found', {})]);
    if (seq !== this.#seq) return;
    if (library.ok) {
      this.library = library.value;
      this.error = null;
    } else this.error = library.error;
    if (found.ok) {
      this.found = found.value;
      this.foundError = null;
    } else this.foundError = found.error;
  }

  /** Makes `path` the active model: answers in progress stop, the old model stays if the new one fails. */
  async use(path: string): Promise<void> {
    if (this.switchingTo !== null || this.#model.loading) return;
    this.switchingTo = path;
    this.switchError = null;
    await this.#model.load(path);
    this.switchError = this.#model.loadError;
    this.switchingTo = null;
    await this.refresh();
  }

  /** Asks for confirmation before a model file is deleted. */
  askRemove(model: LibraryModel): void {
    this.removeError = null;
    this.confirming = model;
  }

  cancelRemove(): void {
    if (!this.removing) this.confirming = null;
  }

  /** Deletes the confirmed model file; removing the active one leaves no model, and the welcome screen takes over. */
  async confirmRemove(): Promise<void> {
    const model = this.confirming;
    if (!model || this.removing) return;
    this.removing = true;
    const result = await this.#api.call('models.remove', { path: model.path, confirmed: true });
    this.removing = false;
    this.confirming = null;
    if (!result.ok) {
      this.removeError = result.error;
      return;
    }
    if (result.value.wasActive) {
      // Nothing is loaded now: the welcome screen offers the next model.
      this.close();
      return;
    }
    await this.refresh();
  }

  /** Shows the recommended models (with their fit) so that another one can be downloaded. */
  getMore(): void {
    this.showCatalog = true;
    void this.#models.load();
  }
}
