import { z } from 'zod';

/** The apps whose downloaded models Duet finds on disk and uses in place. */
export const ModelSource = z.enum(['lmstudio', 'jan', 'gpt4all', 'ollama']);
export type ModelSource = z.infer<typeof ModelSource>;

/** What a GGUF file's header says about the model in it. */
export const GgufFacts = z.object({
  /** The name the file gives itself (general.name), or one made from the file name. */
  name: z.string(),
  /** llama, qwen2, gemma3, … (general.architecture). */
  architecture: z.string(),
  /** The quantisation of the file as people name it (Q4_K_M, Q8_0, F16); null when the file does not say. */
  quantisation: z.string().nullable(),
  /** The context length the model was trained for, in tokens; null when the file does not say. */
  contextLength: z.number().int().nullable(),
  /** Total parameters counted from the tensors; null when the file lists none. */
  parameters: z.number().nullable(),
});
export type GgufFacts = z.infer<typeof GgufFacts>;

/** A model another app downloaded, used where it lies (never copied). */
export const FoundModel = z.object({
  /** For people: Ollama's `model:tag`, else the name the file gives itself. */
  name: z.string(),
  source: ModelSource,
  path: z.string(),
  sizeBytes: z.number(),
  facts: GgufFacts,
});
export type FoundModel = z.infer<typeof FoundModel>;

export const FoundModels = z.object({
  models: z.array(FoundModel),
  /** The folders that exist and were looked through. */
  searched: z.array(z.string()),
  /** False when the search stopped at its time or size limit before it had looked everywhere. */
  complete: z.boolean(),
});
export type FoundModels = z.infer<typeof FoundModels>;

/** A model in the library: Duet's own downloads, and the active model wherever it lives. */
export const LibraryModel = z.object({
  name: z.string(),
  path: z.string(),
  sizeBytes: z.number(),
  /** Null when the file cannot be used; `problem` then says why. */
  facts: GgufFacts.nullable(),
  problem: z.string().nullable(),
  /** The model the settings name as the one to use. */
  active: z.boolean(),
  /** True for files in Duet's models folder; files Duet only points to are never deleted. */
  removable: z.boolean(),
});
export type LibraryModel = z.infer<typeof LibraryModel>;

export const ModelLibrary = z.object({
  /** Duet's own models folder (downloads go there). */
  folder: z.string(),
  models: z.array(LibraryModel),
});
export type ModelLibrary = z.infer<typeof ModelLibrary>;

/** Removing deletes a file: the renderer asks the user first and says so with `confirmed: true`. */
export const RemoveModelRequest = z
  .object({
    path: z.string().min(1).max(4096),
    confirmed: z.literal(true, { error: 'Confirm the removal first: it deletes the model file.' }),
  })
  .strict();

export const RemovedModel = z.object({
  path: z.string(),
  freedBytes: z.number(),
  /** True when it was the active model: it was unloaded first. */
  wasActive: z.boolean(),
});
export type RemovedModel = z.infer<typeof RemovedModel>;

/** The calls for models already on disk and the library; spread into the contract's channel table. */
export const foundModelChannels = {
  /** GGUF models LM Studio, Jan, GPT4All and Ollama downloaded, usable in place (load one with model.load). */
  'models.found': { request: z.object({}).strict(), response: FoundModels },
  /** Duet's downloaded models and the active one, with what their headers say. */
  'models.library': { request: z.object({}).strict(), response: ModelLibrary },
  /** Deletes a model from Duet's models folder (the active one is unloaded first); never a file Duet only points to. */
  'models.remove': { request: RemoveModelRequest, response: RemovedModel },
} as const;
