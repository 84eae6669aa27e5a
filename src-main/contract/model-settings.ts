import { z } from 'zod';

/** The system prompt every conversation starts with, unless the user sets another for the model. */
export const DEFAULT_SYSTEM_PROMPT = "You are Duet, a helpful assistant running on the user's own computer. Answer clearly and concisely.";

/**
 * How one local model is loaded and how it samples its answers, set per model file. Load settings
 * (contextSize, gpuLayers) take effect when the model is (re)loaded; the rest with the next answer.
 */
export const ModelSettings = z.object({
  /** Context window in tokens: 'auto' is the largest that fits in memory, up to the model's trained length. */
  contextSize: z.union([z.literal('auto'), z.number().int().min(256).max(1_048_576)]),
  /** Layers on the GPU: 'auto' fits them to free VRAM, 0 runs on the CPU only, a number asks for that many. */
  gpuLayers: z.union([z.literal('auto'), z.number().int().min(0).max(10_000)]),
  /** 0 is greedy decoding (always the likeliest token), which makes small models loop. */
  temperature: z.number().min(0).max(2),
  topP: z.number().gt(0).max(1),
  /** 0 keeps the whole vocabulary. */
  topK: z.number().int().min(0).max(100_000),
  minP: z.number().min(0).max(1),
  /** 1 turns the repeat penalty off. */
  repeatPenalty: z.number().min(1).max(2),
  /** How many of the latest tokens the repeat penalty looks back over (0 turns it off). */
  repeatLastTokens: z.number().int().min(0).max(8192),
  /** A fixed seed makes sampled answers reproducible; null draws a new one for every answer. */
  seed: z.number().int().min(0).max(4_294_967_295).nullable(),
  /** Longest answer, in tokens. */
  maxTokens: z.number().int().min(1).max(131_072),
  systemPrompt: z.string().max(20_000),
});
export type ModelSettings = z.infer<typeof ModelSettings>;

/**
 * Chat defaults for small instruct models. Sampling follows llama.cpp's own defaults (top-k 40,
 * min-p 0.05) with a slightly cooler temperature and narrower top-p than its 0.8 / 0.95, as the
 * Qwen and Llama instruct models' shipped generation configs use (0.7 / 0.8-0.9); the repeat
 * penalty is node-llama-cpp's default (1.1 over the last 64 tokens), which keeps small models out
 * of loops that greedy decoding falls into.
 */
export const DEFAULT_MODEL_SETTINGS: ModelSettings = {
  contextSize: 'auto',
  gpuLayers: 'auto',
  temperature: 0.7,
  topP: 0.9,
  topK: 40,
  minP: 0.05,
  repeatPenalty: 1.1,
  repeatLastTokens: 64,
  seed: null,
  maxTokens: 2048,
  systemPrompt: DEFAULT_SYSTEM_PROMPT,
};

/** A model's settings as stored and in force: `settings` are the defaults with the user's changes applied. */
export const ModelSettingsInfo = z.object({
  path: z.string(),
  settings: ModelSettings,
  defaults: ModelSettings,
});
export type ModelSettingsInfo = z.infer<typeof ModelSettingsInfo>;

/** The GPU memory llama.cpp reports, in bytes. */
export const VramState = z.object({
  totalBytes: z.number().nonnegative(),
  usedBytes: z.number().nonnegative(),
  freeBytes: z.number().nonnegative(),
});
export type VramState = z.infer<typeof VramState>;
