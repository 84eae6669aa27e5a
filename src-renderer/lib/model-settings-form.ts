// The local model's settings form as text fields: filled from saved settings, read back into the
// changes `models.saveSettings` takes, each field checked with a message that names it.
import type { ModelSettings } from '../../src-main/contract/model-settings.js';
import { formatInteger } from './format.js';
import { t } from './i18n/index.svelte.js';

/** What the form's fields hold: text as typed, and the choices of the context and GPU selects. */
export interface SettingsDraft {
  contextMode: 'auto' | 'fixed';
  contextSize: string;
  gpuMode: 'auto' | 'cpu' | 'fixed';
  gpuLayers: string;
  temperature: string;
  topP: string;
  topK: string;
  minP: string;
  repeatPenalty: string;
  /** Empty: a new random seed for every answer. */
  seed: string;
  maxTokens: string;
  systemPrompt: string;
}

/** A message per field that does not hold an acceptable value. */
export type DraftErrors = Partial<Record<keyof SettingsDraft, string>>;

/** A number field: its name in messages and the limits the contract's schema sets (test/unit checks they agree). */
export interface NumberRule {
  readonly label: string;
  min: number;
  max: number;
  integer: boolean;
  /** True when `min` itself is not allowed (top-p must be above 0). */
  minExclusive?: boolean;
}

/** The settings typed as numbers. */
export type NumberKey = 'contextSize' | 'gpuLayers' | 'temperature' | 'topP' | 'topK' | 'minP' | 'repeatPenalty' | 'seed' | 'maxTokens';

/** The limits of each number field, the same as ModelSettings in the contract. */
export const NUMBER_RULES: Readonly<Record<NumberKey, NumberRule>> = {
  contextSize: rule('contextSize', { min: 256, max: 1_048_576, integer: true }),
  gpuLayers: rule('gpuLayers', { min: 1, max: 10_000, integer: true }),
  temperature: rule('temperature', { min: 0, max: 2, integer: false }),
  topP: rule('topP', { min: 0, max: 1, integer: false, minExclusive: true }),
  topK: rule('topK', { min: 0, max: 100_000, integer: true }),
  minP: rule('minP', { min: 0, max: 1, integer: false }),
  repeatPenalty: rule('repeatPenalty', { min: 1, max: 2, integer: false }),
  seed: rule('seed', { min: 0, max: 4_294_967_295, integer: true }),
  maxTokens: rule('maxTokens', { min: 1, max: 131_072, integer: true }),
};

/** A field's limits with its name in the language in force (read when a message is made). */
function rule(key: NumberKey, limits: Omit<NumberRule, 'label'>): NumberRule {
  return {
    ...limits,
    get label(): string {
      return t(`modelSettingsForm.field.${key}`);
    },
  };
}

/** The longest system prompt the contract takes. */
export const SYSTEM_PROMPT_MAX = 20_000;

/** The form's fields for saved (or default) settings. */
export function draftFrom(settings: ModelSettings): SettingsDraft {
  return {
    contextMode: settings.contextSize === 'auto' ? 'auto' : 'fixed',
    contextSize: settings.contextSize === 'auto' ? '' : String(settings.contextSize),
    gpuMode: settings.gpuLayers === 'auto' ? 'auto' : settings.gpuLayers === 0 ? 'cpu' : 'fixed',
    gpuLayers: typeof settings.gpuLayers === 'number' && settings.gpuLayers > 0 ? String(settings.gpuLayers) : '',
    temperature: String(settings.temperature),
    topP: String(settings.topP),
    topK: String(settings.topK),
    minP: String(settings.minP),
    repeatPenalty: String(settings.repeatPenalty),
    seed: settings.seed === null ? '' : String(settings.seed),
    maxTokens: String(settings.maxTokens),
    systemPrompt: settings.systemPrompt,
  };
}

/** "from 0 to 2", "from 1 to 131,072", "above 0, up to 1". */
function range(rule: NumberRule): string {
  const max = formatInteger(rule.max);
  return rule.minExclusive ? t('modelSettingsForm.rangeAbove', { min: rule.min, max }) : t('modelSettingsForm.range', { min: formatInteger(rule.min), max });
}

/** The number typed in a field (a decimal comma is read as a point), or the message that says what it must be. */
export function readNumber(text: string, rule: NumberRule): { ok: true; value: number } | { ok: false; message: string } {
  const typed = text.trim().replace(/^(-?\d*),(\d+)$/, '$1.$2');
  const value = /^-?(\d+\.?\d*|\.\d+)$/.test(typed) ? Number(typed) : Number.NaN;
  const inRange = value <= rule.max && (rule.minExclusive ? value > rule.min : value >= rule.min);
  if (Number.isFinite(value) && inRange && (!rule.integer || Number.isInteger(value))) return { ok: true, value };
  const values = { label: rule.label, range: range(rule) };
  return { ok: false, message: rule.integer ? t('modelSettingsForm.mustBeWhole', values) : t('modelSettingsForm.mustBeNumber', values) };
}

/**
 * Reads the form back: the settings that differ from `current` (nothing else is sent, so a default
 * the user never touched stays a default), or a message for each field that is not acceptable.
 */
export function readDraft(draft: SettingsDraft, current: ModelSettings): { ok: true; changes: Partial<ModelSettings> } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const next: Partial<ModelSettings> = {};
  const number = (key: NumberKey, text: string): number | undefined => {
    const read = readNumber(text, NUMBER_RULES[key]);
    if (read.ok) return read.value;
    errors[key] = read.message;
    return undefined;
  };

  if (draft.contextMode === 'auto') next.contextSize = 'auto';
  else next.contextSize = number('contextSize', draft.contextSize);
  if (draft.gpuMode === 'auto') next.gpuLayers = 'auto';
  else if (draft.gpuMode === 'cpu') next.gpuLayers = 0;
  else next.gpuLayers = number('gpuLayers', draft.gpuLayers);
  next.temperature = number('temperature', draft.temperature);
  next.topP = number('topP', draft.topP);
  next.topK = number('topK', draft.topK);
  next.minP = number('minP', draft.minP);
  next.repeatPenalty = number('repeatPenalty', draft.repeatPenalty);
  next.seed = draft.seed.trim() === '' ? null : number('seed', draft.seed);
  next.maxTokens = number('maxTokens', draft.maxTokens);
  if (draft.systemPrompt.length > SYSTEM_PROMPT_MAX) {
    errors.systemPrompt = t('modelSettingsForm.systemPromptTooLong', { max: formatInteger(SYSTEM_PROMPT_MAX), length: formatInteger(draft.systemPrompt.length) });
  } else {
    next.systemPrompt = draft.systemPrompt;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (value !== current[key as keyof ModelSettings]) changes[key] = value;
  }
  return { ok: true, changes: changes };
}

/** True when saving these changes reloads the model (context and GPU layers are fixed at load time). */
export function changesReload(changes: Partial<ModelSettings>): boolean {
  return changes.contextSize !== undefined || changes.gpuLayers !== undefined;
}
