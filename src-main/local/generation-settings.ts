import os from 'node:os';
import type { Llama, LlamaChatSessionOptions, LlamaContextOptions, LlamaModelOptions, LlamaOptions, LLamaChatPromptOptions } from 'node-llama-cpp';

// Every setting the engine worker passes to node-llama-cpp, in one place, so that a benchmark of
// bare node-llama-cpp can run with exactly the same ones.

/** Largest context the worker asks for; node-llama-cpp shrinks it to what memory allows. */
export const MAX_CONTEXT_TOKENS = 4096;

/** Longest answer, in tokens, when the caller sets no limit. */
export const DEFAULT_MAX_ANSWER_TOKENS = 2048;

/** The system prompt every conversation starts with. */
export const SYSTEM_PROMPT = 'You are Duet, a helpful assistant running on the user\'s own computer. Answer clearly and concisely.';

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

/** Options for `llama.loadModel`: layers offloaded to the GPU are fitted to free VRAM automatically. */
export function modelOptions(modelPath: string): LlamaModelOptions {
  return { modelPath, gpuLayers: 'auto' };
}

/** Options for `model.createContext`: one sequence (one answer at a time), threads from real cores. */
export function contextOptions(llama: Llama): LlamaContextOptions {
  return { contextSize: { max: MAX_CONTEXT_TOKENS }, sequences: 1, threads: generationThreads(llama) };
}

/** Options for `new LlamaChatSession` besides the sequence and the (once resolved) chat wrapper. */
export function sessionOptions(): Omit<LlamaChatSessionOptions, 'contextSequence' | 'chatWrapper'> {
  return { systemPrompt: SYSTEM_PROMPT };
}

/** Sampling options for `session.prompt`: greedy decoding, llama.cpp's defaults otherwise. */
export function promptOptions(maxTokens: number = DEFAULT_MAX_ANSWER_TOKENS): Pick<LLamaChatPromptOptions, 'maxTokens' | 'temperature' | 'stopOnAbortSignal'> {
  return { maxTokens, temperature: 0, stopOnAbortSignal: true };
}
