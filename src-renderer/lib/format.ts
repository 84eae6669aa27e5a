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
