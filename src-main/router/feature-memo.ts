// One decision reads the same prompt's features twice: the difficulty scorer and the learned
// privacy check use the same feature layout. Remembering the last prompt's features halves that
// cost (feature extraction is most of a decision's time) without holding on to old prompts.
import { featureVector, type HashingSpec, type PromptFeatures } from './features.js';

let last: { prompt: string; hashing: HashingSpec; features: PromptFeatures } | null = null;

const sameHashing = (a: HashingSpec, b: HashingSpec): boolean => a.buckets === b.buckets && a.bigrams === b.bigrams && (a.charNgrams ?? 0) === (b.charNgrams ?? 0);

/** featureVector(prompt, hashing), reused when the previous call asked for the same prompt and layout. */
export function promptFeatures(prompt: string, hashing: HashingSpec): PromptFeatures {
  if (last && last.prompt === prompt && sameHashing(last.hashing, hashing)) return last.features;
  const features = featureVector(prompt, hashing);
  last = { prompt, hashing, features };
  return features;
}
