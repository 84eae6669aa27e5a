// Training of the learned privacy check (src-main/router/privacy-learned.ts), shared by
// router:train-privacy and router:privacy: a logistic regression over the difficulty scorer's own
// prompt features, on the labelled privacy prompts (sensitive vs near-miss) plus ordinary
// benchmark questions as "not personal", so that word problems about "Janet's ducks" and MMLU
// questions do not read as someone's private life.
import fs from 'node:fs';
import path from 'node:path';
import type { HashingSpec } from '../../src-main/router/features.js';
import { privacyFeatures } from '../../src-main/router/privacy-learned.js';
import { loadDifficultyModel, scoreFeatures, type DifficultyModel } from '../../src-main/router/difficulty.js';
import { mulberry32 } from '../../test/support/seeded-random.js';
import { repoRoot, type RouterItem } from '../router-data.js';
import { DEFAULT_TRAIN_OPTIONS, trainDifficultyModel, type TrainExample, type TrainOptions } from './difficulty-train.js';
import { structuredOrdinaryText } from './structured-ordinary.js';
import { LABELLED_PATH, loadLabelledPrompts, type LabelledPrompt } from './privacy-report.js';
import { HELD_OUT_SETS } from './privacy-sets.js';

/**
 * The check's own grams (hashed words, word pairs, Chinese characters and text shapes in 65,536
 * buckets: privacy-grams.ts), no dense features, every example weighted alike, one intercept, no
 * calibration: the score is the regression's own probability. L2 0.3, 1 and 3 scored alike leave one
 * set out (AUC within 0.01); 3 kept the fewest false alarms on the sixth set (stop 23).
 */
export const PRIVACY_TRAIN_OPTIONS: TrainOptions = {
  ...DEFAULT_TRAIN_OPTIONS,
  hashing: { buckets: 65_536, bigrams: false, charNgrams: 0, grams: 'privacy' },
  useDense: false,
  l2Hash: 3,
  densePriors: {},
  groupIntercepts: false,
  groupWeightPower: 0,
  calibrationFolds: 0,
};

/**
 * Prompts written in stop 24 only to train on (data/privacy/README.md): 699 everyday and work
 * requests, each personal one beside a near-miss of the same genre and layout, so that the check
 * learns what makes a text personal rather than which genres the test sets hold.
 */
export const TRAINING_1_PATH = path.join(repoRoot(), 'data', 'privacy', 'training-1.jsonl');
/**
 * A second (stop 24, another writer): half in Chinese, and long pastes (chats, e-mails, notes, logs,
 * config) each beside a twin that differs only in the one buried line, with public figures, fiction,
 * anonymised cases and templates as near-misses.
 */
export const TRAINING_2_PATH = path.join(repoRoot(), 'data', 'privacy', 'training-2.jsonl');
/** A third (stop 24): HR, dates of birth, homes and health said in as many ways as its writer could, with near-misses of the same kind. */
export const TRAINING_3_PATH = path.join(repoRoot(), 'data', 'privacy', 'training-3.jsonl');

/** Made by scripts/router/make-ordinary-text.ts. */
export const ORDINARY_TEXT_PATH = path.join(repoRoot(), 'data', 'privacy', 'ordinary-text.jsonl');

/** Ordinary questions drawn as "not personal" examples. */
export const ORDINARY_EXAMPLES = 3000;
const ORDINARY_SEED = 7;

/**
 * The labelled privacy sets the model learns from: the labelled set, every held-out set but the blind
 * ones, which measure it (privacy-sets.ts), and the training sets. (With the difficulty features of
 * stop 22, adding holdout-5 made the leave-one-set-out figures worse; with the check's own grams more
 * sets help.)
 */
export const PRIVACY_TRAINING_SETS: Readonly<Record<string, string>> = {
  labelled: LABELLED_PATH,
  ...Object.fromEntries(HELD_OUT_SETS.filter((s) => s.tier !== 'blind').map((s) => [s.name, s.file])),
  'training-1': TRAINING_1_PATH,
  'training-2': TRAINING_2_PATH,
  'training-3': TRAINING_3_PATH,
};

export interface NamedPrompt extends LabelledPrompt {
  set: string;
}

/** Every training set's prompts, tagged with their set. */
export function privacyTrainingPrompts(): NamedPrompt[] {
  return Object.entries(PRIVACY_TRAINING_SETS).flatMap(([set, file]) => loadLabelledPrompts(file).map((p) => ({ ...p, set })));
}

/** Pieces of Duet's own docs, code and Chinese interface strings, as pasted (data/privacy/ordinary-text.jsonl). */
export function ordinaryText(): string[] {
  return fs
    .readFileSync(ORDINARY_TEXT_PATH, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

/**
 * The "not personal" examples: a seeded sample of benchmark prompts (MMLU, GSM8K, ZeroEval; the
 * other sources are kept to measure false alarms on) and pieces of ordinary text.
 */
export function ordinaryPrompts(items: readonly RouterItem[], n = ORDINARY_EXAMPLES): string[] {
  const pool = items.filter((x) => x.benchmark === 'mmlu' || x.benchmark === 'gsm8k' || x.benchmark === 'zeroeval').map((x) => x.prompt);
  const rand = mulberry32(ORDINARY_SEED);
  return [...Array.from({ length: Math.min(n, pool.length) }, () => pool[Math.floor(rand() * pool.length)]!), ...ordinaryText(), ...structuredOrdinaryText()];
}

/** The training examples: labelled prompts (sensitive = positive) and ordinary prompts (negative). */
function examples(prompts: readonly LabelledPrompt[], ordinary: readonly string[], hashing: HashingSpec): TrainExample[] {
  return [
    ...prompts.map((p) => ({ features: privacyFeatures(p.text, hashing), label: p.sensitive, group: 'privacy' })),
    ...ordinary.map((text) => ({ features: privacyFeatures(text, hashing), label: false, group: 'ordinary' })),
  ];
}

/** Trains the model (the weights file's core fields). */
export function trainPrivacyModel(prompts: readonly LabelledPrompt[], ordinary: readonly string[]): ReturnType<typeof trainDifficultyModel> {
  return trainDifficultyModel(examples(prompts, ordinary, PRIVACY_TRAIN_OPTIONS.hashing), PRIVACY_TRAIN_OPTIONS);
}

/** A trained core, ready to score. */
export function asModel(core: ReturnType<typeof trainDifficultyModel>): DifficultyModel {
  return loadDifficultyModel({ ...core, trainedAt: 'eval', training: {} });
}

/** Leave-one-set-out scores: each training set scored by a model trained on the others (and the ordinary prompts). */
export function leaveOneSetOutScores(prompts: readonly NamedPrompt[], ordinary: readonly string[]): number[] {
  const scores = new Array<number>(prompts.length).fill(Number.NaN);
  for (const set of new Set(prompts.map((p) => p.set))) {
    const model = asModel(
      trainPrivacyModel(
        prompts.filter((p) => p.set !== set),
        ordinary,
      ),
    );
    prompts.forEach((p, i) => {
      if (p.set === set) scores[i] = scoreFeatures(model, privacyFeatures(p.text, PRIVACY_TRAIN_OPTIONS.hashing));
    });
  }
  return scores;
}
