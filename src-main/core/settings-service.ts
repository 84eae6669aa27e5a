import {
  DEFAULT_API_SETTINGS,
  DEFAULT_MODEL_SETTINGS,
  effectiveThreshold,
  ModelSettings,
  Settings,
  type ModelSettingsInfo,
  type RoutingInfo,
} from '../contract/index.js';
import type { History } from '../history/history-types.js';

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
/** Per model file: only what the user changed, so better defaults in a later Duet still reach the rest. */
const MODEL_SETTINGS_KEY = 'modelSettings';
/** How far one "Ask the other side" moves the threshold, and how far all of them together may. */
export const NUDGE_STEP = 0.02;
export const NUDGE_LIMIT = 0.15;

/** The user's settings, kept in the history database beside the conversations. */
export class SettingsService {
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
      localShareCurve: this.localShareCurve,
    };
  }

  /**
   * Learns from "Ask the other side": wanting the cloud after a local answer lowers the threshold
   * (more goes to the cloud); wanting local after a cloud answer raises it. Bounded, resettable.
   */
  learnFromOverride(wanted: 'local' | 'cloud'): number {
    const step = wanted === 'cloud' ? -NUDGE_STEP : NUDGE_STEP;
    const next = Math.max(-NUDGE_LIMIT, Math.min(NUDGE_LIMIT, this.learnedNudge() + step));
    this.history.saveSetting(LEARNED_NUDGE_KEY, Math.round(next * 1000) / 1000);
    this.changed();
    return next;
  }

  resetLearning(): number {
    this.history.saveSetting(LEARNED_NUDGE_KEY, 0);
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

  private learnedNudge(): number {
    const value = this.history.getSettings()[LEARNED_NUDGE_KEY];
    return typeof value === 'number' && Number.isFinite(value) ? value : 0;
  }
}
