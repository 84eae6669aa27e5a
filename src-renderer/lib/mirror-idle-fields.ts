// The download mirror and idle-unload fields of Settings, read from what the user typed.
import { formatInteger } from './format.js';
import { t } from './i18n/index.svelte.js';

/** The mirror URL typed (empty: null, Hugging Face itself), or what is wrong with it. */
export function readMirror(text: string): { ok: true; value: string | null } | { ok: false; message: string } {
  const typed = text.trim();
  if (typed === '') return { ok: true, value: null };
  let url: URL | null = null;
  try {
    url = new URL(typed);
  } catch {
    url = null;
  }
  if (url && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '') return { ok: true, value: typed };
  return { ok: false, message: t('mirrorIdleSettings.badMirror', { example: 'https://models.example.com' }) };
}

/** What turning idle unload on starts with when no number was typed (the core's default, as LM Studio's). */
export const SUGGESTED_IDLE_MINUTES = 60;

/** The longest idle time the contract takes: a week. */
export const IDLE_MINUTES_MAX = 10_080;

/** The idle minutes typed, or what they must be. */
export function readIdleMinutes(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const typed = text.trim();
  const value = /^\d+$/.test(typed) ? Number(typed) : Number.NaN;
  if (Number.isInteger(value) && value >= 1 && value <= IDLE_MINUTES_MAX) return { ok: true, value };
  return { ok: false, message: t('mirrorIdleSettings.badMinutes', { max: formatInteger(IDLE_MINUTES_MAX) }) };
}
