import { z } from 'zod';
import { ErrorCode, ModelSettings, VramState } from '../contract/index.js';

// Messages between the engine host (core process) and the engine worker (the process that runs
// llama.cpp). Both sides validate what they receive; ids pair answers with requests.

const Id = z.number().int().nonnegative();
const ChatTurnSchema = z.object({ role: z.enum(['user', 'assistant']), content: z.string() });

/** A generate request's confidence check (engine-types.ts `ConfidenceCheck`); the host checks it before sending. */
export const ConfidenceCheckSchema = z.object({
  threshold: z.number().min(0).max(1),
  windowTokens: z.number().int().positive(),
});

/**
 * A request's own options (contract `GenerationOverrides`), in the ranges OpenAI allows; the host
 * checks them before sending and folds them into the `generate` message's fields.
 */
export const GenerationOverridesSchema = z
  .object({
    system: z.string(),
    temperature: z.number().min(0).max(2),
    topP: z.number().min(0).max(1),
    maxTokens: z.number().int().positive(),
    stop: z.array(z.string().min(1)),
    seed: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  })
  .partial();

/** Texts that end an answer where they appear (not part of it). */
const StopTexts = z.array(z.string().min(1));

/** How an answer samples (generation-settings.ts `SamplingSettings`); a request may set top-p 0 (only the likeliest token), as OpenAI allows. */
export const SamplingSchema = ModelSettings.pick({
  temperature: true,
  topP: true,
  topK: true,
  minP: true,
  repeatPenalty: true,
  repeatLastTokens: true,
  seed: true,
}).extend({
  topP: z.number().min(0).max(1),
});

/** Host → worker. */
export const HostMessage = z.discriminatedUnion('type', [
  /** Load a model (replacing any loaded one); answered by `loaded` or `load-failed`. */
  z.object({
    type: z.literal('load'),
    id: Id,
    modelPath: z.string().min(1),
    /** The model's load settings; node-llama-cpp's automatic fitting ('auto') when absent. */
    contextSize: ModelSettings.shape.contextSize.optional(),
    gpuLayers: ModelSettings.shape.gpuLayers.optional(),
  }),
  /** Drop the loaded model to free memory; answered by `unloaded`. */
  z.object({ type: z.literal('unload'), id: Id }),
  /** Answer `prompt` after `history`; streams `token`, ends with `done` or `failed`. */
  z.object({
    type: z.literal('generate'),
    id: Id,
    conversationId: z.string(),
    history: z.array(ChatTurnSchema),
    prompt: z.string(),
    maxTokens: z.number().int().positive().optional(),
    /** Stop early, answering `done` with `unsure`, when the model is unsure of its first tokens. */
    confidenceCheck: ConfidenceCheckSchema.optional(),
    /** The model's sampling settings; the defaults when absent. */
    sampling: SamplingSchema.optional(),
    /** The conversation's system prompt; the default when absent. */
    systemPrompt: z.string().optional(),
    /** The request's stop texts; none when absent. */
    stop: StopTexts.optional(),
  }),
  /** Stop generation `id`; the worker answers its `done` with `stopped: true`. */
  z.object({ type: z.literal('stop'), id: Id }),
  /** Release everything and exit. */
  z.object({ type: z.literal('shutdown') }),
  /**
   * Start llama.cpp now, before any load asks for it (sent right after the worker starts, so that
   * it runs while the core is still starting); `backendFile` remembers the backend that worked.
   */
  z.object({ type: z.literal('prepare'), backendFile: z.string().min(1).nullable() }),
]);
export type HostMessage = z.infer<typeof HostMessage>;

const TokenMessage = z.object({ type: z.literal('token'), id: Id, text: z.string() });

/** How often the worker says it is alive; the host's watchdog allows many of these to go missing. */
export const HEARTBEAT_MS = 1000;

/** Worker → host. */
export const WorkerMessage = z.discriminatedUnion('type', [
  /** Sent once when the worker process is up and listening. */
  z.object({ type: z.literal('started'), pid: z.number().int() }),
  /** Sent every HEARTBEAT_MS while the worker's event loop runs (llama.cpp loads and evaluates off it). */
  z.object({ type: z.literal('heartbeat') }),
  z.object({
    type: z.literal('loaded'),
    id: Id,
    /** llama.gpu ('cuda', 'vulkan', 'metal') or 'cpu'. */
    gpu: z.string(),
    gpuLayers: z.number().int().nonnegative(),
    contextSize: z.number().int().positive(),
    /** The context length the model was trained on. */
    trainedContextSize: z.number().int().positive(),
    /** Names of the GPUs in use (empty on the CPU). */
    gpuDevices: z.array(z.string()),
    /** GPU memory once loaded; null on the CPU. */
    vram: VramState.nullable(),
    /** What had to give way for the model to load (fewer GPU layers, a smaller context); null when nothing. */
    fitNote: z.string().nullable(),
  }),
  z.object({ type: z.literal('load-failed'), id: Id, code: ErrorCode, message: z.string() }),
  z.object({ type: z.literal('unloaded'), id: Id }),
  /** One streamed piece of the answer (one or more tokens' text). */
  TokenMessage,
  z.object({
    type: z.literal('done'),
    id: Id,
    text: z.string(),
    stopped: z.boolean(),
    /** Generated tokens (not chunks). */
    tokens: z.number().int().nonnegative(),
    /** From receiving `generate` to the first text, measured in the worker. */
    ttftMs: z.number().nullable(),
    /** Decoding speed after the first token. */
    tokensPerSecond: z.number().nullable(),
    /** With a confidence check: the mean probability of the tokens it measured (null when none). */
    meanConfidence: z.number().nullable().optional(),
    /** With a confidence check that found the model unsure: the mean it measured. */
    unsure: z.object({ confidence: z.number() }).optional(),
  }),
  z.object({ type: z.literal('failed'), id: Id, code: ErrorCode, message: z.string() }),
]);
export type WorkerMessage = z.infer<typeof WorkerMessage>;
export type TokenMessage = z.infer<typeof TokenMessage>;

/**
 * Validates a message from the worker. Tokens take a hand-written check equivalent to the schema:
 * they are the hot path, sent for every piece of every answer.
 */
export function parseWorkerMessage(raw: unknown): WorkerMessage | null {
  if (isTokenMessage(raw)) return raw;
  const parsed = WorkerMessage.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

function isTokenMessage(raw: unknown): raw is TokenMessage {
  if (typeof raw !== 'object' || raw === null) return false;
  const message = raw as Record<string, unknown>;
  return (
    message.type === 'token' &&
    typeof message.text === 'string' &&
    typeof message.id === 'number' &&
    Number.isInteger(message.id) &&
    message.id >= 0 &&
    Object.keys(message).length === 3
  );
}

/** Validates a message from the host; null when it does not fit the protocol. */
export function parseHostMessage(raw: unknown): HostMessage | null {
  const parsed = HostMessage.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
