// How a loaded model runs (backend, GPU layers, memory, context), in words people read.
import type { ModelStatus } from '../../src-main/contract/entities.js';
import { formatInteger } from './format.js';
import { formatBytes } from './format-size.js';
import { t } from './i18n/index.svelte.js';

const BACKENDS: Record<string, string> = { cuda: 'CUDA', metal: 'Metal', vulkan: 'Vulkan', cpu: 'CPU' };

/** "CUDA", "Metal", "Vulkan", "CPU"; another backend llama.cpp may report keeps its own name. */
export function backendName(gpu: string | null): string {
  if (gpu === null) return t('modelFacts.notKnownYet');
  return BACKENDS[gpu.toLowerCase()] ?? gpu;
}

/** "28 layers on the GPU", "1 layer on the GPU", or "None on the GPU: it runs on the CPU". */
export function layersText(gpuLayers: number | null): string {
  if (gpuLayers === null) return t('modelFacts.notKnownYet');
  if (gpuLayers === 0) return t('modelFacts.noneOnGpu');
  return t('modelFacts.layersOnGpu', { count: gpuLayers, n: formatInteger(gpuLayers) });
}

/** "1.2 GB used · 6.8 GB free". */
export function vramText(vram: NonNullable<ModelStatus['vram']>): string {
  return t('modelFacts.vram', { used: formatBytes(vram.usedBytes), free: formatBytes(vram.freeBytes) });
}

/** "4,096 tokens (trained on 32,768)"; the trained length alone is left out when equal. */
export function contextText(contextSize: number | null, trained: number | null): string {
  if (contextSize === null) return t('modelFacts.notKnownYet');
  const size = formatInteger(contextSize);
  if (trained === null) return t('modelFacts.contextTokens', { size });
  return trained === contextSize ? t('modelFacts.contextAllTrained', { size }) : t('modelFacts.contextTrainedOn', { size, trained: formatInteger(trained) });
}

/** The one-line summary the model banner shows: "Runs on CPU · no GPU layers · 4,096-token context". */
export function factsSummary(status: ModelStatus): string {
  const layers =
    status.gpuLayers === null
      ? null
      : status.gpuLayers === 0
        ? t('modelFacts.noGpuLayers')
        : t('modelFacts.gpuLayers', { count: status.gpuLayers, n: formatInteger(status.gpuLayers) });
  const context = status.contextSize === null ? null : t('modelFacts.tokenContext', { size: formatInteger(status.contextSize) });
  return [t('modelFacts.runsOn', { backend: backendName(status.gpu) }), layers, context].filter((part) => part !== null).join(' · ');
}
