// npm run router:train — trains the difficulty scorer on every set of the four sources in
// data/router (RouteLLM's MMLU, GSM8K and MT-Bench; ZeroEval; MMLU-Pro; LLMRouter) and writes resources/router/difficulty-model.json. Deterministic: the same data gives
// the same file (trainedAt is kept when nothing else changed; SOURCE_DATE_EPOCH pins it).
import path from 'node:path';
import { BENCHMARKS, dataFingerprint, dataSummary, JSONL_PAIRS, loadAll, repoRoot, routerDataDir, STRONG_MODEL, toExamples, WEAK_MODEL } from './router-data.js';
import { DEFAULT_TRAIN_OPTIONS, trainDifficultyModel } from './router/difficulty-train.js';
import { writeWeightsFile } from './router/weights-file.js';

const started = performance.now();
const dataDir = routerDataDir();
const sets = loadAll(dataDir);
const opts = DEFAULT_TRAIN_OPTIONS;
const examples = BENCHMARKS.flatMap((b) => toExamples(sets[b], opts.hashing));
const core = trainDifficultyModel(examples, opts);

const training = {
  source:
    'data/router (see its README): RouteLLM evals (lm-sys/RouteLLM@0b64fda, Apache-2.0), ZeroEval (WildEval/ZeroEval@8c1485e, Apache-2.0), MMLU-Pro (TIGER-AI-Lab/MMLU-Pro@f418b11, Apache-2.0/MIT), LLMRouter (ulab-uiuc/LLMRouter@4e7a796, MIT); contaminated prompts dropped',
  pairs: { routellm: { weak: WEAK_MODEL, strong: STRONG_MODEL }, ...JSONL_PAIRS },
  label:
    'needs cloud = strong model quality > weak model quality (MMLU/GSM8K/ZeroEval/MMLU-Pro: correctness; LLMRouter: its 0..1 score; MT-Bench: mean judge score over both turns, routed on turn 1)',
  data: dataSummary(sets),
  dataSha256: dataFingerprint(sets),
  options: opts,
  model:
    'L2 logistic regression (L-BFGS) on standardised dense features (incl. task type and what the prompt asks) + hashed word uni/bigrams and character n-grams, task-type cues and length unstandardised with fixed prior means (DENSE_PRIORS), per-set intercepts averaged at serve time, Platt-calibrated on 5-fold out-of-fold scores',
  localShareCurve:
    'share of prompts with calibrated score <= t for t = 0, 0.01, ..., 1 (the router keeps those local), from the same 5-fold out-of-fold scores; mean of the six sets with equal weight',
};

const outFile = path.join(repoRoot(), 'resources', 'router', 'difficulty-model.json');

// The trained core's fields are in the schema's order, which the file's bytes depend on.
const { text, trainedAt } = writeWeightsFile(outFile, { ...core, training });

const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${JSON.stringify({
    wrote: path.relative(repoRoot(), outFile),
    bytes: Buffer.byteLength(text),
    dataDir,
    trainedAt,
    examples: examples.length,
    calibration: core.calibration,
    localShareAt: core.localShareCurve ? Object.fromEntries([0.1, 0.2, 0.3, 0.5].map((t) => [t, core.localShareCurve![Math.round(t * 100)]])) : null,
    seconds: Number(seconds.toFixed(1)),
  })}\n`,
);
