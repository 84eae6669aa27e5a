// The difficulty scorer: the estimated probability that a query needs the cloud model.
// Pure and synchronous: the weights (resources/router/difficulty-model.json, made by
// `npm run router:train`) are read once, validated and cached; scoring is feature extraction plus
// a dot product, a few microseconds for a typical prompt.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LOCAL_SHARE_CURVE_POINTS, localShareAt } from '../contract/index.js';
import { DENSE_FEATURE_NAMES, type HashingSpec, type PromptFeatures } from './features.js';
import { promptFeatures } from './feature-memo.js';

export { DENSE_FEATURE_NAMES, featureVector, type HashingSpec, type PromptFeatures } from './features.js';
export { promptFeatures } from './feature-memo.js';

/**
 * Default cut on the calibrated probability: above it a query goes to the cloud. The probability
 * is calibrated on a training mix where about one query in four needs the cloud, so 0.5 would
 * almost never fire; 0.24 is where the shipped localShareCurve (out-of-fold, every training set
 * counted alike) crosses about 60% kept local (62.9%). See resources/router/README.md.
 */
export const DEFAULT_DIFFICULTY_THRESHOLD = 0.24;

export const MODEL_FORMAT = 'duet-difficulty-model';
export const MODEL_VERSION = 1;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/** The weights file, as router-train writes it. */
export const DifficultyModelJson = z
  .object({
    format: z.literal(MODEL_FORMAT),
    version: z.literal(MODEL_VERSION),
    kind: z.literal('logistic'),
    trainedAt: z.string(),
    features: z.object({
      dense: z.array(z.string()),
      hashBuckets: z.number().int().nonnegative(),
      hashBigrams: z.boolean(),
      /** Character n-gram length hashed into the same buckets (absent or 0: none). */
      hashCharNgrams: z.number().int().min(0).max(8).optional(),
      /** Which grams fill the buckets: the prompt features' n-grams (absent), or the privacy check's own (privacy-grams.ts). */
      hashGrams: z.enum(['prompt', 'privacy']).optional(),
      /** Standardised dense values are clipped to ±clip, so an odd prompt cannot swing the score. */
      clip: finite.positive(),
    }),
    standardize: z.object({ mean: z.array(finite), scale: z.array(finite.positive()) }),
    weights: z.object({ bias: finite, dense: z.array(finite), hash: z.array(finite) }),
    /** Platt scaling of the linear score: p = sigmoid(a·z + b). */
    calibration: z.object({ a: finite, b: finite }),
    /**
     * Share of prompts scoring ≤ t for t = 0.00, 0.01, …, 1.00 (out-of-fold scores, the mean of the
     * training sets with equal weight): what the settings panel shows as the expected local share.
     * Absent from files made before it existed.
     */
    localShareCurve: z.array(finite.min(0).max(1)).length(LOCAL_SHARE_CURVE_POINTS).optional(),
    training: z.record(z.string(), z.unknown()),
  })
  .superRefine((m, ctx) => {
    const curve = m.localShareCurve;
    if (curve && curve.some((v, i) => i > 0 && v < curve[i - 1]!)) ctx.addIssue({ code: 'custom', message: 'localShareCurve must be non-decreasing' });
    const n = DENSE_FEATURE_NAMES.length;
    const names = m.features.dense;
    if (names.length !== n || names.some((x, i) => x !== DENSE_FEATURE_NAMES[i])) {
      ctx.addIssue({ code: 'custom', message: `features.dense must be this build's ${n} features in order (${DENSE_FEATURE_NAMES.join(', ')})` });
    }
    for (const [key, arr] of [
      ['standardize.mean', m.standardize.mean],
      ['standardize.scale', m.standardize.scale],
      ['weights.dense', m.weights.dense],
    ] as const) {
      if (arr.length !== n) ctx.addIssue({ code: 'custom', message: `${key} has ${arr.length} values, expected ${n}` });
    }
    const b = m.features.hashBuckets;
    if (b !== 0 && (b & (b - 1)) !== 0) ctx.addIssue({ code: 'custom', message: 'features.hashBuckets must be 0 or a power of two' });
    if (m.weights.hash.length !== b) ctx.addIssue({ code: 'custom', message: `weights.hash has ${m.weights.hash.length} values, expected ${b}` });
  });
export type DifficultyModelJson = z.infer<typeof DifficultyModelJson>;

/** A validated model, in typed arrays for fast scoring. */
export interface DifficultyModel {
  hashing: HashingSpec;
  clip: number;
  mean: Float64Array;
  invScale: Float64Array;
  bias: number;
  dense: Float64Array;
  hash: Float64Array;
  calA: number;
  calB: number;
  meta: DifficultyModelJson;
}

/** Validates parsed weights JSON and prepares it for scoring; throws an Error that names what is wrong. */
export function loadDifficultyModel(json: unknown): DifficultyModel {
  const parsed = DifficultyModelJson.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new Error(`Invalid difficulty model: ${detail}. Retrain it with \`npm run router:train\`.`);
  }
  const m = parsed.data;
  return {
    hashing: { buckets: m.features.hashBuckets, bigrams: m.features.hashBigrams, charNgrams: m.features.hashCharNgrams ?? 0, grams: m.features.hashGrams ?? 'prompt' },
    clip: m.features.clip,
    mean: Float64Array.from(m.standardize.mean),
    invScale: Float64Array.from(m.standardize.scale, (s) => 1 / s),
    bias: m.weights.bias,
    dense: Float64Array.from(m.weights.dense),
    hash: Float64Array.from(m.weights.hash),
    calA: m.calibration.a,
    calB: m.calibration.b,
    meta: m,
  };
}

/** The linear score (log-odds before calibration) of already-extracted features. */
export function linearScore(model: DifficultyModel, f: PromptFeatures): number {
  let z = model.bias;
  const { dense, mean, invScale, clip } = model;
  for (let i = 0; i < dense.length; i++) {
    let v = (f.dense[i]! - mean[i]!) * invScale[i]!;
    if (v > clip) v = clip;
    else if (v < -clip) v = -clip;
    z += dense[i]! * v;
  }
  const { hashIdx, hashVal } = f;
  for (let i = 0; i < hashIdx.length; i++) z += model.hash[hashIdx[i]!]! * hashVal[i]!;
  return z;
}

/** The logistic function, safe for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Calibrated probability for already-extracted features (extracted with `model.hashing`). */
export function scoreFeatures(model: DifficultyModel, f: PromptFeatures): number {
  return scoreLinear(model, linearScore(model, f));
}

/** Calibrated probability for a linear score (log-odds before calibration). */
export function scoreLinear(model: DifficultyModel, z: number): number {
  const p = sigmoid(model.calA * z + model.calB);
  return Number.isFinite(p) ? p : 0.5;
}

/** Probability that `prompt` needs the cloud under `model`, 0..1. */
export function scoreWithModel(model: DifficultyModel, prompt: string): number {
  return scoreFeatures(model, promptFeatures(prompt, model.hashing));
}

/** A file of the shipped router weights (resources/router/), from src-main/router and dist-main/router alike. */
export function routerResourcePath(file: string): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'router', file);
}

/** Where the shipped difficulty weights live. */
export function defaultModelPath(): string {
  return routerResourcePath('difficulty-model.json');
}

let cached: DifficultyModel | null = null;

/** The shipped model, read and validated on first use, then cached. */
export function defaultDifficultyModel(): DifficultyModel {
  if (cached) return cached;
  const file = defaultModelPath();
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`Difficulty model not found at ${file} (${(e as Error).message}). Run \`npm run router:train\` to create it.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`Difficulty model at ${file} is not valid JSON (${(e as Error).message}). Run \`npm run router:train\` to recreate it.`);
  }
  cached = loadDifficultyModel(json);
  return cached;
}

/** Estimated probability (0..1, higher = harder) that `prompt` needs the cloud, by the shipped model. */
export function scoreDifficulty(prompt: string): number {
  return scoreWithModel(defaultDifficultyModel(), prompt);
}

/**
 * The shipped model's local-share curve (see DifficultyModelJson.localShareCurve), or null when the
 * weights have none or cannot be loaded: the settings panel then shows no estimate, and scoring
 * reports the missing weights itself when a question needs them.
 */
export function localShareCurve(): number[] | null {
  try {
    const curve = defaultDifficultyModel().meta.localShareCurve;
    return curve ? [...curve] : null;
  } catch {
    return null;
  }
}

/**
 * Expected share (0..1) of questions answered locally at `threshold`, interpolated on `curve`
 * (the shipped model's by default); null when there is no curve.
 */
export function expectedLocalShare(threshold: number, curve: readonly number[] | null = localShareCurve()): number | null {
  return curve ? localShareAt(curve, threshold) : null;
}
