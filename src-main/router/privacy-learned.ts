// The learned half of the privacy gate: a logistic model over hashed words and text shapes
// (privacy-grams.ts), trained by `npm run router:train-privacy` on the labelled privacy prompts and
// ordinary benchmark questions. The rules name what they found
// and where; this model catches personal details written in shapes no rule knows (a colleague's pay
// in a chat message, a relative's home described by landmarks). It only ever adds a reason to keep
// a message local, never clears one, and runs only where no rule fired. The strict level trusts it
// from 0.8, the standard level only from 0.9: there it must not keep ordinary text local (a pasted
// README, a table of figures), and at 0.9 it flags 1 of 1,452 pasted README excerpts and 13 of
// 36,000 benchmark questions (resources/router/README.md).
import fs from 'node:fs';
import {
  DENSE_FEATURE_NAMES,
  linearScore,
  loadDifficultyModel,
  routerResourcePath,
  scoreLinear,
  type DifficultyModel,
  type HashingSpec,
  type PromptFeatures,
} from './difficulty.js';
import { gramBuckets, privacyGrams } from './privacy-grams.js';
import type { PrivacyFinding, PrivacyLevel } from './privacy.js';

/**
 * Score above which a message counts as personal at the strict level. Chosen on leave-one-set-out
 * scores of the training sets (resources/router/README.md): the strict level then adds no more than
 * 5% false alarms on the labelled near-misses.
 */
export const LEARNED_PRIVACY_THRESHOLD = 0.8;
/**
 * The same at the standard level. Chosen in stop 24 on leave-one-set-out scores of holdouts 1-7, before
 * the eighth blind set was read: with the rules, 0.9 kept 0.914 of holdout-7's personal prompts local
 * against 0.890 at 0.95, with the same 5.5% of its near-misses, and 0.985 / 2.2% over all seven sets
 * against 0.981 / 1.7% (resources/router/README.md).
 */
export const LEARNED_PRIVACY_STANDARD_THRESHOLD = 0.9;

/** What a learned finding says it found. */
export const LEARNED_FINDING_LABEL = 'what reads like personal details about someone';

/** Where the shipped weights live. */
export function privacyModelPath(): string {
  return routerResourcePath('privacy-model.json');
}

/**
 * Reads a learned privacy model; when it is missing or damaged, null and why, in words that say the
 * rules still apply (privacy must not fail closed into "everything is personal", nor open silently).
 */
export function loadPrivacyModel(file: string): { model: DifficultyModel } | { model: null; problem: string } {
  try {
    const model = loadDifficultyModel(JSON.parse(fs.readFileSync(file, 'utf8')));
    // Files from before stop 23 read the difficulty features; this check now reads only its own grams.
    if (model.hashing.grams !== 'privacy') throw new Error('a model of an older layout (not trained on privacy grams)');
    return { model };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      model: null,
      problem: `Duet router: the learned privacy check is off (${file}: ${why}); the privacy rules still apply. Run \`npm run router:train-privacy\` to recreate it.`,
    };
  }
}

let cached: DifficultyModel | null | undefined;

/** The shipped model, read once; null (rules only, said once on stderr) when it is missing or damaged. */
function shippedModel(): DifficultyModel | null {
  if (cached !== undefined) return cached;
  const loaded = loadPrivacyModel(privacyModelPath());
  cached = loaded.model;
  if (loaded.model === null) console.error(loaded.problem);
  return cached;
}

/** What a privacy model reads in `text`, as features (for training; scoring reads the buckets directly). */
export function privacyFeatures(text: string, hashing: HashingSpec): PromptFeatures {
  return privacyGrams(text, hashing.buckets, DENSE_FEATURE_NAMES.length);
}

/** Probability (0..1) that `text` holds someone's personal data, by the shipped model; null without one. */
export function learnedPrivacyScore(text: string): number | null {
  const model = shippedModel();
  if (!model) return null;
  return scoreGrams(model, text);
}

/**
 * scoreFeatures(model, privacyGrams(text)) without building the features (a decision allocates
 * nothing for it): the dense inputs are all zero, so their part of the sum is the same for every text
 * (once per model; zero for a model trained without dense features), and each gram adds its bucket's
 * weight in the same order.
 */
function scoreGrams(model: DifficultyModel, text: string): number {
  let z = model.bias + zeroDenseTerm(model);
  const { hash } = model;
  for (const b of gramBuckets(text, model.hashing.buckets)) z += hash[b]!;
  return scoreLinear(model, z);
}

const zeroDense = new WeakMap<DifficultyModel, number>();

/** The dense part of the linear score when every dense input is zero. */
function zeroDenseTerm(model: DifficultyModel): number {
  let term = zeroDense.get(model);
  if (term === undefined) {
    const probe = { dense: new Float64Array(model.dense.length), hashIdx: new Int32Array(0), hashVal: new Float64Array(0) };
    term = linearScore(model, probe) - model.bias;
    zeroDense.set(model, term);
  }
  return term;
}

/**
 * A finding covering the whole text when the learned model reads it as personal, above the strict or
 * the standard level's threshold. It names no words: the score comes from thousands of small weights
 * (word pairs and text shapes), and the few words that weigh most read as arbitrary ("came", "back").
 */
export function learnedPrivacyFinding(text: string, level: PrivacyLevel): PrivacyFinding | null {
  if (text.trim().length === 0) return null;
  const score = learnedPrivacyScore(text);
  if (score === null || score <= (level === 'strict' ? LEARNED_PRIVACY_THRESHOLD : LEARNED_PRIVACY_STANDARD_THRESHOLD)) return null;
  return { kind: 'personal', label: LEARNED_FINDING_LABEL, start: 0, end: text.length };
}

/** Whether a finding is the learned check's guess, not a rule's. */
export function isLearnedFinding(finding: PrivacyFinding): boolean {
  return finding.label === LEARNED_FINDING_LABEL;
}
