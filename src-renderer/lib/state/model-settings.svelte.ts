import type { Settings } from '../../../src-main/contract/entities.js';
import type { DuetError } from '../../../src-main/contract/envelope.js';
import type { ModelSettings, ModelSettingsInfo } from '../../../src-main/contract/model-settings.js';
import type { DuetClient } from '../client.js';

/**
 * How the local model runs: its own settings (`models.settings` / `models.saveSettings`, per model
 * file) and the app-wide download mirror and idle unload (`settings.update`).
 */
export class ModelSettingsState {
  /** The active model's settings and defaults; null until loaded, or when no model is active. */
  info = $state.raw<ModelSettingsInfo | null>(null);
  loading = $state(false);
  loadError = $state.raw<DuetError | null>(null);
  saving = $state(false);
  /** The core refused the last save (shown next to the form). */
  saveError = $state.raw<DuetError | null>(null);
  /** What the last save did: null before one; 'reload' when it reloads the model. */
  saved = $state<'applied' | 'reload' | null>(null);

  /** Where `hf:` models download from; null for Hugging Face itself. */
  mirror = $state<string | null>(null);
  mirrorError = $state.raw<DuetError | null>(null);
  mirrorSaved = $state(false);
  /** Idle minutes before the model is unloaded; null keeps it loaded. */
  idleMinutes = $state<number | null>(null);
  idleError = $state.raw<DuetError | null>(null);
  idleSaved = $state(false);

  #api: DuetClient;
  #loadSeq = 0;

  constructor(api: DuetClient) {
    this.#api = api;
  }

  /** Takes the mirror and idle time from the settings the core reports. */
  applySettings(settings: Settings): void {
    this.mirror = settings.modelMirror;
    this.idleMinutes = settings.unloadIdleMinutes;
  }

  /** Forgets the outcomes of an earlier visit, which do not describe what is shown now. */
  clearOutcomes(): void {
    this.saveError = null;
    this.saved = null;
    this.mirrorError = null;
    this.mirrorSaved = false;
    this.idleError = null;
    this.idleSaved = false;
  }

  /** Reads the settings of the model file at `path` (null: no model is active) and the app-wide ones. */
  async load(path: string | null): Promise<void> {
    const seq = ++this.#loadSeq;
    this.loadError = null;
    if (path === null) {
      this.info = null;
      this.loading = false;
    } else if (this.info?.path !== path) {
      this.info = null;
      this.loading = true;
    }
    const [model, app] = await Promise.all([path === null ? null : this.#api.call('models.settings', { path }), this.#api.call('app.info', {})]);
    if (seq !== this.#loadSeq) return;
    this.loading = false;
    if (app.ok) this.applySettings(app.value.settings);
    if (model === null) return;
    if (model.ok) this.info = model.value;
    else this.loadError = model.error;
  }

  /** Saves changes to the model's settings; true when the core took them. */
  async save(changes: Partial<ModelSettings>, reloads: boolean): Promise<boolean> {
    const path = this.info?.path;
    if (!path || this.saving) return false;
    this.saving = true;
    this.saveError = null;
    this.saved = null;
    const result = await this.#api.call('models.saveSettings', { path, changes });
    this.saving = false;
    if (!result.ok) {
      this.saveError = result.error;
      return false;
    }
    this.info = result.value;
    this.saved = reloads ? 'reload' : 'applied';
    return true;
  }

  /** Saves the download mirror (null: Hugging Face); true when saved. */
  async setMirror(value: string | null): Promise<boolean> {
    this.mirrorError = null;
    this.mirrorSaved = false;
    const result = await this.#api.call('settings.update', { modelMirror: value });
    if (!result.ok) {
      this.mirrorError = result.error;
      return false;
    }
    this.applySettings(result.value);
    this.mirrorSaved = true;
    return true;
  }

  /** Saves the idle time before the model is unloaded (null: never); true when saved. */
  async setIdleMinutes(value: number | null): Promise<boolean> {
    this.idleError = null;
    this.idleSaved = false;
    const result = await this.#api.call('settings.update', { unloadIdleMinutes: value });
    if (!result.ok) {
      this.idleError = result.error;
      return false;
    }
    this.applySettings(result.value);
    this.idleSaved = true;
    return true;
  }
}
