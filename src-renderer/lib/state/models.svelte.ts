import type { DuetError } from '../../../src-main/contract/envelope.js';
import type { CatalogItem, DownloadState, FoundModels } from '../../../src-main/contract/index.js';
import { commonFitError } from '../catalog-fit.js';
import type { DuetClient } from '../client.js';
import type { ModelState } from './model.svelte.js';

/** The welcome screen's data: the catalog with each model's fit, downloads in progress, and models found on disk. */
export class ModelsState {
  catalog = $state.raw<CatalogItem[] | null>(null);
  catalogError = $state.raw<DuetError | null>(null);
  found = $state.raw<FoundModels | null>(null);
  foundError = $state.raw<DuetError | null>(null);
  /** The latest state of each download, by catalog id. */
  downloads = $state.raw<Record<string, DownloadState>>({});
  /** A download that could not even start (the call failed), by catalog id. */
  startErrors = $state.raw<Record<string, DuetError>>({});
  loaded = $state(false);
  /** Why no model's fit could be checked, when it is the same for all (say, offline): said once. */
  commonFitError = $derived(commonFitError(this.catalog));

  #api: DuetClient;
  #model: ModelState;
  /**
   * Downloads started from this page, with the attempt shown when the button was pressed: the file
   * is loaded as soon as a newer attempt has it verified.
   */
  #loadWhenDone = new Map<string, number>();
  /** States applied per download id: a call's answer that events overtook must not overwrite them. */
  #applied = new Map<string, number>();

  constructor(api: DuetClient, model: ModelState) {
    this.#api = api;
    this.#model = model;
  }

  /** Reads the catalog (with fit), the downloads Duet knows of, and the models other apps left on disk. */
  async load(): Promise<void> {
    const [catalog, downloads, found] = await Promise.all([
      this.#api.call('models.catalog', {}),
      this.#api.call('models.downloads', {}),
      this.#api.call('models.found', {}),
    ]);
    if (catalog.ok) {
      this.catalog = catalog.value;
      this.catalogError = null;
    } else this.catalogError = catalog.error;
    if (downloads.ok) {
      // Events that arrived meanwhile are newer than this list: they win.
      const known: Record<string, DownloadState> = {};
      for (const download of downloads.value) known[download.id] = download;
      this.downloads = { ...known, ...this.downloads };
    }
    if (found.ok) {
      this.found = found.value;
      this.foundError = null;
    } else this.foundError = found.error;
    this.loaded = true;
  }

  /** Starts (or resumes) downloading a catalog model; it is loaded once verified. */
  async download(id: string): Promise<void> {
    const { [id]: _dropped, ...rest } = this.startErrors;
    this.startErrors = rest;
    this.#loadWhenDone.set(id, this.downloads[id]?.attempt ?? 0);
    const before = this.#applied.get(id) ?? 0;
    const result = await this.#api.call('models.download', { id });
    // Events travel apart from the answer: one that arrived meanwhile (say 'failed') is newer than it.
    if (result.ok) {
      if ((this.#applied.get(id) ?? 0) === before) this.update(result.value);
    } else {
      this.#loadWhenDone.delete(id);
      this.startErrors = { ...this.startErrors, [id]: result.error };
    }
  }

  /** Stops a download; its partial file is removed by the core. */
  async cancel(id: string): Promise<void> {
    this.#loadWhenDone.delete(id);
    const result = await this.#api.call('models.cancel', { id });
    if (result.ok) this.update(result.value);
    else this.startErrors = { ...this.startErrors, [id]: result.error };
  }

  /** Uses a model file where it lies (a finished download, or one another app downloaded). */
  async use(path: string): Promise<void> {
    await this.#model.load(path);
  }

  /** Applies a `model.download` event or a call's answer. */
  update(download: DownloadState): void {
    // The end of the attempt the user just retried, arriving late: not news, and not a reason to drop the load.
    const retriedAttempt = this.#loadWhenDone.get(download.id);
    if (retriedAttempt !== undefined && download.attempt <= retriedAttempt && (download.phase === 'failed' || download.phase === 'cancelled')) return;
    this.#applied.set(download.id, (this.#applied.get(download.id) ?? 0) + 1);
    this.downloads = { ...this.downloads, [download.id]: download };
    if (download.phase === 'done' && download.path && this.#loadWhenDone.delete(download.id)) {
      // A model the user chose meanwhile (found on disk, a path) is not swapped out under them.
      if (!this.#model.ready) void this.#model.load(download.path);
    } else if (download.phase === 'failed' || download.phase === 'cancelled') {
      this.#loadWhenDone.delete(download.id);
    }
  }
}
