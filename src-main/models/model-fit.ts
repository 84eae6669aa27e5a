// Whether a catalog model would run on this machine, before anything downloads: its GGUF header is
// read over HTTP (node-llama-cpp's readGgufFileInfo fetches only the ranges it needs) and scored by
// node-llama-cpp's GgufInsights against the memory `getLlama()` reports. The thresholds are the ones
// node-llama-cpp's own model picker colours by; the figures are all the library's.
// node-llama-cpp is imported when a fit is asked for, not when the core starts (it costs a second or more).
import type { GgufInsights, Llama } from 'node-llama-cpp';
import type { CatalogEntry, ModelFit, ModelFitLevel } from '../contract/index.js';
import { DEFAULT_HUB, hubFileUrl } from './catalog.js';
import { networkError } from './download-probe.js';
import { ModelsError } from './models-error.js';

/** node-llama-cpp's picker shows a score of 85 % or more in green/yellow, less in red. */
const FITS_SCORE = 0.85;

/** Scores a catalog entry from its header on the hub (or mirror); throws a ModelsError when it cannot be read. */
export async function fitCatalogEntry(entry: CatalogEntry, hub: string | null, llama: Llama, timeoutMs = 30_000): Promise<ModelFit> {
  const base = hub ?? DEFAULT_HUB;
  const url = hubFileUrl(entry.uri, base);
  const { GgufInsights, readGgufFileInfo } = await import('node-llama-cpp');
  let info;
  try {
    info = await readGgufFileInfo(url, {
      readTensorInfo: true,
      fetchRetryOptions: { retries: 1, minTimeout: 200, maxTimeout: 1000 },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw headerError(error, entry, new URL(url).host);
  }
  return fitFromInsights(await GgufInsights.from(info, llama));
}

/** The fit node-llama-cpp's insights give for a model with the default "auto" configuration. */
export async function fitFromInsights(insights: GgufInsights): Promise<ModelFit> {
  const scored = await insights.configurationResolver.scoreModelConfigurationCompatibility({});
  const { gpuLayers, contextSize, totalRamUsage, totalVramUsage } = scored.resolvedValues;
  return {
    level: levelOf(scored.compatibilityScore),
    gpuLayers,
    totalLayers: insights.totalLayers ?? null,
    contextSize,
    score: Math.round(scored.compatibilityScore * 1000) / 1000,
    ramBytes: totalRamUsage,
    vramBytes: totalVramUsage,
  };
}

function levelOf(score: number): ModelFitLevel {
  if (score <= 0) return 'too_big';
  return score >= FITS_SCORE ? 'fits' : 'tight';
}

/**
 * Why a model's header could not be read. A server-wide cause (down, offline) is worded the same
 * for every model, so the list can say it once instead of on every card.
 */
function headerError(error: unknown, entry: CatalogEntry, host: string): ModelsError {
  const text = error instanceof Error ? error.message : String(error);
  const status = /\b(404|410|5\d\d)\b/.exec(text)?.[1];
  if (status === '404' || status === '410') {
    return new ModelsError(
      'download_failed',
      `The model server ${host} has no file ${entry.fileName} (HTTP ${status}), so Duet cannot tell whether it fits. Check the mirror address in Settings.`,
    );
  }
  if (status)
    return new ModelsError(
      'download_failed',
      `The model server ${host} is failing (HTTP ${status}), so Duet could not read the models' details. Try again in a few minutes.`,
    );
  if (error instanceof TypeError || (error as { cause?: unknown })?.cause) return networkError(error, host);
  return new ModelsError('download_failed', `Duet could not read ${entry.name}'s details from ${host}: ${text}`);
}
