// Leave-one-source-out evaluation for router-eval: for each source, train on the other sources
// (minus every prompt whose question also occurs in the left-out source) and score the left-out
// one; the difficulty scorer next to a prompt-length baseline, a bag-of-words logistic regression
// trained on the same data, and random, with paired-bootstrap intervals of the AUC differences.
import { overlapKey, SOURCES, type Benchmark, type RouterItem, type Source } from '../router-data.js';
import { featureVector } from '../../src-main/router/features.js';
import { loadDifficultyModel, scoreFeatures } from '../../src-main/router/difficulty.js';
import { trainDifficultyModel, type TrainExample, type TrainOptions } from './difficulty-train.js';
import { rocAuc, routerMetrics } from './difficulty-metrics.js';
import { calibrationFigures } from './calibration-check.js';
import { mulberry32 } from '../../test/support/seeded-random.js';

/** Targets from issue 12: AUC at least this on every left-out source, and CPT(50%) on MT-Bench at most RouteLLM's best. */
export const LOSO_TARGETS = { auc: 0.6, mtBenchCpt50: 0.134 } as const;

const r4 = (x: number): number => (Number.isFinite(x) ? Number(x.toFixed(4)) : x);

/** Trains on `train` with `opts` and returns the model's probabilities for `test`. */
export function fitAndScore(train: readonly RouterItem[], test: readonly RouterItem[], opts: TrainOptions): number[] {
  return fitScoreAndCurve(train, test, opts).scores;
}

/** As fitAndScore, with the trained model's local-share curve (present when opts calibrate). */
export function fitScoreAndCurve(train: readonly RouterItem[], test: readonly RouterItem[], opts: TrainOptions): { scores: number[]; curve?: number[] } {
  const ex: TrainExample[] = train.map((it) => ({ features: featureVector(it.prompt, opts.hashing), label: it.needsCloud, group: it.benchmark }));
  const json = trainDifficultyModel(ex, opts);
  const model = loadDifficultyModel({ ...json, trainedAt: 'eval', training: {} });
  return { scores: test.map((it) => scoreFeatures(model, featureVector(it.prompt, opts.hashing))), ...(json.localShareCurve ? { curve: json.localShareCurve } : {}) };
}

/**
 * The prompt-length baseline: the length in characters, its direction (longer = harder, or the
 * reverse) taken from the training data's own AUC, so it too is trained on the same data.
 */
export function lengthScores(train: readonly RouterItem[], test: readonly RouterItem[]): { scores: number[]; sign: 1 | -1 } {
  const auc = rocAuc(
    train.map((x) => x.prompt.length),
    train.map((x) => x.needsCloud),
  );
  const sign = auc >= 0.5 ? 1 : -1;
  return { scores: test.map((x) => sign * x.prompt.length), sign };
}

/** Paired bootstrap of AUC(a) − AUC(b) over the same resampled items: [difference, 2.5%, 97.5%]. */
export function pairedAucBootstrap(a: readonly number[], b: readonly number[], labels: readonly boolean[], resamples: number, seed: number): [number, number, number] {
  return pairedBootstrap(a, b, labels, (s, l) => rocAuc(s, l), resamples, seed);
}

/** Paired bootstrap of stat(a) − stat(b) over the same resampled items: [difference, 2.5%, 97.5%]. */
export function pairedBootstrap<T>(
  a: readonly number[],
  b: readonly number[],
  items: readonly T[],
  stat: (scores: number[], items: T[]) => number,
  resamples: number,
  seed: number,
): [number, number, number] {
  const rand = mulberry32(seed);
  const n = items.length;
  const diffs: number[] = [];
  const sa = new Array<number>(n);
  const sb = new Array<number>(n);
  const si = new Array<T>(n);
  for (let r = 0; r < resamples; r++) {
    for (let k = 0; k < n; k++) {
      const i = Math.floor(rand() * n);
      sa[k] = a[i]!;
      sb[k] = b[i]!;
      si[k] = items[i]!;
    }
    const d = stat(sa, si) - stat(sb, si);
    if (Number.isFinite(d)) diffs.push(d);
  }
  diffs.sort((p, q) => p - q);
  const lo = diffs[Math.floor(0.025 * (diffs.length - 1))]!;
  const hi = diffs[Math.ceil(0.975 * (diffs.length - 1))]!;
  return [r4(stat([...a], [...items]) - stat([...b], [...items])), r4(lo), r4(hi)];
}

/** Scores of every router on one test set, in the same item order. */
interface Scores {
  model: number[];
  length: number[];
  bow: number[];
  /** A candidate recipe for the next shipped model, when one is evaluated. */
  candidate?: number[];
  /** The model's local-share curve (from its training sources), for the calibration check. */
  curve?: number[];
}

/** Figures of the routers (and random) on one test set. */
function figures(items: readonly RouterItem[], sc: Scores, graded: boolean, resamples: number, seed: number): Record<string, unknown> {
  const labels = items.map((x) => x.needsCloud);
  const auc = (s: number[]): number => r4(rocAuc(s, labels));
  const cand = sc.candidate;
  const out: Record<string, unknown> = {
    items: items.length,
    needsCloud: labels.filter(Boolean).length,
    auc: { model: auc(sc.model), ...(cand ? { candidate: auc(cand) } : {}), length: auc(sc.length), bagOfWords: auc(sc.bow), random: 0.5 },
    modelMinusRandom: pairedAucBootstrap(sc.model, new Array<number>(labels.length).fill(0.5), labels, resamples, seed + 4),
    modelMinusLength: pairedAucBootstrap(sc.model, sc.length, labels, resamples, seed),
    modelMinusBagOfWords: pairedAucBootstrap(sc.model, sc.bow, labels, resamples, seed + 1),
    ...(cand
      ? {
          candidateMinusLength: pairedAucBootstrap(cand, sc.length, labels, resamples, seed + 2),
          candidateMinusBagOfWords: pairedAucBootstrap(cand, sc.bow, labels, resamples, seed + 3),
        }
      : {}),
  };
  if (graded) {
    // CPT(50%) needs one quality scale: only where the set's quality is graded alike (MT-Bench's judge scores).
    const metric = (k: 'cpt50' | 'apgr', s: number[]): number => r4(routerMetrics(s, items)[k]);
    for (const k of ['cpt50', 'apgr'] as const) {
      out[k] = { model: metric(k, sc.model), ...(cand ? { candidate: metric(k, cand) } : {}), length: metric(k, sc.length), bagOfWords: metric(k, sc.bow), random: 0.5 };
    }
    // Lower CPT is better: these differences are negative where the model needs fewer cloud calls.
    const cptStat = (s: number[], it: RouterItem[]): number => routerMetrics(s, it).cpt50;
    out.cpt50ModelMinusLength = pairedBootstrap(sc.model, sc.length, items, cptStat, resamples, seed + 5);
    out.cpt50ModelMinusBagOfWords = pairedBootstrap(sc.model, sc.bow, items, cptStat, resamples, seed + 6);
  }
  out.calibration = calibrationFigures(sc.curve, sc.model, labels);
  return out;
}

/** Whether a source's figures meet the targets (AUC ≥ 0.60, both lower bounds above zero). */
function meets(f: Record<string, unknown>): { auc: boolean; beatsLength: boolean; beatsBagOfWords: boolean } {
  const auc = (f.auc as { model: number }).model;
  return {
    auc: auc >= LOSO_TARGETS.auc,
    beatsLength: (f.modelMinusLength as number[])[1]! > 0,
    beatsBagOfWords: (f.modelMinusBagOfWords as number[])[1]! > 0,
  };
}

/**
 * The leave-one-source-out table. For each source: the training items are every other source's,
 * minus those whose question (overlapKey) occurs in the left-out source (MMLU-Pro repeats MMLU
 * questions, ZeroEval repeats GSM8K). RouteLLM also gets a row per set (MMLU, GSM8K, MT-Bench);
 * MT-Bench adds CPT(50%) and APGR, its quality being graded judge scores.
 */
export function leaveOneSourceOut(
  sets: Record<Benchmark, RouterItem[]>,
  model: TrainOptions,
  baseline: TrainOptions,
  resamples: number,
  log: (msg: string) => void = () => {},
  candidate?: TrainOptions,
  only: readonly Source[] = SOURCES,
): Record<Source, unknown> {
  const all = Object.values(sets).flat();
  const out = {} as Record<Source, unknown>;
  for (const [k, source] of SOURCES.entries()) {
    // Each source has its own seeds, so one source run alone gives the same figures as in the full run.
    let seed = 1000 + 100 * k;
    if (!only.includes(source)) continue;
    const test = all.filter((x) => x.source === source);
    const keys = new Set(test.map((x) => overlapKey(x.prompt)));
    const train = all.filter((x) => x.source !== source && !keys.has(overlapKey(x.prompt)));
    const dropped = all.filter((x) => x.source !== source).length - train.length;
    log(`loso ${source}: train ${train.length} (${dropped} overlapping dropped), test ${test.length}`);
    const len = lengthScores(train, test);
    const ours = fitScoreAndCurve(train, test, model);
    const sc: Scores = {
      model: ours.scores,
      ...(ours.curve ? { curve: ours.curve } : {}),
      length: len.scores,
      bow: fitAndScore(train, test, baseline),
      ...(candidate ? { candidate: fitAndScore(train, test, candidate) } : {}),
    };
    const row: Record<string, unknown> = {
      trainItems: train.length,
      overlapDropped: dropped,
      lengthDirection: len.sign === 1 ? 'longer is harder' : 'shorter is harder',
      ...figures(test, sc, false, resamples, seed),
    };
    row.meetsTargets = meets(row);
    seed += 10;
    // Per set within a multi-set source (RouteLLM), from the same scores.
    const setNames = [...new Set(test.map((x) => x.benchmark))];
    if (setNames.length > 1) {
      const bySet: Record<string, unknown> = {};
      for (const s of setNames) {
        const idx = test.map((x, i) => (x.benchmark === s ? i : -1)).filter((i) => i >= 0);
        const pick = (xs: number[]): number[] => idx.map((i) => xs[i]!);
        const sub: Scores = {
          model: pick(sc.model),
          length: pick(sc.length),
          bow: pick(sc.bow),
          ...(sc.candidate ? { candidate: pick(sc.candidate) } : {}),
          ...(sc.curve ? { curve: sc.curve } : {}),
        };
        const f = figures(
          idx.map((i) => test[i]!),
          sub,
          s === 'mt_bench',
          resamples,
          seed,
        );
        f.meetsTargets = { ...meets(f), ...(s === 'mt_bench' ? { cpt50: (f.cpt50 as { model: number }).model <= LOSO_TARGETS.mtBenchCpt50 } : {}) };
        bySet[s] = f;
        seed += 10;
      }
      row.bySet = bySet;
    }
    out[source] = row;
  }
  return out;
}
