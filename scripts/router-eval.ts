// npm run router:eval — how well the difficulty scorer routes, next to a hashed bag-of-words
// baseline and a random router. Prints one JSON object.
//  - leaveOneSourceOut (always): for each of the four sources (RouteLLM, ZeroEval, MMLU-Pro,
//    LLMRouter), train on the other three and test on it, next to a prompt-length baseline, the
//    bag-of-words baseline trained on the same data and random (scripts/router/loso.ts).
// With --per-set (about two more minutes), also the earlier protocols within RouteLLM's three
// sets, and what the default threshold does. Protocols, per RouteLLM set (mmlu, gsm8k, mt_bench):
//  - leaveOneOut: train on the other two sets, test on this one (does it generalise to new kinds of query?)
//  - crossValidated: stratified 5-fold cross-validation inside the set (in-distribution), pooled out-of-fold scores
//  - crossValidatedWithOtherSets: the same folds with the other two sets added to every training fold
//    (the shipped recipe: how it scores a new query of a kind it was trained on)
// Metrics as RouteLLM's evaluate.py defines them (scripts/router/difficulty-metrics.ts); a paired
// bootstrap gives the model−baseline difference in APGR and AUC with a 95% interval. Also reports
// what DEFAULT_DIFFICULTY_THRESHOLD does (share kept local, share of the quality gap recovered).
// Deterministic apart from `seconds`; progress goes to stderr.
import { dataSummary, loadAll, ROUTELLM_SETS, routerDataDir, SOURCES, type RouterItem, type Source } from './router-data.js';
import { leaveOneSourceOut, LOSO_TARGETS } from './router/loso.js';
import { inSourceCeiling } from './router/in-source.js';
import { featureVector, type PromptFeatures } from '../src-main/router/features.js';
import { DEFAULT_TRAIN_OPTIONS, stratifiedFolds, trainDifficultyModel, type TrainExample, type TrainOptions } from './router/difficulty-train.js';
import { DEFAULT_DIFFICULTY_THRESHOLD, defaultDifficultyModel, loadDifficultyModel, scoreFeatures, scoreWithModel, sigmoid } from '../src-main/router/difficulty.js';
import { randomRouterMetrics, routerMetrics, rocAuc, apgr, routingCurve, endpoints, type RouterMetrics } from './router/difficulty-metrics.js';
import { mulberry32 } from '../test/support/seeded-random.js';

const started = performance.now();
const FOLDS = 5;
const FOLD_SEED = 17;
const BOOTSTRAP = 500;
/** Resamples for the leave-one-source-out intervals. */
const LOSO_BOOTSTRAP = Number(process.env.DUET_ROUTER_BOOTSTRAP ?? 1000);
const PER_SET = process.argv.includes('--per-set');
/** --in-source: also 5-fold cross-validation inside each source, the ceiling a prompt-only router reaches there (about 4 more minutes). */
const IN_SOURCE = process.argv.includes('--in-source');
/** Only RouteLLM's sets take part in the per-set protocols (as before the other sources came). */
const BENCHMARKS = ROUTELLM_SETS;
type Benchmark = (typeof ROUTELLM_SETS)[number];

/** The model under test: exactly the recipe router-train ships, minus calibration where only ranks matter. */
const MODEL: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, calibrationFolds: 0 };
/**
 * The baseline: hashed unigram bag of words (16,384 buckets, presence, L2-normalised), plain L2
 * logistic regression, every example weighted alike, one intercept. Its L2 strength (3) was the
 * best of {1, 3, 10, 30, 100} by its own mean in-distribution AUC when tuned, so it is no strawman.
 */
const BASELINE: TrainOptions = {
  ...DEFAULT_TRAIN_OPTIONS,
  hashing: { buckets: 16384, bigrams: false },
  useDense: false,
  l2Hash: 3,
  groupIntercepts: false,
  groupWeightPower: 0,
  calibrationFolds: 0,
};

/**
 * With --candidate, a variant recipe is evaluated next to the shipped one (edit it here while
 * exploring; scripts/router/explore.ts compares many recipes faster, AUC only).
 */
const CANDIDATE: TrainOptions | undefined = process.argv.includes('--candidate') ? { ...MODEL, l2Hash: 30 } : undefined;

const allSets = loadAll(routerDataDir());
const sets = { mmlu: allSets.mmlu, gsm8k: allSets.gsm8k, mt_bench: allSets.mt_bench };
const log = (msg: string): void => void process.stderr.write(`${msg} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
// The shipped recipe in full, calibration included: its local-share curve is checked on the left-out source.
/** --source=NAME[,NAME]: only those left-out sources (to run them in parallel; the figures are the same). */
const ONLY = process.argv
  .find((a) => a.startsWith('--source='))
  ?.slice('--source='.length)
  .split(',') as Source[] | undefined;
if (ONLY?.some((s) => !(SOURCES as readonly string[]).includes(s))) throw new Error(`--source: one of ${SOURCES.join(', ')}`);
/**
 * Calibration folds of the evaluated model. The shipped model uses 5; DUET_ROUTER_EVAL_CAL_FOLDS
 * (e.g. 2) makes the run ~2.5x cheaper, at the cost of a calibration fitted on half-size models.
 */
const EVAL_CAL_FOLDS = Number(process.env.DUET_ROUTER_EVAL_CAL_FOLDS ?? DEFAULT_TRAIN_OPTIONS.calibrationFolds);
const loso = leaveOneSourceOut(allSets, { ...DEFAULT_TRAIN_OPTIONS, calibrationFolds: EVAL_CAL_FOLDS }, BASELINE, LOSO_BOOTSTRAP, log, CANDIDATE, ONLY ?? SOURCES);
const inSource = IN_SOURCE
  ? inSourceCeiling(Object.values(allSets).flat(), ONLY ?? SOURCES, { model: MODEL, freeNgrams: { ...MODEL, l2Hash: 3 }, bagOfWords: BASELINE }, log)
  : null;
type Feats = Record<Benchmark, PromptFeatures[]>;
function featurize(opts: TrainOptions): Feats {
  const out = {} as Feats;
  for (const b of BENCHMARKS) out[b] = sets[b].map((it) => featureVector(it.prompt, opts.hashing));
  return out;
}
const feats = PER_SET ? { model: featurize(MODEL), baseline: featurize(BASELINE) } : { model: {} as Feats, baseline: {} as Feats };

function examples(f: Feats, b: Benchmark, idx?: number[]): TrainExample[] {
  const items = sets[b];
  const pick = idx ?? items.map((_, i) => i);
  return pick.map((i) => ({ features: f[b][i]!, label: items[i]!.needsCloud, group: b }));
}

/** Trains on `train`, returns probabilities for the `test` features. */
function fitAndScore(train: TrainExample[], test: PromptFeatures[], opts: TrainOptions): number[] {
  const model = loadDifficultyModel({ ...trainDifficultyModel(train, opts), trainedAt: 'eval', training: {} });
  return test.map((f) => scoreFeatures(model, f));
}

function leaveOneOut(which: 'model' | 'baseline', b: Benchmark, opts: TrainOptions): number[] {
  const f = feats[which];
  const train = BENCHMARKS.filter((x) => x !== b).flatMap((x) => examples(f, x));
  return fitAndScore(train, f[b], opts);
}

/** Out-of-fold scores; `withOthers` adds the other two sets to every training fold (the shipped recipe). */
function crossValidated(which: 'model' | 'baseline', b: Benchmark, opts: TrainOptions, withOthers: boolean): number[] {
  const f = feats[which];
  const others = withOthers ? BENCHMARKS.filter((x) => x !== b).flatMap((x) => examples(f, x)) : [];
  const items = sets[b];
  const folds = stratifiedFolds(
    items.map((x) => x.needsCloud),
    FOLDS,
    FOLD_SEED,
  );
  const oof = new Array<number>(items.length).fill(0);
  for (let k = 0; k < FOLDS; k++) {
    const trainIdx = items.map((_, i) => i).filter((i) => folds[i] !== k);
    const testIdx = items.map((_, i) => i).filter((i) => folds[i] === k);
    const s = fitAndScore(
      [...others, ...examples(f, b, trainIdx)],
      testIdx.map((i) => f[b][i]!),
      opts,
    );
    testIdx.forEach((i, r) => (oof[i] = s[r]!));
  }
  return oof;
}

const r4 = (x: number): number => (Number.isFinite(x) ? Number(x.toFixed(4)) : x);
function rounded(m: RouterMetrics): RouterMetrics {
  return { apgr: r4(m.apgr), cpt50: r4(m.cpt50), cpt80: r4(m.cpt80), auc: r4(m.auc), local95: r4(m.local95) };
}

/** Paired bootstrap of (model − baseline) APGR and AUC: the difference and its 95% interval. */
function pairedBootstrap(a: number[], b: number[], items: RouterItem[], seed: number): { apgr: [number, number, number]; auc: [number, number, number] } {
  const rand = mulberry32(seed);
  const n = items.length;
  const stat = (sa: number[], sb: number[], it: RouterItem[]): [number, number] => {
    const { weak, strong } = endpoints(it);
    const labels = it.map((x) => x.needsCloud);
    return [apgr(routingCurve(sa, it), weak, strong) - apgr(routingCurve(sb, it), weak, strong), rocAuc(sa, labels) - rocAuc(sb, labels)];
  };
  const [d0, a0] = stat(a, b, items);
  const dApgr: number[] = [];
  const dAuc: number[] = [];
  for (let r = 0; r < BOOTSTRAP; r++) {
    const idx = Array.from({ length: n }, () => Math.floor(rand() * n));
    const [x, y] = stat(
      idx.map((i) => a[i]!),
      idx.map((i) => b[i]!),
      idx.map((i) => items[i]!),
    );
    if (Number.isFinite(x)) dApgr.push(x);
    if (Number.isFinite(y)) dAuc.push(y);
  }
  const ci = (xs: number[]): [number, number] => {
    const s = [...xs].sort((p, q) => p - q);
    return [s[Math.floor(0.025 * (s.length - 1))]!, s[Math.ceil(0.975 * (s.length - 1))]!];
  };
  const [al, ah] = ci(dApgr);
  const [ul, uh] = ci(dAuc);
  return { apgr: [r4(d0), r4(al), r4(ah)], auc: [r4(a0), r4(ul), r4(uh)] };
}

type MetricKey = 'apgr' | 'cpt50' | 'cpt80' | 'auc' | 'local95';
/** Per metric: does the model do better than the baseline (higher APGR/AUC/local@95, lower CPT)? */
function beats(m: RouterMetrics, base: RouterMetrics): Record<MetricKey, boolean> {
  return {
    apgr: m.apgr > base.apgr,
    cpt50: m.cpt50 < base.cpt50,
    cpt80: m.cpt80 < base.cpt80,
    auc: m.auc > base.auc,
    local95: m.local95 > base.local95,
  };
}

const perSet: Record<string, unknown> = {};
let mtHeldOut: number[] = [];
const shippedRecipe = {} as Record<Benchmark, number[]>;
let seed = 1;
for (const b of PER_SET ? BENCHMARKS : []) {
  const items = sets[b];
  // MT-Bench's held-out model is calibrated as the shipped one is, to read the default threshold off it.
  const modelLoo = leaveOneOut('model', b, b === 'mt_bench' ? { ...MODEL, calibrationFolds: DEFAULT_TRAIN_OPTIONS.calibrationFolds } : MODEL);
  const baseLoo = leaveOneOut('baseline', b, BASELINE);
  const modelCv = crossValidated('model', b, MODEL, false);
  const baseCv = crossValidated('baseline', b, BASELINE, false);
  const modelMix = crossValidated('model', b, MODEL, true);
  const baseMix = crossValidated('baseline', b, BASELINE, true);
  if (b === 'mt_bench') mtHeldOut = modelLoo;
  shippedRecipe[b] = modelMix;
  const mLoo = routerMetrics(modelLoo, items);
  const bLoo = routerMetrics(baseLoo, items);
  const mCv = routerMetrics(modelCv, items);
  const bCv = routerMetrics(baseCv, items);
  const mMix = routerMetrics(modelMix, items);
  const bMix = routerMetrics(baseMix, items);
  perSet[b] = {
    leaveOneOut: {
      model: rounded(mLoo),
      baseline: rounded(bLoo),
      modelBeatsBaseline: beats(mLoo, bLoo),
      modelMinusBaseline: pairedBootstrap(modelLoo, baseLoo, items, seed++),
    },
    crossValidated: {
      model: rounded(mCv),
      baseline: rounded(bCv),
      modelBeatsBaseline: beats(mCv, bCv),
      modelMinusBaseline: pairedBootstrap(modelCv, baseCv, items, seed++),
    },
    crossValidatedWithOtherSets: {
      model: rounded(mMix),
      baseline: rounded(bMix),
      modelBeatsBaseline: beats(mMix, bMix),
      modelMinusBaseline: pairedBootstrap(modelMix, baseMix, items, seed++),
    },
    random: rounded(randomRouterMetrics(items)),
  };
}

const localShare = (scores: number[], t: number): number => scores.filter((s) => s <= t).length / scores.length;
/** The score below which a share q of the queries falls (the cut that keeps q local). */
const cutFor = (scores: number[], q: number): number => {
  const s = [...scores].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(q * s.length) - 1)]!;
};
let shippedInSample: number[] | null = null;
let calibrate: ((p: number) => number) | null = null;
try {
  if (!PER_SET) throw new Error('per-set figures not asked for');
  const m = defaultDifficultyModel();
  shippedInSample = sets.mt_bench.map((it) => scoreWithModel(m, it.prompt));
  // The out-of-fold models are uncalibrated; give them the shipped model's calibration.
  calibrate = (p) => sigmoid(m.calA * Math.log(p / (1 - p)) + m.calB);
} catch {
  // No trained model yet (run router:train first): the figures that need it are null.
}
const T = DEFAULT_DIFFICULTY_THRESHOLD;

/** What the default threshold does to a set: share kept local, and share of the weak→strong gap recovered. */
function atThreshold(scores: number[], items: RouterItem[]): { localShare: number; gapRecovered: number } {
  const { weak, strong } = endpoints(items);
  let q = 0;
  items.forEach((it, i) => (q += scores[i]! > T ? it.strongQuality : it.weakQuality));
  return { localShare: r4(localShare(scores, T)), gapRecovered: r4((q / items.length - weak) / (strong - weak)) };
}
const byThreshold = calibrate && PER_SET ? Object.fromEntries(BENCHMARKS.map((b) => [b, atThreshold(shippedRecipe[b].map(calibrate), sets[b])])) : null;
const mtOutOfFold = calibrate && PER_SET ? shippedRecipe.mt_bench.map(calibrate) : null;

const perSetReport = PER_SET
  ? {
      sets: perSet,
      defaultThreshold: {
        threshold: T,
        // Out-of-fold scores of the within-RouteLLM recipe (other RouteLLM sets + 4/5 of this one), with the shipped calibration.
        shippedRecipeOutOfFold: byThreshold,
        mtBench: {
          localShareLeaveMtBenchOut: r4(localShare(mtHeldOut, T)),
          localShareShippedModelInSample: shippedInSample ? r4(localShare(shippedInSample, T)) : null,
          thresholdKeeping75PercentLocal: {
            shippedRecipeOutOfFold: mtOutOfFold ? r4(cutFor(mtOutOfFold, 0.75)) : null,
            leaveMtBenchOut: r4(cutFor(mtHeldOut, 0.75)),
            shippedModelInSample: shippedInSample ? r4(cutFor(shippedInSample, 0.75)) : null,
          },
        },
      },
    }
  : {};

const report = {
  description:
    'Difficulty scorer vs prompt length vs hashed bag-of-words baseline vs random. Shares are 0..1 (RouteLLM prints CPT in %). ' +
    'leaveOneSourceOut: for each source, trained on the other sources (prompts whose question occurs in the left-out source dropped), tested on it; ' +
    'model: the shipped recipe (DEFAULT_TRAIN_OPTIONS, calibrated); candidate (--candidate): a variant recipe; ' +
    'length is oriented by the training data; modelMinusRandom / modelMinusLength / modelMinusBagOfWords: [AUC difference, 95% paired-bootstrap low, high]; ' +
    'MT-Bench cpt50ModelMinus*: the same for CPT(50%) (negative = fewer cloud calls). ' +
    'calibration: on the left-out source, ECE (10 bins), mean predicted vs observed need-cloud rate, and for target shares 0.4/0.6/0.8 the threshold ' +
    "the trained model's localShareCurve gives, the share it promises (expected) and the share of left-out prompts scoring at or under it (actual). " +
    'With --per-set, within RouteLLM: sets.*.leaveOneOut (trained on the other two RouteLLM sets), crossValidated (stratified 5-fold inside the set), ' +
    'crossValidatedWithOtherSets (the same folds joined by the other two RouteLLM sets); modelMinusBaseline: [difference, low, high] for APGR and AUC. ' +
    'With --in-source, inSourceCeiling: per source, AUC of out-of-fold scores from stratified 5-fold cross-validation inside that source: the shipped recipe (model), ' +
    "the same with free n-gram weights (freeNgrams, l2Hash 3), bag of words, prompt length, and the category oracle (each category's need-cloud rate in the training folds).",
  data: dataSummary(allSets),
  leaveOneSourceOut: {
    targets: LOSO_TARGETS,
    bootstrapResamples: LOSO_BOOTSTRAP,
    calibrationFolds: EVAL_CAL_FOLDS,
    ...(CANDIDATE ? { candidate: { l2Hash: CANDIDATE.l2Hash } } : {}),
    sources: loso,
  },
  ...(inSource ? { inSourceCeiling: inSource } : {}),
  routellmBestOnMtBench: { apgr: 0.802, cpt50: 0.134, cpt80: 0.313 },
  ...perSetReport,
  seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
