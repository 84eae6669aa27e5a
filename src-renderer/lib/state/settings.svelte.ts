import type { AppInfo, PolicyInfo, RouteMode, RoutingInfo, Settings } from '../../../src-main/contract/entities.js';
import type { DuetError } from '../../../src-main/contract/envelope.js';
import type { DuetClient } from '../client.js';

const NO_POLICY: PolicyInfo = { allowCloud: true, forceMode: null, source: null };

/** The settings that show a change at once and put it back if the save fails. */
type Switch = 'showRouting' | 'mode' | 'distillation';

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
  policy = $state.raw<PolicyInfo>(NO_POLICY);
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

  #api: DuetClient;
  #seq: Record<'showRouting' | 'mode' | 'threshold' | 'learning' | 'distillation', number> = {
    distillation: 0,
    showRouting: 0,
    mode: 0,
    threshold: 0,
    learning: 0,
  };

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
  }

  /** Takes what `app.info` says about settings, policy and routing. */
  applyInfo(info: Pick<AppInfo, 'settings' | 'policy' | 'routing'>): void {
    this.apply(info.settings);
    this.policy = info.policy;
    this.routing = info.routing;
  }

  /** Re-reads the policy and the threshold in force (after something that may have moved it). */
  async reloadRouting(): Promise<void> {
    const result = await this.#api.call('app.info', {});
    if (!result.ok) return;
    this.policy = result.value.policy;
    this.routing = result.value.routing;
  }

  /** Shows or hides routing details at once, then saves; a failed save puts the switch back. */
  async setShowRouting(value: boolean): Promise<void> {
    await this.#saveSwitch('showRouting', value, 'error');
  }

  /** Turns the fine-tuning export opt-in on or off at once, then saves; a failed save puts it back. */
  async setDistillation(value: boolean): Promise<void> {
    await this.#saveSwitch('distillation', value, 'distillationError');
  }

  /** Sets the global routing mode at once, then saves; a failed save puts it back. */
  async setMode(value: RouteMode): Promise<void> {
    await this.#saveSwitch('mode', value, 'error');
  }

  /** Saves the cost-versus-quality threshold (null: the trained default) and re-reads the one in force. */
  async setThreshold(value: number | null): Promise<void> {
    const seq = ++this.#seq.threshold;
    const previous = this.threshold;
    this.threshold = value;
    this.routingError = null;
    const result = await this.#api.call('settings.update', { threshold: value });
    if (seq !== this.#seq.threshold) return;
    if (result.ok) {
      this.threshold = result.value.threshold;
      await this.reloadRouting();
    } else {
      this.threshold = previous;
      this.routingError = result.error;
    }
  }

  /** Forgets what "Ask the other side" taught the router. */
  async resetLearning(): Promise<void> {
    const seq = ++this.#seq.learning;
    this.routingError = null;
    const result = await this.#api.call('settings.resetLearning', {});
    if (seq !== this.#seq.learning) return;
    if (result.ok) await this.reloadRouting();
    else this.routingError = result.error;
  }

  /**
   * Shows a switch's new value at once, then saves it: the saved value is kept, or a failed save puts
   * the old one back and reports why in `errorField`. An answer for an older change of it is dropped.
   */
  async #saveSwitch<K extends Switch>(key: K, value: Settings[K], errorField: 'error' | 'distillationError'): Promise<void> {
    // A typed view of this object's switch fields, so fields[key] type-checks for a generic key.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fields: Pick<Settings, Switch> = this;
    const seq = ++this.#seq[key];
    const previous = fields[key];
    fields[key] = value;
    this[errorField] = null;
    const changes: Partial<Settings> = {};
    changes[key] = value;
    const result = await this.#api.call('settings.update', changes);
    if (seq !== this.#seq[key]) return;
    if (result.ok) {
      fields[key] = result.value[key];
    } else {
      fields[key] = previous;
      this[errorField] = result.error;
    }
  }
}
