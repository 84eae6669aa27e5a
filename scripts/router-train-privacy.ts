// npm run router:train-privacy — trains the learned privacy check on the labelled privacy prompts
// (test/fixtures/privacy: labelled and holdout 1-20, and data/privacy/training-1 to -3; the newest held-out sets
// are never trained on) and ordinary benchmark questions from data/router, and writes
// resources/router/privacy-model.json.
// Prints, as JSON, the leave-one-set-out figures of the model alone (each set scored by a model
// trained on the others) at the strict and the standard level's thresholds (privacy-learned.ts). Deterministic: the same data
// gives the same file (trainedAt as router:train keeps it).
import path from 'node:path';
import { loadAll, repoRoot, routerDataDir } from './router-data.js';
import { leaveOneSetOutScores, ordinaryPrompts, PRIVACY_TRAIN_OPTIONS, privacyTrainingPrompts, trainPrivacyModel } from './router/privacy-train.js';
import { privacyReport } from './router/privacy-report.js';
import { writeWeightsFile } from './router/weights-file.js';
import { LEARNED_PRIVACY_STANDARD_THRESHOLD, LEARNED_PRIVACY_THRESHOLD } from '../src-main/router/privacy-learned.js';

const started = performance.now();
const prompts = privacyTrainingPrompts();
const ordinary = ordinaryPrompts(Object.values(loadAll(routerDataDir())).flat());
const core = trainPrivacyModel(prompts, ordinary);

const training = {
  source:
    'test/fixtures/privacy (labelled, holdout, holdout-2 … holdout-20: written for Duet, see its README) and data/privacy/training-1.jsonl to training-3.jsonl and a seeded sample of MMLU, GSM8K and ZeroEval prompts from data/router and data/privacy/ordinary-text.jsonl as not personal',
  label: 'personal = the prompt is labelled sensitive; near-misses and the ordinary prompts are not',
  examples: { privacy: prompts.length, sensitive: prompts.filter((p) => p.sensitive).length, ordinary: ordinary.length },
  options: PRIVACY_TRAIN_OPTIONS,
  model: 'L2 logistic regression (L-BFGS) on hashed words, word pairs, Chinese characters and text-shape 3-5-grams (src-main/router/privacy-grams.ts), uncalibrated',
};

const outFile = path.join(repoRoot(), 'resources', 'router', 'privacy-model.json');

// The trained core's fields are in the schema's order, which the file's bytes depend on.
const { text, trainedAt } = writeWeightsFile(outFile, { ...core, training });

// How the model alone does on a set it was not trained on.
const scores = leaveOneSetOutScores(prompts, ordinary);
const leaveOneSetOut: Record<string, Record<string, { recall: number; falsePositiveRate: number }>> = {};
for (const set of [...new Set(prompts.map((p) => p.set)), 'all']) {
  const idx = prompts.map((p, i) => (set === 'all' || p.set === set ? i : -1)).filter((i) => i >= 0);
  const these = idx.map((i) => prompts[i]!);
  leaveOneSetOut[set] = Object.fromEntries(
    [LEARNED_PRIVACY_THRESHOLD, LEARNED_PRIVACY_STANDARD_THRESHOLD].map((t) => {
      const { recall, falsePositiveRate } = privacyReport(these, 'strict', (_, k) => scores[idx[k]!]! > t).overall;
      return [t, { recall, falsePositiveRate }];
    }),
  );
}
process.stdout.write(
  `${JSON.stringify({
    wrote: path.relative(repoRoot(), outFile),
    bytes: Buffer.byteLength(text),
    trainedAt,
    examples: training.examples,
    thresholds: { strict: LEARNED_PRIVACY_THRESHOLD, standard: LEARNED_PRIVACY_STANDARD_THRESHOLD },
    leaveOneSetOut,
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  })}\n`,
);
