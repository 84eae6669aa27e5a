// Sizes, speeds and times left as the welcome screen's catalog and progress bars show them, in the
// language in force (numbers through Intl, words through t()).
import { locale, t } from './i18n/index.svelte.js';

/** A number with exactly `digits` decimals in the language in force. */
function decimals(value: number, digits: number): string {
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** "491 MB", "1.7 GB", "0.3 MB": decimal units, as download sizes are usually written. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return t('size.gb', { n: decimals(bytes / 1e9, 1) });
  if (bytes >= 1e8) return t('size.mb', { n: decimals(Math.round(bytes / 1e6), 0) });
  return t('size.mb', { n: decimals(bytes / 1e6, 1) });
}

/** "2.4 MB/s". */
export function formatRate(bytesPerSecond: number): string {
  return t('size.perSecond', { size: formatBytes(bytesPerSecond) });
}

/** "about 2 min left", "12 s left"; "time left unknown" when the downloader cannot tell yet. */
export function formatTimeLeft(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return t('size.timeLeftUnknown');
  if (seconds < 60) return t('size.secondsLeft', { n: decimals(Math.max(0, Math.ceil(seconds)), 0) });
  if (seconds < 3600) return t('size.minutesLeft', { n: decimals(Math.ceil(seconds / 60), 0) });
  return t('size.hoursLeft', { n: decimals(seconds / 3600, 1) });
}

/** "32K tokens" for a context window. */
export function formatContext(tokens: number): string {
  return tokens >= 1024 ? t('size.kTokens', { n: decimals(Math.round(tokens / 1024), 0) }) : t('size.tokens', { n: decimals(tokens, 0) });
}
