// The learned half of the strict privacy level: a logistic model over the difficulty scorer's own
// prompt features (so one decision extracts them once), trained by `npm run router:train-privacy`
// on the labelled privacy prompts and ordinary benchmark questions. The rules name what they found
// and where; this model catches personal details written in shapes no rule knows (a colleague's pay
// in a chat message, a relative's home described by landmarks). It only ever adds a reason to keep
// a message local, never clears one. It runs at the strict level only: on text unlike anything it
// was trained on (a pasted README, lorem ipsum, one word repeated) it can read "personal" with
// confidence, a false alarm the standard level should not raise (resources/router/README.md).
import fs from 'node:fs';
import { loadDifficultyModel, routerResourcePath, scoreFeatures, type DifficultyModel } from './difficulty.js';
import { promptFeatures } from './feature-memo.js';
import type { PrivacyFinding, PrivacyLevel } from './privacy.js';

/**
 * Score above which a message counts as personal at the strict level. Chosen on leave-one-set-out
 * scores of the training sets (resources/router/README.md): the strict level then adds no more than
 * 5% false alarms on the labelled near-misses.
 */
export const LEARNED_PRIVACY_THRESHOLD = 0.8;

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
    return { model: loadDifficultyModel(JSON.parse(fs.readFileSync(file, 'utf8'))) };
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

/** Probability (0..1) that `text` holds someone's personal data, by the shipped model; null without one. */
export function learnedPrivacyScore(text: string): number | null {
  const model = shippedModel();
  return model ? scoreFeatures(model, promptFeatures(text, model.hashing)) : null;
}

/** At the strict level, a finding covering the whole text when the learned model reads it as personal. */
export function learnedPrivacyFinding(text: string, level: PrivacyLevel): PrivacyFinding | null {
  if (level !== 'strict' || text.trim().length === 0) return null;
  const score = learnedPrivacyScore(text);
  if (score === null || score <= LEARNED_PRIVACY_THRESHOLD) return null;
  return { kind: 'personal', label: 'what reads like personal details about someone', start: 0, end: text.length };
}
