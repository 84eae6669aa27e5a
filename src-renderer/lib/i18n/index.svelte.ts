// The renderer's translations: one i18next instance (plurals, interpolation) and a rune that holds
// the language in force, so `t()` in a template renders again when the user switches language.
import i18next, { type TOptions } from 'i18next';
import en from './locales/en.json' with { type: 'json' };
import zhCN from './locales/zh-CN.json' with { type: 'json' };
import { resolveLocale, type LanguageChoice, type Locale } from './system-locale.js';

export { systemLocale, resolveLocale, type Locale, type LanguageChoice } from './system-locale.js';

/** Where the last choice is kept, so a reload starts in it before the core answers. */
const STORAGE_KEY = 'duet.language';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'zh-CN'],
  // Svelte escapes what it renders; escaping here too would show "&amp;".
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

let current = $state<Locale>('en');

/** The translated text for `key`; read in a template or $derived, it follows language changes. */
export function t(key: string, options?: TOptions): string {
  return i18n.t(key, { ...options, lng: current });
}

/** The language in force ('en' or 'zh-CN'), for `Intl` formatters and `<html lang>`; reactive. */
export function locale(): Locale {
  return current;
}

/** Puts a language choice in force at once: the text, `<html lang>`, and the choice kept for the next start. */
export function applyLanguage(choice: LanguageChoice): void {
  const next = resolveLocale(choice, systemLanguages());
  current = next;
  void i18n.changeLanguage(next);
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, choice);
  } catch {
    // Storage can be off (a private window); the core's saved setting still applies once it answers.
  }
}

/** The choice kept by the last applyLanguage ('system' when none), for the first paint. */
export function storedLanguage(): LanguageChoice {
  let stored: string | null = null;
  try {
    stored = globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    stored = null;
  }
  return stored === 'en' || stored === 'zh-CN' ? stored : 'system';
}

function systemLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}
