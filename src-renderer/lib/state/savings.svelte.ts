import type { DuetError } from '../../../src-main/contract/envelope.js';
import type { Savings } from '../../../src-main/contract/history-entities.js';
import type { DuetClient } from '../client.js';

/** Days the dashboard's chart covers. */
export const SAVINGS_DAYS = 30;

/** The savings dashboard: what the hybrid saved, read when it opens and whenever history changes meanwhile. */
export class SavingsState {
  open = $state(false);
  data = $state.raw<Savings | null>(null);
  error = $state.raw<DuetError | null>(null);
  loading = $state(false);

  #api: DuetClient;
  #seq = 0;

  constructor(api: DuetClient) {
    this.#api = api;
  }

  show(): void {
    this.open = true;
    void this.refresh();
  }

  close(): void {
    this.open = false;
  }

  /** Re-reads the figures if the dashboard is open. */
  refreshIfOpen(): void {
    if (this.open) void this.refresh();
  }

  /** Re-reads the figures; an older answer arriving late is dropped. */
  async refresh(): Promise<void> {
    const seq = ++this.#seq;
    this.loading = true;
    const result = await this.#api.call('history.savings', { days: SAVINGS_DAYS });
    if (seq !== this.#seq) return;
    this.loading = false;
    if (result.ok) {
      this.data = result.value;
      this.error = null;
    } else {
      this.error = result.error;
    }
  }
}
