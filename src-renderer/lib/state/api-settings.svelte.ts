import type { ApiServerInfo, ApiSettings } from '../../../src-main/contract/endpoint.js';
import type { DuetError } from '../../../src-main/contract/envelope.js';
import type { DuetClient } from '../client.js';
import { t } from '../i18n/index.svelte.js';
import type { SettingsState } from './settings.svelte.js';

/** The part of the API settings a save changes, so its error shows next to the right field. */
export type ApiField = 'enabled' | 'port' | 'allowedOrigins' | 'keepConversations';

/** Where the endpoint's running state lives (AppState, which follows `api.status` events). */
export interface ApiServerHolder {
  api: ApiServerInfo | null;
}

/**
 * Saving the OpenAI-compatible endpoint's settings (`settings.update({ api })`, always the whole
 * object) and renewing its key. A change shows at once; only the newest save's answer counts, and a
 * failed one goes back to what the core last reported and says why next to the field it was about.
 */
export class ApiSettingsState {
  /** Why the last save of each field failed; a save of one field leaves the others' errors shown. */
  errors = $state.raw<Partial<Record<ApiField, DuetError>>>({});
  /** The last save that the core took, until the next change. */
  saved = $state.raw<ApiField | null>(null);
  renewing = $state(false);
  renewError = $state.raw<DuetError | null>(null);

  /** What the user chose while its save is on the way: shown over the saved settings until it answers. */
  #pending = $state.raw<ApiSettings | null>(null);
  #saveSeq = 0;
  #renewSeq = 0;
  readonly #client: DuetClient;
  readonly #settings: SettingsState;
  readonly #server: ApiServerHolder;

  constructor(client: DuetClient, settings: SettingsState, server: ApiServerHolder) {
    this.#client = client;
    this.#settings = settings;
    this.#server = server;
  }

  /** The settings as shown: the change on its way, else what the core reported (null before `app.info`). */
  get shown(): ApiSettings | null {
    return this.#pending ?? this.#settings.api;
  }

  /** The endpoint's state: running or not, its address, key and problem (null before `app.info`). */
  get server(): ApiServerInfo | null {
    return this.#server.api;
  }

  /** True while a save is on the way. */
  get saving(): boolean {
    return this.#pending !== null;
  }

  /** Turns the endpoint on or off. */
  setEnabled(enabled: boolean): Promise<boolean> {
    return this.#save('enabled', { enabled });
  }

  /** Moves the endpoint to another port (the core checks the range and says what is wrong). */
  setPort(port: number): Promise<boolean> {
    return this.#save('port', { port });
  }

  /** Keeps apps' exchanges in history, or deletes each once answered (its figures stay for the savings). */
  setKeepConversations(keepConversations: boolean): Promise<boolean> {
    return this.#save('keepConversations', { keepConversations });
  }

  /** Sets the web pages (origins) allowed to call the endpoint from a browser. */
  setAllowedOrigins(allowedOrigins: string[]): Promise<boolean> {
    return this.#save('allowedOrigins', { allowedOrigins });
  }

  /** Forgets a save's outcome (the user edits the field again, or the panel opens anew). */
  clearOutcome(): void {
    this.errors = {};
    this.saved = null;
    this.renewError = null;
  }

  /**
   * Makes a new key; apps with the old one are refused from then on. The answer is shown unless an
   * `api.status` event came in meanwhile: events are in order and already carry the new key.
   */
  async renewKey(): Promise<boolean> {
    const seq = ++this.#renewSeq;
    const before = this.#server.api;
    this.renewing = true;
    this.renewError = null;
    const result = await this.#client.call('api.renewKey', {});
    if (seq !== this.#renewSeq) return result.ok;
    this.renewing = false;
    if (!result.ok) {
      this.renewError = result.error;
      return false;
    }
    if (this.#server.api === before) this.#server.api = result.value;
    return true;
  }

  /** Saves the whole API object with one field changed; true when the core took it. */
  async #save(field: ApiField, change: Partial<ApiSettings>): Promise<boolean> {
    const current = this.shown;
    // Nothing to build the whole object from before app.info answered (the panel is not shown then).
    if (current === null) return false;
    const seq = ++this.#saveSeq;
    const wanted: ApiSettings = { ...current, ...change };
    this.#pending = wanted;
    const errors = { ...this.errors };
    delete errors[field];
    this.errors = errors;
    this.saved = null;
    const result = await this.#client.call('settings.update', { api: wanted });
    // A newer change is on its way: its answer decides what is shown.
    if (seq !== this.#saveSeq) return result.ok;
    this.#pending = null;
    if (!result.ok) {
      this.errors = { ...this.errors, [field]: result.error };
      return false;
    }
    this.#settings.api = result.value.api;
    this.saved = field;
    return true;
  }
}

/**
 * The port typed, or what it must be. Checked here so a bad port is never the change on its way that
 * the next save (of the switch, say) builds on; the core checks the range again.
 */
export function readPort(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const typed = text.trim();
  const value = /^\d{1,5}$/.test(typed) ? Number(typed) : Number.NaN;
  if (value >= 1024 && value <= 65_535) return { ok: true, value };
  // The contract's own words for a port out of range (endpoint.ts), said here before anything is sent.
  return { ok: false, message: t('apiSettings.portRange') };
}

/**
 * The allowed web pages typed one per line: blank lines dropped, a trailing slash taken off (browsers
 * send `Origin` without one), duplicates kept once. The core checks each one's shape.
 */
export function readOrigins(text: string): string[] {
  const origins = text
    .split('\n')
    .map((line) => line.trim().replace(/\/$/, ''))
    .filter((line) => line !== '');
  return [...new Set(origins)];
}
