import {
  DEFAULT_API_SETTINGS,
  DEFAULT_MODEL_SETTINGS,
  effectiveThreshold,
  localShareCurveOf,
  ModelSettings,
  Settings,
  type ModelSettingsInfo,
  type RoutingInfo,
} from '../contract/index.js';
import type { History } from '../history/history-types.js';
import { defaultDifficultyModel, featureVector, linearScore, promptFeatures, sigmoid, type PromptFeatures } from '../router/difficulty.js';
import { learnEscalation, parseEscalation } from '../router/escalation-threshold.js';
import { ACCEPTED_LABEL_WEIGHT, ESCALATION_LABEL_WEIGHT, UserAdapter, type AdapterCounts } from '../router/user-adapter.js';

/** What unloadIdleMinutes is unless the user changes it (LM Studio unloads after 60 idle minutes too). */
export const DEFAULT_UNLOAD_IDLE_MINUTES = 60;
/** Every setting before the user changes it. */
export const DEFAULT_SETTINGS: Settings = {
  showRouting: false,
  modelPath: null,
  mode: 'auto',
  threshold: null,
  cloud: null,
  distillation: false,
  modelMirror: null,
  unloadIdleMinutes: DEFAULT_UNLOAD_IDLE_MINUTES,
  api: DEFAULT_API_SETTINGS,
  privacyLevel: 'standard',
  language: 'system',
};
const LEARNED_NUDGE_KEY = 'learnedNudge';
/** The user adapter's weights (router/user-adapter.ts) and the cascade's learned bar: never sent anywhere. */
const USER_ADAPTER_KEY = 'userAdapter';
const ESCALATION_KEY = 'escalationLearning';
/** Per model file: only what the user changed, so better defaults in a later Duet still reach the rest. */
const MODEL_SETTINGS_KEY = 'modelSettings';
/** How far one "Ask the other side" moves the threshold, and how far all of them together may. */
export const NUDGE_STEP = 0.02;
export const NUDGE_LIMIT = 0.15;

/** What an "Ask the other side" choice was made on: the question, and how the answer was produced. */
export interface ChoiceEvidence {
  prompt: string;
  /** The local model's confidence in its first tokens for that answer, where measured. */
  confidence: number | null;
  /** The cascade had handed the answer to the cloud because the local model was unsure. */
  escalated: boolean;
}

type Scorer = ReturnType<typeof defaultDifficultyModel>;

/** The shipped scorer's calibrated log-odds, the base the user adapter adds to. */
function baseLogit(model: Scorer, f: PromptFeatures): number {
  return model.calA * linearScore(model, f) + model.calB;
}

/** Questions of the user's own before the expected local share comes from them (a share of 100 is within about ±5 points). */
export const OWN_CURVE_MIN = 100;
/** The newest questions the user's own curve reads. */
const OWN_CURVE_MAX = 500;

/** The user's settings, kept in the history database beside the conversations. */
export class SettingsService {
  /** The user adapter, read from the history database on first use and kept in step with it. */
  private adapterCache: UserAdapter | null = null;

  constructor(
    private readonly history: History,
    private readonly defaultThreshold: number,
    /** The trained model's expected local share per threshold (see RoutingInfo); null when it has none. */
    private readonly localShareCurve: number[] | null,
    /** Hears every saved change to the settings or to what the router learned (the core sends it to every window). */
    private readonly onChange: (settings: Settings, routing: RoutingInfo) => void = () => {},
  ) {}

  read(): Settings {
    const stored = this.history.getSettings();
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    // Each field on its own: one unreadable value falls back to its default, not all of them.
    for (const [key, schema] of Object.entries(Settings.shape)) {
      const parsed = schema.safeParse(stored[key]);
      if (key in stored && parsed.success) merged[key] = parsed.data;
    }
    return merged as Settings;
  }

  /** The cloud endpoint as stored, unchecked: an older Duet may have saved a URL with a key in it. */
  storedCloud(): unknown {
    return this.history.getSettings().cloud;
  }

  update(changes: Partial<Settings>): Settings {
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) this.history.saveSetting(key, value);
    }
    return this.changed();
  }

  /** The threshold in force: the user's (or the trained default), moved by what their overrides taught. */
  routing(): RoutingInfo {
    const learnedNudge = this.learnedNudge();
    const base = this.read().threshold ?? this.defaultThreshold;
    return {
      defaultThreshold: this.defaultThreshold,
      learnedNudge,
      effectiveThreshold: effectiveThreshold(base, learnedNudge),
      learnedChoices: this.learnedChoices(),
      escalationThreshold: this.escalationThreshold(),
      ...this.expectedLocalShare(),
    };
  }

  /**
   * What each threshold would keep local: from the scores of the user's own recent questions once
   * there are OWN_CURVE_MIN of them (the trained model's curve describes benchmark traffic, and is
   * off by tens of points on traffic unlike it), else the trained model's.
   */
  private expectedLocalShare(): Pick<RoutingInfo, 'localShareCurve' | 'localShareQuestions'> {
    const scores = this.history.recentScores(OWN_CURVE_MAX);
    if (scores.length < OWN_CURVE_MIN) return { localShareCurve: this.localShareCurve, localShareQuestions: 0 };
    return { localShareCurve: localShareCurveOf(scores), localShareQuestions: scores.length };
  }

  /**
   * The difficulty score for this user: sigmoid(the shipped scorer's log-odds + the user adapter's),
   * what routing compares with the threshold. Throws when the shipped weights cannot be read (the
   * router then scores the question as easy).
   */
  scoreDifficulty(prompt: string): number {
    const model = defaultDifficultyModel();
    // Remembered: the learned privacy check reads the same prompt's features in the same decision.
    const f = promptFeatures(prompt, model.hashing);
    return sigmoid(baseLogit(model, f) + this.adapter(model).logit(f, model));
  }

  /** The confidence below which a local answer's first tokens send it to the cloud (learned, bounded). */
  escalationThreshold(): number {
    return parseEscalation(this.history.getSettings()[ESCALATION_KEY]).threshold;
  }

  /** Learns from a cascade escalation: a weaker "needed the cloud" label for the question (ESCALATION_LABEL_WEIGHT). */
  learnFromEscalation(prompt: string): void {
    this.learnQuietly(prompt, true, 'escalations', ESCALATION_LABEL_WEIGHT);
  }

  /**
   * Learns from a local answer the router chose and the user has not (yet) asked the cloud for: a
   * weaker "local was enough" label (ACCEPTED_LABEL_WEIGHT; why it is needed is in user-adapter.ts).
   */
  learnFromKept(prompt: string): void {
    this.learnQuietly(prompt, false, 'accepted', ACCEPTED_LABEL_WEIGHT);
  }

  /**
   * Learns from "Ask the other side": wanting the cloud after a local answer lowers the threshold
   * (more goes to the cloud); wanting local after a cloud answer raises it. Bounded, resettable.
   */
  learnFromOverride(wanted: 'local' | 'cloud', answer?: ChoiceEvidence): number {
    const step = wanted === 'cloud' ? -NUDGE_STEP : NUDGE_STEP;
    const next = Math.max(-NUDGE_LIMIT, Math.min(NUDGE_LIMIT, this.learnedNudge() + step));
    this.history.saveSetting(LEARNED_NUDGE_KEY, Math.round(next * 1000) / 1000);
    if (answer) {
      // The same choice, as a label for this question: the scorer learns what made it hard or easy for this user.
      this.trainAdapter(answer.prompt, wanted === 'cloud', wanted === 'cloud' ? 'neededCloud' : 'localEnough', 1);
      // And as evidence about the cascade's bar, when the answer's confidence was measured: asking the
      // cloud after a local answer that passed it, or the local model after one it escalated.
      if (answer.confidence !== null && (wanted === 'cloud' ? !answer.escalated : answer.escalated)) {
        const before = parseEscalation(this.history.getSettings()[ESCALATION_KEY]);
        const after = learnEscalation(before, wanted, answer.confidence);
        if (after !== before) this.history.saveSetting(ESCALATION_KEY, after);
      }
    }
    this.changed();
    return next;
  }

  /** Forgets everything the user's choices taught: the nudge, the user adapter and the cascade's bar. */
  resetLearning(): number {
    this.history.saveSetting(LEARNED_NUDGE_KEY, 0);
    this.history.saveSetting(USER_ADAPTER_KEY, null);
    this.history.saveSetting(ESCALATION_KEY, null);
    this.adapterCache = null;
    this.changed();
    return 0;
  }

  /** A model file's settings in force: the defaults with the user's changes for that file. */
  modelSettings(modelPath: string): ModelSettings {
    const changed = this.storedModelSettings()[modelPath];
    const merged: Record<string, unknown> = { ...DEFAULT_MODEL_SETTINGS };
    if (typeof changed !== 'object' || changed === null) return merged as ModelSettings;
    // Each field on its own, as in read(): one unreadable value falls back to its default.
    for (const [key, schema] of Object.entries(ModelSettings.shape)) {
      const parsed = schema.safeParse(changed[key]);
      if (key in changed && parsed.success) merged[key] = parsed.data;
    }
    return merged as ModelSettings;
  }

  /** A model file's settings with the defaults beside them (for the settings form). */
  modelSettingsInfo(modelPath: string): ModelSettingsInfo {
    return { path: modelPath, settings: this.modelSettings(modelPath), defaults: DEFAULT_MODEL_SETTINGS };
  }

  /** Saves changes to a model file's settings; a value equal to the default is stored as "not changed". */
  saveModelSettings(modelPath: string, changes: Partial<ModelSettings>): ModelSettingsInfo {
    const all = this.storedModelSettings();
    const own: Record<string, unknown> = { ...(all[modelPath] ?? {}) };
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      if (value === DEFAULT_MODEL_SETTINGS[key as keyof ModelSettings]) delete own[key];
      else own[key] = value;
    }
    const next = { ...all };
    if (Object.keys(own).length === 0) delete next[modelPath];
    else next[modelPath] = own;
    this.history.saveSetting(MODEL_SETTINGS_KEY, next);
    return this.modelSettingsInfo(modelPath);
  }

  /** Tells the listener what is now in force; returns the settings. */
  private changed(): Settings {
    const settings = this.read();
    this.onChange(settings, this.routing());
    return settings;
  }

  private storedModelSettings(): Record<string, Record<string, unknown>> {
    const value = this.history.getSettings()[MODEL_SETTINGS_KEY];
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, Record<string, unknown>>) : {};
  }

  /** The user adapter for the shipped scorer's feature layout (an empty one if none was saved for it). */
  private adapter(model: Scorer = defaultDifficultyModel()): UserAdapter {
    this.adapterCache ??= UserAdapter.fromJSON(this.history.getSettings()[USER_ADAPTER_KEY], model.dense.length, model.hashing.buckets);
    return this.adapterCache;
  }

  /** A weak label learned while an answer is produced: best effort, an answer must not fail because learning could not be saved. */
  private learnQuietly(prompt: string, neededCloud: boolean, kind: keyof AdapterCounts, weight: number): void {
    try {
      // Not announced to the windows: the count of choices they show is unchanged.
      this.trainAdapter(prompt, neededCloud, kind, weight);
    } catch (error) {
      console.warn(`Duet: could not learn from an answer: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** One online step of the user adapter on a question, saved; false when the shipped scorer cannot be read. */
  private trainAdapter(prompt: string, neededCloud: boolean, kind: keyof AdapterCounts, weight: number): boolean {
    let model: Scorer;
    try {
      model = defaultDifficultyModel();
    } catch {
      return false;
    }
    const adapter = this.adapter(model);
    const f = featureVector(prompt, model.hashing);
    adapter.learn(f, model, baseLogit(model, f), neededCloud, kind, weight);
    this.history.saveSetting(USER_ADAPTER_KEY, adapter.toJSON());
    return true;
  }

  private learnedChoices(): number {
    try {
      return this.adapter().choices;
    } catch {
      return 0;
    }
  }

  private learnedNudge(): number {
    const value = this.history.getSettings()[LEARNED_NUDGE_KEY];
    return typeof value === 'number' && Number.isFinite(value) ? value : 0;
  }
}
