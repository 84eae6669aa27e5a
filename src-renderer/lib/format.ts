import type { RouteKind, RouteMode } from '../../src-main/contract/entities.js';

/** "TTFT 12 ms", or "TTFT –" before the first token. */
export function formatTtft(ttftMs: number | null): string {
  return ttftMs === null ? 'TTFT –' : `TTFT ${Math.round(ttftMs)} ms`;
}

/** "35.2 tok/s", or "– tok/s" when unknown. */
export function formatSpeed(tokensPerSecond: number | null): string {
  return tokensPerSecond === null ? '– tok/s' : `${tokensPerSecond.toFixed(1)} tok/s`;
}

/** "latency 840 ms" or "latency 2.4 s"; "latency –" when unknown. */
export function formatLatency(latencyMs: number | null): string {
  if (latencyMs === null) return 'latency –';
  return latencyMs < 1000 ? `latency ${Math.round(latencyMs)} ms` : `latency ${(latencyMs / 1000).toFixed(1)} s`;
}

/** "$0.0012": small costs keep four decimals so they do not round to nothing. */
export function formatCost(costUsd: number): string {
  return costUsd >= 1 ? `$${costUsd.toFixed(2)}` : `$${costUsd.toFixed(4)}`;
}

/** "score 0.42": the router's estimate that the cloud is needed. */
export function formatScore(score: number): string {
  return `score ${score.toFixed(2)}`;
}

/** "confidence 0.83": the local model's mean probability of its first chosen tokens. */
export function formatConfidence(confidence: number): string {
  return `confidence ${confidence.toFixed(2)}`;
}

/** "75% local". */
export function formatLocalShare(share: number): string {
  return `${Math.round(share * 100)}% local`;
}

/** "Expected: 64% answered locally", for the share a threshold would keep local. */
export function formatExpectedLocalShare(share: number): string {
  return `Expected: ${Math.round(share * 100)}% answered locally`;
}

/** A threshold or nudge with two decimals; a signed one uses a real minus sign ("−0.04", "+0.02"). */
export function formatThreshold(value: number, signed = false): string {
  const text = Math.abs(value).toFixed(2);
  if (!signed || text === '0.00') return text;
  return value < 0 ? `−${text}` : `+${text}`;
}

/** The badge's words for how an answer came to be. */
export function routeLabel(route: RouteKind): string {
  return route === 'fallback' ? 'cloud unavailable → local' : route;
}

/** The badge's longer description, for its tooltip and accessible name (it starts with the visible words). */
export function describeRoute(route: RouteKind): string {
  switch (route) {
    case 'local':
      return 'local: answered on this computer';
    case 'cloud':
      return 'cloud: answered by a cloud model';
    case 'escalated':
      return 'escalated: local model unsure';
    case 'fallback':
      return 'cloud unavailable → local: the cloud failed, so this computer answered';
  }
}

/** The routing modes with the words the mode selectors show. */
export const ROUTE_MODES: readonly { value: RouteMode; label: string }[] = [
  { value: 'auto', label: 'Auto' },
  { value: 'local', label: 'Local only' },
  { value: 'cloud', label: 'Cloud only' },
];

/** "Auto", "Local only" or "Cloud only". */
export function modeLabel(mode: RouteMode): string {
  return ROUTE_MODES.find((m) => m.value === mode)?.label ?? mode;
}

const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const integerFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const usdFormat = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
// Sums under a dollar keep four decimals, so a few cheap answers do not show as "$0.00".
const smallUsdFormat = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "75%", for a share between 0 and 1. */
export function formatPercent(share: number): string {
  return percentFormat.format(share);
}

/** "12,345". */
export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

/** "1 conversation", "12,345 conversations": a count with the word that goes with it. */
export function formatCount(value: number, one: string, many: string): string {
  return `${formatInteger(value)} ${value === 1 ? one : many}`;
}

/** Below this a positive amount would round to "$0.00" and read as nothing at all. */
const SMALLEST_SHOWN_USD = 0.0001;

/** "$0.00", "< $0.0001", "$0.0012", "$12.40". */
export function formatUsd(value: number): string {
  if (value > 0 && value < SMALLEST_SHOWN_USD) return `< ${smallUsdFormat.format(SMALLEST_SHOWN_USD)}`;
  return (value > 0 && value < 1 ? smallUsdFormat : usdFormat).format(value);
}

/** "120 ms", or "–" when unknown. */
export function formatMs(value: number | null): string {
  return value === null ? '–' : `${integerFormat.format(value)} ms`;
}

/** "35.2", or "–" when unknown. */
export function formatRate(value: number | null): string {
  return value === null ? '–' : decimalFormat.format(value);
}

/** A message's date for a search result: "12 Mar 2025, 14:05" in the user's own format. */
export function formatDateTime(ms: number): string {
  return dateTimeFormat.format(ms);
}

/** A calendar day "2025-03-12" (local) in the user's own format. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return dateFormat.format(new Date(y, m - 1, d));
}
