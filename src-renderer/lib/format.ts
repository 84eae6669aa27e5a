import type { RouteKind, RouteMode } from '../../src-main/contract/entities.js';
import { locale, t } from './i18n/index.svelte.js';

// Every number, date and sum goes through Intl in the language in force; the words around them
// come from t(). Called in a template, each of these follows a language switch at once.

const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** An Intl number format for the language in force, made once per language and options. */
function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale()}|${JSON.stringify(options)}`;
  let format = formats.get(key) as Intl.NumberFormat | undefined;
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale(), options)));
  return format;
}

/** An Intl date format for the language in force, made once per language and options. */
function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale()}|${JSON.stringify(options)}`;
  let format = formats.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale(), options)));
  return format;
}

const INTEGER: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };
const ONE_DECIMAL: Intl.NumberFormatOptions = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
const TWO_DECIMALS: Intl.NumberFormatOptions = { minimumFractionDigits: 2, maximumFractionDigits: 2 };

/** "TTFT 12 ms", or "TTFT –" before the first token. */
export function formatTtft(ttftMs: number | null): string {
  return ttftMs === null ? t('format.ttftUnknown') : t('format.ttft', { ms: numberFormat(INTEGER).format(ttftMs) });
}

/** "35.2 tok/s", or "– tok/s" when unknown. */
export function formatSpeed(tokensPerSecond: number | null): string {
  return tokensPerSecond === null ? t('format.speedUnknown') : t('format.speed', { rate: numberFormat(ONE_DECIMAL).format(tokensPerSecond) });
}

/** "latency 840 ms" or "latency 2.4 s"; "latency –" when unknown. */
export function formatLatency(latencyMs: number | null): string {
  if (latencyMs === null) return t('format.latencyUnknown');
  return latencyMs < 1000
    ? t('format.latencyMs', { ms: numberFormat(INTEGER).format(latencyMs) })
    : t('format.latencyS', { s: numberFormat(ONE_DECIMAL).format(latencyMs / 1000) });
}

/** "$0.0012": small costs keep four decimals so they do not round to nothing. */
export function formatCost(costUsd: number): string {
  const digits = costUsd >= 1 ? 2 : 4;
  return numberFormat({ style: 'currency', currency: 'USD', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(costUsd);
}

/** "score 0.42": the router's estimate that the cloud is needed. */
export function formatScore(score: number): string {
  return t('format.score', { score: numberFormat(TWO_DECIMALS).format(score) });
}

/** "confidence 0.83": the local model's mean probability of its first chosen tokens. */
export function formatConfidence(confidence: number): string {
  return t('format.confidence', { confidence: numberFormat(TWO_DECIMALS).format(confidence) });
}

/** "75% local". */
export function formatLocalShare(share: number): string {
  return t('format.localShare', { share: formatPercent(share) });
}

/** "Expected: 64% answered locally", for the share a threshold would keep local. */
export function formatExpectedLocalShare(share: number): string {
  return t('format.expectedLocalShare', { share: formatPercent(share) });
}

/** A threshold or nudge with two decimals; a signed one uses a real minus sign ("−0.04", "+0.02"). */
export function formatThreshold(value: number, signed = false): string {
  const text = numberFormat(TWO_DECIMALS).format(Math.abs(value));
  if (!signed || Math.abs(value) < 0.005) return text;
  return value < 0 ? `−${text}` : `+${text}`;
}

/** The badge's words for how an answer came to be. */
export function routeLabel(route: RouteKind): string {
  return t(`route.${route}`);
}

/** The badge's longer description, for its tooltip and accessible name (it starts with the visible words). */
export function describeRoute(route: RouteKind): string {
  return t(`route.${route}Description`);
}

/** The routing modes with the words the mode selectors show (the label follows the language). */
export const ROUTE_MODES: readonly { value: RouteMode; readonly label: string }[] = (['auto', 'local', 'cloud'] as const).map((value) => ({
  value,
  get label(): string {
    return t(`mode.${value}`);
  },
}));

/** "Auto", "Local only" or "Cloud only". */
export function modeLabel(mode: RouteMode): string {
  return ROUTE_MODES.find((m) => m.value === mode)?.label ?? mode;
}

/** "75%", for a share between 0 and 1. */
export function formatPercent(share: number): string {
  return numberFormat({ style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** "12,345". */
export function formatInteger(value: number): string {
  return numberFormat(INTEGER).format(value);
}

/** Below this a positive amount would round to "$0.00" and read as nothing at all. */
const SMALLEST_SHOWN_USD = 0.0001;

/** "$0.00", "< $0.0001", "$0.0012", "$12.40". */
export function formatUsd(value: number): string {
  // Sums under a dollar keep four decimals, so a few cheap answers do not show as "$0.00".
  const small = numberFormat({ style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 });
  if (value > 0 && value < SMALLEST_SHOWN_USD) return `< ${small.format(SMALLEST_SHOWN_USD)}`;
  const usd = numberFormat({ style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (value > 0 && value < 1 ? small : usd).format(value);
}

/** "120 ms", or "–" when unknown. */
export function formatMs(value: number | null): string {
  return value === null ? '–' : t('format.ms', { ms: formatInteger(value) });
}

/** "35.2", or "–" when unknown. */
export function formatRate(value: number | null): string {
  return value === null ? '–' : numberFormat(ONE_DECIMAL).format(value);
}

/** A message's date for a search result: "12 Mar 2025, 14:05" in the user's own format. */
export function formatDateTime(ms: number): string {
  return dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** A calendar day "2025-03-12" (local) in the user's own format. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return dateFormat({ dateStyle: 'medium' }).format(new Date(y, m - 1, d));
}
