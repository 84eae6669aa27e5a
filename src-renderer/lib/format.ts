import type { Provenance } from '../../src-main/contract/entities.js';

/** "TTFT 12 ms", or "TTFT –" before the first token. */
export function formatTtft(ttftMs: number | null): string {
  return ttftMs === null ? 'TTFT –' : `TTFT ${Math.round(ttftMs)} ms`;
}

/** "35.2 tok/s", or "– tok/s" when unknown. */
export function formatSpeed(tokensPerSecond: number | null): string {
  return tokensPerSecond === null ? '– tok/s' : `${tokensPerSecond.toFixed(1)} tok/s`;
}

/** Where an answer ran, in words for a tooltip or screen reader. */
export function describeTarget(target: Provenance['target']): string {
  return target === 'local' ? 'Answered on this computer' : 'Answered by a cloud model';
}
