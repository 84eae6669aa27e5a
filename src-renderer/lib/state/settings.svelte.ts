import type { Settings } from '../../../src-main/contract/entities.js';
import type { DuetError } from '../../../src-main/contract/envelope.js';
import type { DuetClient } from '../client.js';

/** The user's settings, saved through `settings.update`. */
export class SettingsState {
  showRouting = $state(false);
  modelPath = $state<string | null>(null);
  error = $state.raw<DuetError | null>(null);

  #api: DuetClient;
  #seq = 0;

  constructor(api: DuetClient) {
    this.#api = api;
  }

  /** Takes the settings the core reports. */
  apply(settings: Settings): void {
    this.showRouting = settings.showRouting;
    this.modelPath = settings.modelPath;
  }

  /** Shows or hides routing details at once, then saves; a failed save puts the switch back. */
  async setShowRouting(value: boolean): Promise<void> {
    const seq = ++this.#seq;
    const previous = this.showRouting;
    this.showRouting = value;
    this.error = null;
    const result = await this.#api.call('settings.update', { showRouting: value });
    if (seq !== this.#seq) return;
    if (result.ok) {
      this.apply(result.value);
    } else {
      this.showRouting = previous;
      this.error = result.error;
    }
  }
}
