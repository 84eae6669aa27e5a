import type { CloudInfo, CloudSettings } from '../../../src-main/contract/entities.js';
import type { DuetError } from '../../../src-main/contract/envelope.js';
import type { DuetClient } from '../client.js';
import type { SettingsState } from './settings.svelte.js';

/** The cloud endpoint: what the core reports about it, and saving a new one through `cloud.configure`. */
export class CloudState {
  info = $state.raw<CloudInfo | null>(null);
  saving = $state(false);
  error = $state.raw<DuetError | null>(null);
  /** Set after a successful save, until the form changes again. */
  saved = $state(false);

  #api: DuetClient;
  #settings: SettingsState;

  constructor(api: DuetClient, settings: SettingsState) {
    this.#api = api;
    this.#settings = settings;
  }

  /**
   * Saves the endpoint. `apiKey` undefined keeps the stored key, null removes it.
   * Resolves true when the core took it.
   */
  async configure(endpoint: CloudSettings, apiKey?: string | null): Promise<boolean> {
    if (this.saving) return false;
    this.saving = true;
    this.error = null;
    this.saved = false;
    const request = apiKey === undefined ? endpoint : { ...endpoint, apiKey };
    const result = await this.#api.call('cloud.configure', request);
    this.saving = false;
    if (!result.ok) {
      this.error = result.error;
      return false;
    }
    this.info = result.value;
    this.#settings.cloud = endpoint;
    this.saved = true;
    return true;
  }

  /** Reads what the core says about the cloud now (this month's spend moves with every cloud answer). */
  async refresh(): Promise<void> {
    const result = await this.#api.call('app.info', {});
    if (result.ok) this.info = result.value.cloud;
  }

  /** Forgets the outcome of the last save (the form was edited). */
  clearOutcome(): void {
    this.saved = false;
    this.error = null;
  }
}
