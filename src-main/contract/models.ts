import { z } from 'zod';
import { DuetError } from './envelope.js';

/** One recommended model of the catalog (resources/models/catalog.json). */
export const CatalogEntry = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'A catalog id is lower case letters, digits, dots, dashes.'),
    name: z.string().min(1).max(100),
    /** `hf:<user>/<repo>/<file>.gguf`: the file is named, so a mirror needs no manifest endpoint. */
    uri: z.string().regex(/^hf:[^/\s]+\/[^/\s]+\/[^\s]+\.gguf$/, 'The uri must be hf:<user>/<repo>/<file>.gguf.'),
    fileName: z.string().regex(/^[^/\\]+\.gguf$/, 'The file name must be a plain .gguf name.'),
    sizeBytes: z.number().int().positive(),
    quantization: z.string().min(1).max(20),
    parameters: z.string().min(1).max(20),
    contextLength: z.number().int().positive(),
    languages: z.array(z.string().min(2).max(10)).min(1),
    license: z.string().min(1).max(100),
    /** Lower-case hex; null when unknown (the hub's published hash is used at download time). */
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
    description: z.string().max(300).default(''),
  })
  .strict();
export type CatalogEntry = z.infer<typeof CatalogEntry>;

/** Whether a model would run on this machine, as node-llama-cpp's GGUF insights judge it. */
export const ModelFitLevel = z.enum(['fits', 'tight', 'too_big']);
export type ModelFitLevel = z.infer<typeof ModelFitLevel>;

export const ModelFit = z.object({
  level: ModelFitLevel,
  /** Layers that would be offloaded to the GPU (0 on a machine without one). */
  gpuLayers: z.number().int(),
  totalLayers: z.number().int().nullable(),
  /** The context window it would get. */
  contextSize: z.number().int(),
  /** node-llama-cpp's compatibility score, 0..1. */
  score: z.number(),
  ramBytes: z.number(),
  vramBytes: z.number(),
});
export type ModelFit = z.infer<typeof ModelFit>;

/** A catalog entry with its fit (null until known, or with the reason the header could not be read). */
export const CatalogItem = z.object({
  entry: CatalogEntry,
  fit: ModelFit.nullable(),
  fitError: DuetError.nullable(),
  /** Where the downloaded file lives, when it is already in the models folder. */
  downloadedPath: z.string().nullable(),
});
export type CatalogItem = z.infer<typeof CatalogItem>;

export const DownloadPhase = z.enum(['queued', 'downloading', 'verifying', 'done', 'failed', 'cancelled']);
export type DownloadPhase = z.infer<typeof DownloadPhase>;

/** One download as the progress bar shows it. */
export const DownloadState = z.object({
  id: z.string(),
  /**
   * Which start of this download the state belongs to (1, 2, … in this run of Duet; 0 for a partial
   * an earlier run left). An event can arrive after a Retry was pressed: its older attempt says so.
   */
  attempt: z.number().int().nonnegative(),
  phase: DownloadPhase,
  downloadedBytes: z.number(),
  totalBytes: z.number().nullable(),
  /** Bytes per second, averaged by the downloader. */
  bytesPerSecond: z.number(),
  /** Seconds left; null when unknown. */
  secondsLeft: z.number().nullable(),
  /** The verified model file, once done. */
  path: z.string().nullable(),
  error: DuetError.nullable(),
});
export type DownloadState = z.infer<typeof DownloadState>;

/** A catalog id, or an `hf:<user>/<repo>/<file>.gguf` URI (checked with the hash the hub publishes). */
const CatalogId = z.string().min(1).max(500);

/** The model-management calls; spread into the contract's channel table. */
export const modelChannels = {
  /** The recommended models, each with whether it fits this machine (fit read from the file's header). */
  'models.catalog': { request: z.object({ refresh: z.boolean().optional() }).strict(), response: z.array(CatalogItem) },
  /** Starts (or resumes) downloading a catalog model (by id or hf: URI); progress comes as `model.download` events. */
  'models.download': { request: z.object({ id: CatalogId }).strict(), response: DownloadState },
  /** Stops a download and removes its partial file. */
  'models.cancel': { request: z.object({ id: CatalogId }).strict(), response: DownloadState },
  /** Every download Duet knows of in this run, and partial ones left by an earlier run. */
  'models.downloads': { request: z.object({}).strict(), response: z.array(DownloadState) },
} as const;
