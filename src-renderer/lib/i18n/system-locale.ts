// Which of Duet's languages the operating system asks for: navigator.languages, first match wins.

/** The languages Duet ships. */
export type Locale = 'en' | 'zh-CN';
/** What the user can choose in Settings: the system's language or one of Duet's. */
export type LanguageChoice = 'system' | Locale;

/** Simplified Chinese tags: zh alone, zh-CN, zh-SG, zh-Hans (with any region or subtag after it). */
const SIMPLIFIED_CHINESE = /^zh(-(cn|sg|my|hans)(-.*)?)?$/i;

/** The first of the system's languages Duet has, or English when it has none of them. */
export function systemLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    if (SIMPLIFIED_CHINESE.test(tag)) return 'zh-CN';
    if (/^en(-|$)/i.test(tag)) return 'en';
  }
  return 'en';
}

/** The language in force for a choice: 'system' reads the system's list. */
export function resolveLocale(choice: LanguageChoice, languages: readonly string[]): Locale {
  return choice === 'system' ? systemLocale(languages) : choice;
}
