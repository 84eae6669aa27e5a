// Training for the difficulty scorer: L2-regularised logistic regression by L-BFGS, Platt
// calibration on out-of-fold scores. Plain TypeScript, no randomness beyond a seeded fold split,
// so the same examples always give the same weights. Used by scripts/router-train.ts and
// scripts/router-eval.ts; never loaded by the app at runtime (so it lives outside src-main).
import { DENSE_FEATURE_COUNT, DENSE_FEATURE_NAMES, type DenseFeatureName, type HashingSpec, type PromptFeatures } from '../../src-main/router/features.js';
import { LOCAL_SHARE_CURVE_POINTS, localShareCurveOf } from '../../src-main/contract/threshold.js';
import { MODEL_FORMAT, MODEL_VERSION, type DifficultyModelJson } from '../../src-main/router/difficulty.js';
import { mulberry32 } from '../../test/support/seeded-random.js';

/** One training example: its features, its label, and the set it came from (for weighting). */
export interface TrainExample {
  features: PromptFeatures;
  label: boolean;
  group: string;
}

export interface TrainOptions {
  hashing: HashingSpec;
  /** False: dense features are ignored (the bag-of-words baseline). */
  useDense: boolean;
  /**
   * L2 prior strength on the standardised dense weights and on the hashed weights, as a total
   * penalty against the summed (not averaged) log-loss: a small training set is held closer to zero.
   */
  l2Dense: number;
  l2Hash: number;
  /**
   * Prior means for some dense weights, in log-odds per raw unit of the feature (the L2 penalty pulls
   * toward them instead of zero). Features named here are not standardised (mean 0, scale 1), so the
   * prior means the same whatever the training mix: a cue the training sets never vary (open-ended
   * writing is absent from MMLU and GSM8K) keeps its prior weight, and data that does vary it moves it.
   */
  densePriors: Partial<Record<DenseFeatureName, number>>;
  /**
   * Per-set example weight n_set^-power (normalised to mean 1): 0 weighs every example alike, 1 weighs
   * every set alike. In between keeps the big set from drowning the small ones without trusting 72 items.
   */
  groupWeightPower: number;
  /** Fit one intercept per set, so shared weights learn what makes a query hard within a set, not which set it is. */
  groupIntercepts: boolean;
  /**
   * L2 pull of the per-set intercepts toward their mean (0: free). Partial pooling: the shared
   * weights still learn some of what separates the sets (math word problems are harder than trivia).
   */
  groupInterceptL2: number;
  /** Folds for the out-of-fold Platt calibration; 0 or 1 skips calibration (a = 1, b = 0). */
  calibrationFolds: number;
  clip: number;
  seed: number;
  maxIter: number;
}

/** Size of every task-cue prior weight below, in log-odds per unit of log-count (or per yes for a 0/1 cue). */
export const PRIOR_WEIGHT = 0.25;

/**
 * Prior on log prompt length (log-odds per e-fold of characters). 0.5 was the better of 0.25 and
 * 0.5 by the leave-one-source-out AUC (resources/router/README.md), so that table is optimistic.
 */
export const LENGTH_PRIOR = 0.5;

/**
 * Prior signs for the task-type cues, fixed before looking at the evaluation figures: small open
 * models trail frontier ones most on programming, mathematics and formal reasoning, and least on
 * open-ended writing, role play and humanities questions (MT-Bench paper, Zheng et al. 2023; the
 * RouteLLM paper). MMLU and GSM8K barely vary these cues, so without a prior their weights would stay
 * near zero and a chat prompt's task type would count for nothing.
 */
export const DENSE_PRIORS: Partial<Record<DenseFeatureName, number>> = {
  code_task: PRIOR_WEIGHT,
  tech_vocab_log: PRIOR_WEIGHT,
  open_ended_log: -PRIOR_WEIGHT,
  creative_writing: -PRIOR_WEIGHT,
  roleplay_log: -PRIOR_WEIGHT,
  humanities_vocab_log: -PRIOR_WEIGHT,
  // Longer prompts carry more steps and conditions. Within every source the length alone ranks
  // hard over easy (router:eval's length baseline, AUC 0.52-0.63), yet learned across sources
  // the weight is confounded with which source a prompt comes from; a prior keeps it positive.
  chars_log: LENGTH_PRIOR,
};

/** The shipped model's recipe (chosen by the figures router-eval prints; see resources/router/README.md). */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  hashing: { buckets: 8192, bigrams: true, charNgrams: 3 },
  useDense: true,
  l2Dense: 1000,
  // Held 33x closer to zero than the dense weights' scale: n-grams learn vocabulary that marks hard
  // items in the training sources but not in a new one (leave-one-source-out: +0.03 AUC over 3).
  l2Hash: 100,
  densePriors: DENSE_PRIORS,
  groupWeightPower: 0.25,
  groupIntercepts: true,
  groupInterceptL2: 0,
  calibrationFolds: 5,
  clip: 6,
  seed: 20240601,
  maxIter: 150,
};

/** Assigns n items to k folds, stratified by label (and by `strata` when given), seeded. */
export function stratifiedFolds(labels: readonly boolean[], k: number, seed: number, strata?: readonly string[]): number[] {
  const rand = mulberry32(seed);
  const folds = new Array<number>(labels.length).fill(0);
  const buckets = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const key = `${strata ? strata[i] : ''}|${l}`;
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = []));
    b.push(i);
  });
  let offset = 0;
  for (const key of [...buckets.keys()].sort()) {
    const idx = buckets.get(key)!;
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    // Continue the round-robin where the last stratum stopped, so fold sizes stay even.
    idx.forEach((item, r) => (folds[item] = (r + offset) % k));
    offset = (offset + idx.length) % k;
  }
  return folds;
}

function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

// log(1 + exp(z)) without overflow.
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** Mean and scale of each dense feature over the examples (scale 1 where a feature is constant). */
export function standardization(examples: readonly TrainExample[], unscaled: ReadonlySet<string> = new Set()): { mean: number[]; scale: number[] } {
  const d = DENSE_FEATURE_COUNT;
  const mean = new Array<number>(d).fill(0);
  const sq = new Array<number>(d).fill(0);
  for (const ex of examples) for (let j = 0; j < d; j++) mean[j]! += ex.features.dense[j]!;
  for (let j = 0; j < d; j++) mean[j] = mean[j]! / Math.max(1, examples.length);
  for (const ex of examples) {
    for (let j = 0; j < d; j++) {
      const v = ex.features.dense[j]! - mean[j]!;
      sq[j]! += v * v;
    }
  }
  const scale = sq.map((s) => {
    const sd = Math.sqrt(s / Math.max(1, examples.length));
    return sd > 1e-9 ? sd : 1;
  });
  DENSE_FEATURE_NAMES.forEach((name, j) => {
    if (unscaled.has(name)) {
      mean[j] = 0;
      scale[j] = 1;
    }
  });
  return { mean, scale };
}

interface Design {
  n: number;
  d: number;
  /** Standardised, clipped dense rows (n × d), zero when dense features are off. */
  x: Float64Array;
  /** Hashed n-grams of all rows in one CSR block (row i spans rowPtr[i]..rowPtr[i+1]). */
  rowPtr: Int32Array;
  hashIdx: Int32Array;
  hashVal: Float64Array;
  y: Float64Array;
  w: Float64Array;
  group: Int32Array;
}

function design(
  examples: readonly TrainExample[],
  mean: readonly number[],
  scale: readonly number[],
  opts: TrainOptions,
  weights: Float64Array,
  groupIndex: Map<string, number>,
): Design {
  const n = examples.length;
  const d = DENSE_FEATURE_COUNT;
  const x = new Float64Array(n * d);
  if (opts.useDense) {
    examples.forEach((ex, i) => {
      for (let j = 0; j < d; j++) {
        let v = (ex.features.dense[j]! - mean[j]!) / scale[j]!;
        if (v > opts.clip) v = opts.clip;
        else if (v < -opts.clip) v = -opts.clip;
        x[i * d + j] = v;
      }
    });
  }
  const rowPtr = new Int32Array(n + 1);
  examples.forEach((e, i) => (rowPtr[i + 1] = rowPtr[i]! + e.features.hashIdx.length));
  const hashIdx = new Int32Array(rowPtr[n]!);
  const hashVal = new Float64Array(rowPtr[n]!);
  examples.forEach((e, i) => {
    hashIdx.set(e.features.hashIdx, rowPtr[i]);
    hashVal.set(e.features.hashVal, rowPtr[i]);
  });
  return {
    n,
    d,
    x,
    rowPtr,
    hashIdx,
    hashVal,
    y: Float64Array.from(examples, (e) => (e.label ? 1 : 0)),
    w: weights,
    group: Int32Array.from(examples, (e) => (opts.groupIntercepts ? groupIndex.get(e.group)! : 0)),
  };
}

/**
 * Minimises f by L-BFGS (memory 10) with a backtracking Armijo line search. Deterministic.
 * `fg` returns f and writes the gradient into its second argument.
 */
export function lbfgs(fg: (theta: Float64Array, grad: Float64Array) => number, theta0: Float64Array, maxIter: number, tol = 1e-7): Float64Array {
  const n = theta0.length;
  const m = 10;
  let theta = Float64Array.from(theta0);
  let g = new Float64Array(n);
  let f = fg(theta, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const dot = (a: Float64Array, b: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i]! * b[i]!;
    return s;
  };
  for (let iter = 0; iter < maxIter; iter++) {
    let gmax = 0;
    for (let i = 0; i < n; i++) gmax = Math.max(gmax, Math.abs(g[i]!));
    if (gmax < tol) break;
    // Two-loop recursion: dir = -H g.
    const q = Float64Array.from(g);
    const alpha = new Array<number>(S.length);
    for (let k = S.length - 1; k >= 0; k--) {
      alpha[k] = rho[k]! * dot(S[k]!, q);
      const yk = Y[k]!;
      for (let i = 0; i < n; i++) q[i]! -= alpha[k]! * yk[i]!;
    }
    const gamma = S.length ? dot(S[S.length - 1]!, Y[Y.length - 1]!) / dot(Y[Y.length - 1]!, Y[Y.length - 1]!) : 1 / Math.max(1e-12, Math.sqrt(dot(g, g)));
    for (let i = 0; i < n; i++) q[i]! *= gamma;
    for (let k = 0; k < S.length; k++) {
      const beta = rho[k]! * dot(Y[k]!, q);
      const sk = S[k]!;
      for (let i = 0; i < n; i++) q[i]! += sk[i]! * (alpha[k]! - beta);
    }
    for (let i = 0; i < n; i++) q[i] = -q[i]!;
    let slope = dot(g, q);
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      for (let i = 0; i < n; i++) q[i] = -g[i]!;
      slope = dot(g, q);
    }
    let step = 1;
    const next = new Float64Array(n);
    const gNext = new Float64Array(n);
    let fNext = 0;
    let ok = false;
    for (let ls = 0; ls < 40; ls++) {
      for (let i = 0; i < n; i++) next[i] = theta[i]! + step * q[i]!;
      fNext = fg(next, gNext);
      if (fNext <= f + 1e-4 * step * slope) {
        ok = true;
        break;
      }
      step *= 0.5;
    }
    if (!ok) break;
    const s = new Float64Array(n);
    const yv = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = next[i]! - theta[i]!;
      yv[i] = gNext[i]! - g[i]!;
    }
    const sy = dot(s, yv);
    if (sy > 1e-12) {
      S.push(s);
      Y.push(yv);
      rho.push(1 / sy);
      if (S.length > m) {
        S.shift();
        Y.shift();
        rho.shift();
      }
    }
    const rel = Math.abs(f - fNext) / Math.max(1, Math.abs(f));
    theta = next;
    g = gNext;
    f = fNext;
    if (rel < 1e-12) break;
  }
  return theta;
}

/** Prior means of the dense weights, in vector order (zero where none is given). */
function priorVector(opts: TrainOptions): Float64Array {
  const priors: Partial<Record<string, number>> = opts.densePriors ?? {};
  return Float64Array.from(DENSE_FEATURE_NAMES, (name) => (opts.useDense ? (priors[name] ?? 0) : 0));
}

interface LogisticFit {
  /** Per-group intercepts (one when groupIntercepts is off). */
  intercepts: Float64Array;
  dense: Float64Array;
  hash: Float64Array;
}

function fitLogistic(ds: Design, groups: number, opts: TrainOptions): LogisticFit {
  const { n, d } = ds;
  const H = opts.hashing.buckets;
  const P = groups + d + H;
  let wsum = 0;
  for (let i = 0; i < n; i++) wsum += ds.w[i]!;
  const { x, rowPtr, hashIdx, hashVal, y, w, group } = ds;
  const hOff = groups + d;
  const prior = priorVector(opts);
  const fg = (theta: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let s = theta[group[i]!]!;
      const off = i * d;
      if (opts.useDense) for (let j = 0; j < d; j++) s += theta[groups + j]! * x[off + j]!;
      const end = rowPtr[i + 1]!;
      for (let k = rowPtr[i]!; k < end; k++) s += theta[hOff + hashIdx[k]!]! * hashVal[k]!;
      const yi = y[i]!;
      loss += w[i]! * (softplus(s) - yi * s);
      const r = (w[i]! * (sigmoid(s) - yi)) / wsum;
      grad[group[i]!]! += r;
      if (opts.useDense) for (let j = 0; j < d; j++) grad[groups + j]! += r * x[off + j]!;
      for (let k = rowPtr[i]!; k < end; k++) grad[hOff + hashIdx[k]!]! += r * hashVal[k]!;
    }
    loss /= wsum;
    // Everything is divided by the total weight to keep the numbers near 1 for L-BFGS.
    const ld = opts.l2Dense / wsum;
    const lh = opts.l2Hash / wsum;
    const lg = opts.groupInterceptL2 / wsum;
    if (groups > 1 && lg > 0) {
      let mean = 0;
      for (let g = 0; g < groups; g++) mean += theta[g]!;
      mean /= groups;
      for (let g = 0; g < groups; g++) {
        const t = theta[g]! - mean;
        loss += 0.5 * lg * t * t;
        grad[g]! += lg * t;
      }
    }
    for (let j = 0; j < d; j++) {
      const t = theta[groups + j]! - prior[j]!;
      loss += 0.5 * ld * t * t;
      grad[groups + j]! += ld * t;
    }
    for (let j = 0; j < H; j++) {
      const t = theta[groups + d + j]!;
      loss += 0.5 * lh * t * t;
      grad[groups + d + j]! += lh * t;
    }
    return loss;
  };
  const start = new Float64Array(P);
  if (opts.useDense) start.set(prior, groups);
  const theta = lbfgs(fg, start, opts.maxIter);
  return {
    intercepts: theta.slice(0, groups),
    dense: opts.useDense ? theta.slice(groups, groups + d) : new Float64Array(d),
    hash: theta.slice(groups + d),
  };
}

function linear(ds: Design, i: number, bias: number, fit: LogisticFit): number {
  let s = bias;
  const off = i * ds.d;
  for (let j = 0; j < ds.d; j++) s += fit.dense[j]! * ds.x[off + j]!;
  for (let k = ds.rowPtr[i]!; k < ds.rowPtr[i + 1]!; k++) s += fit.hash[ds.hashIdx[k]!]! * ds.hashVal[k]!;
  return s;
}

/** Platt scaling: a, b minimising the weighted log-loss of sigmoid(a·z + b), by Newton's method. */
export function fitPlatt(z: readonly number[], y: readonly boolean[], w?: readonly number[]): { a: number; b: number } {
  let a = 1;
  let b = 0;
  for (let it = 0; it < 100; it++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < z.length; i++) {
      const wi = w ? w[i]! : 1;
      const p = sigmoid(a * z[i]! + b);
      const r = wi * (p - (y[i] ? 1 : 0));
      const h = wi * p * (1 - p);
      ga += r * z[i]!;
      gb += r;
      haa += h * z[i]! * z[i]!;
      hab += h * z[i]!;
      hbb += h;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) break;
  }
  return { a, b };
}

function groupWeights(examples: readonly TrainExample[], power: number): Float64Array {
  const counts = new Map<string, number>();
  for (const e of examples) counts.set(e.group, (counts.get(e.group) ?? 0) + 1);
  const raw = Float64Array.from(examples, (e) => Math.pow(counts.get(e.group)!, -power));
  let s = 0;
  for (const v of raw) s += v;
  const norm = examples.length / s;
  return raw.map((v) => v * norm);
}

/** The fitted weights of one model, before calibration, with the serve-time bias. */
interface RawModel {
  mean: number[];
  scale: number[];
  bias: number;
  fit: LogisticFit;
}

function trainRaw(examples: readonly TrainExample[], opts: TrainOptions): RawModel {
  const groupNames = [...new Set(examples.map((e) => e.group))].sort();
  const groupIndex = new Map(groupNames.map((g, i) => [g, i] as const));
  const groups = opts.groupIntercepts ? groupNames.length : 1;
  const { mean, scale } = opts.useDense
    ? standardization(examples, new Set(Object.keys(opts.densePriors ?? {})))
    : { mean: new Array<number>(DENSE_FEATURE_COUNT).fill(0), scale: new Array<number>(DENSE_FEATURE_COUNT).fill(1) };
  const weights = groupWeights(examples, opts.groupWeightPower);
  const ds = design(examples, mean, scale, opts, weights, groupIndex);
  const fit = fitLogistic(ds, groups, opts);
  // Serve-time bias: the intercepts averaged by each set's share of the training weight.
  let bias = 0;
  let wsum = 0;
  for (let i = 0; i < ds.n; i++) {
    bias += ds.w[i]! * fit.intercepts[ds.group[i]!]!;
    wsum += ds.w[i]!;
  }
  return { mean, scale, bias: bias / wsum, fit };
}

function rawScores(raw: RawModel, examples: readonly TrainExample[], opts: TrainOptions): number[] {
  const ds = design(examples, raw.mean, raw.scale, opts, new Float64Array(examples.length).fill(1), new Map());
  return examples.map((_, i) => linear(ds, i, raw.bias, raw.fit));
}

/**
 * The local-share curve: for t = 0.00, 0.01, …, 1.00, the share of examples scoring ≤ t (the
 * router keeps those local), as the mean of the per-set shares, so every set counts alike however
 * many examples it has. Rounded to 4 decimals; non-decreasing by construction.
 */
export function localShareCurve(scores: readonly number[], groups: readonly string[]): number[] {
  const bySet = new Map<string, number[]>();
  scores.forEach((s, i) => {
    const g = groups[i]!;
    let list = bySet.get(g);
    if (!list) bySet.set(g, (list = []));
    list.push(s);
  });
  const curves = [...bySet.keys()].sort().map((g) => localShareCurveOf(bySet.get(g)!)!);
  return Array.from({ length: LOCAL_SHARE_CURVE_POINTS }, (_, k) => {
    let share = 0;
    for (const curve of curves) share += curve[k]!;
    return curves.length ? Math.round((share / curves.length) * 1e4) / 1e4 : 0;
  });
}

/**
 * Trains a model on the examples and returns its weights file (without trainedAt/training
 * metadata, which the caller adds). Calibration: Platt scaling fitted on out-of-fold scores; the
 * local-share curve comes from the same calibrated out-of-fold scores (none without folds).
 */
export function trainDifficultyModel(examples: readonly TrainExample[], opts: TrainOptions = DEFAULT_TRAIN_OPTIONS): Omit<DifficultyModelJson, 'trainedAt' | 'training'> {
  if (examples.length === 0) throw new Error('trainDifficultyModel: no examples');
  const raw = trainRaw(examples, opts);
  let calibration = { a: 1, b: 0 };
  // Out-of-fold scores, for the local-share curve too: in-sample scores would flatter the model.
  let outOfFold: number[] | null = null;
  if (opts.calibrationFolds > 1) {
    const folds = stratifiedFolds(
      examples.map((e) => e.label),
      opts.calibrationFolds,
      opts.seed,
      examples.map((e) => e.group),
    );
    const oof = new Array<number>(examples.length).fill(0);
    for (let f = 0; f < opts.calibrationFolds; f++) {
      const trainIdx: number[] = [];
      const testIdx: number[] = [];
      folds.forEach((k, i) => (k === f ? testIdx : trainIdx).push(i));
      const part = trainRaw(
        trainIdx.map((i) => examples[i]!),
        opts,
      );
      const s = rawScores(
        part,
        testIdx.map((i) => examples[i]!),
        opts,
      );
      testIdx.forEach((i, r) => (oof[i] = s[r]!));
    }
    calibration = fitPlatt(
      oof,
      examples.map((e) => e.label),
      Array.from(groupWeights(examples, opts.groupWeightPower)),
    );
    outOfFold = oof;
  }
  // Six significant digits: a smaller file, and the same file wherever the last bits of Math.exp differ.
  const r = (v: number): number => Number(v.toPrecision(6));
  const cal = { a: r(calibration.a), b: r(calibration.b) };
  // Through the calibration as shipped, so the curve describes the probabilities route() compares.
  // Without folds there is no honest estimate, and the field is left out.
  const curve = outOfFold
    ? localShareCurve(
        outOfFold.map((z) => sigmoid(cal.a * z + cal.b)),
        examples.map((e) => e.group),
      )
    : null;
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    kind: 'logistic',
    features: {
      dense: [...DENSE_FEATURE_NAMES],
      hashBuckets: opts.hashing.buckets,
      hashBigrams: opts.hashing.bigrams,
      ...(opts.hashing.charNgrams ? { hashCharNgrams: opts.hashing.charNgrams } : {}),
      ...(opts.hashing.grams === 'privacy' ? { hashGrams: 'privacy' as const } : {}),
      clip: opts.clip,
    },
    standardize: { mean: raw.mean.map(r), scale: raw.scale.map(r) },
    weights: { bias: r(raw.bias), dense: Array.from(raw.fit.dense, r), hash: Array.from(raw.fit.hash, r) },
    calibration: cal,
    ...(curve ? { localShareCurve: curve } : {}),
  };
}
