import type { ApiSettings } from '../../../src-main/contract/endpoint.js';
import type { AppInfo, PolicyInfo, RouteMode, RoutingInfo, Settings } from '../../../src-main/contract/entities.js';
import type { DuetError } from '../../../src-main/contract/envelope.js';
import { OPEN_POLICY } from '../../../src-main/contract/open-policy.js';
import type { DuetClient } from '../client.js';
import { storedLanguage } from '../i18n/index.svelte.js';

/** The settings that show a change at once and put it back if the save fails. */
type Switch = 'showRouting' | 'mode' | 'distillation' | 'privacyLevel' | 'language';

/**
 * The user's settings, saved through `settings.update`, with what frames them: the admin policy
 * and the routing threshold in force. Each field saves on its own, so a slow save of one never
 * puts back a newer choice of another.
 */
export class SettingsState {
  showRouting = $state(false);
  modelPath = $state<string | null>(null);
  mode = $state<RouteMode>('auto');
  threshold = $state<number | null>(null);
  cloud = $state.raw<Settings['cloud']>(null);
  /** Opt-in: cloud answers may be exported as a fine-tuning dataset. */
  distillation = $state(false);
  /** 'strict': any name with any personal detail stays on this computer too. */
  privacyLevel = $state<Settings['privacyLevel']>('standard');
  /** The app's language: 'system' follows the operating system (App puts it in force). Until the core answers, the last choice made here. */
  language = $state<Settings['language']>(storedLanguage());
  /** The OpenAI-compatible endpoint's settings (saved by ApiSettingsState); null until `app.info` answers. */
  api = $state.raw<ApiSettings | null>(null);
  policy = $state.raw<PolicyInfo>(OPEN_POLICY);
  /** Null until `app.info` answers. */
  routing = $state.raw<RoutingInfo | null>(null);
  /** A failed save of the switches in the header (shown as a notice). */
  error = $state.raw<DuetError | null>(null);
  /** A failed save of the threshold or reset of learning (shown in the settings panel). */
  routingError = $state.raw<DuetError | null>(null);
  /** A failed save of the distillation opt-in (shown in the settings panel's History section). */
  distillationError = $state.raw<DuetError | null>(null);

  /** True when the admin decides where answers run; the mode choices are then locked. */
  modeLocked = $derived(!this.policy.allowCloud || this.policy.forceMode !== null);
  /** The mode actually in force globally, policy included. */
  effectiveMode = $derived<RouteMode>(this.policy.forceMode ?? (this.policy.allowCloud ? this.mode : 'local'));
  /** True when the admin set the privacy level; the Strict privacy switch is then locked. */
  privacyLocked = $derived(this.policy.privacyLevel !== null);
  /** The privacy level routing uses: the admin's when set, else the user's. */
  effectivePrivacyLevel = $derived<Settings['privacyLevel']>(this.policy.privacyLevel ?? this.privacyLevel);

  #api: DuetClient;
  #seq: Record<Switch | 'threshold' | 'learning', number> = {
    distillation: 0,
    privacyLevel: 0,
    language: 0,
    showRouting: 0,
    mode: 0,
    threshold: 0,
    learning: 0,
  };
  /** Saves on the way per field: events then leave the value the user just chose alone. */
  #saving: Record<Switch | 'threshold', number> = { distillation: 0, showRouting: 0, mode: 0, threshold: 0, privacyLevel: 0, language: 0 };

  constructor(api: DuetClient) {
    this.#api = api;
  }

  /** Takes the settings the core reports. */
  apply(settings: Settings): void {
    this.showRouting = settings.showRouting;
    this.modelPath = settings.modelPath;
    this.mode = settings.mode;
    this.threshold = settings.threshold;
    this.cloud = settings.cloud;
    this.distillation = settings.distillation === true;
    this.privacyLevel = settings.privacyLevel;
    this.language = settings.language;
    this.api = settings.api;
  }

  /** Takes what `app.info` says about settings, policy and routing. */
  applyInfo(info: Pick<AppInfo, 'settings' | 'policy' | 'routing'>): void {
    this.apply(info.settings);
    this.policy = info.policy;
    this.routing = info.routing;
  }

  /**
   * Takes a `settings.changed` event: what a save (here or in another window) or the router's learning
   * put in force. A switch with a save of its own still on the way keeps the value shown, so an older
   * save's event never flickers back a newer choice; that save's answer settles it.
   */
  applyChanged(settings: Settings, routing: RoutingInfo): void {
    const shown = {
      showRouting: this.showRouting,
      mode: this.mode,
      distillation: this.distillation,
      threshold: this.threshold,
      privacyLevel: this.privacyLevel,
      language: this.language,
    };
    this.apply(settings);
    if (this.#saving.showRouting > 0) this.showRouting = shown.showRouting;
    if (this.#saving.mode > 0) this.mode = shown.mode;
    if (this.#saving.distillation > 0) this.distillation = shown.distillation;
    if (this.#saving.threshold > 0) this.threshold = shown.threshold;
    if (this.#saving.privacyLevel > 0) this.privacyLevel = shown.privacyLevel;
    if (this.#saving.language > 0) this.language = shown.language;
    this.routing = routing;
  }

  /** Shows or hides routing details at once, then saves; a failed save puts the switch back. */
  async setShowRouting(value: boolean): Promise<void> {
    await this.#saveSwitch('showRouting', value, 'error');
  }

  /** Turns the fine-tuning export opt-in on or off at once, then saves; a failed save puts it back. */
  async setDistillation(value: boolean): Promise<void> {
    await this.#saveSwitch('distillation', value, 'distillationError');
  }

  /** Sets the privacy gate's level at once, then saves; a failed save puts it back. */
  async setPrivacyLevel(value: Settings['privacyLevel']): Promise<void> {
    await this.#saveSwitch('privacyLevel', value, 'routingError');
  }

  /** Switches the app's language at once, then saves; a failed save puts it back. */
  async setLanguage(value: Settings['language']): Promise<void> {
    await this.#saveSwitch('language', value, 'error');
  }

  /** Sets the global routing mode at once, then saves; a failed save puts it back. */
  async setMode(value: RouteMode): Promise<void> {
    await this.#saveSwitch('mode', value, 'error');
  }

  /** Saves the cost-versus-quality threshold (null: the trained default); the one in force arrives as an event. */
  async setThreshold(value: number | null): Promise<void> {
    const seq = ++this.#seq.threshold;
    const previous = this.threshold;
    this.threshold = value;
    this.routingError = null;
    const result = await this.#whileSaving('threshold', () => this.#api.call('settings.update', { threshold: value }));
    if (seq !== this.#seq.threshold) return;
    if (result.ok) {
      this.threshold = result.value.threshold;
    } else {
      this.threshold = previous;
      this.routingError = result.error;
    }
  }

  /** Forgets what "Ask the other side" taught the router; the threshold in force arrives as an event. */
  async resetLearning(): Promise<void> {
    const seq = ++this.#seq.learning;
    this.routingError = null;
    const result = await this.#api.call('settings.resetLearning', {});
    if (seq !== this.#seq.learning) return;
    if (!result.ok) this.routingError = result.error;
  }

  /**
   * Shows a switch's new value at once, then saves it: the saved value is kept, or a failed save puts
   * the old one back and reports why in `errorField`. An answer for an older change of it is dropped.
   */
  async #saveSwitch<K extends Switch>(key: K, value: Settings[K], errorField: 'error' | 'distillationError' | 'routingError'): Promise<void> {
    // A typed view of this object's switch fields, so fields[key] type-checks for a generic key.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fields: Pick<Settings, Switch> = this;
    const seq = ++this.#seq[key];
    const previous = fields[key];
    fields[key] = value;
    this[errorField] = null;
    const changes: Partial<Settings> = {};
    changes[key] = value;
    const result = await this.#whileSaving(key, () => this.#api.call('settings.update', changes));
    if (seq !== this.#seq[key]) return;
    if (result.ok) {
      fields[key] = result.value[key];
    } else {
      fields[key] = previous;
      this[errorField] = result.error;
    }
  }

  /** Counts a save of `key` as on the way until it answers. */
  async #whileSaving<T>(key: Switch | 'threshold', save: () => Promise<T>): Promise<T> {
    this.#saving[key]++;
    try {
      return await save();
    } finally {
      this.#saving[key]--;
    }
  }
}
