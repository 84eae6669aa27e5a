// How a loaded model runs (backend, GPU layers, memory, context), in words people read.
import type { ModelStatus } from '../../src-main/contract/entities.js';
import { formatBytes } from './format-size.js';

const BACKENDS: Record<string, string> = { cuda: 'CUDA', metal: 'Metal', vulkan: 'Vulkan', cpu: 'CPU' };

/** "CUDA", "Metal", "Vulkan", "CPU"; another backend llama.cpp may report keeps its own name. */
export function backendName(gpu: string | null): string {
  if (gpu === null) return 'not known yet';
  return BACKENDS[gpu.toLowerCase()] ?? gpu;
}

/** "28 layers on the GPU", "1 layer on the GPU", or "None on the GPU: it runs on the CPU". */
export function layersText(gpuLayers: number | null): string {
  if (gpuLayers === null) return 'not known yet';
  if (gpuLayers === 0) return 'None on the GPU: it runs on the CPU';
  return `${gpuLayers.toLocaleString('en-US')} ${gpuLayers === 1 ? 'layer' : 'layers'} on the GPU`;
}

/** "1.2 GB used · 6.8 GB free". */
export function vramText(vram: NonNullable<ModelStatus['vram']>): string {
  return `${formatBytes(vram.usedBytes)} used · ${formatBytes(vram.freeBytes)} free`;
}

/** "4,096 tokens (trained on 32,768)"; the trained length alone is left out when equal. */
export function contextText(contextSize: number | null, trained: number | null): string {
  if (contextSize === null) return 'not known yet';
  const size = `${contextSize.toLocaleString('en-US')} tokens`;
  if (trained === null) return size;
  return trained === contextSize ? `${size} (all the model was trained on)` : `${size} (trained on ${trained.toLocaleString('en-US')})`;
}

/** The one-line summary the model banner shows: "Runs on CPU · no GPU layers · 4,096-token context". */
export function factsSummary(status: ModelStatus): string {
  const layers = status.gpuLayers === null ? null : status.gpuLayers === 0 ? 'no GPU layers' : `${status.gpuLayers} GPU ${status.gpuLayers === 1 ? 'layer' : 'layers'}`;
  const context = status.contextSize === null ? null : `${status.contextSize.toLocaleString('en-US')}-token context`;
  return [`Runs on ${backendName(status.gpu)}`, layers, context].filter((part) => part !== null).join(' · ');
}
