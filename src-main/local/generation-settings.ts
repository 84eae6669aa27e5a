import { randomInt } from 'node:crypto';
import os from 'node:os';
import type { Llama, LlamaChatSessionOptions, LlamaContextOptions, LlamaModelOptions, LlamaOptions, LLamaChatPromptOptions } from 'node-llama-cpp';
import { DEFAULT_MODEL_SETTINGS, DEFAULT_SYSTEM_PROMPT, type GenerationOverrides, type ModelSettings } from '../contract/index.js';

// Every setting the engine worker passes to node-llama-cpp, in one place, so that a benchmark of
// bare node-llama-cpp can run with exactly the same ones. The values come from the model's
// settings (contract/model-settings.ts); without any, from its defaults.

/** Longest answer, in tokens, when the caller sets no limit. */
export const DEFAULT_MAX_ANSWER_TOKENS = DEFAULT_MODEL_SETTINGS.maxTokens;

/** The default system prompt (a model's settings may set another). */
export const SYSTEM_PROMPT = DEFAULT_SYSTEM_PROMPT;

/** What a model is loaded with: the part of its settings that needs a reload to change. */
export type LoadSettings = Pick<ModelSettings, 'contextSize' | 'gpuLayers'>;

/** How an answer is sampled: the part of a model's settings that each answer carries. */
export type SamplingSettings = Pick<ModelSettings, 'temperature' | 'topP' | 'topK' | 'minP' | 'repeatPenalty' | 'repeatLastTokens' | 'seed'>;

/** Picks the sampling part of a model's settings. */
export function samplingOf(settings: ModelSettings): SamplingSettings {
  const { temperature, topP, topK, minP, repeatPenalty, repeatLastTokens, seed } = settings;
  return { temperature, topP, topK, minP, repeatPenalty, repeatLastTokens, seed };
}

/** The model's sampling with a request's own temperature, top-p and seed put over it. */
export function samplingWith(sampling: SamplingSettings, overrides: GenerationOverrides = {}): SamplingSettings {
  return {
    ...sampling,
    ...(overrides.temperature === undefined ? {} : { temperature: overrides.temperature }),
    ...(overrides.topP === undefined ? {} : { topP: overrides.topP }),
    ...(overrides.seed === undefined ? {} : { seed: llamaSeed(overrides.seed) }),
  };
}

/**
 * A client's seed (any integer, as OpenAI takes it) as llama.cpp's unsigned 32-bit one, modulo
 * 2^32 - 1: llama.cpp reads 0xFFFFFFFF as "draw a random seed", which would make a fixed seed random.
 */
export function llamaSeed(seed: number): number {
  const range = 2 ** 32 - 1;
  return ((seed % range) + range) % range;
}

/**
 * Threads for llama.cpp: the cores this process may use, capped by llama.cpp's count of math
 * cores. node-llama-cpp otherwise asks for at least 4, which on a 2-core machine makes
 * generation many times slower.
 */
export function generationThreads(llama?: Llama): number {
  const available = os.availableParallelism();
  const mathCores = llama?.cpuMathCores ?? available;
  return Math.max(1, Math.min(available, mathCores > 0 ? mathCores : available));
}

/** Options for `getLlama`: the best GPU backend there is, or the CPU. */
export function llamaOptions(): LlamaOptions {
  return { gpu: 'auto', maxThreads: os.availableParallelism(), progressLogs: false };
}

/**
 * Options for `llama.loadModel`. 'auto' lets node-llama-cpp fit the layers to free VRAM, leaving
 * room for the context we will ask for; a number is passed through as asked (0: CPU only).
 */
export function modelOptions(modelPath: string, load: LoadSettings = DEFAULT_MODEL_SETTINGS): LlamaModelOptions {
  if (load.gpuLayers !== 'auto') return { modelPath, gpuLayers: load.gpuLayers };
  return typeof load.contextSize === 'number' ? { modelPath, gpuLayers: { fitContext: { contextSize: load.contextSize } } } : { modelPath, gpuLayers: 'auto' };
}

/**
 * Options for `model.createContext`: one sequence (one answer at a time), threads from real cores.
 * 'auto' is node-llama-cpp's own fitting: the largest window that fits the memory left, up to the
 * length the model was trained on, shrinking and retrying when llama.cpp cannot allocate it.
 */
export function contextOptions(llama: Llama, load: LoadSettings = DEFAULT_MODEL_SETTINGS): LlamaContextOptions {
  return { contextSize: load.contextSize, sequences: 1, threads: generationThreads(llama) };
}

/** Options for `new LlamaChatSession` besides the sequence and the (once resolved) chat wrapper. */
export function sessionOptions(systemPrompt: string = SYSTEM_PROMPT): Omit<LlamaChatSessionOptions, 'contextSequence' | 'chatWrapper'> {
  return { systemPrompt };
}

type PromptSampling = Pick<
  LLamaChatPromptOptions,
  'maxTokens' | 'temperature' | 'topP' | 'topK' | 'minP' | 'seed' | 'repeatPenalty' | 'stopOnAbortSignal' | 'customStopTriggers'
>;

/**
 * Sampling options for `session.prompt`, from the model's settings. `stop` texts end the answer
 * where they appear; node-llama-cpp holds back text that may be the start of one, and leaves the
 * stop text itself out of the answer.
 */
export function promptOptions(
  maxTokens: number = DEFAULT_MAX_ANSWER_TOKENS,
  sampling: SamplingSettings = samplingOf(DEFAULT_MODEL_SETTINGS),
  stop: readonly string[] = [],
): PromptSampling {
  const penaltyOff = sampling.repeatPenalty <= 1 || sampling.repeatLastTokens === 0;
  return {
    ...(stop.length > 0 ? { customStopTriggers: [...stop] } : {}),
    maxTokens,
    temperature: sampling.temperature,
    topP: sampling.topP,
    topK: sampling.topK,
    minP: sampling.minP,
    // node-llama-cpp's own fallback is the clock in whole seconds: two answers within a second would match.
    seed: sampling.seed ?? randomInt(0, 2 ** 32 - 1),
    repeatPenalty: penaltyOff ? false : { penalty: sampling.repeatPenalty, lastTokens: sampling.repeatLastTokens },
    stopOnAbortSignal: true,
  };
}
